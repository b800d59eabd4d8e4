// Trend estimators of METHODOLOGY.md §D over points (x ascending, no missing values), without allocation:
// the scratch buffers grow once and are reused by every call.

let scratch = new Float64Array(64);

/**
 * Compare-exchange without a branch: both values go through this pair and come back by the comparison's 0/1
 * index, so random data costs no mispredicted jumps. The same swap as `if (a > b) [a, b] = [b, a]`, bit for bit.
 */
const pair = new Float64Array(2);

function ensure(size: number): Float64Array {
  if (scratch.length < size) scratch = new Float64Array(size * 2);
  return scratch;
}

/** Median of a[0..m) after sorting it in place. Insertion sort: fastest for the ≤ 28 values of an annual series. */
function sortedMedian(a: Float64Array, m: number): number {
  if (m > 64) {
    a.subarray(0, m).sort();
  } else {
    for (let i = 1; i < m; i++) {
      const v = a[i] as number;
      let j = i - 1;
      while (j >= 0 && (a[j] as number) > v) {
        a[j + 1] = a[j] as number;
        j--;
      }
      a[j + 1] = v;
    }
  }
  const h = m >> 1;
  return m & 1 ? (a[h] as number) : ((a[h - 1] as number) + (a[h] as number)) / 2;
}

/** Median of v[0..n) (v is left untouched). */
export function median(v: Float64Array, n: number): number {
  const a = ensure(n);
  for (let i = 0; i < n; i++) a[i] = v[i] as number;
  return sortedMedian(a, n);
}

/** Theil–Sen slope: the median of all pairwise slopes (y_j − y_i)/(x_j − x_i), i < j (scipy.stats.theilslopes). */
export function theilSenSlope(x: Float64Array, y: Float64Array, n: number): number {
  const a = ensure((n * (n - 1)) / 2);
  let m = 0;
  for (let i = 0; i < n - 1; i++) {
    const xi = x[i] as number;
    const yi = y[i] as number;
    for (let j = i + 1; j < n; j++) a[m++] = ((y[j] as number) - yi) / ((x[j] as number) - xi);
  }
  // 4 and 5 points (a full series with a year missing): the branch-free networks.
  if (m === 6) return median6(a);
  if (m === 10) return median10(a);
  return sortedMedian(a, m);
}

/**
 * The compare-exchanges of the selection network that picks the median (8th smallest) of 15 values: Batcher's
 * odd–even merge sort pruned to the middle output, as index pairs. theilSen6Years runs the same 49 steps unrolled.
 */
const MEDIAN15_NETWORK = new Uint8Array([
  0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 0, 2, 1, 3, 4, 6, 5, 7, 8, 10, 9, 11, 12, 14, 1, 2, 5, 6, 9, 10, 13, 14,
  0, 4, 1, 5, 2, 6, 3, 7, 8, 12, 9, 13, 10, 14, 2, 4, 3, 5, 10, 12, 11, 13, 1, 2, 3, 4, 5, 6, 9, 10, 11, 12, 13, 14, 0,
  8, 1, 9, 2, 10, 3, 11, 4, 12, 5, 13, 6, 14, 4, 8, 5, 9, 6, 10, 7, 11, 6, 8, 7, 9, 7, 8,
]);

const slopes15 = new Float64Array(15);

/**
 * Theil–Sen slope of exactly 6 points with any years: the 15 pairwise slopes, and their median by the network
 * above. Each compare-exchange goes through `pair` (the comparison's 0/1 picks the order): branch-free, and the
 * same swap a sort makes, so 0/−0 and NaN come out as in theilSenSlope. A full run of consecutive years takes the
 * unrolled theilSen6Years instead, the hot path of SeriesStore.
 */
export function theilSen6(x: Float64Array, y: Float64Array): number {
  const s = slopes15;
  let k = 0;
  for (let i = 0; i < 5; i++) {
    for (let j = i + 1; j < 6; j++) {
      s[k++] = ((y[j] as number) - (y[i] as number)) / ((x[j] as number) - (x[i] as number));
    }
  }
  const w = pair;
  const net = MEDIAN15_NETWORK;
  for (let n = 0; n < net.length; n += 2) {
    const i = net[n] as number;
    const j = net[n + 1] as number;
    w[0] = s[i] as number;
    w[1] = s[j] as number;
    const c = +((w[0] as number) > (w[1] as number));
    s[i] = w[c] as number;
    s[j] = w[c ^ 1] as number;
  }
  return s[7] as number;
}

/**
 * theilSen6 for six consecutive whole years (x = x₀ … x₀ + 5, the full series of a SeriesStore): the year
 * differences are the exact integers 1–5, so dividing by 1 is skipped and by 2 and 4 is an exact multiplication
 * by 0.5 and 0.25 (a power-of-two scaling rounds like the division). Same slopes, same network (unrolled on
 * locals: a loop over MEDIAN15_NETWORK makes the whole re-assessment ≈ 15% slower, past the benchmark's budget),
 * same result.
 */
export function theilSen6Years(y: Float64Array): number {
  const y0 = y[0] as number;
  const y1 = y[1] as number;
  const y2 = y[2] as number;
  const y3 = y[3] as number;
  const y4 = y[4] as number;
  const y5 = y[5] as number;
  let s0 = y1 - y0;
  let s1 = (y2 - y0) * 0.5;
  let s2 = (y3 - y0) / 3;
  let s3 = (y4 - y0) * 0.25;
  let s4 = (y5 - y0) / 5;
  let s5 = y2 - y1;
  let s6 = (y3 - y1) * 0.5;
  let s7 = (y4 - y1) / 3;
  let s8 = (y5 - y1) * 0.25;
  let s9 = y3 - y2;
  let s10 = (y4 - y2) * 0.5;
  let s11 = (y5 - y2) / 3;
  let s12 = y4 - y3;
  let s13 = (y5 - y3) * 0.5;
  let s14 = y5 - y4;
  const w = pair;
  let c: number;
  w[0] = s0;
  w[1] = s1;
  c = +(s0 > s1);
  s0 = w[c] as number;
  s1 = w[c ^ 1] as number;
  w[0] = s2;
  w[1] = s3;
  c = +(s2 > s3);
  s2 = w[c] as number;
  s3 = w[c ^ 1] as number;
  w[0] = s4;
  w[1] = s5;
  c = +(s4 > s5);
  s4 = w[c] as number;
  s5 = w[c ^ 1] as number;
  w[0] = s6;
  w[1] = s7;
  c = +(s6 > s7);
  s6 = w[c] as number;
  s7 = w[c ^ 1] as number;
  w[0] = s8;
  w[1] = s9;
  c = +(s8 > s9);
  s8 = w[c] as number;
  s9 = w[c ^ 1] as number;
  w[0] = s10;
  w[1] = s11;
  c = +(s10 > s11);
  s10 = w[c] as number;
  s11 = w[c ^ 1] as number;
  w[0] = s12;
  w[1] = s13;
  c = +(s12 > s13);
  s12 = w[c] as number;
  s13 = w[c ^ 1] as number;
  w[0] = s0;
  w[1] = s2;
  c = +(s0 > s2);
  s0 = w[c] as number;
  s2 = w[c ^ 1] as number;
  w[0] = s1;
  w[1] = s3;
  c = +(s1 > s3);
  s1 = w[c] as number;
  s3 = w[c ^ 1] as number;
  w[0] = s4;
  w[1] = s6;
  c = +(s4 > s6);
  s4 = w[c] as number;
  s6 = w[c ^ 1] as number;
  w[0] = s5;
  w[1] = s7;
  c = +(s5 > s7);
  s5 = w[c] as number;
  s7 = w[c ^ 1] as number;
  w[0] = s8;
  w[1] = s10;
  c = +(s8 > s10);
  s8 = w[c] as number;
  s10 = w[c ^ 1] as number;
  w[0] = s9;
  w[1] = s11;
  c = +(s9 > s11);
  s9 = w[c] as number;
  s11 = w[c ^ 1] as number;
  w[0] = s12;
  w[1] = s14;
  c = +(s12 > s14);
  s12 = w[c] as number;
  s14 = w[c ^ 1] as number;
  w[0] = s1;
  w[1] = s2;
  c = +(s1 > s2);
  s1 = w[c] as number;
  s2 = w[c ^ 1] as number;
  w[0] = s5;
  w[1] = s6;
  c = +(s5 > s6);
  s5 = w[c] as number;
  s6 = w[c ^ 1] as number;
  w[0] = s9;
  w[1] = s10;
  c = +(s9 > s10);
  s9 = w[c] as number;
  s10 = w[c ^ 1] as number;
  w[0] = s13;
  w[1] = s14;
  c = +(s13 > s14);
  s13 = w[c] as number;
  s14 = w[c ^ 1] as number;
  w[0] = s0;
  w[1] = s4;
  c = +(s0 > s4);
  s0 = w[c] as number;
  s4 = w[c ^ 1] as number;
  w[0] = s1;
  w[1] = s5;
  c = +(s1 > s5);
  s1 = w[c] as number;
  s5 = w[c ^ 1] as number;
  w[0] = s2;
  w[1] = s6;
  c = +(s2 > s6);
  s2 = w[c] as number;
  s6 = w[c ^ 1] as number;
  w[0] = s3;
  w[1] = s7;
  c = +(s3 > s7);
  s3 = w[c] as number;
  s7 = w[c ^ 1] as number;
  w[0] = s8;
  w[1] = s12;
  c = +(s8 > s12);
  s8 = w[c] as number;
  s12 = w[c ^ 1] as number;
  w[0] = s9;
  w[1] = s13;
  c = +(s9 > s13);
  s9 = w[c] as number;
  s13 = w[c ^ 1] as number;
  w[0] = s10;
  w[1] = s14;
  c = +(s10 > s14);
  s10 = w[c] as number;
  s14 = w[c ^ 1] as number;
  w[0] = s2;
  w[1] = s4;
  c = +(s2 > s4);
  s2 = w[c] as number;
  s4 = w[c ^ 1] as number;
  w[0] = s3;
  w[1] = s5;
  c = +(s3 > s5);
  s3 = w[c] as number;
  s5 = w[c ^ 1] as number;
  w[0] = s10;
  w[1] = s12;
  c = +(s10 > s12);
  s10 = w[c] as number;
  s12 = w[c ^ 1] as number;
  w[0] = s11;
  w[1] = s13;
  c = +(s11 > s13);
  s11 = w[c] as number;
  s13 = w[c ^ 1] as number;
  w[0] = s1;
  w[1] = s2;
  c = +(s1 > s2);
  s1 = w[c] as number;
  s2 = w[c ^ 1] as number;
  w[0] = s3;
  w[1] = s4;
  c = +(s3 > s4);
  s3 = w[c] as number;
  s4 = w[c ^ 1] as number;
  w[0] = s5;
  w[1] = s6;
  c = +(s5 > s6);
  s5 = w[c] as number;
  s6 = w[c ^ 1] as number;
  w[0] = s9;
  w[1] = s10;
  c = +(s9 > s10);
  s9 = w[c] as number;
  s10 = w[c ^ 1] as number;
  w[0] = s11;
  w[1] = s12;
  c = +(s11 > s12);
  s11 = w[c] as number;
  s12 = w[c ^ 1] as number;
  w[0] = s13;
  w[1] = s14;
  c = +(s13 > s14);
  s13 = w[c] as number;
  s14 = w[c ^ 1] as number;
  w[0] = s0;
  w[1] = s8;
  c = +(s0 > s8);
  s0 = w[c] as number;
  s8 = w[c ^ 1] as number;
  w[0] = s1;
  w[1] = s9;
  c = +(s1 > s9);
  s1 = w[c] as number;
  s9 = w[c ^ 1] as number;
  w[0] = s2;
  w[1] = s10;
  c = +(s2 > s10);
  s2 = w[c] as number;
  s10 = w[c ^ 1] as number;
  w[0] = s3;
  w[1] = s11;
  c = +(s3 > s11);
  s3 = w[c] as number;
  s11 = w[c ^ 1] as number;
  w[0] = s4;
  w[1] = s12;
  c = +(s4 > s12);
  s4 = w[c] as number;
  s12 = w[c ^ 1] as number;
  w[0] = s5;
  w[1] = s13;
  c = +(s5 > s13);
  s5 = w[c] as number;
  s13 = w[c ^ 1] as number;
  w[0] = s6;
  w[1] = s14;
  c = +(s6 > s14);
  s6 = w[c] as number;
  s14 = w[c ^ 1] as number;
  w[0] = s4;
  w[1] = s8;
  c = +(s4 > s8);
  s4 = w[c] as number;
  s8 = w[c ^ 1] as number;
  w[0] = s5;
  w[1] = s9;
  c = +(s5 > s9);
  s5 = w[c] as number;
  s9 = w[c ^ 1] as number;
  w[0] = s6;
  w[1] = s10;
  c = +(s6 > s10);
  s6 = w[c] as number;
  s10 = w[c ^ 1] as number;
  w[0] = s7;
  w[1] = s11;
  c = +(s7 > s11);
  s7 = w[c] as number;
  s11 = w[c ^ 1] as number;
  w[0] = s6;
  w[1] = s8;
  c = +(s6 > s8);
  s6 = w[c] as number;
  s8 = w[c ^ 1] as number;
  w[0] = s7;
  w[1] = s9;
  c = +(s7 > s9);
  s7 = w[c] as number;
  s9 = w[c ^ 1] as number;
  w[0] = s7;
  w[1] = s8;
  c = +(s7 > s8);
  s7 = w[c] as number;
  s8 = w[c ^ 1] as number;
  return s7;
}

/**
 * Median of exactly 6 values (v left untouched): the 12-comparator sorting network, branch-free through `pair`.
 * A network is not stable, so when the median is a zero (where 0 and −0 could trade places) it defers to
 * `median`, keeping the result bit-identical to the insertion sort's.
 */
export function median6(v: Float64Array): number {
  const w = pair;
  let c: number;
  let a0 = v[0] as number;
  let a1 = v[1] as number;
  let a2 = v[2] as number;
  let a3 = v[3] as number;
  let a4 = v[4] as number;
  let a5 = v[5] as number;
  w[0] = a0;
  w[1] = a5;
  c = +(a0 > a5);
  a0 = w[c] as number;
  a5 = w[c ^ 1] as number;
  w[0] = a1;
  w[1] = a3;
  c = +(a1 > a3);
  a1 = w[c] as number;
  a3 = w[c ^ 1] as number;
  w[0] = a2;
  w[1] = a4;
  c = +(a2 > a4);
  a2 = w[c] as number;
  a4 = w[c ^ 1] as number;
  w[0] = a1;
  w[1] = a2;
  c = +(a1 > a2);
  a1 = w[c] as number;
  a2 = w[c ^ 1] as number;
  w[0] = a3;
  w[1] = a4;
  c = +(a3 > a4);
  a3 = w[c] as number;
  a4 = w[c ^ 1] as number;
  w[0] = a0;
  w[1] = a3;
  c = +(a0 > a3);
  a0 = w[c] as number;
  a3 = w[c ^ 1] as number;
  w[0] = a2;
  w[1] = a5;
  c = +(a2 > a5);
  a2 = w[c] as number;
  a5 = w[c ^ 1] as number;
  w[0] = a0;
  w[1] = a1;
  c = +(a0 > a1);
  a0 = w[c] as number;
  a1 = w[c ^ 1] as number;
  w[0] = a2;
  w[1] = a3;
  c = +(a2 > a3);
  a2 = w[c] as number;
  a3 = w[c ^ 1] as number;
  w[0] = a4;
  w[1] = a5;
  c = +(a4 > a5);
  a4 = w[c] as number;
  a5 = w[c ^ 1] as number;
  w[0] = a1;
  w[1] = a2;
  c = +(a1 > a2);
  a1 = w[c] as number;
  a2 = w[c ^ 1] as number;
  w[0] = a3;
  w[1] = a4;
  c = +(a3 > a4);
  a3 = w[c] as number;
  a4 = w[c ^ 1] as number;
  const m = (a2 + a3) / 2;
  return m === 0 ? median(v, 6) : m;
}

/** Median of exactly 10 values (v left untouched): a 29-comparator sorting network, as median6. */
export function median10(v: Float64Array): number {
  const w = pair;
  let c: number;
  let a0 = v[0] as number;
  let a1 = v[1] as number;
  let a2 = v[2] as number;
  let a3 = v[3] as number;
  let a4 = v[4] as number;
  let a5 = v[5] as number;
  let a6 = v[6] as number;
  let a7 = v[7] as number;
  let a8 = v[8] as number;
  let a9 = v[9] as number;
  w[0] = a0;
  w[1] = a8;
  c = +(a0 > a8);
  a0 = w[c] as number;
  a8 = w[c ^ 1] as number;
  w[0] = a1;
  w[1] = a9;
  c = +(a1 > a9);
  a1 = w[c] as number;
  a9 = w[c ^ 1] as number;
  w[0] = a2;
  w[1] = a7;
  c = +(a2 > a7);
  a2 = w[c] as number;
  a7 = w[c ^ 1] as number;
  w[0] = a3;
  w[1] = a5;
  c = +(a3 > a5);
  a3 = w[c] as number;
  a5 = w[c ^ 1] as number;
  w[0] = a4;
  w[1] = a6;
  c = +(a4 > a6);
  a4 = w[c] as number;
  a6 = w[c ^ 1] as number;
  w[0] = a0;
  w[1] = a2;
  c = +(a0 > a2);
  a0 = w[c] as number;
  a2 = w[c ^ 1] as number;
  w[0] = a1;
  w[1] = a4;
  c = +(a1 > a4);
  a1 = w[c] as number;
  a4 = w[c ^ 1] as number;
  w[0] = a5;
  w[1] = a8;
  c = +(a5 > a8);
  a5 = w[c] as number;
  a8 = w[c ^ 1] as number;
  w[0] = a7;
  w[1] = a9;
  c = +(a7 > a9);
  a7 = w[c] as number;
  a9 = w[c ^ 1] as number;
  w[0] = a0;
  w[1] = a3;
  c = +(a0 > a3);
  a0 = w[c] as number;
  a3 = w[c ^ 1] as number;
  w[0] = a2;
  w[1] = a4;
  c = +(a2 > a4);
  a2 = w[c] as number;
  a4 = w[c ^ 1] as number;
  w[0] = a5;
  w[1] = a7;
  c = +(a5 > a7);
  a5 = w[c] as number;
  a7 = w[c ^ 1] as number;
  w[0] = a6;
  w[1] = a9;
  c = +(a6 > a9);
  a6 = w[c] as number;
  a9 = w[c ^ 1] as number;
  w[0] = a0;
  w[1] = a1;
  c = +(a0 > a1);
  a0 = w[c] as number;
  a1 = w[c ^ 1] as number;
  w[0] = a3;
  w[1] = a6;
  c = +(a3 > a6);
  a3 = w[c] as number;
  a6 = w[c ^ 1] as number;
  w[0] = a8;
  w[1] = a9;
  c = +(a8 > a9);
  a8 = w[c] as number;
  a9 = w[c ^ 1] as number;
  w[0] = a1;
  w[1] = a5;
  c = +(a1 > a5);
  a1 = w[c] as number;
  a5 = w[c ^ 1] as number;
  w[0] = a2;
  w[1] = a3;
  c = +(a2 > a3);
  a2 = w[c] as number;
  a3 = w[c ^ 1] as number;
  w[0] = a4;
  w[1] = a8;
  c = +(a4 > a8);
  a4 = w[c] as number;
  a8 = w[c ^ 1] as number;
  w[0] = a6;
  w[1] = a7;
  c = +(a6 > a7);
  a6 = w[c] as number;
  a7 = w[c ^ 1] as number;
  w[0] = a1;
  w[1] = a2;
  c = +(a1 > a2);
  a1 = w[c] as number;
  a2 = w[c ^ 1] as number;
  w[0] = a3;
  w[1] = a5;
  c = +(a3 > a5);
  a3 = w[c] as number;
  a5 = w[c ^ 1] as number;
  w[0] = a4;
  w[1] = a6;
  c = +(a4 > a6);
  a4 = w[c] as number;
  a6 = w[c ^ 1] as number;
  w[0] = a7;
  w[1] = a8;
  c = +(a7 > a8);
  a7 = w[c] as number;
  a8 = w[c ^ 1] as number;
  w[0] = a2;
  w[1] = a3;
  c = +(a2 > a3);
  a2 = w[c] as number;
  a3 = w[c ^ 1] as number;
  w[0] = a4;
  w[1] = a5;
  c = +(a4 > a5);
  a4 = w[c] as number;
  a5 = w[c ^ 1] as number;
  w[0] = a6;
  w[1] = a7;
  c = +(a6 > a7);
  a6 = w[c] as number;
  a7 = w[c ^ 1] as number;
  w[0] = a3;
  w[1] = a4;
  c = +(a3 > a4);
  a3 = w[c] as number;
  a4 = w[c ^ 1] as number;
  w[0] = a5;
  w[1] = a6;
  c = +(a5 > a6);
  a5 = w[c] as number;
  a6 = w[c ^ 1] as number;
  const m = (a4 + a5) / 2;
  return m === 0 ? median(v, 10) : m;
}
