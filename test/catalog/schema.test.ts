// The plan files' shapes (src/core/catalog/schema.ts) field by field: every rule kind and comparator, the formats of
// codes, ids, dates, short titles (an Excel sheet name) and plan file names, and a domain's lists.
import { describe, expect, it } from 'vitest';
import { folderSchema, indicatorSchema, planSchema, targetRuleSchema } from '../../src/core/catalog/index.ts';

const ok = (schema: { safeParse: (v: unknown) => { success: boolean } }, value: unknown) =>
  schema.safeParse(value).success;

const INDICATOR = {
  code: 'W1-01',
  name: '孕产妇死亡率',
  unit: '/10万',
  better: 'lower',
  rule: { kind: 'threshold', comparator: '<=', value: 8.5 },
  source: { kind: 'goal', number: 1 },
  quote: '孕产妇死亡率控制在8.5/10万以下',
  disaggregations: [],
  precision: 1,
  limits: [0, null],
  floor: 1,
};
const PLAN = {
  id: 'demo-women-2026-2030',
  title: '示范区妇女发展规划',
  shortTitle: '妇女发展规划',
  issuer: '示范区人民政府',
  issuedOn: '2026-06-30',
  cycle: { start: 2026, end: 2030 },
  baseYear: 2025,
  sections: [{ title: '序言', text: '序言。' }],
  domains: [
    {
      code: 'W1',
      name: '妇女与健康',
      goals: [{ number: 1, text: '目标。' }],
      measures: [{ number: 1, title: '措施', text: '措施。' }],
      indicators: [INDICATOR],
    },
  ],
};
const FOLDER = {
  id: 'demo-2026-2030',
  name: '示范区规划',
  region: '示范区',
  cycle: { start: 2026, end: 2030, baseYear: 2025 },
  plans: ['women.yaml', 'children.yml'],
};

describe('the plan files’ shapes', () => {
  it('take every rule kind and comparator, and refuse a field of another kind', () => {
    const rules = [
      ...['>=', '>', '<=', '<'].map((comparator) => ({ kind: 'threshold', comparator, value: 1 })),
      { kind: 'relative_to_base', percent: 20 },
      { kind: 'relative_to_base', percent: 20, baseYear: 2020 },
      { kind: 'annual_step', step: 1 },
      { kind: 'maintain', comparator: '>=', value: 95 },
      { kind: 'relational', comparator: '>=', reference: 'W4-01' },
      { kind: 'count_per_body', value: 1, body: '街道', countUnit: '所' },
      { kind: 'direction_only', wording: '逐步提高' },
    ];
    for (const rule of rules) expect(ok(targetRuleSchema, rule), JSON.stringify(rule)).toBe(true);
    expect(ok(targetRuleSchema, { kind: 'threshold', comparator: '=>', value: 1 })).toBe(false);
    expect(ok(targetRuleSchema, { kind: 'annual_step', step: 1, value: 2 })).toBe(false);
  });

  it('take an indicator code of letters, digits, a dash and two digits or more', () => {
    for (const code of ['W1-01', 'WC12-123']) expect(ok(indicatorSchema, { ...INDICATOR, code }), code).toBe(true);
    for (const code of ['W1-1', 'xW1-01', 'W1-01x', 'W-01', '1-01']) {
      expect(ok(indicatorSchema, { ...INDICATOR, code }), code).toBe(false);
    }
    expect(ok(indicatorSchema, { ...INDICATOR, sameAs: 'C1-01x' })).toBe(false);
  });

  it('take a plan with its domains, a dated issue and a short title that can name an Excel sheet', () => {
    expect(ok(planSchema, PLAN)).toBe(true);
    for (const id of ['a-', '-a', 'A-b', 'a--b', 'a b']) expect(ok(planSchema, { ...PLAN, id }), id).toBe(false);
    for (const issuedOn of ['2026-6-30', 'x2026-06-30', '2026-06-30x']) {
      expect(ok(planSchema, { ...PLAN, issuedOn }), issuedOn).toBe(false);
    }
    for (const shortTitle of ['妇女:规划', '妇女[规划]', '妇女/规划', 'x'.repeat(32)]) {
      expect(ok(planSchema, { ...PLAN, shortTitle }), shortTitle).toBe(false);
    }
    const domain = PLAN.domains[0]!;
    for (const code of ['W', 'w1', 'xW1', 'W1x', 'W1-1']) {
      expect(ok(planSchema, { ...PLAN, domains: [{ ...domain, code }] }), code).toBe(false);
    }
    expect(ok(planSchema, { ...PLAN, domains: [{ ...domain, code: 'WC10' }] })).toBe(true);
    expect(ok(planSchema, { ...PLAN, domains: [] })).toBe(false);
    expect(ok(planSchema, { ...PLAN, domains: [{ ...domain, goals: [{ number: 0, text: '目标。' }] }] })).toBe(false);
    const { indicators: _none, ...withoutIndicators } = domain;
    expect(planSchema.parse({ ...PLAN, domains: [withoutIndicators] }).domains[0]?.indicators).toEqual([]);
  });

  it('take a folder of plan files named .yaml or .yml, in no sub-folder', () => {
    expect(ok(folderSchema, FOLDER)).toBe(true);
    for (const plans of [['a/women.yaml'], ['a\\women.yaml'], ['women.yamlx'], ['women.json'], []]) {
      expect(ok(folderSchema, { ...FOLDER, plans }), JSON.stringify(plans)).toBe(false);
    }
    for (const id of ['demo-', 'Demo-2026']) expect(ok(folderSchema, { ...FOLDER, id }), id).toBe(false);
    expect(ok(folderSchema, { ...FOLDER, predecessor: 'demo-2021-2025' })).toBe(true);
    expect(ok(folderSchema, { ...FOLDER, predecessor: 'demo-2021-2025x!' })).toBe(false);
    expect(ok(folderSchema, { ...FOLDER, finalEvaluation: { progress: 0.9, gap: 0.1 } })).toBe(true);
    expect(ok(folderSchema, { ...FOLDER, finalEvaluation: { progress: 0, gap: 0.1 } })).toBe(false);
  });
});
