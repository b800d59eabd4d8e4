// Target rules in words (src/core/catalog/describe.ts), as the pages, the Excel catalog and the reports print them:
// every comparator of a threshold and a maintain rule, 100% as 达到100%, numbers as the plan writes them, the base
// year of a relative rule, steps in 个百分点, relational references by name.
import { describe, expect, it } from 'vitest';
import {
  type DescribeContext,
  describeIndicatorTarget,
  describeRule,
  describeRuleShort,
  indicatorNames,
} from '../../src/core/catalog/describe.ts';
import type { Catalog, Indicator, Plan } from '../../src/core/catalog/index.ts';
import type { Comparator } from '../../src/core/rules.ts';

const ctx = (unit: string, over: Partial<DescribeContext> = {}): DescribeContext => ({
  unit,
  better: 'higher',
  ...over,
});
const COMPARATORS: Comparator[] = ['>=', '>', '<=', '<'];

describe('a target rule in words', () => {
  it('reads each comparator of a threshold and of a maintain rule', () => {
    expect(
      COMPARATORS.map((comparator) => describeRule({ kind: 'threshold', comparator, value: 8.5 }, ctx('/10万'))),
    ).toEqual([
      '≥ 8.5/10万（达到8.5/10万以上）',
      '> 8.5/10万（高于8.5/10万）',
      '≤ 8.5/10万（控制在8.5/10万以下）',
      '< 8.5/10万（低于8.5/10万）',
    ]);
    expect(
      COMPARATORS.map((comparator) => describeRule({ kind: 'maintain', comparator, value: 99 }, ctx('%'))),
    ).toEqual([
      '保持 ≥ 99%（保持在99%以上）',
      '保持 > 99%（保持高于99%）',
      '保持 ≤ 99%（保持在99%以下）',
      '保持 < 99%（保持低于99%）',
    ]);
  });

  it('says 达到100% and 保持100% for all there is, not 100%以上', () => {
    expect(describeRule({ kind: 'threshold', comparator: '>=', value: 100 }, ctx('%'))).toBe('≥ 100%（达到100%）');
    expect(describeRule({ kind: 'maintain', comparator: '>=', value: 100 }, ctx('%'))).toBe('保持 ≥ 100%（保持100%）');
    expect(describeRule({ kind: 'threshold', comparator: '>', value: 100 }, ctx('%'))).toBe('> 100%（高于100%）');
    expect(describeRule({ kind: 'threshold', comparator: '>=', value: 100 }, ctx('‰'))).toBe('≥ 100‰（达到100‰以上）');
  });

  it('writes a number as the quote does, the longest spelling of it', () => {
    const five = (quote: string) =>
      describeRule({ kind: 'threshold', comparator: '<=', value: 5 }, ctx('‰', { better: 'lower', quote }));
    expect(five('5岁以下儿童死亡率控制在5.0‰以下')).toBe('≤ 5.0‰（控制在5.0‰以下）');
    expect(five('控制在较低水平')).toBe('≤ 5‰（控制在5‰以下）');
    expect(five('5.00与5.0')).toBe('≤ 5.00‰（控制在5.00‰以下）');
  });

  it('words the other kinds without brackets', () => {
    const relative = { kind: 'relative_to_base', percent: 20 } as const;
    expect(describeRule(relative, ctx('%', { better: 'lower', baseYear: 2020 }))).toBe('较2020年下降20%');
    expect(describeRule({ ...relative, baseYear: 2019 }, ctx('%', { baseYear: 2020 }))).toBe('较2019年提高20%');
    expect(describeRule(relative, ctx('%'))).toBe('较基期提高20%');
    expect(describeRule({ kind: 'annual_step', step: 1 }, ctx('%'))).toBe('每年提高1个百分点');
    expect(describeRule({ kind: 'annual_step', step: 1 }, ctx('%', { quote: '每年提高1.0个百分点' }))).toBe(
      '每年提高1.0个百分点',
    );
    expect(describeRule({ kind: 'annual_step', step: 0.5 }, ctx('年', { better: 'lower' }))).toBe('每年降低0.5年');
    expect(describeRule({ kind: 'count_per_body', body: '街道', value: 1, countUnit: '所' }, ctx('所'))).toBe(
      '每个街道至少1所',
    );
    expect(describeRule({ kind: 'count_per_body', body: '镇', value: 2 }, ctx('个'))).toBe('每个镇至少2');
    expect(describeRule({ kind: 'direction_only', wording: '逐步提高' }, ctx('%'))).toBe('逐步提高');
  });

  it('names a relational reference when the catalog knows it, and shows it as written otherwise', () => {
    const names = (r: string) => (r === 'W4-01' ? '女党员比例' : undefined);
    const relational = (comparator: Comparator, reference: string) =>
      describeRule({ kind: 'relational', comparator, reference }, ctx('%', { referenceName: names }));
    expect(COMPARATORS.map((c) => relational(c, 'W4-01'))).toEqual([
      '不低于 女党员比例',
      '高于 女党员比例',
      '不高于 女党员比例',
      '低于 女党员比例',
    ]);
    expect(relational('>=', '全市平均水平')).toBe('不低于 全市平均水平');
    expect(describeRuleShort({ kind: 'relational', comparator: '<', reference: 'W4-01' }, ctx('%'))).toBe('低于 W4-01');
  });
});

describe('an indicator’s target in a catalog', () => {
  const indicator = (code: string, name: string, over: Partial<Indicator> = {}) =>
    ({ code, name, unit: '%', better: 'higher', quote: '', ...over }) as Indicator;
  const share = indicator('W4-02', '女性比例', { rule: { kind: 'relational', comparator: '>=', reference: 'C1-01' } });
  const fall = indicator('W1-03', '死亡率', {
    better: 'lower',
    rule: { kind: 'relative_to_base', percent: 10 },
    quote: '较2020年下降10.0%',
  });
  const plan = (baseYear: number, indicators: Indicator[]) =>
    ({ baseYear, domains: [{ indicators }] }) as unknown as Plan;
  const women = plan(2020, [indicator('W4-01', '女党员比例'), share, fall]);
  const children = plan(2021, [indicator('C1-01', '儿童参与率')]);
  const catalog = { plans: [women, children] } as unknown as Catalog;

  it('looks names up across both plans', () => {
    const names = indicatorNames(catalog);
    expect([names('W4-01'), names('C1-01'), names('Z9-99')]).toEqual(['女党员比例', '儿童参与率', undefined]);
    expect(describeIndicatorTarget(share, women, catalog)).toBe('不低于 儿童参与率');
  });

  it('takes the base year from the indicator’s plan and the numbers from its quote', () => {
    expect(describeIndicatorTarget(fall, women, catalog)).toBe('较2020年下降10.0%');
    expect(describeIndicatorTarget(fall, children, catalog)).toBe('较2021年下降10.0%');
  });
});
