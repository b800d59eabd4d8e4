// 波动较大 (METHODOLOGY.md §F) at its edges: which years the band looks at, what the floor gates, and what counts as
// a zigzag (direction reversals, flat years skipped, a missing year counted as two years).
import { describe, expect, it } from 'vitest';
import { assessIndicator } from '../../src/core/assessment/index.ts';
import type { SeriesPoint } from '../../src/core/assessment/types.ts';
import { input, series } from './helpers.ts';

const atLeast = (value: number) => ({ kind: 'threshold', comparator: '>=', value }) as const;
const flagsOf = (values: SeriesPoint[], floor = 1) =>
  assessIndicator(input({ better: 'higher', floor, rule: atLeast(90), series: values })).flags;
const kinds = (values: SeriesPoint[], floor = 1) => flagsOf(values, floor).map((f) => f.kind);

describe('band', () => {
  it('looks at the three years before the latest only', () => {
    // Mean of 14, 14, 9 is 12.33: 13 is inside; the mean of all five earlier years (23.4) or of 2024 alone (9) would
    // put it outside.
    expect(kinds(series([40, 40, 14, 14, 9, 13]))).not.toContain('band');
  });

  it('a distance from the mean equal to the floor counts; a smaller one does not', () => {
    expect(kinds(series([3, 3, 3, 2]))).toContain('band'); // ratio 0.667, |2 − 3| = 1 = floor
    expect(kinds(series([0.2, 0.2, 0.2, 0.5]), 0.5)).not.toContain('band'); // ratio 2.5, but |0.5 − 0.2| < 0.5
  });

  it('from a mean of 0 any value is outside, with an infinite ratio', () => {
    const band = flagsOf(series([0, 0, 0, 2])).find((f) => f.kind === 'band');
    expect(band?.numbers).toMatchObject({ mean: 0, ratio: Number.POSITIVE_INFINITY });
  });
});

describe('zigzag', () => {
  it('two reversals in four years are enough', () => {
    expect(kinds(series([60, 66, 59, 67]))).toEqual(['zigzag']);
  });

  it('a single reversal is not a zigzag', () => {
    expect(kinds(series([60, 70, 80, 60]))).toEqual([]);
  });

  it('a rising series with small dips is not a zigzag: the changes are small beside the trend', () => {
    expect(kinds(series([10, 20, 19, 30, 29, 40]))).not.toContain('zigzag');
  });

  it('changes of exactly twice the trend are not a zigzag', () => {
    // Per-year changes 0, 2, −2, 4: mean |Δ| 2; Theil–Sen slope 1.
    expect(kinds(series([10, 10, 12, 10, 14]))).toEqual(['jump']);
  });

  it('mean |change| equal to the floor counts', () => {
    const zigzag = flagsOf(series([60, 61, 60, 61])).find((f) => f.kind === 'zigzag');
    expect(zigzag?.numbers).toMatchObject({ reversals: 2, meanAbsDelta: 1 });
  });

  it('a flat year neither reverses nor breaks a reversal', () => {
    expect(kinds(series([60, 66, 66, 60, 60]))).toEqual([]);
    expect(kinds(series([66, 60, 60, 66, 66]))).toEqual([]);
    const zigzag = flagsOf(series([60, 66, 66, 59, 67])).find((f) => f.kind === 'zigzag');
    expect(zigzag?.numbers.reversals).toBe(2);
  });

  it('counts reversals the same when the series starts with a fall', () => {
    const zigzag = flagsOf(series([66, 60, 66, 60, 66])).find((f) => f.kind === 'zigzag');
    expect(zigzag?.numbers.reversals).toBe(3);
  });

  it('a missing year makes the change across it a change over two years', () => {
    // 50 (2020), — (2021), 60 (2022), 52, 60: per-year changes 5, −8, 8 → mean |Δ| 7.
    const zigzag = flagsOf(series([50, null, 60, 52, 60])).find((f) => f.kind === 'zigzag');
    expect(zigzag?.numbers.meanAbsDelta).toBeCloseTo(7, 10);
  });
});
