// The exact binomial test behind 小样本 (METHODOLOGY.md §G) at the ends of the scale: a target of 0% or 100% leaves
// only one possible outcome, which is either observed (p = 1) or refuted outright (p = 0).
import { describe, expect, it } from 'vitest';
import { binomialTwoSidedP } from '../../src/core/assessment/poisson.ts';

describe('binomialTwoSidedP', () => {
  it('against 100%: all of n is consistent, any miss is impossible', () => {
    expect(binomialTwoSidedP(5, 5, 1)).toBe(1);
    expect(binomialTwoSidedP(4, 5, 1)).toBe(0);
  });

  it('against 0%: none of n is consistent, any case is impossible', () => {
    expect(binomialTwoSidedP(0, 5, 0)).toBe(1);
    expect(binomialTwoSidedP(1, 5, 0)).toBe(0);
  });

  it('matches R’s binom.test in between (3 of 10 against 0.5: p = 0.34375)', () => {
    expect(binomialTwoSidedP(3, 10, 0.5)).toBeCloseTo(0.34375, 12);
    expect(binomialTwoSidedP(0, 0, 0.5)).toBe(1);
  });
});
