// The equity sections of the reports (分性别统计, 镇街差异): which years count, which way the gap moves, which towns
// are named as lagging and in what order.
import { describe, expect, it } from 'vitest';
import { sexGap, townDisparity } from '../../src/core/assessment/index.ts';

const town = (value: number | null, i: number) => ({ area: `镇${i + 1}`, value });

describe('sexGap', () => {
  it('uses only the years both sexes are reported, in year order, whatever the input order', () => {
    const gap = sexGap(
      [
        { year: 2023, value: 55 },
        { year: 2021, value: 50 },
        { year: 2022, value: null }, // not reported for women
        { year: 2024, value: 56 }, // not reported for men
        { year: 2025, value: Number.NaN },
        { year: 2026, value: 57 },
      ],
      [
        { year: 2021, value: 60 },
        { year: 2022, value: 61 },
        { year: 2023, value: 60 },
        { year: 2024, value: null },
        { year: 2025, value: 58 },
        { year: 2026, value: Number.NaN }, // a broken male value: the year is left out too
      ],
    );
    expect(gap.years).toEqual([
      { year: 2021, female: 50, male: 60, gap: -10, ratio: 50 / 60 },
      { year: 2023, female: 55, male: 60, gap: -5, ratio: 55 / 60 },
    ]);
    // Two years: the change of the gap per year from first to last, here over two years.
    expect(gap.slope).toBe(2.5);
    expect(gap.narrowing).toBe(true);
  });

  it('a male value of 0 has no ratio; a single year has no trend', () => {
    const gap = sexGap([{ year: 2021, value: 3 }], [{ year: 2021, value: 0 }]);
    expect(gap).toEqual({
      years: [{ year: 2021, female: 3, male: 0, gap: 3, ratio: null }],
      slope: null,
      narrowing: null,
    });
    expect(sexGap([], [])).toEqual({ years: [], slope: null, narrowing: null });
  });

  it('a gap that changes sign but keeps its size is not narrowing', () => {
    const gap = sexGap(
      [
        { year: 2021, value: 50 },
        { year: 2022, value: 60 },
      ],
      [
        { year: 2021, value: 55 },
        { year: 2022, value: 55 },
      ],
    );
    expect(gap.years.map((y) => y.gap)).toEqual([-5, 5]);
    expect(gap.narrowing).toBe(false);
    expect(gap.slope).toBe(10);
  });

  it('from four years the trend resists one odd year (Theil–Sen), unlike first-to-last', () => {
    const years = [2021, 2022, 2023, 2024];
    const female = [50, 52, 54, 80].map((value, i) => ({ year: years[i] as number, value }));
    const male = years.map((year) => ({ year, value: 60 }));
    const gap = sexGap(female, male);
    expect(gap.years.map((y) => y.gap)).toEqual([-10, -8, -6, 20]);
    expect(gap.slope).toBe(6); // median of 2, 2, 2, 10, 14, 26; first-to-last would say 10
    expect(gap.narrowing).toBe(false); // |20| > |−10|
  });
});

describe('townDisparity', () => {
  it('no town reported: nothing to say', () => {
    expect(townDisparity([], 'higher')).toBeNull();
    expect(townDisparity([town(null, 0), town(Number.NaN, 1)], 'higher')).toBeNull();
  });

  it('describes the towns reported, in any order, leaving out the missing ones', () => {
    const d = townDisparity([40, null, 10, 30, 20].map(town), 'higher');
    expect(d).toMatchObject({ n: 4, min: 10, max: 40, range: 30, mean: 25, median: 25 });
    expect(d?.sd).toBeCloseTo(Math.sqrt(125), 12); // population sd: the towns are all the towns
    expect(d?.cv).toBeCloseTo(Math.sqrt(125) / 25, 12);
    // Q1 of 10, 20, 30, 40 by linear interpolation: 10 + 0.75 × 10.
    expect(d?.quartileCut).toBe(17.5);
    expect(d?.lagging).toEqual([{ area: '镇3', value: 10, worstQuartile: true, belowTarget: false }]);
  });

  it('when lower is better the worst quartile is the top one, worst first', () => {
    const d = townDisparity([40, 10, 30, 20, 50].map(town), 'lower');
    expect(d?.quartileCut).toBe(40);
    expect(d?.lagging.map((t) => [t.area, t.value])).toEqual([
      ['镇5', 50],
      ['镇1', 40],
    ]);
  });

  it('a town below the target lags even outside the worst quartile; worst first', () => {
    const d = townDisparity([30, 10, 50, 20, 40].map(town), 'higher', { comparator: '>=', value: 35 });
    expect(d?.lagging).toEqual([
      { area: '镇2', value: 10, worstQuartile: true, belowTarget: true },
      { area: '镇4', value: 20, worstQuartile: true, belowTarget: true },
      { area: '镇1', value: 30, worstQuartile: false, belowTarget: true },
    ]);
  });

  it('no coefficient of variation when the mean is 0', () => {
    expect(townDisparity([0, 0, 0].map(town), 'lower')?.cv).toBeNull();
  });
});
