import {
  bigserial,
  customType,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import type { DocumentKind, DocumentSections, DocumentStatus } from '../../core/documents.ts';
import { reportingRound } from './collection.ts';
import { appUser, area, orgUnit } from './organisation.ts';

// Unit documents (实施方案, 年度工作报告, 评估报告) with attachments and history, and in-app notices.

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

export const unitDocument = pgTable('unit_document', {
  id: serial('id').primaryKey(),
  folderId: text('folder_id').notNull(),
  unitId: integer('unit_id')
    .notNull()
    .references(() => orgUnit.id),
  kind: text('kind').$type<DocumentKind>().notNull(),
  year: integer('year'),
  roundId: integer('round_id').references(() => reportingRound.id),
  status: text('status').$type<DocumentStatus>().notNull().default('draft'),
  sections: jsonb('sections').$type<DocumentSections>().notNull(),
  submittedAt: timestamp('submitted_at', { withTimezone: true }),
  submittedBy: integer('submitted_by').references(() => appUser.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: integer('updated_by').references(() => appUser.id),
  version: integer('version').notNull().default(1),
  /** Why the office sent it back; cleared when the unit submits again. */
  returnComment: text('return_comment'),
});

export const documentAttachment = pgTable('document_attachment', {
  id: serial('id').primaryKey(),
  documentId: integer('document_id')
    .notNull()
    .references(() => unitDocument.id, { onDelete: 'cascade' }),
  fileName: text('file_name').notNull(),
  mimeType: text('mime_type').notNull(),
  size: integer('size').notNull(),
  sha256: text('sha256').notNull(),
  bytes: bytea('bytes').notNull(),
  uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  uploadedBy: integer('uploaded_by').references(() => appUser.id),
});

export const unitDocumentHistory = pgTable('unit_document_history', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  documentId: integer('document_id')
    .notNull()
    .references(() => unitDocument.id, { onDelete: 'cascade' }),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  userId: integer('user_id').references(() => appUser.id),
  username: text('username'),
  action: text('action').notNull(),
  oldSections: jsonb('old_sections'),
  newSections: jsonb('new_sections'),
  oldStatus: text('old_status'),
  newStatus: text('new_status'),
  comment: text('comment'),
});

export const notice = pgTable('notice', {
  id: serial('id').primaryKey(),
  userId: integer('user_id').references(() => appUser.id, { onDelete: 'cascade' }),
  unitId: integer('unit_id').references(() => orgUnit.id),
  areaId: integer('area_id').references(() => area.id),
  kind: text('kind').notNull(),
  title: text('title').notNull(),
  body: text('body').notNull(),
  link: text('link'),
  dedupeKey: text('dedupe_key').unique(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  readAt: timestamp('read_at', { withTimezone: true }),
});

export const noticeRead = pgTable(
  'notice_read',
  {
    noticeId: integer('notice_id')
      .notNull()
      .references(() => notice.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => appUser.id, { onDelete: 'cascade' }),
    readAt: timestamp('read_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.noticeId, t.userId] })],
);
