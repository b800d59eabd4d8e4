// The per-series core of METHODOLOGY.md §A–G on typed arrays: no allocation per call, numbers only.
// Both the object API (assess.ts) and the SeriesStore run every series through assessSeries, so the fast path
// and the readable result can never disagree.
import { D, F, S } from './codes.ts';
import { type CompiledRule, clean, Kind, meets, roundTo } from './compile.ts';
import { finalCategory } from './final.ts';
import { testFluctuation } from './fluctuation.ts';
import { binomialTwoSidedP, poissonInterval } from './poisson.ts';
import { median, median6, theilSen6, theilSen6Years, theilSenSlope } from './trend.ts';

/** APR at or above this is 预计可达标 (the ESCAP / Open SDG cut point). */
export const ON_TRACK_APR = 0.95;
/** Below this many events a year, a rate from counts is judged on pooled counts (§G). */
export const SMALL_EVENTS_PER_YEAR = 10;
/** Pooling is for rare-event rates only (‰ and /10万, v2 §8); % and coverage are judged year by year. */
export const RARE_EVENT_FACTOR = 1000;
/** A proportion with a denominator under this carries 小样本 and raises no 波动较大 (v2 §8). */
export const SMALL_SAMPLE_DENOMINATOR = 20;
/** A fitted slope this small is binary noise of a flat series (a constant gap gives −5.9e-16), i.e. 0 (v2 §1). */
export const ZERO_SLOPE = 1e-9;
/** Direction-only rare-event counts: the wrong direction is real only below this two-sided p (v2 §9). */
export const DIRECTION_TEST_ALPHA = 0.05;
/** Theil–Sen needs this many points; fewer use the endpoint slope (§D). */
export const THEIL_SEN_MIN_POINTS = 4;

export const METHOD_NONE = 0;
export const METHOD_ENDPOINT = 1;
export const METHOD_THEIL_SEN = 2;

/** Everything the kernel decides about one series; reset and refilled on each call. */
export class KernelOut {
  n = 0;
  status = 0;
  difficulty = 0;
  /** −1 = not applicable, 0 = no, 1 = yes. */
  met = -1;
  metAtBase = -1;
  year = Number.NaN;
  value = Number.NaN;
  prevValue = Number.NaN;
  baseYear = Number.NaN;
  baseValue = Number.NaN;
  target = Number.NaN;
  targetNow = Number.NaN;
  cs = Number.NaN;
  expected = Number.NaN;
  /** CS < E, decided on the cleaned decimals (v2 §1: CS = E is on schedule). */
  behind = false;
  method = 0;
  slope = Number.NaN;
  intercept = Number.NaN;
  xhat = Number.NaN;
  clipped = false;
  apr = Number.NaN;
  /** Smallest judged value: the Open SDG ratio needs all values > 0. */
  minValue = Number.NaN;
  flags = 0;
  /** Maintain / met-at-base: x̂_T fails the target (预计达标困难 warning beside the Destatis status). */
  projectedMiss = false;
  jumpRatio = Number.NaN;
  bandMean = Number.NaN;
  bandRatio = Number.NaN;
  reversals = 0;
  meanAbsDelta = Number.NaN;
  fluctuationSlope = Number.NaN;
  /** annual_step: the years whose change fell short of the step (a list, not a bit mask: any span works). */
  readonly stepMissedYears: number[] = [];
  /** Proportion with a small denominator: the latest year's denominator (v2 §8). */
  sampleDenominator = Number.NaN;
  /** Direction-only rare-event counts: pooled halves and the conditional binomial test (v2 §9). */
  halfEarly = Number.NaN;
  halfLate = Number.NaN;
  halfP = Number.NaN;
  /** Final-evaluation category code (codes.ts FINAL), set only when t = T. */
  final = 0;
  events = Number.NaN;
  exposure = Number.NaN;
  pooledRate = Number.NaN;
  ciLow = Number.NaN;
  ciHigh = Number.NaN;
  eventsPerYear = Number.NaN;
  pooledFrom = Number.NaN;

  reset(): void {
    this.n = 0;
    this.status = 0;
    this.difficulty = 0;
    this.met = -1;
    this.metAtBase = -1;
    this.year = this.value = this.prevValue = this.baseYear = this.baseValue = Number.NaN;
    this.target = this.targetNow = this.cs = this.expected = Number.NaN;
    this.behind = false;
    this.method = 0;
    this.slope = this.intercept = this.xhat = this.apr = this.minValue = Number.NaN;
    this.clipped = false;
    this.flags = 0;
    this.projectedMiss = false;
    this.jumpRatio = this.bandMean = this.bandRatio = this.meanAbsDelta = this.fluctuationSlope = Number.NaN;
    this.reversals = 0;
    this.stepMissedYears.length = 0;
    this.sampleDenominator = this.halfEarly = this.halfLate = this.halfP = Number.NaN;
    this.final = 0;
    this.events = this.exposure = this.pooledRate = this.ciLow = this.ciHigh = Number.NaN;
    this.eventsPerYear = this.pooledFrom = Number.NaN;
  }
}

// Present points of the current series: year, judged value (the gap for relational rules), raw value,
// reference, numerator, denominator.
let xBuf = new Float64Array(16);
let yBuf = new Float64Array(16);
let vBuf = new Float64Array(16);
let rBuf = new Float64Array(16);
let nBuf = new Float64Array(16);
let dBuf = new Float64Array(16);

function ensurePoints(len: number): void {
  if (xBuf.length >= len) return;
  xBuf = new Float64Array(len);
  yBuf = new Float64Array(len);
  vBuf = new Float64Array(len);
  rBuf = new Float64Array(len);
  nBuf = new Float64Array(len);
  dBuf = new Float64Array(len);
}

/**
 * Assesses one series: years[j] (ascending) with values vals[off + j], j < len; NaN = missing.
 * refs/nums/dens are parallel arrays (or null) for relational references and counts.
 */
export function assessSeries(
  r: CompiledRule,
  years: Float64Array,
  vals: Float64Array,
  refs: Float64Array | null,
  nums: Float64Array | null,
  dens: Float64Array | null,
  off: number,
  len: number,
  o: KernelOut,
): void {
  o.reset();
  ensurePoints(len);
  // Local copies of the module buffers: cheaper to access in the hot loop than module-level bindings.
  const px = xBuf;
  const py = yBuf;
  const pv = vBuf;
  const pr = rBuf;
  const pn = nBuf;
  const pd = dBuf;
  const relational = r.kind === Kind.Relational;
  let n = 0;
  let minValue = Number.POSITIVE_INFINITY;
  let countYears = 0;
  let countSum = 0;
  if (refs === null && nums === null && dens === null) {
    // Values only (the common case, and every SeriesStore without references or counts): the reference and
    // count buffers are never read on this path (a relational rule without references has no points;
    // countYears stays 0).
    const from = r.baseYear;
    const to = r.targetYear;
    for (let j = relational ? len : 0; j < len; j++) {
      const year = years[j] as number;
      if (year < from || year > to) continue;
      const v = vals[off + j] as number;
      // biome-ignore lint/suspicious/noSelfCompare: the fastest NaN test in the hot loop.
      if (v !== v) continue;
      px[n] = year;
      pv[n] = v;
      py[n] = v;
      if (v < minValue) minValue = v;
      n++;
    }
  } else {
    for (let j = 0; j < len; j++) {
      const year = years[j] as number;
      if (year < r.baseYear || year > r.targetYear) continue;
      let v = vals[off + j] as number;
      const num = nums === null ? Number.NaN : (nums[off + j] as number);
      const den = dens === null ? Number.NaN : (dens[off + j] as number);
      const hasCounts = num >= 0 && den > 0;
      if (Number.isNaN(v) && hasCounts) v = (r.factor * num) / den;
      if (Number.isNaN(v)) continue;
      const ref = refs === null ? Number.NaN : (refs[off + j] as number);
      if (relational && Number.isNaN(ref)) continue;
      px[n] = year;
      pv[n] = v;
      pr[n] = ref;
      py[n] = relational ? v - ref : v;
      if (v < minValue) minValue = v;
      pn[n] = hasCounts ? num : Number.NaN;
      pd[n] = hasCounts ? den : Number.NaN;
      if (hasCounts) {
        countYears++;
        countSum += num;
      }
      n++;
    }
  }
  o.n = n;
  o.minValue = minValue;
  if (n === 0) {
    o.status = S.NoData;
    return;
  }
  judge(r, n, countYears, countSum, o);
  if (o.year >= r.targetYear && r.kind !== Kind.DirectionOnly && o.method !== METHOD_NONE) {
    // v2 §5: a finished cycle is judged met / not met; nothing is projected past it.
    o.method = METHOD_NONE;
    o.xhat = o.intercept = o.apr = Number.NaN;
    o.clipped = false;
  }
  if (o.year === r.targetYear) o.final = finalCategory(r, o);
}

function judge(r: CompiledRule, n: number, countYears: number, countSum: number, o: KernelOut): void {
  const px = xBuf;
  const py = yBuf;
  const pv = vBuf;
  const pr = rBuf;
  const pn = nBuf;
  const pd = dBuf;
  const relational = r.kind === Kind.Relational;
  const b = px[0] as number;
  const t = px[n - 1] as number;
  const T = r.targetYear;
  const beforeT = t < T;
  const xb = py[0] as number;
  const xt = py[n - 1] as number;
  const d = r.d;
  const scale = r.scale;
  o.baseYear = b;
  o.baseValue = pv[0] as number;
  o.year = t;
  o.value = pv[n - 1] as number;

  // B. Targets and met now.
  const kind = r.kind;
  const numeric = kind !== Kind.Relational && kind !== Kind.DirectionOnly;
  let tv = r.value;
  let tvNow = r.value;
  if (kind === Kind.RelativeToBase) tv = tvNow = clean(xb * (1 + (d * r.amount) / 100));
  else if (kind === Kind.AnnualStep) {
    tv = clean(xb + d * r.amount * (T - b));
    tvNow = clean(xb + d * r.amount * (t - b));
  }
  if (numeric) {
    o.target = tv;
    o.targetNow = tvNow;
    o.metAtBase = meets(roundTo(xb, scale), r.cmp, tv) ? 1 : 0;
    o.met = meets(roundTo(xt, scale), r.cmp, tvNow) ? 1 : 0;
  } else if (relational) {
    o.targetNow = pr[n - 1] as number;
    o.metAtBase = meets(roundTo(pv[0] as number, scale), r.cmp, roundTo(pr[0] as number, scale)) ? 1 : 0;
    o.met = meets(roundTo(pv[n - 1] as number, scale), r.cmp, roundTo(pr[n - 1] as number, scale)) ? 1 : 0;
  }
  if (n === 1) {
    o.status = S.Insufficient;
    return;
  }
  o.prevValue = pv[n - 2] as number;

  // D. Projection (on the gap for relational rules, whose limits are not those of the value).
  let slope: number;
  let xhat: number;
  if (n >= THEIL_SEN_MIN_POINTS) {
    slope = noiseFree(
      n !== 6
        ? theilSenSlope(px, py, n)
        : t - b === 5 &&
            Number.isInteger(b) &&
            (px[1] as number) === b + 1 &&
            (px[2] as number) === b + 2 &&
            (px[3] as number) === b + 3 &&
            (px[4] as number) === b + 4
          ? theilSen6Years(py)
          : theilSen6(px, py),
    );
    const h = n >> 1;
    const medX = n & 1 ? (px[h] as number) : ((px[h - 1] as number) + (px[h] as number)) / 2;
    const medY = n === 6 ? median6(py) : median(py, n);
    o.intercept = medY - slope * medX;
    xhat = medY + slope * (T - medX);
    o.method = METHOD_THEIL_SEN;
  } else {
    slope = noiseFree((xt - xb) / (t - b));
    o.intercept = xt - slope * t;
    xhat = xt + slope * (T - t);
    o.method = METHOD_ENDPOINT;
  }
  if (!relational) {
    if (xhat < r.lo) {
      xhat = r.lo;
      o.clipped = true;
    } else if (xhat > r.hi) {
      xhat = r.hi;
      o.clipped = true;
    }
  }
  o.slope = slope;
  o.xhat = xhat;

  // G. Small numbers: a rare-event rate (‰, /10万) from fewer than ~10 events a year is judged on the pooled
  // counts after the base. Proportions never pool (v2 §8).
  const rare = r.factor >= RARE_EVENT_FACTOR;
  let small = false;
  if (rare && countYears > 0 && countSum / countYears < SMALL_EVENTS_PER_YEAR) {
    let events = 0;
    let exposure = 0;
    for (let i = 1; i < n; i++) {
      const den = pd[i] as number;
      if (den > 0) {
        events += pn[i] as number;
        exposure += den;
      }
    }
    if (exposure > 0) {
      small = true;
      o.flags |= F.SmallNumbers;
      o.eventsPerYear = countSum / countYears;
      o.events = events;
      o.exposure = exposure;
      o.pooledFrom = px[1] as number;
      o.pooledRate = (r.factor * events) / exposure;
      const [lo, hi] = poissonInterval(events);
      o.ciLow = (r.factor * lo) / exposure;
      o.ciHigh = (r.factor * hi) / exposure;
    }
  }
  // A proportion of fewer than 20 (bodies, children …): its year-to-year swings say nothing (v2 §8).
  let smallSample = false;
  if (!rare && countYears > 0 && (r.factor === 100 || kind === Kind.CountPerBody)) {
    const den = pd[n - 1] as number;
    if (den > 0 && den < SMALL_SAMPLE_DENOMINATOR) {
      smallSample = true;
      o.flags |= F.SmallSample;
      o.sampleDenominator = den;
    }
  }

  // F. Fluctuation, on the reported values; never from the rates of small numbers or small samples.
  if (!small && !smallSample && n >= 3) {
    const fluctuationSlope = !relational ? slope : n >= THEIL_SEN_MIN_POINTS ? noiseFree(theilSenSlope(px, pv, n)) : 0;
    testFluctuation(px, pv, n, fluctuationSlope, r.floor, scale, o);
  }

  // annual_step: each year must improve by the step (per year elapsed since the previous report), compared on
  // the published values in decimal (v2 §6).
  if (kind === Kind.AnnualStep) {
    for (let i = 1; i < n; i++) {
      const achieved = clean(d * (roundTo(py[i] as number, scale) - roundTo(py[i - 1] as number, scale)));
      if (achieved < clean(r.amount * ((px[i] as number) - (px[i - 1] as number))))
        o.stepMissedYears.push(px[i] as number);
    }
    if (o.stepMissedYears.length > 0) o.flags |= F.AnnualStepMissed;
  }

  // E. Status.
  const slopeD = slope * d;
  if (kind === Kind.DirectionOnly) {
    judgeDirection(r, o, n, small, slopeD);
    return;
  }
  if (relational) {
    // The gap must stay on the comparator's side of 0: its better direction comes from the comparator.
    const gapD = r.cmp <= 1 ? 1 : -1;
    if (!beforeT) o.status = o.met === 1 ? S.Met : S.NotMet;
    else constantTarget(o, o.met === 1, slope * gapD, meets(roundTo(xhat, scale), r.cmp, 0), true);
    return;
  }
  if (small && kind !== Kind.AnnualStep) {
    judgePooled(r, o, tv, beforeT, slopeD);
    return;
  }
  if (kind === Kind.Maintain || o.metAtBase === 1) {
    // Destatis constant-target rule; never the ratio formulas when met at base. At T: met or not, no setback.
    if (!beforeT) o.status = o.met === 1 ? S.Met : S.NotMet;
    else constantTarget(o, o.met === 1, slopeD, meets(roundTo(xhat, scale), r.cmp, tv), true);
    return;
  }

  // C. Schedule and APR on the published values, against the distance to go; one published unit only when the
  // distance is exactly 0 (a strict comparator sitting on the target). Ratios are cleaned decimals (v2 §1, §4).
  const xbPublished = roundTo(xb, scale);
  const gap = clean(Math.abs(tv - xbPublished));
  const distance = gap === 0 ? r.unit : gap;
  o.expected = clean((t - b) / (T - b));
  o.cs = clean((d * (roundTo(xt, scale) - xbPublished)) / distance);
  o.behind = o.cs < o.expected;
  o.apr = clean((d * (xhat - xbPublished)) / distance);
  if (o.met === 1) {
    // annual_step: this year's path is met; 提前达标 only once the final target is.
    const early = beforeT && (kind !== Kind.AnnualStep || meets(roundTo(xt, scale), r.cmp, tv));
    o.status = early ? S.MetEarly : S.Met;
  } else if (!beforeT) o.status = S.NotMet;
  else if (o.apr >= ON_TRACK_APR) o.status = S.OnTrack;
  else {
    o.status = S.Difficult;
    o.difficulty = o.apr > 0 ? D.Accelerate : D.Reverse;
  }
}

/** A fitted slope below ZERO_SLOPE is a flat series seen through binary noise. */
function noiseFree(slope: number): number {
  return Math.abs(slope) < ZERO_SLOPE ? 0 : slope;
}

/** Direction-only targets (逐步提高, 明显下降): the natural limit first, then pooled halves or the trend. */
function judgeDirection(r: CompiledRule, o: KernelOut, n: number, small: boolean, slopeD: number): void {
  const py = yBuf;
  const last = roundTo(py[n - 1] as number, r.scale);
  // v2 §10: back at, or still at, the best the quantity allows (0 transmissions, 100% coverage).
  if (r.d > 0 ? last >= r.hi : last <= r.lo) {
    o.status = S.Improving;
    return;
  }
  if (small && pooledHalves(r, o, n)) return;
  if (slopeD > 0) {
    const lastChange = clean(r.d * (last - roundTo(py[n - 2] as number, r.scale)));
    o.status = lastChange > 0 ? S.Improving : S.ImprovingLastFell;
  } else {
    o.status = S.Difficult;
    o.difficulty = D.NoDirection;
  }
}

/**
 * v2 §9: a rare-event rate with a direction-only target compares the pooled rate of the earlier half of its
 * years with the later half (the middle year of an odd count is left out). The wrong direction counts only when
 * an exact two-sided conditional binomial test of the later events, given the total, has p < 0.05.
 * Returns false when fewer than two years carry counts.
 */
function pooledHalves(r: CompiledRule, o: KernelOut, n: number): boolean {
  const pn = nBuf;
  const pd = dBuf;
  let years = 0;
  for (let i = 0; i < n; i++) if ((pd[i] as number) > 0) years++;
  const half = years >> 1;
  if (half === 0) return false;
  let seen = 0;
  let e1 = 0;
  let x1 = 0;
  let e2 = 0;
  let x2 = 0;
  for (let i = 0; i < n; i++) {
    const den = pd[i] as number;
    if (!(den > 0)) continue;
    if (seen < half) {
      e1 += pn[i] as number;
      x1 += den;
    } else if (seen >= years - half) {
      e2 += pn[i] as number;
      x2 += den;
    }
    seen++;
  }
  o.halfEarly = (r.factor * e1) / x1;
  o.halfLate = (r.factor * e2) / x2;
  // Cross-multiplied counts: exact for integers, so equal rates are never "a change".
  if (r.d * (e2 * x1 - e1 * x2) > 0) {
    o.status = S.Improving;
    return true;
  }
  o.halfP = binomialTwoSidedP(e2, e1 + e2, x2 / (x1 + x2));
  if (o.halfP < DIRECTION_TEST_ALPHA) {
    o.status = S.Difficult;
    o.difficulty = D.NoDirection;
  } else o.status = S.Unclear;
  return true;
}

/** Destatis rule for constant targets (maintain, relational, and any target met at base). */
function constantTarget(o: KernelOut, met: boolean, slopeD: number, projectionMeets: boolean, beforeT: boolean): void {
  o.status = met ? (slopeD < 0 ? S.MetAtRisk : S.Met) : S.NotMet;
  if (beforeT && !projectionMeets) {
    o.projectedMiss = true;
    o.difficulty = met || slopeD <= 0 ? D.Reverse : D.Accelerate;
  }
}

/** §G: the pooled rate decides met; 预计达标困难 only when the whole 95% interval is on the wrong side. */
function judgePooled(r: CompiledRule, o: KernelOut, tv: number, beforeT: boolean, slopeD: number): void {
  o.met = meets(roundTo(o.pooledRate, r.scale), r.cmp, o.targetNow) ? 1 : 0;
  if (o.met === 1) {
    o.status = beforeT && r.kind !== Kind.Maintain && o.metAtBase !== 1 ? S.MetEarly : S.Met;
    return;
  }
  const bestEnd = r.d > 0 ? o.ciHigh : o.ciLow;
  if (!beforeT) o.status = S.NotMet;
  else if (!meets(bestEnd, r.cmp, tv)) {
    o.status = S.Difficult;
    o.difficulty = slopeD > 0 ? D.Accelerate : D.Reverse;
  } else o.status = S.NotMet;
}
