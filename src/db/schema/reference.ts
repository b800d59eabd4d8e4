import { doublePrecision, integer, pgTable, serial, text, timestamp, unique } from 'drizzle-orm/pg-core';
import type { ReferenceScope } from '../../core/reference.ts';
import { appUser } from './organisation.ts';

/**
 * 对比数据: a 天津市 or 全国 value of a statistic in a year, with its source. `indicatorCode` is the code of the
 * indicator that holds the series (a `sameAs` indicator reads its owner's), unique within `folderId`.
 */
export const referenceValue = pgTable(
  'reference_value',
  {
    id: serial('id').primaryKey(),
    folderId: text('folder_id').notNull(),
    indicatorCode: text('indicator_code').notNull(),
    scope: text('scope').$type<ReferenceScope>().notNull(),
    year: integer('year').notNull(),
    value: doublePrecision('value').notNull(),
    source: text('source').notNull(),
    updatedBy: integer('updated_by').references(() => appUser.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique().on(t.folderId, t.indicatorCode, t.scope, t.year)],
);
