// Shape of the plan files (zod v4). Objects are strict so that a misspelt field is reported, not ignored.
// Checks that need more than one field (quotes in their source, unique codes …) live in validate.ts.

import { z } from 'zod';
import type { TargetRule } from '../rules.ts';
import type { Indicator, Plan, PlanFolder } from './types.ts';

const text = z.string().trim().min(1);
const year = z.int().min(1949).max(2100);
const positiveInt = z.int().positive();

export const comparatorSchema = z.enum(['>=', '>', '<=', '<']);
export const betterSchema = z.enum(['higher', 'lower']);

export const targetRuleSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('threshold'), comparator: comparatorSchema, value: z.number() }),
  z.strictObject({
    kind: z.literal('relative_to_base'),
    percent: z.number().positive(),
    baseYear: year.optional(),
  }),
  z.strictObject({ kind: z.literal('annual_step'), step: z.number().positive() }),
  z.strictObject({ kind: z.literal('maintain'), comparator: comparatorSchema, value: z.number() }),
  z.strictObject({ kind: z.literal('relational'), comparator: comparatorSchema, reference: text }),
  z.strictObject({
    kind: z.literal('count_per_body'),
    value: z.number().positive(),
    body: text,
    countUnit: text.optional(),
  }),
  z.strictObject({ kind: z.literal('direction_only'), wording: text }),
]);

export const indicatorCodePattern = /^[A-Z]+\d+-\d{2,}$/;

export const indicatorSchema = z.strictObject({
  code: z.string().regex(indicatorCodePattern),
  name: text,
  unit: text,
  better: betterSchema,
  rule: targetRuleSchema,
  source: z.strictObject({ kind: z.enum(['goal', 'measure']), number: positiveInt }),
  quote: text,
  disaggregations: z.array(z.enum(['sex', 'area'])),
  precision: z.int().min(0).max(6),
  limits: z.tuple([z.number().nullable(), z.number().nullable()]),
  floor: z.number().positive(),
  counts: z.strictObject({ numerator: text, denominator: text, factor: z.number().positive() }).optional(),
  note: text.optional(),
  sameAs: z.string().regex(indicatorCodePattern).optional(),
  predecessor: z.string().regex(indicatorCodePattern).optional(),
});

export const domainSchema = z.strictObject({
  code: z.string().regex(/^[A-Z]+\d+$/),
  name: text,
  goals: z.array(z.strictObject({ number: positiveInt, text })),
  measures: z.array(z.strictObject({ number: positiveInt, title: text, text })),
  indicators: z.array(indicatorSchema).default([]),
});

export const planSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  title: text,
  // Excel refuses sheet names over 31 characters or with []:*?/\ in them.
  shortTitle: text.max(31).regex(/^[^[\]:*?/\\]+$/),
  issuer: text,
  issuedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  cycle: z.strictObject({ start: year, end: year }),
  baseYear: year,
  sections: z.array(z.strictObject({ title: text, text })),
  domains: z.array(domainSchema).min(1),
});

export const folderSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  name: text,
  region: text,
  cycle: z.strictObject({ start: year, end: year, baseYear: year }),
  plans: z.array(z.string().regex(/^[^/\\]+\.ya?ml$/)).min(1),
  finalEvaluation: z.strictObject({ progress: z.number().gt(0).max(1), gap: z.number().min(0).max(0.5) }).optional(),
  predecessor: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
    .optional(),
});

// Compile-time proof that the schemas produce the hand-written types (types.ts stays the readable reference).
type Assert<T extends true> = T;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export type _RuleMatches = Assert<Same<z.output<typeof targetRuleSchema>, TargetRule>>;
export type _IndicatorMatches = Assert<Same<z.output<typeof indicatorSchema>, Indicator>>;
export type _PlanMatches = Assert<Same<z.output<typeof planSchema>, Plan>>;
export type _FolderMatches = Assert<Same<z.output<typeof folderSchema>, PlanFolder>>;
