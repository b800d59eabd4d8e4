// Fluctuation tests of METHODOLOGY.md §F, at the latest point, each gated by the indicator's absolute floor so
// that tiny changes of tiny values never count as 波动较大.
import { F } from './codes.ts';
import { clean, roundTo } from './compile.ts';
import type { KernelOut } from './kernel.ts';

/** The statistical-review rule: a change of more than 30% on the previous value. */
export const JUMP_RATIO = 0.3;
/** WHO Data Quality band: within ±33% of the mean of up to 3 previous years. */
export const BAND_LOW = 0.67;
export const BAND_HIGH = 1.33;
export const BAND_WINDOW = 3;
export const ZIGZAG_MIN_REVERSALS = 2;

/**
 * Sets the jump, band and zigzag bits of o.flags for points (x, v)[0..n), n ≥ 3, x ascending.
 * `slope` is the Theil–Sen slope of v (used by zigzag when n ≥ 4). The values are compared as published
 * (rounded to `scale`) and every cut point in cleaned decimals, so a value on a boundary gives the same
 * answer on every machine (v2 §1): exactly 30% is not a jump, a ratio of exactly 0.67 is inside the band.
 */
export function testFluctuation(
  x: Float64Array,
  v: Float64Array,
  n: number,
  slope: number,
  floor: number,
  scale: number,
  o: KernelOut,
): void {
  const last = roundTo(v[n - 1] as number, scale);
  const prev = roundTo(v[n - 2] as number, scale);
  const delta = clean(last - prev);
  if (Math.abs(delta) >= floor && (prev === 0 || clean(Math.abs(delta) / Math.abs(prev)) > JUMP_RATIO)) {
    o.flags |= F.Jump;
    o.jumpRatio = prev === 0 ? Number.POSITIVE_INFINITY : clean(delta / Math.abs(prev));
  }

  const from = Math.max(0, n - 1 - BAND_WINDOW);
  let sum = 0;
  for (let i = from; i < n - 1; i++) sum += roundTo(v[i] as number, scale);
  const count = n - 1 - from;
  const m = clean(sum / count);
  // m = 0 (v2 §7): any other value is outside the band, still gated by the floor.
  const ratio =
    m === 0
      ? last === 0
        ? 1
        : last > 0
          ? Number.POSITIVE_INFINITY
          : Number.NEGATIVE_INFINITY
      : clean((last * count) / sum);
  if (clean(Math.abs(last - m)) >= floor && (ratio < BAND_LOW || ratio > BAND_HIGH)) {
    o.flags |= F.Band;
    o.bandMean = m;
    o.bandRatio = ratio;
  }

  if (n < 4) return;
  // Per-year changes (a gap of two years counts as two years), direction reversals ignoring flat steps.
  let reversals = 0;
  let lastSign = 0;
  let absSum = 0;
  let before = roundTo(v[0] as number, scale);
  for (let i = 1; i < n; i++) {
    const now = roundTo(v[i] as number, scale);
    const dv = clean(now - before);
    before = now;
    const dx = (x[i] as number) - (x[i - 1] as number);
    const step = dx === 1 ? dv : dv / dx; // consecutive years (nearly always): dividing by 1 changes nothing
    absSum += Math.abs(step);
    // Branch-free on random data: sign ∈ {−1, 0, 1}; a reversal is a sign opposite to the last non-zero one,
    // and a flat step (sign 0) keeps the last sign.
    const sign = +(step > 0) - +(step < 0);
    reversals += +(sign * lastSign < 0);
    lastSign = sign + lastSign * (1 - sign * sign);
  }
  const meanAbs = clean(absSum / (n - 1));
  if (reversals >= ZIGZAG_MIN_REVERSALS && meanAbs > clean(2 * Math.abs(slope)) && meanAbs >= floor) {
    o.flags |= F.Zigzag;
    o.reversals = reversals;
    o.meanAbsDelta = meanAbs;
    o.fluctuationSlope = slope;
  }
}
