// Poisson interval, incomplete gamma and Theil–Sen against known values.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gammaP, gammaQuantile, poissonInterval } from '../../src/core/assessment/poisson.ts';
import { theilSen6, theilSen6Years, theilSenSlope } from '../../src/core/assessment/trend.ts';

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
