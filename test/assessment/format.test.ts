// How numbers and comparators read in the Chinese messages and report sentences: a true minus sign, never "−0.0",
// infinity spelled out, ≥/≤ instead of the catalog's ASCII, and the official phrasing of a year-on-year change.
import { describe, expect, it } from 'vitest';
import { comparatorSymbol, num } from '../../src/core/assessment/format.ts';
import { describeChange } from '../../src/core/assessment/index.ts';

describe('num', () => {
  it('fixed decimals with a true minus sign', () => {
    expect(num(-1.25, 2)).toBe('−1.25');
    expect(num(3.14159, 1)).toBe('3.1');
    expect(num(-12, 0)).toBe('−12');
  });

  it('a negative value that rounds to zero is shown as zero, unsigned', () => {
    expect(num(-0.04, 1)).toBe('0.0');
    expect(num(-0.4, 0)).toBe('0');
    expect(num(-0, 2)).toBe('0.00');
    expect(num(-0.001, 2)).toBe('0.00');
    expect(num(-0.5, 1)).toBe('−0.5'); // a small negative value keeps its sign
  });

  it('infinite ratios (from a zero mean or last year 0) and missing numbers', () => {
    expect(num(Number.POSITIVE_INFINITY, 2)).toBe('∞');
    expect(num(Number.NEGATIVE_INFINITY, 2)).toBe('−∞');
    expect(num(Number.NaN, 2)).toBe('—');
  });
});

describe('comparatorSymbol', () => {
  it('shows the plan’s comparators as typeset symbols', () => {
    expect(['>=', '>', '<=', '<'].map(comparatorSymbol)).toEqual(['≥', '>', '≤', '<']);
    expect(comparatorSymbol('=')).toBe('=');
  });
});

describe('describeChange at its edges', () => {
  it('上升 for ‰ and /10万 rates, 提高 only for percentages', () => {
    expect(describeChange(5.3, 5.6, '‰')).toBe('上升0.3个千分点');
    expect(describeChange(16.1, 16.9, '1/10万')).toBe('上升0.8个十万分点');
  });

  it('a change of half a unit of the precision is published as one unit, so it is not 持平', () => {
    expect(describeChange(12, 12.5, '个', 0)).toBe('增加1个');
    expect(describeChange(12, 12.4, '个', 0)).toBe('与上年基本持平');
  });
});
