// Fluctuation tests of METHODOLOGY.md §F, at the latest point, each gated by the indicator's absolute floor so
// that tiny changes of tiny values never count as 波动较大.
import { F } from './codes.ts';
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
 * `slope` is the Theil–Sen slope of v (used by zigzag when n ≥ 4).
 */
export function testFluctuation(
  x: Float64Array,
  v: Float64Array,
  n: number,
  slope: number,
  floor: number,
  o: KernelOut,
): void {
  const last = v[n - 1] as number;
  const prev = v[n - 2] as number;
  const delta = last - prev;
  if (Math.abs(delta) >= floor && (prev === 0 || Math.abs(delta) / Math.abs(prev) > JUMP_RATIO)) {
    o.flags |= F.Jump;
    o.jumpRatio = prev === 0 ? Number.POSITIVE_INFINITY : delta / Math.abs(prev);
  }

  const from = Math.max(0, n - 1 - BAND_WINDOW);
  let sum = 0;
  for (let i = from; i < n - 1; i++) sum += v[i] as number;
  const m = sum / (n - 1 - from);
  const ratio = last / m; // m = 0: ±Infinity (outside) or NaN when last = 0 (gated by the floor anyway)
  if (Math.abs(last - m) >= floor && !(ratio >= BAND_LOW && ratio <= BAND_HIGH)) {
    o.flags |= F.Band;
    o.bandMean = m;
    o.bandRatio = ratio;
  }

  if (n < 4) return;
  // Per-year changes (a gap of two years counts as two years), direction reversals ignoring flat steps.
  let reversals = 0;
  let lastSign = 0;
  let absSum = 0;
  for (let i = 1; i < n; i++) {
    const dv = (v[i] as number) - (v[i - 1] as number);
    const dx = (x[i] as number) - (x[i - 1] as number);
    const step = dx === 1 ? dv : dv / dx; // consecutive years (nearly always): dividing by 1 changes nothing
    absSum += Math.abs(step);
    // Branch-free on random data: sign ∈ {−1, 0, 1}; a reversal is a sign opposite to the last non-zero one,
    // and a flat step (sign 0) keeps the last sign.
    const sign = +(step > 0) - +(step < 0);
    reversals += +(sign * lastSign < 0);
    lastSign = sign + lastSign * (1 - sign * sign);
  }
  const meanAbs = absSum / (n - 1);
  if (reversals >= ZIGZAG_MIN_REVERSALS && meanAbs > 2 * Math.abs(slope) && meanAbs >= floor) {
    o.flags |= F.Zigzag;
    o.reversals = reversals;
    o.meanAbsDelta = meanAbs;
    o.fluctuationSlope = slope;
  }
}
