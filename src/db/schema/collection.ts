import {
  bigserial,
  boolean,
  date,
  doublePrecision,
  integer,
  jsonb,
  pgTable,
  serial,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import type { Sex } from '../../core/collection/entry.ts';
import type { SubmissionStatus } from '../../core/collection/workflow.ts';
import { indicator } from './catalog.ts';
import { appUser, area, orgUnit } from './organisation.ts';

export const reportingRound = pgTable('reporting_round', {
  id: serial('id').primaryKey(),
  folderId: text('folder_id').notNull(),
  kind: text('kind').$type<'annual' | 'final'>().notNull(),
  year: integer('year').notNull(),
  title: text('title').notNull(),
  deadline: date('deadline').notNull(),
  status: text('status').$type<'open' | 'closed'>().notNull().default('open'),
  openedBy: integer('opened_by').references(() => appUser.id),
  openedAt: timestamp('opened_at', { withTimezone: true }).notNull().defaultNow(),
  closedAt: timestamp('closed_at', { withTimezone: true }),
});

export const submission = pgTable('submission', {
  id: serial('id').primaryKey(),
  roundId: integer('round_id')
    .notNull()
    .references(() => reportingRound.id),
  unitId: integer('unit_id').references(() => orgUnit.id),
  areaId: integer('area_id').references(() => area.id),
  status: text('status').$type<SubmissionStatus>().notNull().default('not_started'),
  reason: text('reason'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: integer('updated_by').references(() => appUser.id),
});

export const submissionEvent = pgTable('submission_event', {
  id: serial('id').primaryKey(),
  submissionId: integer('submission_id')
    .notNull()
    .references(() => submission.id),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  userId: integer('user_id').references(() => appUser.id),
  action: text('action').notNull(),
  fromStatus: text('from_status').$type<SubmissionStatus>().notNull(),
  toStatus: text('to_status').$type<SubmissionStatus>().notNull(),
  reason: text('reason'),
});

export const dataValue = pgTable('data_value', {
  id: serial('id').primaryKey(),
  indicatorId: integer('indicator_id')
    .notNull()
    .references(() => indicator.id),
  year: integer('year').notNull(),
  areaId: integer('area_id').references(() => area.id),
  sex: text('sex').$type<Sex>().notNull().default('total'),
  value: doublePrecision('value'),
  numerator: doublePrecision('numerator'),
  denominator: doublePrecision('denominator'),
  reference: doublePrecision('reference'),
  source: text('source'),
  caliberNote: text('caliber_note'),
  comment: text('comment'),
  explanation: text('explanation'),
  returnReason: text('return_reason'),
  locked: boolean('locked').notNull().default(false),
  unitId: integer('unit_id').references(() => orgUnit.id),
  roundId: integer('round_id').references(() => reportingRound.id),
  isDemo: boolean('is_demo').notNull().default(false),
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: integer('updated_by').references(() => appUser.id),
});

export const dataValueHistory = pgTable('data_value_history', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  valueId: integer('value_id')
    .notNull()
    .references(() => dataValue.id),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  userId: integer('user_id').references(() => appUser.id),
  username: text('username'),
  action: text('action').notNull(),
  old: jsonb('old').$type<Record<string, unknown>>(),
  new: jsonb('new').$type<Record<string, unknown>>(),
  reason: text('reason'),
});
