// METHODOLOGY.md "v2 — decisions that close the open readings": each boundary case the differential test found,
// with its exact input, and the answer v2 requires.
import { describe, expect, it } from 'vitest';
import { assessIndicator } from '../../src/core/assessment/index.ts';
import type { AssessmentInput, SeriesPoint } from '../../src/core/assessment/types.ts';
import { input, series } from './helpers.ts';

const atMost = (value: number) => ({ kind: 'threshold', comparator: '<=', value }) as const;
const atLeast = (value: number) => ({ kind: 'threshold', comparator: '>=', value }) as const;
const kinds = (r: ReturnType<typeof assessIndicator>) => r.flags.map((f) => f.kind);

describe('v2 §1: exact decimals at every cut point', () => {
  it('CS = E is on schedule (10 → 9.4 by 2022 against ≤ 8.5: CS 0.400 = E 0.400)', () => {
    const r = assessIndicator(input({ rule: atMost(8.5), better: 'lower', series: series([10, 9.7, 9.4]) }));
    expect(r.schedule).toEqual({ cs: 0.4, expected: 0.4, behind: false });
    expect(r.statusReason).toContain('CS=0.400（应达E=0.400，未落后）');
  });

  it('APR = 0.95 is 预计可达标 (≥ 22.3 with 12.3 → 14.2)', () => {
    const r = assessIndicator(input({ rule: atLeast(22.3), better: 'higher', series: series([12.3, 14.2]) }));
    expect(r.apr).toBe(0.95);
    expect(r.status).toBe('预计可达标');
    expect(r.statusReason).toContain('APR=0.950≥0.95，预计可达标');
  });

  it('a projection landing exactly on the target gives APR = 1', () => {
    const r = assessIndicator(input({ rule: atLeast(70), better: 'higher', series: series([60, 62]) }));
    expect(r.projection?.value).toBe(70);
    expect(r.apr).toBe(1);
  });

  it('a change equal to the floor is a jump (0.2 → 0.3, floor 0.1)', () => {
    const r = assessIndicator(
      input({ rule: atLeast(1), better: 'higher', floor: 0.1, series: series([0.2, 0.2, 0.3]) }),
    );
    expect(kinds(r)).toContain('jump');
  });

  it('exactly 30% is not a jump (7.7 → 5.39)', () => {
    const r = assessIndicator(
      input({ rule: atMost(1), better: 'lower', precision: 2, floor: 0.01, series: series([7.7, 7.7, 5.39]) }),
    );
    expect(kinds(r)).not.toContain('jump');
    const over = assessIndicator(
      input({ rule: atMost(1), better: 'lower', precision: 2, floor: 0.01, series: series([7.7, 7.7, 5.38]) }),
    );
    expect(kinds(over)).toContain('jump');
  });

  it('a band ratio of exactly 0.67 or 1.33 is inside the band', () => {
    const spec = { rule: atLeast(1), better: 'higher', precision: 2, floor: 0.01 } as const;
    expect(kinds(assessIndicator(input({ ...spec, series: series([3, 3, 3, 2.01]) })))).not.toContain('band');
    expect(kinds(assessIndicator(input({ ...spec, series: series([3, 3, 3, 3.99]) })))).not.toContain('band');
    expect(kinds(assessIndicator(input({ ...spec, series: series([3, 3, 3, 2]) })))).toContain('band');
    expect(kinds(assessIndicator(input({ ...spec, series: series([3, 3, 3, 4]) })))).toContain('band');
  });

  it('a constant relational gap has slope 0 and no 有回落风险', () => {
    const points: SeriesPoint[] = [0.3, 0.4, 0.5, 0.6].map((value, i) => ({
      year: 2020 + i,
      value,
      reference: [0.1, 0.2, 0.3, 0.4][i] as number,
    }));
    const r = assessIndicator(
      input({
        rule: { kind: 'relational', comparator: '>=', reference: '女党员比例' },
        better: 'higher',
        series: points,
      }),
    );
    expect(r.projection?.slope).toBe(0);
    expect(r.status).toBe('已达标');
  });
});

describe('v2 §2: reason texts at the target’s own precision', () => {
  it('prints ≥7.44 when 6.2 must rise 20% and 2022 is 7.4', () => {
    const r = assessIndicator(
      input({ rule: { kind: 'relative_to_base', percent: 20 }, better: 'higher', series: series([6.2, 6.8, 7.4]) }),
    );
    expect(r.met).toBe(false);
    expect(r.statusReason).toContain('2022年为7.4，未达到目标≥7.44');
  });

  it('prints a computed target at most two decimals beyond the value’s: ≤42.105, not ≤42.1052631579', () => {
    // A base rate from counts (3 maternal deaths per 5 700 births = 52.6315…/10万) must fall 20%.
    const counted = [3, 2, 2].map((numerator, i) => ({ year: 2020 + i, value: null, numerator, denominator: 5700 }));
    const r = assessIndicator(
      input({ rule: { kind: 'relative_to_base', percent: 20 }, better: 'lower', factor: 100000, series: counted }),
    );
    expect(r.target).toBeCloseTo(42.1052631579, 9);
    expect(r.statusReason).toContain('目标≤42.105');
    expect(r.statusReason).not.toContain('42.1052');
  });
});

describe('v2 §4 and §5: distance and the target year', () => {
  it('a target closer than one published unit is the distance (7.44 from 7.4)', () => {
    const r = assessIndicator(
      input({ rule: atLeast(7.44), better: 'higher', series: series([7.4, 7.41, 7.42]), precision: 2 }),
    );
    expect(r.schedule?.cs).toBe(0.5);
  });

  it('at T: met → 已达标 without 有回落风险 and without a projection; not met → 未达标', () => {
    const falling = series([100, 99.9, 99.8, 99.7, 99.6, 99.5]);
    const r = assessIndicator(
      input({ rule: { kind: 'maintain', comparator: '>=', value: 99 }, better: 'higher', series: falling }),
    );
    expect(r.status).toBe('已达标');
    expect(r.projection).toBeNull();
    expect(r.warning).toBeNull();
    const miss = assessIndicator(
      input({ rule: atLeast(70), better: 'higher', series: series([60, 62, 64, 66, 68, 69.9]) }),
    );
    expect(miss.status).toBe('未达标');
    expect(miss.apr).toBeNull();
    expect(miss.statusReason).not.toMatch(/预计/);
  });
});

describe('v2 §6: annual-step years for any span', () => {
  it('names 2022 when the series also holds a 1990 point (no 32-bit mask overflow)', () => {
    const points = [{ year: 1990, value: 30 }, ...series([20, 19, 18.5, 17])];
    const r = assessIndicator(input({ rule: { kind: 'annual_step', step: 1 }, better: 'lower', series: points }));
    expect(r.flags.filter((f) => f.kind === 'annual_step_missed').map((f) => f.year)).toEqual([2022]);
    expect(r.flags.find((f) => f.kind === 'annual_step_missed')?.message).toMatch(/^2022年年度目标未完成/);
  });

  it('a change of exactly the step counts as done on published values (20 → 19.7 → 19.4, step 0.3)', () => {
    const r = assessIndicator(
      input({ rule: { kind: 'annual_step', step: 0.3 }, better: 'lower', series: series([20, 19.7, 19.4]) }),
    );
    expect(kinds(r)).not.toContain('annual_step_missed');
  });
});

describe('v2 §7: band at m = 0', () => {
  it('is outside whenever the value is not 0, gated by the floor', () => {
    const spec = { rule: atMost(1), better: 'lower', floor: 1 } as const;
    expect(kinds(assessIndicator(input({ ...spec, series: series([0, 0, 0, 2]) })))).toContain('band');
    expect(kinds(assessIndicator(input({ ...spec, series: series([0, 0, 0, 0.5]) })))).not.toContain('band');
  });
});

describe('v2 §8: small numbers for rare-event rates only; 小样本 for small proportions', () => {
  const counts = (pairs: [number, number][]): SeriesPoint[] =>
    pairs.map(([numerator, denominator], i) => ({ year: 2020 + i, value: null, numerator, denominator }));

  it('a percentage from counts is judged on the year’s value, never pooled', () => {
    const r = assessIndicator(
      input({
        rule: atLeast(90),
        better: 'higher',
        factor: 100,
        series: counts([
          [50, 100],
          [8, 100],
          [9, 100],
          [95, 100],
        ]),
      }),
    );
    expect(kinds(r)).not.toContain('small_numbers');
    expect(r.status).toBe('提前达标');
  });

  it('a proportion with a denominator under 20 carries 小样本 and no 波动较大', () => {
    const r = assessIndicator(
      input({
        rule: atLeast(90),
        better: 'higher',
        factor: 100,
        series: counts([
          [9, 10],
          [10, 10],
          [5, 10],
        ]),
      }),
    );
    expect(kinds(r)).toEqual(['small_sample']);
    expect(r.flags[0]?.message).toContain('小样本');
    expect(r.warning?.kinds).not.toContain('波动较大');
  });

  it('a rare-event rate per 10万 is still pooled', () => {
    const r = assessIndicator(
      input({
        rule: atMost(8.5),
        better: 'lower',
        factor: 100000,
        series: counts([
          [1, 5700],
          [0, 5700],
          [2, 5700],
        ]),
      }),
    );
    expect(kinds(r)).toContain('small_numbers');
  });
});

describe('v2 §9 and §10: direction-only', () => {
  const rare = (numerators: number[], denominator = 5700): AssessmentInput =>
    input({
      rule: { kind: 'direction_only', wording: '逐步下降' },
      better: 'lower',
      factor: 100000,
      series: numerators.map((numerator, i) => ({ year: 2020 + i, value: null, numerator, denominator })),
    });

  it('a lower-is-better series back at its natural limit is 趋势向好 (0 → 1 → 0)', () => {
    const r = assessIndicator(
      input({ rule: { kind: 'direction_only', wording: '逐步下降' }, better: 'lower', series: series([0, 1, 0]) }),
    );
    expect(r.status).toBe('趋势向好');
    expect(r.difficulty).toBeNull();
    expect(r.statusReason).toContain('已处于自然极限');
  });

  it('rare events: pooled halves in the right direction → 趋势向好', () => {
    expect(assessIndicator(rare([3, 2, 1, 1])).status).toBe('趋势向好');
  });

  it('rare events: the wrong way but not significant → 趋势不明显（事件数少）, not a warning', () => {
    const r = assessIndicator(rare([1, 1, 2, 2]));
    expect(r.status).toBe('趋势不明显（事件数少）');
    expect(r.warning).toBeNull();
    expect(r.statusReason).toMatch(/p=0\.\d{3}）/);
  });

  it('rare events: the wrong way and significant (exact conditional binomial p < 0.05) → 方向未达', () => {
    const r = assessIndicator(rare([0, 1, 6, 7]));
    expect(r.status).toBe('预计达标困难');
    expect(r.difficulty).toBe('方向未达');
  });
});

describe('v2 §11: input is checked, never trusted', () => {
  it('refuses limits with min > max and count_per_body with direction lower', () => {
    expect(() =>
      assessIndicator(input({ rule: atLeast(1), better: 'higher', limits: [100, 0], series: series([1, 2]) })),
    ).toThrow(/自然界限的最小值（100）大于最大值（0）/);
    expect(() =>
      assessIndicator(
        input({ rule: { kind: 'count_per_body', value: 1, body: '村委会' }, better: 'lower', series: series([1, 2]) }),
      ),
    ).toThrow(/越高越好/);
  });
});

describe('v2 §12: final-evaluation categories at t = T', () => {
  const final = (partial: Partial<AssessmentInput> & Pick<AssessmentInput, 'rule' | 'better' | 'series'>) =>
    assessIndicator(input(partial)).finalCategory;

  it('已实现 / 基本实现 at 90% of the required change / 未实现', () => {
    expect(final({ rule: atLeast(70), better: 'higher', series: series([60, 62, 64, 66, 68, 70]) })).toBe('已实现');
    expect(final({ rule: atLeast(70), better: 'higher', series: series([60, 62, 64, 66, 68, 69]) })).toBe('基本实现');
    expect(final({ rule: atLeast(70), better: 'higher', series: series([60, 62, 64, 66, 68, 68.9]) })).toBe('未实现');
  });

  it('met at base or maintain: 基本实现 within 1% of the target value', () => {
    const maintain = { kind: 'maintain', comparator: '>=', value: 99 } as const;
    expect(final({ rule: maintain, better: 'higher', series: series([100, 99, 99, 99, 99, 98.1]) })).toBe('基本实现');
    expect(final({ rule: maintain, better: 'higher', series: series([100, 99, 99, 99, 99, 98]) })).toBe('未实现');
  });

  it('the tolerances are settings (plan folder)', () => {
    const spec = { rule: atLeast(70), better: 'higher', series: series([60, 62, 64, 66, 68, 68.9]) } as const;
    expect(final({ ...spec, finalTolerance: { progress: 0.85, gap: 0.01 } })).toBe('基本实现');
  });

  it('direction-only: 趋势向好 / 未实现（方向未达）; none before T', () => {
    const dir = { kind: 'direction_only', wording: '逐步提高' } as const;
    expect(final({ rule: dir, better: 'higher', series: series([50, 52, 54, 56, 58, 60]) })).toBe('趋势向好');
    expect(final({ rule: dir, better: 'higher', series: series([60, 58, 56, 54, 52, 50]) })).toBe('未实现（方向未达）');
    expect(final({ rule: dir, better: 'higher', series: series([50, 52]) })).toBeNull();
  });
});
