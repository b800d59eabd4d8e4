// Poisson interval, incomplete gamma and Theil–Sen against known values.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gammaP, gammaQuantile, lnGamma, poissonInterval } from '../../src/core/assessment/poisson.ts';
import { median6, median10, theilSen6, theilSen6Years, theilSenSlope } from '../../src/core/assessment/trend.ts';

describe('exact Poisson 95% interval (Garwood)', () => {
  // Reference values: χ²-quantiles / 2 (e.g. R: qchisq(0.025, 6)/2, qchisq(0.975, 8)/2).
  const known: [number, number, number][] = [
    [0, 0, 3.688879],
    [1, 0.0253178, 5.571643],
    [3, 0.6186721, 8.767273],
    [5, 1.623486, 11.668332],
    [10, 4.795389, 18.390356],
  ];
  it.each(known)('k = %i → [%f, %f]', (k, lo, hi) => {
    const [l, h] = poissonInterval(k);
    expect(l).toBeCloseTo(lo, 5);
    expect(h).toBeCloseTo(hi, 5);
  });

  it('P(a, x) against closed forms, and its inverse', () => {
    for (const x of [0.1, 1, 2.5, 10]) {
      expect(gammaP(1, x)).toBeCloseTo(1 - Math.exp(-x), 12);
      expect(gammaP(2, x)).toBeCloseTo(1 - Math.exp(-x) * (1 + x), 12);
    }
    for (const p of [0.025, 0.5, 0.975]) expect(gammaP(4.5, gammaQuantile(p, 4.5))).toBeCloseTo(p, 10);
  });

  it('P(a, x) is 0 below 0 and exactly 1 far in the upper tail (x = 1000: no overflow)', () => {
    expect(gammaP(2, 0)).toBe(0);
    expect(gammaP(2, -1)).toBe(0);
    expect(gammaP(1, 1000)).toBe(1);
    expect(gammaP(2, 1000)).toBe(1);
  });

  it('no events: the interval starts at exactly 0 and ends where e^−μ = 0.025', () => {
    const [l, h] = poissonInterval(0);
    expect(l).toBe(0);
    expect(h).toBeCloseTo(-Math.log(0.025), 10);
  });

  // Independent of the gamma functions: the Poisson distribution function summed term by term.
  const poissonCdf = (k: number, mu: number) => {
    let term = Math.exp(-mu);
    let sum = term;
    for (let i = 1; i <= k; i++) {
      term *= mu / i;
      sum += term;
    }
    return sum;
  };
  it.each([1, 3, 10, 50, 150])('k = %i: P(X ≥ k | lower) = P(X ≤ k | upper) = 0.025 to 1e-12', (k) => {
    const [l, h] = poissonInterval(k);
    expect(1 - poissonCdf(k - 1, l)).toBeCloseTo(0.025, 12);
    expect(poissonCdf(k, h)).toBeCloseTo(0.025, 12);
  });
});

describe('ln Γ', () => {
  // Γ(a + 1) = a·Γ(a) checks the small arguments (reflection formula) against the Lanczos sum at a + 1 ≥ 1.
  it('Γ(1/2) = √π, and ln Γ(a) = ln Γ(a + 1) − ln a below 1/2', () => {
    expect(lnGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 14);
    for (const a of [0.25, 1e-3, 1e-10]) expect(lnGamma(a)).toBeCloseTo(lnGamma(a + 1) - Math.log(a), 12);
  });
});

describe('Theil–Sen', () => {
  it('scipy.stats.theilslopes on example #1', () => {
    const x = Float64Array.of(2020, 2021, 2022, 2023);
    expect(theilSenSlope(x, Float64Array.of(10, 9.8, 9.5, 9.2), 4)).toBeCloseTo(-0.283333, 6);
  });

  it('the 6-point selection network equals the generic median of pairwise slopes', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 2000, max: 2040 }), { minLength: 6, maxLength: 6 }),
        fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 6, maxLength: 6 }),
        (years, values) => {
          const x = Float64Array.from([...years].sort((a, b) => a - b));
          const y = Float64Array.from(values);
          expect(theilSen6(x, y) === theilSenSlope(x, y, 6)).toBe(true); // === : 0 and −0 are the same slope
        },
      ),
      { numRuns: 500 },
    );
  });

  it('the unrolled network for six consecutive years equals the generic median too', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2000, max: 2040 }),
        fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 6, maxLength: 6 }),
        (first, values) => {
          const x = Float64Array.from({ length: 6 }, (_, i) => first + i);
          const y = Float64Array.from(values);
          expect(theilSen6Years(y) === theilSenSlope(x, y, 6)).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('the trend of a 4- or 5-year series is the median of its pairwise slopes (scipy.stats.theilslopes)', () => {
  // An independent reference: sort a copy, take the middle. The engine's 6- and 10-value sorting networks (the
  // 6 and 10 pairwise slopes of 4 and 5 points) must agree with it on every input.
  const naiveMedian = (v: readonly number[]) => {
    const s = [...v].sort((a, b) => a - b);
    const h = s.length >> 1;
    return s.length % 2 ? (s[h] as number) : ((s[h - 1] as number) + (s[h] as number)) / 2;
  };
  const naiveSlope = (x: readonly number[], y: readonly number[]) => {
    const slopes: number[] = [];
    for (let i = 0; i < x.length; i++)
      for (let j = i + 1; j < x.length; j++)
        slopes.push(((y[j] as number) - (y[i] as number)) / ((x[j] as number) - (x[i] as number)));
    return naiveMedian(slopes);
  };
  const value = fc.integer({ min: -50, max: 50 }).map((k) => k / 2); // ties happen, as in published data

  it.each([6, 10])('median of %i values', (size) => {
    fc.assert(
      fc.property(fc.array(value, { minLength: size, maxLength: size }), (values) => {
        const fn = size === 6 ? median6 : median10;
        expect(fn(Float64Array.from(values))).toBe(naiveMedian(values) + 0); // + 0: −0 and 0 are one median
      }),
      { numRuns: 400 },
    );
  });

  // The 0–1 principle: a network of compare-exchanges that gets every input of two values right gets every input
  // right. All 2^6 and 2^10 such inputs prove the networks, where random values can miss a comparator's one case.
  // 1 and 2 rather than 0 and 1: a median of 0 is recomputed the slow way (the sign of a zero), which would hide it.
  it.each([6, 10])('median of %i values: every input of 1s and 2s', (size) => {
    const fn = size === 6 ? median6 : median10;
    for (let bits = 0; bits < 2 ** size; bits++) {
      const values = Array.from({ length: size }, (_, i) => 1 + ((bits >> i) & 1));
      const twos = values.filter((v) => v === 2).length;
      // Sorted, the two middle values are 2 when more than half / at least half of the values are 2.
      const expected = 1 + ((twos > size / 2 ? 1 : 0) + (twos >= size / 2 ? 1 : 0)) / 2;
      expect(fn(Float64Array.from(values))).toBe(expected);
    }
  });

  it.each([4, 5])('Theil–Sen slope of %i yearly points', (n) => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 2015, max: 2030 }), { minLength: n, maxLength: n }),
        fc.array(value, { minLength: n, maxLength: n }),
        (years, values) => {
          const x = [...years].sort((a, b) => a - b);
          expect(theilSenSlope(Float64Array.from(x), Float64Array.from(values), n) + 0).toBeCloseTo(
            naiveSlope(x, values),
            12,
          );
        },
      ),
      { numRuns: 400 },
    );
  });

  // 3 points (3 slopes) and 7 (21) go through the insertion sort, 12 (66) and 28 (378: a plan's whole history)
  // through the typed-array sort, in a scratch buffer grown on the way.
  it.each([3, 7, 12, 28])('Theil–Sen slope of %i yearly points, sorted in full', (n) => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1990, max: 2040 }), { minLength: n, maxLength: n }),
        fc.array(value, { minLength: n, maxLength: n }),
        (years, values) => {
          const x = [...years].sort((a, b) => a - b);
          expect(theilSenSlope(Float64Array.from(x), Float64Array.from(values), n) + 0).toBeCloseTo(
            naiveSlope(x, values),
            12,
          );
        },
      ),
      { numRuns: 100 },
    );
  });
});
