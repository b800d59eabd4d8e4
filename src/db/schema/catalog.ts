import {
  type AnyPgColumn,
  date,
  doublePrecision,
  integer,
  jsonb,
  pgTable,
  serial,
  text,
  timestamp,
  unique,
} from 'drizzle-orm/pg-core';
import type { Counts, Disaggregation, PlanSection } from '../../core/catalog/types.ts';
import type { Better, TargetRule } from '../../core/rules.ts';

/** A plan folder published into the system: one cycle (规划周期) of the plans, kept whole beside the others. */
export const planFolder = pgTable('plan_folder', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  region: text('region').notNull(),
  cycleStart: integer('cycle_start').notNull(),
  cycleEnd: integer('cycle_end').notNull(),
  baseYear: integer('base_year').notNull(),
  /** The cycle this one follows (migration 0019). */
  predecessor: text('predecessor').references((): AnyPgColumn => planFolder.id),
  publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const plan = pgTable('plan', {
  id: text('id').primaryKey(),
  folderId: text('folder_id')
    .notNull()
    .references(() => planFolder.id),
  title: text('title').notNull(),
  shortTitle: text('short_title').notNull(),
  issuer: text('issuer').notNull(),
  issuedOn: date('issued_on').notNull(),
  cycleStart: integer('cycle_start').notNull(),
  cycleEnd: integer('cycle_end').notNull(),
  baseYear: integer('base_year').notNull(),
  sections: jsonb('sections').$type<PlanSection[]>().notNull(),
  position: integer('position').notNull(),
  importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
});

export const domain = pgTable(
  'domain',
  {
    id: serial('id').primaryKey(),
    planId: text('plan_id')
      .notNull()
      .references(() => plan.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    position: integer('position').notNull(),
  },
  (t) => [unique().on(t.planId, t.code)],
);

export const goal = pgTable(
  'goal',
  {
    id: serial('id').primaryKey(),
    domainId: integer('domain_id')
      .notNull()
      .references(() => domain.id),
    number: integer('number').notNull(),
    text: text('text').notNull(),
  },
  (t) => [unique().on(t.domainId, t.number)],
);

export const measure = pgTable(
  'measure',
  {
    id: serial('id').primaryKey(),
    domainId: integer('domain_id')
      .notNull()
      .references(() => domain.id),
    number: integer('number').notNull(),
    title: text('title').notNull(),
    text: text('text').notNull(),
  },
  (t) => [unique().on(t.domainId, t.number)],
);

export const indicator = pgTable(
  'indicator',
  {
    id: serial('id').primaryKey(),
    planId: text('plan_id')
      .notNull()
      .references(() => plan.id),
    domainId: integer('domain_id')
      .notNull()
      .references(() => domain.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    unit: text('unit').notNull(),
    better: text('better').$type<Better>().notNull(),
    rule: jsonb('rule').$type<TargetRule>().notNull(),
    sourceKind: text('source_kind').$type<'goal' | 'measure'>().notNull(),
    sourceNumber: integer('source_number').notNull(),
    quote: text('quote').notNull(),
    disaggregations: jsonb('disaggregations').$type<Disaggregation[]>().notNull(),
    precision: integer('precision').notNull(),
    limits: jsonb('limits').$type<[number | null, number | null]>().notNull(),
    floor: doublePrecision('floor').notNull(),
    counts: jsonb('counts').$type<Counts>(),
    note: text('note'),
    /** The code of the indicator whose series this one shares (plan file `sameAs`); null = its own series. */
    sameAs: text('same_as'),
    /** The previous cycle's indicator whose series this one continues (plan file `predecessor`, migration 0019). */
    predecessorId: integer('predecessor_id').references((): AnyPgColumn => indicator.id),
    position: integer('position').notNull(),
    retiredAt: timestamp('retired_at', { withTimezone: true }),
  },
  (t) => [unique().on(t.planId, t.code)],
);
