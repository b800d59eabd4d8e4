import { boolean, customType, integer, jsonb, pgTable, serial, text, timestamp, unique } from 'drizzle-orm/pg-core';
import type { ReportKind, StoredSection } from '../../core/reports.ts';
import { planFolder } from './catalog.ts';
import { appUser } from './organisation.ts';

// Generated reports (src/reports/generate.ts): drafts with the editable texts, and every generated file version.

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

export const reportDraft = pgTable(
  'report_draft',
  {
    id: serial('id').primaryKey(),
    /** The cycle the report belongs to (migration 0017). */
    folderId: text('folder_id')
      .notNull()
      .references(() => planFolder.id),
    kind: text('kind').$type<ReportKind>().notNull(),
    year: integer('year').notNull(),
    scope: text('scope').notNull(),
    sections: jsonb('sections').$type<StoredSection[]>().notNull(),
    version: integer('version').notNull().default(1),
    createdBy: integer('created_by').references(() => appUser.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: integer('updated_by').references(() => appUser.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique().on(t.folderId, t.kind, t.year, t.scope)],
);

export const reportFile = pgTable(
  'report_file',
  {
    id: serial('id').primaryKey(),
    draftId: integer('draft_id')
      .notNull()
      .references(() => reportDraft.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    format: text('format').$type<'docx' | 'xlsx'>().notNull(),
    fileName: text('file_name').notNull(),
    bytes: bytea('bytes').notNull(),
    sha256: text('sha256').notNull(),
    size: integer('size').notNull(),
    sections: jsonb('sections').$type<StoredSection[]>().notNull(),
    basis: text('basis').$type<'approved' | 'preliminary'>().notNull(),
    demo: boolean('demo').notNull().default(false),
    createdBy: integer('created_by').references(() => appUser.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique().on(t.draftId, t.version)],
);
