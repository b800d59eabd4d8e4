import { jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** System settings the office edits in the UI (webhook address, report header fields …), one row per key. */
export const appSetting = pgTable('app_setting', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
