// The kernel's less travelled paths, each as a user would meet it (mutation testing of kernel.ts showed them
// untested): long and gappy series, counts that cannot be a rate, a value reported beside its counts, clipping at
// exactly the limit, the pooling and small-sample thresholds, and the direction-only and constant-target details.
import { describe, expect, it } from 'vitest';
import { assessIndicator, SeriesStore } from '../../src/core/assessment/index.ts';
import type { AssessmentInput } from '../../src/core/assessment/types.ts';
import { input, series } from './helpers.ts';

type Spec = Pick<AssessmentInput, 'rule' | 'better' | 'series'> & Partial<AssessmentInput>;
const assess = (spec: Spec) => assessIndicator(input(spec));
const atLeast = (value: number) => ({ kind: 'threshold', comparator: '>=', value }) as const;
const atMost = (value: number) => ({ kind: 'threshold', comparator: '<=', value }) as const;
const upward = { kind: 'direction_only', wording: '逐步提高' } as const;
const downward = { kind: 'direction_only', wording: '逐步下降' } as const;
const keep99 = { kind: 'maintain', comparator: '>=', value: 99 } as const;
const counts = (pairs: [number | null, number | null][], from = 2020, value: number | null = null) =>
  pairs.map(([numerator, denominator], i) => ({ year: from + i, value, numerator, denominator }));
const rare = { better: 'lower', factor: 100000 } as const;

describe('series shapes', () => {
  it('a series longer than the kernel’s first buffers (36 years) is judged on all its points', () => {
    const years = Array.from({ length: 36 }, (_, i) => 1995 + i);
    const r = assess({
      baseYear: 1995,
      targetYear: 2035,
      better: 'higher',
      rule: atLeast(200),
      series: years.map((year) => ({ year, value: 10 + 2 * (year - 1995) })),
    });
    expect(r).toMatchObject({ n: 36, year: 2030, value: 80, baseValue: 10 });
    expect(r.projection).toMatchObject({ method: 'theil-sen', slope: 2, intercept: 10 - 2 * 1995, value: 90 });
  });

  it('six years with gaps: the slope uses the actual years (a straight line keeps its slope)', () => {
    const years = [2020, 2021, 2023, 2024, 2026, 2027];
    const r = assess({
      targetYear: 2030,
      better: 'higher',
      rule: atLeast(90),
      series: years.map((year) => ({ year, value: 50 + 3 * (year - 2020) })),
    });
    expect(r.projection).toMatchObject({ method: 'theil-sen', slope: 3, value: 80 });
  });

  it('the intercept of the line, by Theil–Sen and by the endpoints', () => {
    const line = (n: number) => series(Array.from({ length: n }, (_, i) => 10 + 2 * i));
    expect(assess({ better: 'higher', rule: atLeast(90), series: line(4) }).projection).toMatchObject({
      method: 'theil-sen',
      slope: 2,
      intercept: 10 - 2 * 2020,
    });
    expect(assess({ better: 'higher', rule: atLeast(90), series: line(3) }).projection).toMatchObject({
      method: 'endpoint',
      slope: 2,
      intercept: 10 - 2 * 2020,
    });
  });

  it('a projection landing exactly on a natural limit is not "clipped"; beyond it, it is', () => {
    const up = (values: number[]) =>
      assess({ better: 'higher', limits: [0, 100], rule: upward, series: series(values) }).projection;
    expect(up([95, 96])).toMatchObject({ value: 100, clipped: false });
    expect(up([95, 97])).toMatchObject({ value: 100, clipped: true });
    const down = (values: number[]) => assess({ better: 'lower', rule: downward, series: series(values) }).projection;
    expect(down([5, 4])).toMatchObject({ value: 0, clipped: false });
    expect(down([5, 3])).toMatchObject({ value: 0, clipped: true });
  });

  it('a direction-only target keeps its projection at the target year (numeric targets drop theirs)', () => {
    const six = series([50, 52, 53, 55, 56, 58]);
    expect(assess({ better: 'higher', rule: upward, series: six }).projection).not.toBeNull();
    expect(assess({ better: 'higher', rule: atLeast(90), series: six }).projection).toBeNull();
  });
});

describe('counts', () => {
  it('counts that cannot make a rate (denominator 0, negative numerator) give no value; years outside b..T are ignored', () => {
    const r = assess({
      better: 'higher',
      factor: 100,
      rule: atLeast(90),
      series: [
        ...counts([[50, 100]], 2018),
        ...counts([
          [80, 100],
          [5, 0],
          [-1, 100],
          [85, 100],
        ]),
        ...counts([[99, 100]], 2027),
      ],
    });
    expect(r).toMatchObject({ n: 2, baseYearUsed: 2020, baseValue: 80, year: 2023, value: 85 });
  });

  it('a value reported beside its counts is used as published, not recomputed', () => {
    const r = assess({
      better: 'higher',
      factor: 100,
      rule: atLeast(33.3),
      series: [
        { year: 2020, value: 30, numerator: 30, denominator: 100 },
        { year: 2021, value: 33.3, numerator: 1, denominator: 3 },
      ],
    });
    expect(r).toMatchObject({ value: 33.3, met: true });
  });

  it('the CAGR ratio needs every value > 0, also when the rates come from counts', () => {
    const r = assess({
      better: 'higher',
      factor: 100,
      rule: atLeast(90),
      series: counts([
        [50, 100],
        [0, 100],
        [60, 100],
      ]),
    });
    expect(r.schedule).not.toBeNull();
    expect(r.cagrRatio).toBeNull();
    const positive = assess({
      better: 'higher',
      factor: 100,
      rule: atLeast(90),
      series: counts([
        [50, 100],
        [55, 100],
        [60, 100],
      ]),
    });
    expect(positive.cagrRatio).not.toBeNull();
  });

  it('pooling: ‰ rates are rare-event rates too; exactly 10 events a year is judged year by year', () => {
    const perThousand = assess({
      better: 'lower',
      factor: 1000,
      rule: atMost(5),
      series: counts([
        [3, 1000],
        [2, 1000],
        [4, 1000],
      ]),
    });
    expect(perThousand.flags.map((f) => f.kind)).toContain('small_numbers');
    const ten = assess({
      ...rare,
      rule: atMost(100),
      series: counts([
        [10, 10000],
        [10, 10000],
        [10, 10000],
      ]),
    });
    expect(ten.flags.map((f) => f.kind)).not.toContain('small_numbers');
    const nine = assess({
      ...rare,
      rule: atMost(100),
      series: counts([
        [9, 10000],
        [9, 10000],
        [9, 10000],
      ]),
    });
    expect(nine.flags.map((f) => f.kind)).toContain('small_numbers');
  });

  it('小样本: a % or a count per body under 20, not at 20, not from values alone', () => {
    const kinds = (spec: Spec) => assess(spec).flags.map((f) => f.kind);
    const pct = (den: number) =>
      counts([
        [Math.round(0.9 * den), den],
        [Math.round(0.8 * den), den],
        [Math.round(0.9 * den), den],
      ]);
    expect(kinds({ better: 'higher', factor: 100, rule: atLeast(95), series: pct(10) })).toEqual(['small_sample']);
    expect(kinds({ better: 'higher', factor: 100, rule: atLeast(95), series: pct(20) })).not.toContain('small_sample');
    expect(kinds({ better: 'higher', factor: 100, rule: atLeast(95), series: pct(1000) })).not.toContain(
      'small_sample',
    );
    const body = { kind: 'count_per_body', value: 1, body: '村委会' } as const;
    expect(kinds({ better: 'higher', factor: 100, rule: body, series: pct(10) })).toEqual(['small_sample']);
    expect(kinds({ better: 'higher', rule: body, series: pct(10) })).toEqual(['small_sample']);
    // Values only after a small sample: no denominator is known, so no note.
    expect(kinds({ better: 'higher', factor: 100, rule: atLeast(95), series: series([90, 80, 90]) })).toEqual([]);
  });
});

describe('annual steps', () => {
  it('a step of 2 a year sets the path and the final target', () => {
    const r = assess({ better: 'higher', rule: { kind: 'annual_step', step: 2 }, series: series([20, 22, 24]) });
    expect(r).toMatchObject({ targetNow: 24, target: 30, met: true });
  });

  it('a missing year: the change over two years must be two steps', () => {
    const r = assess({
      better: 'higher',
      rule: { kind: 'annual_step', step: 1 },
      series: series([20, 21, null, 22.5]),
    });
    expect(r.flags.filter((f) => f.kind === 'annual_step_missed').map((f) => f.year)).toEqual([2023]);
  });
});

describe('status details', () => {
  it('direction-only: flat is 方向未达; a rise then no change is 末年回落; back at 100% is 趋势向好', () => {
    expect(assess({ better: 'higher', rule: upward, series: series([50, 50, 50]) })).toMatchObject({
      status: '预计达标困难',
      difficulty: '方向未达',
    });
    expect(assess({ better: 'higher', rule: upward, series: series([50, 52, 54, 54]) }).status).toBe(
      '趋势向好但末年回落',
    );
    expect(assess({ better: 'higher', limits: [0, 100], rule: upward, series: series([100, 99, 100]) }).status).toBe(
      '趋势向好',
    );
  });

  it('a relational target at the target year is met or not met, never 有回落风险', () => {
    const relational = { kind: 'relational', comparator: '>=', reference: '女党员比例' } as const;
    const gap = (values: number[]) => values.map((value, i) => ({ year: 2020 + i, value, reference: 30 }));
    expect(assess({ better: 'higher', rule: relational, series: gap([36, 35, 34, 33, 32, 31]) }).status).toBe('已达标');
    expect(assess({ better: 'higher', rule: relational, series: gap([36, 35, 34, 33, 32, 29]) }).status).toBe('未达标');
  });

  it('a maintain target not met: rising too slowly is 需加快, flat is 逆向', () => {
    expect(
      assess({ better: 'higher', limits: [0, 100], rule: keep99, series: series([97, 97.2, 97.4]) }),
    ).toMatchObject({ status: '未达标', difficulty: '需加快' });
    expect(assess({ better: 'higher', limits: [0, 100], rule: keep99, series: series([97, 97, 97]) })).toMatchObject({
      status: '未达标',
      difficulty: '逆向',
    });
  });

  it('pooled counts: 已达标 at the target year, for a maintain target and when met at base; 未达标 at T; 需加快', () => {
    const deaths = (k: number[]) => counts(k.map((n) => [n, 5700] as [number, number]));
    expect(assess({ ...rare, rule: atMost(20), series: deaths([1, 0, 1, 0, 1, 1]) }).status).toBe('已达标');
    expect(
      assess({ ...rare, rule: { kind: 'maintain', comparator: '<=', value: 20 }, series: deaths([2, 0, 1, 0]) }).status,
    ).toBe('已达标');
    expect(assess({ ...rare, rule: atMost(20), series: deaths([0, 0, 1, 0]) }).status).toBe('已达标');
    expect(assess({ ...rare, rule: atMost(8.5), series: deaths([3, 4, 3, 5, 4, 4]) })).toMatchObject({
      status: '未达标',
      difficulty: null,
    });
    expect(assess({ ...rare, rule: atMost(8.5), series: deaths([9, 8, 7, 6, 5]) })).toMatchObject({
      status: '预计达标困难',
      difficulty: '需加快',
    });
    expect(assess({ ...rare, rule: atMost(8.5), series: deaths([4, 4, 4, 4]) })).toMatchObject({
      status: '预计达标困难',
      difficulty: '逆向',
    });
  });

  it('direction-only rare events: five years leave the middle one out; equal halves are 趋势不明显', () => {
    const deaths = (k: number[]) => counts(k.map((n) => [n, 5700] as [number, number]));
    // 2 + 2 against 2 + 2, the middle 0 left out: no change (with it, the later half would look better).
    expect(assess({ ...rare, rule: downward, series: deaths([2, 2, 0, 2, 2]) }).status).toBe('趋势不明显（事件数少）');
    expect(assess({ ...rare, rule: downward, series: deaths([2, 2, 2, 2]) }).status).toBe('趋势不明显（事件数少）');
  });
});

describe('mixed series: some years with counts, some with the value only', () => {
  const tenThousand = (numerator: number, year: number) => ({ year, value: null, numerator, denominator: 10000 });

  it('pooling sums only the years that carry counts', () => {
    const r = assess({
      ...rare,
      rule: atMost(20),
      series: [tenThousand(2, 2020), tenThousand(1, 2021), { year: 2022, value: 15 }, tenThousand(1, 2023)],
    });
    expect(r.flags.find((f) => f.kind === 'small_numbers')?.numbers).toMatchObject({
      events: 2,
      exposure: 20000,
      pooledRate: 10,
    });
  });

  it('counts in the base year only: nothing to pool, the values are judged year by year', () => {
    const r = assess({
      ...rare,
      rule: atMost(20),
      series: [tenThousand(3, 2020), { year: 2021, value: 25 }, { year: 2022, value: 15 }],
    });
    expect(r.flags.map((f) => f.kind)).not.toContain('small_numbers');
    expect(r).toMatchObject({ status: '提前达标', value: 15 });
  });

  it('direction-only halves pool only the years with counts', () => {
    // 2 + 2 deaths against 1 + 1, a year with a value only between them: the later half is lower.
    const r = assess({
      ...rare,
      rule: downward,
      series: [
        tenThousand(2, 2020),
        tenThousand(2, 2021),
        { year: 2022, value: 15 },
        tenThousand(1, 2023),
        tenThousand(1, 2024),
      ],
    });
    expect(r.status).toBe('趋势向好');
  });

  it('an annual step on a rare-event rate is judged on this year’s rate, not the pooled one', () => {
    // 30, 10, 10, 30 /10万: the pooled 16.7 would meet the 2023 path (27), the year’s 30 does not.
    const r = assess({
      ...rare,
      rule: { kind: 'annual_step', step: 1 },
      series: [tenThousand(3, 2020), tenThousand(1, 2021), tenThousand(1, 2022), tenThousand(3, 2023)],
    });
    expect(r).toMatchObject({ value: 30, met: false });
    expect(['已达标', '提前达标']).not.toContain(r.status);
  });

  it('in a SeriesStore holding years past the target, counts of those years are ignored', () => {
    const spec = { baseYear: 2020, targetYear: 2025, better: 'higher', factor: 100, rule: atLeast(90) } as const;
    const store = new SeriesStore({ indicators: [spec], areas: 1, sexes: 1, firstYear: 2020, lastYear: 2027 });
    store.setCounts(0, 0, 0, 2020, 80, 100);
    store.setCounts(0, 0, 0, 2021, 85, 100);
    store.setCounts(0, 0, 0, 2027, 99, 100);
    expect(store.result(0, 0, 0)).toMatchObject({ n: 2, year: 2021, value: 85 });
  });

  it('a direction-only rare rate with counts in one year only is judged on its trend', () => {
    const r = assess({
      ...rare,
      rule: downward,
      series: [{ year: 2020, value: 30 }, tenThousand(2, 2021), { year: 2022, value: 15 }],
    });
    expect(r.status).toBe('趋势向好');
  });
});

describe('relational targets: fluctuation is judged on the value, not on the gap', () => {
  it('the zig-zag compares the changes with the slope of the value', () => {
    const relational = { kind: 'relational', comparator: '>=', reference: '女党员比例' } as const;
    const points = (values: number[]) => values.map((value, i) => ({ year: 2020 + i, value, reference: 25 + 0.5 * i }));
    // Values 30, 33, 31, 34, 32: Theil–Sen slope 0.5 (the gap 5, 7.5, 5, 7.5, 5 has slope 0).
    const five = assess({ better: 'higher', floor: 1, rule: relational, series: points([30, 33, 31, 34, 32]) });
    expect(five.flags.find((f) => f.kind === 'zigzag')?.message).toBe(
      '5个年份中变动方向反转3次，年均变动幅度2.500大于趋势斜率绝对值0.500的2倍',
    );
    // Four values 30, 33, 31, 34: slope (0.5 + 4/3)/2 = 0.917.
    const four = assess({ better: 'higher', floor: 1, rule: relational, series: points([30, 33, 31, 34]) });
    expect(four.flags.find((f) => f.kind === 'zigzag')?.numbers.slope).toBeCloseTo(11 / 12, 12);
  });
});
