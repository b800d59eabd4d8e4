import { customType, date, integer, jsonb, pgTable, primaryKey, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { appUser, area, orgUnit } from './organisation.ts';

// 督导检查 (inspections, their targets, findings and attachments), 议事协调 meetings, and the work tasks both give
// units: 整改 items from findings and decisions from meetings, each with its steps (migration 0011).

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

export type LinkKind = 'goal' | 'measure' | 'indicator' | 'warning' | 'supervision';
export interface StoredLink {
  kind: LinkKind;
  id: number;
}
export interface AgendaItem {
  title: string;
  links: StoredLink[];
}
export type FindingRating = 'good' | 'fair' | 'average' | 'poor';
export type MeetingKind = 'work_conference' | 'plenary' | 'liaison' | 'other';
export type TaskKind = 'rectification' | 'decision';
export type TaskStatus = 'issued' | 'answered' | 'closed';
export type TaskStepKind = 'issue' | 'answer' | 'close' | 'ask_again';

export const inspection = pgTable('inspection', {
  id: serial('id').primaryKey(),
  title: text('title').notNull(),
  year: integer('year').notNull(),
  startDate: date('start_date').notNull(),
  endDate: date('end_date').notNull(),
  inspectors: text('inspectors').notNull(),
  focus: text('focus').notNull().default(''),
  links: jsonb('links').$type<StoredLink[]>().notNull().default([]),
  createdBy: integer('created_by').references(() => appUser.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  version: integer('version').notNull().default(1),
});

export const inspectionTarget = pgTable('inspection_target', {
  id: serial('id').primaryKey(),
  inspectionId: integer('inspection_id')
    .notNull()
    .references(() => inspection.id, { onDelete: 'cascade' }),
  unitId: integer('unit_id').references(() => orgUnit.id),
  areaId: integer('area_id').references(() => area.id),
});

export const inspectionFinding = pgTable('inspection_finding', {
  id: serial('id').primaryKey(),
  inspectionId: integer('inspection_id')
    .notNull()
    .references(() => inspection.id, { onDelete: 'cascade' }),
  targetId: integer('target_id')
    .notNull()
    .references(() => inspectionTarget.id, { onDelete: 'cascade' }),
  text: text('text').notNull(),
  rating: text('rating').$type<FindingRating>(),
  createdBy: integer('created_by').references(() => appUser.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const inspectionAttachment = pgTable('inspection_attachment', {
  id: serial('id').primaryKey(),
  findingId: integer('finding_id')
    .notNull()
    .references(() => inspectionFinding.id, { onDelete: 'cascade' }),
  fileName: text('file_name').notNull(),
  mimeType: text('mime_type').notNull(),
  size: integer('size').notNull(),
  sha256: text('sha256').notNull(),
  bytes: bytea('bytes').notNull(),
  uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  uploadedBy: integer('uploaded_by').references(() => appUser.id),
});

export const meeting = pgTable('meeting', {
  id: serial('id').primaryKey(),
  kind: text('kind').$type<MeetingKind>().notNull(),
  title: text('title').notNull(),
  heldOn: date('held_on').notNull(),
  place: text('place').notNull().default(''),
  host: text('host').notNull().default(''),
  attendeePeople: text('attendee_people').notNull().default(''),
  agenda: jsonb('agenda').$type<AgendaItem[]>().notNull().default([]),
  minutes: text('minutes').notNull().default(''),
  createdBy: integer('created_by').references(() => appUser.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  version: integer('version').notNull().default(1),
});

export const meetingUnit = pgTable(
  'meeting_unit',
  {
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meeting.id, { onDelete: 'cascade' }),
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnit.id),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.unitId] })],
);

export const workTask = pgTable('work_task', {
  id: serial('id').primaryKey(),
  kind: text('kind').$type<TaskKind>().notNull(),
  inspectionId: integer('inspection_id').references(() => inspection.id, { onDelete: 'cascade' }),
  findingId: integer('finding_id').references(() => inspectionFinding.id, { onDelete: 'cascade' }),
  meetingId: integer('meeting_id').references(() => meeting.id, { onDelete: 'cascade' }),
  unitId: integer('unit_id')
    .notNull()
    .references(() => orgUnit.id),
  content: text('content').notNull(),
  deadline: date('deadline').notNull(),
  status: text('status').$type<TaskStatus>().notNull().default('issued'),
  createdBy: integer('created_by').references(() => appUser.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  version: integer('version').notNull().default(1),
});

export const workTaskStep = pgTable('work_task_step', {
  id: serial('id').primaryKey(),
  taskId: integer('task_id')
    .notNull()
    .references(() => workTask.id, { onDelete: 'cascade' }),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  userId: integer('user_id').references(() => appUser.id),
  username: text('username'),
  kind: text('kind').$type<TaskStepKind>().notNull(),
  content: jsonb('content').$type<Record<string, string>>().notNull(),
});
