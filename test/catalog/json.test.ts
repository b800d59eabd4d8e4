// `tianping catalog --json` (src/core/catalog/json.ts): plans with their domains' goals and measures, then every
// indicator flat, naming its plan and domain, with a relative target's base year filled from its plan.
import { describe, expect, it } from 'vitest';
import { type Catalog, catalogIndicators, toCatalogJson } from '../../src/core/catalog/index.ts';

const indicator = (code: string, rule: object) => ({
  code,
  name: `指标${code}`,
  unit: '%',
  better: 'lower',
  rule,
  source: { kind: 'goal', number: 1, extra: 'not printed' },
  quote: `原文${code}`,
  disaggregations: ['sex'],
  precision: 1,
});
const CATALOG = {
  plans: [
    {
      id: 'women',
      title: '示范区妇女发展规划',
      baseYear: 2020,
      domains: [
        {
          code: 'W1',
          name: '妇女与健康',
          goals: [{ number: 1, text: '目标一', note: 'x' }],
          measures: [{ number: 1, title: '措施', text: '措施一' }],
          indicators: [
            indicator('W1-01', { kind: 'relative_to_base', percent: 10 }),
            indicator('W1-02', { kind: 'relative_to_base', percent: 5, baseYear: 2019 }),
          ],
        },
      ],
    },
    {
      id: 'children',
      title: '示范区儿童发展规划',
      baseYear: 2021,
      domains: [
        {
          code: 'C1',
          name: '儿童与健康',
          goals: [],
          measures: [],
          indicators: [indicator('C1-01', { kind: 'threshold', comparator: '<=', value: 5 })],
        },
      ],
    },
  ],
} as unknown as Catalog;

describe('the catalog as JSON', () => {
  it('lists every indicator with its plan and domain, in catalog order', () => {
    expect(
      catalogIndicators(CATALOG).map(({ plan, domain, indicator }) => [plan.id, domain.code, indicator.code]),
    ).toEqual([
      ['women', 'W1', 'W1-01'],
      ['women', 'W1', 'W1-02'],
      ['children', 'C1', 'C1-01'],
    ]);
  });

  it('prints the plans and the indicators, a relative target with its base year', () => {
    expect(toCatalogJson(CATALOG)).toStrictEqual({
      plans: [
        {
          id: 'women',
          title: '示范区妇女发展规划',
          domains: [
            { name: '妇女与健康', goals: [{ number: 1, text: '目标一' }], measures: [{ number: 1, text: '措施一' }] },
          ],
        },
        { id: 'children', title: '示范区儿童发展规划', domains: [{ name: '儿童与健康', goals: [], measures: [] }] },
      ],
      indicators: [
        {
          code: 'W1-01',
          plan: 'women',
          domain: '妇女与健康',
          source: { kind: 'goal', number: 1 },
          name: '指标W1-01',
          unit: '%',
          rule: { kind: 'relative_to_base', percent: 10, baseYear: 2020 },
          quote: '原文W1-01',
          disaggregations: ['sex'],
        },
        expect.objectContaining({ code: 'W1-02', rule: { kind: 'relative_to_base', percent: 5, baseYear: 2019 } }),
        expect.objectContaining({
          code: 'C1-01',
          plan: 'children',
          domain: '儿童与健康',
          rule: { kind: 'threshold', comparator: '<=', value: 5 },
        }),
      ],
    });
  });

  it('copies what it prints, so that a tool editing the JSON leaves the catalog alone', () => {
    const json = toCatalogJson(CATALOG);
    json.indicators[2]!.disaggregations.push('area');
    (json.indicators[2]!.rule as { value: number }).value = 6;
    const c1 = CATALOG.plans[1]!.domains[0]!.indicators[0]!;
    expect(c1.disaggregations).toEqual(['sex']);
    expect(c1.rule).toEqual({ kind: 'threshold', comparator: '<=', value: 5 });
  });
});
