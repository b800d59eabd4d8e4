import { date, integer, jsonb, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import type { WarningSnapshot } from '../../core/assessment/index.ts';
import { indicator } from './catalog.ts';
import { appUser, orgUnit } from './organisation.ts';

export const supervisionNotice = pgTable('supervision_notice', {
  id: serial('id').primaryKey(),
  indicatorId: integer('indicator_id')
    .notNull()
    .references(() => indicator.id),
  unitId: integer('unit_id')
    .notNull()
    .references(() => orgUnit.id),
  warning: jsonb('warning').$type<WarningSnapshot>().notNull(),
  requirement: text('requirement').notNull(),
  deadline: date('deadline').notNull(),
  status: text('status').$type<'issued' | 'answered' | 'closed'>().notNull().default('issued'),
  createdBy: integer('created_by').references(() => appUser.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  version: integer('version').notNull().default(1),
});

export const supervisionStep = pgTable('supervision_step', {
  id: serial('id').primaryKey(),
  noticeId: integer('notice_id')
    .notNull()
    .references(() => supervisionNotice.id),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  userId: integer('user_id').references(() => appUser.id),
  username: text('username'),
  kind: text('kind').$type<'issue' | 'answer' | 'close' | 'ask_again'>().notNull(),
  content: jsonb('content').$type<Record<string, string>>().notNull(),
});
