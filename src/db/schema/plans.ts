import { integer, jsonb, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import type { CandidateDecision, CurationSettings } from '../../core/catalog/curate.ts';
import type { PlanDraft } from '../../core/catalog/draft.ts';
import { appUser } from './organisation.ts';

/**
 * 规划管理: a plan draft from an uploaded plan document (migration 0018). `draft` is the drafter's output and never
 * changes; `settings` and `decisions` (by candidate index) are what the office entered.
 */
export const planDraft = pgTable('plan_draft', {
  id: serial('id').primaryKey(),
  fileName: text('file_name').notNull(),
  draft: jsonb('draft').$type<PlanDraft>().notNull(),
  settings: jsonb('settings').$type<CurationSettings>().notNull(),
  settingsRevision: integer('settings_revision').notNull().default(0),
  decisions: jsonb('decisions').$type<Record<string, CandidateDecision>>().notNull().default({}),
  createdBy: integer('created_by').references(() => appUser.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: integer('updated_by').references(() => appUser.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  publishedFolderId: text('published_folder_id'),
  publishedAt: timestamp('published_at', { withTimezone: true }),
  publishedBy: integer('published_by').references(() => appUser.id),
});
