// Sex gaps (分性别统计) and disparity between towns (镇街), for the equity sections of reports.
import type { Better, Comparator } from '../rules.ts';
import { compare } from '../rules.ts';
import { median, theilSenSlope } from './trend.ts';

export interface YearValue {
  year: number;
  value: number | null;
}

export interface SexGap {
  years: { year: number; female: number; male: number; gap: number; ratio: number | null }[];
  /** Trend of the gap (female − male) per year: Theil–Sen from 4 years, else first-to-last; null under 2 years. */
  slope: number | null;
  /** |gap| in the last year smaller than in the first: the gap is closing (差距缩小). */
  narrowing: boolean | null;
}

/** Female − male and female / male for each year both are reported. */
export function sexGap(female: readonly YearValue[], male: readonly YearValue[]): SexGap {
  const maleByYear = new Map(
    male.filter((p) => p.value != null && Number.isFinite(p.value)).map((p) => [p.year, p.value as number]),
  );
  const years = female
    .filter((p) => p.value != null && Number.isFinite(p.value) && maleByYear.has(p.year))
    .sort((a, b) => a.year - b.year)
    .map((p) => {
      const f = p.value as number;
      const m = maleByYear.get(p.year) as number;
      return { year: p.year, female: f, male: m, gap: f - m, ratio: m === 0 ? null : f / m };
    });
  const n = years.length;
  if (n < 2) return { years, slope: null, narrowing: null };
  const x = Float64Array.from(years, (y) => y.year);
  const g = Float64Array.from(years, (y) => y.gap);
  const first = years[0] as (typeof years)[number];
  const last = years[n - 1] as (typeof years)[number];
  const slope = n >= 4 ? theilSenSlope(x, g, n) : (last.gap - first.gap) / (last.year - first.year);
  return { years, slope, narrowing: Math.abs(last.gap) < Math.abs(first.gap) };
}

export interface AreaValue {
  area: string;
  value: number | null;
}

export interface TownDisparity {
  n: number;
  min: number;
  max: number;
  range: number;
  mean: number;
  median: number;
  /** Population standard deviation: the towns are all the towns, not a sample. */
  sd: number;
  /** sd / mean; null when the mean is 0. */
  cv: number | null;
  /** The worst-quartile cut (Q1 when higher is better, Q3 when lower is better), linear interpolation. */
  quartileCut: number;
  lagging: { area: string; value: number; worstQuartile: boolean; belowTarget: boolean }[];
}

/** Quantile by linear interpolation between order statistics (numpy's default, R type 7). */
function quantile(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const a = sorted[lo] as number;
  const b = sorted[Math.min(lo + 1, sorted.length - 1)] as number;
  return a + (h - lo) * (b - a);
}

/** Range, coefficient of variation, and lagging towns (worst quartile, or not meeting the target). */
export function townDisparity(
  values: readonly AreaValue[],
  better: Better,
  target?: { comparator: Comparator; value: number },
): TownDisparity | null {
  const rows = values.filter((v): v is { area: string; value: number } => v.value != null && Number.isFinite(v.value));
  const n = rows.length;
  if (n === 0) return null;
  const sorted = rows.map((r) => r.value).sort((a, b) => a - b);
  const mean = sorted.reduce((s, v) => s + v, 0) / n;
  const sd = Math.sqrt(sorted.reduce((s, v) => s + (v - mean) ** 2, 0) / n);
  const quartileCut = quantile(sorted, better === 'higher' ? 0.25 : 0.75);
  const lagging = rows
    .map((r) => ({
      area: r.area,
      value: r.value,
      worstQuartile: better === 'higher' ? r.value <= quartileCut : r.value >= quartileCut,
      belowTarget: target ? !compare(r.value, target.comparator, target.value) : false,
    }))
    .filter((r) => r.worstQuartile || r.belowTarget)
    .sort((a, b) => (better === 'higher' ? a.value - b.value : b.value - a.value));
  const min = sorted[0] as number;
  const max = sorted[n - 1] as number;
  return {
    n,
    min,
    max,
    range: max - min,
    mean,
    median: median(Float64Array.from(sorted), n),
    sd,
    cv: mean === 0 ? null : sd / mean,
    quartileCut,
    lagging,
  };
}
