import { describe, expect, it } from 'vitest';
import type { EntryContext, IndicatorFacts } from '../../src/core/collection/entry.ts';
import { checkEntry, type Rule } from '../../src/core/collection/rules.ts';

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

// What the person entering the data reads: each problem names the field it is about (the form highlights that cell)
// and says the numbers in the message.
describe('审核公式: the message names the field and the numbers', () => {
  const permille: IndicatorFacts = {
    code: 'X4',
    name: '婴儿死亡率',
    unit: '‰',
    limits: [0, 1000],
    precision: 2,
    counts: { numerator: '婴儿死亡数', denominator: '活产数', factor: 1000 },
  };
  const hard = (code: string, field: string, message: string) => ({ code, level: 'hard', field, message });

  it('range rules by unit, each reported once (not again as the indicator’s limits)', () => {
    expect(checkEntry(ctx(percent, { value: 100.1 }))).toEqual([
      hard('H_PERCENT_RANGE', 'value', '百分比应在 0–100 之间，填报值为 100.1'),
    ]);
    expect(checkEntry(ctx({ ...permille, counts: null }, { value: 1000.5 }))).toEqual([
      hard('H_PERMILLE_RANGE', 'value', '千分率应在 0–1000 之间，填报值为 1000.5'),
    ]);
    expect(checkEntry(ctx({ ...mmr, counts: null }, { value: 100001 }))).toEqual([
      hard('H_PER100K_RANGE', 'value', '十万分率应在 0–100000 之间，填报值为 100001'),
    ]);
    expect(checkEntry(ctx(count, { value: -2 }))).toEqual([
      hard('H_LIMITS', 'value', '取值应在 0–∞ 之间，填报值为 -2'),
    ]);
    const gap: IndicatorFacts = { code: 'X5', name: '性别差距', unit: '个百分点', limits: [null, 10], precision: 1 };
    expect(checkEntry(ctx(gap, { value: 12 }))).toEqual([
      hard('H_LIMITS', 'value', '取值应在 -∞–10 之间，填报值为 12'),
    ]);
    expect(checkEntry(ctx(gap, { value: -30 }))).toEqual([]); // no lower bound
  });

  it('the bounds themselves are allowed', () => {
    for (const value of [0, 100]) expect(codes(ctx(percent, { value }))).toEqual([]);
    expect(codes(ctx({ ...permille, counts: null }, { value: 1000 }))).toEqual([]);
    expect(codes(ctx(count, { value: 0 }))).toEqual([]);
  });

  it('head counts in every count unit must be whole numbers; densities with decimals need not be', () => {
    for (const unit of ['个', '名', '人', '项', '所', '家', '次']) {
      expect(checkEntry(ctx({ ...count, unit }, { value: 2.5 }))).toEqual([
        hard('H_COUNT_INTEGER', 'value', `${unit}数应为整数，填报值为 2.5`),
      ]);
    }
    const density: IndicatorFacts = { ...count, name: '每百名学生拥有心理健康教师数', unit: '名', precision: 1 };
    expect(codes(ctx(density, { value: 2.5 }))).toEqual([]);
    // A density's total lies between the sexes' values; it is not their sum.
    expect(codes(ctx(density, { value: 2.5 }, { bySex: { female: 2.4, male: 2.6 } }))).toEqual([]);
  });

  it('shows a value as a person would write it, without a spreadsheet formula’s binary noise', () => {
    expect(checkEntry(ctx(count, { value: 0.1 + 0.2 }))[0]?.message).toBe('个数应为整数，填报值为 0.3');
  });

  it('the counts behind a rate: each problem names the count by its name', () => {
    expect(checkEntry(ctx(mmr, { value: 0, numerator: -1, denominator: 5700 }))).toContainEqual(
      hard('H_NUMERATOR_NONNEGATIVE', 'numerator', '孕产妇死亡数不能为负数'),
    );
    expect(checkEntry(ctx(mmr, { value: 0, numerator: 0, denominator: 0 }))).toEqual([
      hard('H_DENOMINATOR_POSITIVE', 'denominator', '活产数应为正数'),
    ]);
    expect(checkEntry(ctx(mmr, { value: 0, numerator: 1.5, denominator: 5700 }))).toContainEqual(
      hard('H_NUMERATOR_INTEGER', 'numerator', '孕产妇死亡数应为整数'),
    );
    expect(checkEntry(ctx(mmr, { value: 17.5, numerator: 1, denominator: 5700.5 }))).toEqual([
      hard('H_DENOMINATOR_INTEGER', 'denominator', '活产数应为整数'),
    ]);
    expect(checkEntry(ctx(permille, { value: 1500, numerator: 3, denominator: 2 }))).toEqual([
      hard('H_PERMILLE_RANGE', 'value', '千分率应在 0–1000 之间，填报值为 1500'),
      hard('H_NUMERATOR_LE_DENOMINATOR', 'numerator', '婴儿死亡数（3）不能大于活产数（2）'),
    ]);
    expect(checkEntry(ctx(mmr, { value: 19, numerator: 1, denominator: 5700 }))).toEqual([
      hard('H_RATE_MATCHES_COUNTS', 'value', '填报值 19 与 孕产妇死亡数÷活产数×100000 = 17.54 不一致'),
    ]);
  });

  it('a numerator equal to its denominator is fine (100%)', () => {
    expect(codes(ctx(permille, { value: 1000, numerator: 2, denominator: 2 }))).toEqual([]);
  });

  it('a division by zero is reported as the zero denominator alone', () => {
    expect(codes(ctx(mmr, { value: 0, numerator: 1, denominator: 0 }))).toEqual(['H_DENOMINATOR_POSITIVE']);
  });

  it('counts not (yet) entered are not checked: only the missing value is asked about', () => {
    expect(codes(ctx(mmr, { value: 17.5 }))).toEqual([]);
    expect(codes(ctx(mmr, { value: 17.5, numerator: 1 }))).toEqual([]);
    expect(codes(ctx(mmr, { value: 17.5, denominator: 5700 }))).toEqual([]);
    expect(codes(ctx(permille, { value: 2, numerator: 1 }))).toEqual([]);
    expect(codes(ctx(mmr, { value: null, numerator: 1, denominator: 5700 }))).toEqual(['S_MISSING']);
    expect(codes(ctx(count, { value: null }))).toEqual(['S_MISSING']);
  });

  it('the rate must match its counts within half a unit of the last decimal written', () => {
    // 1 ÷ 5700 × 100000 = 17.54…: 17.5 is within 0.05, 17.6 and 17.9 are not, whatever the rounding.
    expect(codes(ctx(mmr, { value: 17.6, numerator: 1, denominator: 5700 }))).toEqual(['H_RATE_MATCHES_COUNTS']);
    expect(codes(ctx(mmr, { value: 17.9, numerator: 1, denominator: 5700 }))).toEqual(['H_RATE_MATCHES_COUNTS']);
    // 251 ÷ 2000 × 100 = 12.55 exactly: rounded half up (12.6) or half to even (12.5), both are right.
    const share: IndicatorFacts = {
      ...percent,
      counts: { numerator: '筛查人数', denominator: '应筛查人数', factor: 100 },
    };
    for (const value of [12.6, 12.5, 12.55, 13]) {
      expect(codes(ctx(share, { value, numerator: 251, denominator: 2000 })), String(value)).toEqual([]);
    }
    expect(codes(ctx(share, { value: 12.7, numerator: 251, denominator: 2000 }))).toEqual(['H_RATE_MATCHES_COUNTS']);
  });

  it('the total between the sexes: tolerates the rounding of the precision, names both values', () => {
    const bySex = { female: 60, male: 55 };
    expect(checkEntry(ctx(percent, { value: 61 }, { bySex }))).toEqual([
      hard('H_TOTAL_BETWEEN_SEXES', 'value', '合计 61 应介于女性 60 与男性 55 之间'),
    ]);
    expect(codes(ctx(percent, { value: 54.9 }, { bySex }))).toEqual(['H_TOTAL_BETWEEN_SEXES']);
    // Half a unit of the precision (0.1 → 0.05) either side is rounding, not an error.
    for (const value of [54.96, 60.04, 55, 60])
      expect(codes(ctx(percent, { value }, { bySex })), String(value)).toEqual([]);
    expect(codes(ctx(percent, { value: 1.05 }, { bySex: { female: 1, male: 0.8 } }))).toEqual([]);
    expect(checkEntry(ctx(count, { value: 10 }, { bySex: { female: 4, male: 5 } }))).toEqual([
      hard('H_TOTAL_IS_SUM', 'value', '合计 10 应等于女性 4 与男性 5 之和'),
    ]);
  });

  it('the total is checked only when it and both sexes are reported, and only on the total', () => {
    expect(codes(ctx(percent, { value: 70 }, { bySex: { female: null, male: 55 } }))).toEqual([]);
    expect(codes(ctx(percent, { value: 70 }, { bySex: { female: 60, male: null } }))).toEqual([]);
    expect(codes(ctx(percent, { value: null }, { bySex: { female: 60, male: 55 } }))).toEqual(['S_MISSING']);
    expect(codes(ctx(percent, { value: 50 }, { sex: 'female', bySex: { female: 60, male: 55 } }))).toEqual([]);
  });
});

describe('审核公式: soft rules on the history', () => {
  const soft = (code: string, message: string) => ({ code, level: 'soft', field: 'value', message });

  it('exactly 30% is not “more than 30%”, either way', () => {
    const history = [{ year: 2024, value: 50 }];
    expect(codes(ctx(percent, { value: 65 }, { history }))).toEqual([]);
    expect(codes(ctx(percent, { value: 35 }, { history }))).toEqual([]);
    expect(codes(ctx(percent, { value: 34.9 }, { history }))).toEqual(['S_CHANGE_30']);
  });

  it('compares with last year only, and says nothing of a change from zero or of a missing value', () => {
    expect(codes(ctx(percent, { value: 90 }, { history: [{ year: 2023, value: 50 }] }))).not.toContain('S_CHANGE_30');
    expect(codes(ctx(percent, { value: 5 }, { history: [{ year: 2024, value: 0 }] }))).toEqual([]);
    const history = [
      { year: 2022, value: 60 },
      { year: 2023, value: 62 },
      { year: 2024, value: 61 },
    ];
    expect(codes(ctx(percent, { value: null }, { history }))).toEqual(['S_MISSING']);
  });

  it('the ±33% band around the mean of the three previous years: its edges are inside', () => {
    // No 2024 value: the 30% rule stays silent and the band alone is judged.
    const history = [
      { year: 2022, value: 100 },
      { year: 2023, value: 100 },
    ];
    for (const value of [67, 133]) expect(codes(ctx(count, { value }, { history })), String(value)).toEqual([]);
    expect(codes(ctx(count, { value: 66 }, { history }))).toEqual(['S_OUTSIDE_MEAN_33']);
    expect(codes(ctx(count, { value: 134 }, { history }))).toEqual(['S_OUTSIDE_MEAN_33']);
  });

  it('the mean is of the three years before the year entered, shown with one more decimal than the value', () => {
    const history = [
      { year: 2021, value: 10 }, // four years back: not in the mean
      { year: 2022, value: 60 },
      { year: 2023, value: 62 },
      { year: 2024, value: 62 },
      { year: 2026, value: 10 }, // a later year (an earlier year re-entered): not in the mean
    ];
    // Mean 61.33: 40 is outside 61.33 ± 33%; with 2021 or 2026 in it the mean would be 48.8 and 40 inside.
    expect(checkEntry(ctx(percent, { value: 40 }, { history }))).toEqual([
      soft('S_CHANGE_30', '较上年（62）变化 -35.5%，超过 30%，请说明原因'),
      soft('S_OUTSIDE_MEAN_33', '超出前三年均值（61.33）的 ±33%，请说明原因'),
    ]);
    // The year itself is not its own history (a value being corrected).
    expect(codes(ctx(percent, { value: 40 }, { history: [{ year: 2025, value: 80 }] }))).toEqual([]);
  });

  it('after years of zero there is no band to leave', () => {
    const zeros = [2022, 2023, 2024].map((year) => ({ year, value: 0 }));
    expect(codes(ctx(count, { value: 3 }, { history: zeros }))).toEqual([]);
  });

  it('hard problems come before soft ones', () => {
    const history = [{ year: 2024, value: 60 }];
    expect(codes(ctx(percent, { value: 150 }, { history }))).toEqual([
      'H_PERCENT_RANGE',
      'S_CHANGE_30',
      'S_OUTSIDE_MEAN_33',
    ]);
  });
});

// checkEntry interprets any list of rows: a rule added at the end of the table, or one naming a number the entry
// does not have, must still read well.
describe('审核公式: the interpreter of the rule rows', () => {
  it('puts hard problems first whatever the order of the rows, and shows a missing number as —', () => {
    const rules: Rule[] = [
      {
        code: 'S_A',
        level: 'soft',
        field: 'value',
        test: { kind: 'range', max: 10 },
        message: '{numeratorName}/{denominatorName} {numerator}，上年 {previous}',
      },
      { code: 'H_B', level: 'hard', field: 'value', test: { kind: 'range', max: 20 }, message: '过大' },
      { code: 'S_C', level: 'soft', field: 'value', test: { kind: 'range', max: 30 }, message: '很大' },
    ];
    expect(checkEntry(ctx(count, { value: 50 }), rules).map((p) => [p.code, p.message])).toEqual([
      ['H_B', '过大'],
      ['S_A', '分子/分母 —，上年 —'],
      ['S_C', '很大'],
    ]);
  });
});
