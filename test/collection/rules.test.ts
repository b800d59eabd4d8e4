import { describe, expect, it } from 'vitest';
import type { EntryContext, IndicatorFacts } from '../../src/core/collection/entry.ts';
import { checkEntry } from '../../src/core/collection/rules.ts';

const percent: IndicatorFacts = { code: 'X1', name: '筛查率', unit: '%', limits: [0, 100], precision: 1 };
const mmr: IndicatorFacts = {
  code: 'X2',
  name: '孕产妇死亡率',
  unit: '/10万',
  limits: [0, 100000],
  precision: 1,
  counts: { numerator: '孕产妇死亡数', denominator: '活产数', factor: 100000 },
};
const count: IndicatorFacts = { code: 'X3', name: '儿童之家', unit: '个', limits: [0, null], precision: 0 };

const ctx = (
  indicator: IndicatorFacts,
  entry: EntryContext['entry'],
  more: Partial<EntryContext> = {},
): EntryContext => ({
  indicator,
  year: 2025,
  sex: 'total',
  entry,
  history: [],
  ...more,
});
const codes = (c: EntryContext) => checkEntry(c).map((p) => p.code);

describe('审核公式: hard rules reject, soft rules ask for an explanation', () => {
  it('checks the natural range of percentages and counts', () => {
    expect(codes(ctx(percent, { value: 100.1 }))).toEqual(['H_PERCENT_RANGE']);
    expect(codes(ctx(percent, { value: -1 }))).toEqual(['H_PERCENT_RANGE']);
    expect(codes(ctx(percent, { value: 0 }))).toEqual([]);
    expect(codes(ctx(count, { value: 3.5 }))).toEqual(['H_COUNT_INTEGER']);
    expect(codes(ctx(count, { value: -2 }))).toEqual(['H_LIMITS']);
  });

  it('checks counts behind a rate and the rate against them, within the rounding written', () => {
    expect(codes(ctx(mmr, { value: 17.5, numerator: 1, denominator: 5700 }))).toEqual([]);
    expect(codes(ctx(mmr, { value: 17.54, numerator: 1, denominator: 5700 }))).toEqual([]);
    expect(codes(ctx(mmr, { value: 18, numerator: 1, denominator: 5700 }))).toEqual([]);
    expect(codes(ctx(mmr, { value: 19, numerator: 1, denominator: 5700 }))).toEqual(['H_RATE_MATCHES_COUNTS']);
    expect(codes(ctx(mmr, { value: 0, numerator: -1, denominator: 5700 }))).toContain('H_NUMERATOR_NONNEGATIVE');
    expect(codes(ctx(mmr, { value: 0, numerator: 0, denominator: 0 }))).toContain('H_DENOMINATOR_POSITIVE');
    expect(codes(ctx(mmr, { value: 0, numerator: 1.5, denominator: 5700 }))).toContain('H_NUMERATOR_INTEGER');
  });

  it('refuses a numerator above its denominator for proportions', () => {
    const share: IndicatorFacts = {
      ...percent,
      counts: { numerator: '感染人数', denominator: '出生人数', factor: 100 },
    };
    expect(codes(ctx(share, { value: 150, numerator: 3, denominator: 2 }))).toEqual(
      expect.arrayContaining(['H_NUMERATOR_LE_DENOMINATOR', 'H_PERCENT_RANGE']),
    );
  });

  it('checks the total against the female and male values', () => {
    expect(codes(ctx(percent, { value: 50 }, { bySex: { female: 60, male: 55 } }))).toEqual(['H_TOTAL_BETWEEN_SEXES']);
    expect(codes(ctx(percent, { value: 57 }, { bySex: { female: 60, male: 55 } }))).toEqual([]);
    expect(codes(ctx(count, { value: 10 }, { bySex: { female: 4, male: 5 } }))).toEqual(['H_TOTAL_IS_SUM']);
    expect(codes(ctx(count, { value: 9 }, { bySex: { female: 4, male: 5 } }))).toEqual([]);
  });

  it('asks for an explanation when the value moves more than 30% or leaves the ±33% band', () => {
    const history = [
      { year: 2022, value: 60 },
      { year: 2023, value: 62 },
      { year: 2024, value: 61 },
    ];
    const jump = checkEntry(ctx(percent, { value: 85 }, { history }));
    expect(jump.map((p) => p.code)).toEqual(['S_CHANGE_30', 'S_OUTSIDE_MEAN_33']);
    expect(jump[0]!.level).toBe('soft');
    expect(jump[0]!.message).toContain('39.3%');
    expect(codes(ctx(percent, { value: 70 }, { history }))).toEqual([]);
  });

  it('the 30% rule fires just above 30%, not at 30% (61 → 79.5 is 30.3%; 61 → 79.3 is 30.0%)', () => {
    const history = [{ year: 2024, value: 61 }];
    const above = checkEntry(ctx(percent, { value: 79.5 }, { history }));
    expect(above.map((p) => p.code)).toContain('S_CHANGE_30');
    expect(above.find((p) => p.code === 'S_CHANGE_30')?.message).toBe('较上年（61）变化 30.3%，超过 30%，请说明原因');
    expect(codes(ctx(percent, { value: 79.3 }, { history }))).not.toContain('S_CHANGE_30');
    expect(codes(ctx(percent, { value: 42.5 }, { history }))).toContain('S_CHANGE_30'); // −30.3%
  });

  it('does not ask about year-on-year swings of rates judged on their counts', () => {
    expect(
      codes(
        ctx(
          mmr,
          { value: 35.1, numerator: 2, denominator: 5700 },
          {
            history: [
              { year: 2024, value: 0 },
              { year: 2023, value: 17.5 },
            ],
          },
        ),
      ),
    ).toEqual([]);
  });

  it('asks why a value is missing', () => {
    expect(checkEntry(ctx(percent, { value: null }))).toEqual([
      { code: 'S_MISSING', level: 'soft', field: 'value', message: '未填报数值，请说明缺报原因' },
    ]);
  });
});
