// The readable result of one indicator (assessIndicator, METHODOLOGY.md §H): which years count, how much evidence
// they give, and the secondary figures (CAGR ratio, comparator, met at base) that the reports show beside the status.
import { describe, expect, it } from 'vitest';
import { assessAll, assessIndicator } from '../../src/core/assessment/index.ts';
import { input, series } from './helpers.ts';

const atLeast = (value: number) => ({ kind: 'threshold', comparator: '>=', value }) as const;
const atMost = (value: number) => ({ kind: 'threshold', comparator: '<=', value }) as const;
const upward = { kind: 'direction_only', wording: '逐步提高' } as const;

describe('years and evidence', () => {
  it('evidence: 1 year insufficient, 2–3 years low, 4 or more normal', () => {
    const evidence = (values: number[]) =>
      assessIndicator(input({ better: 'higher', rule: atLeast(70), series: series(values) })).evidence;
    expect([[60], [60, 62], [60, 62, 64], [60, 62, 64, 66]].map(evidence)).toEqual([
      'insufficient',
      'low',
      'low',
      'normal',
    ]);
  });

  it('a value that is not a finite number (a rate divided by 0 upstream) is a missing year, not a value', () => {
    const r = assessIndicator(
      input({ better: 'higher', rule: atLeast(80), series: series([60, Number.POSITIVE_INFINITY, 64]) }),
    );
    expect(r.n).toBe(2);
    expect(r.value).toBe(64);
    expect(r.statusReason).toContain('2022年为64.0，未达到目标≥80.0');
  });

  it('a year given twice is refused wherever it falls, naming the indicator and the year', () => {
    const twice = (years: number[]) => () =>
      assessIndicator(
        input({ id: 'A01', better: 'higher', rule: atLeast(70), series: years.map((year) => ({ year, value: 60 })) }),
      );
    expect(twice([2020, 2020, 2021])).toThrow('指标 A01：2020年重复出现');
    expect(twice([2020, 2021, 2021])).toThrow('指标 A01：2021年重复出现');
  });

  it('a rate given by its counts in some years and by its value in others uses both', () => {
    // 2020 published as 12 /10万; 2021 and 2022 only as 1 and 2 deaths per 10 000 births (10 and 20 /10万).
    const r = assessIndicator(
      input({
        better: 'lower',
        factor: 100000,
        rule: atMost(10),
        series: [
          { year: 2020, value: 12 },
          { year: 2021, value: null, numerator: 1, denominator: 10000 },
          { year: 2022, value: null, numerator: 2, denominator: 10000 },
        ],
      }),
    );
    expect(r.n).toBe(3);
    expect(r.value).toBe(20);
    expect(r.flags.map((f) => f.kind)).toEqual(['small_numbers']);
    expect(r.statusReason).toContain('2021—2022年合并率15.0（3例/20000）');
  });

  it('assessAll judges each input on its own, in order', () => {
    const results = assessAll([
      input({ id: 'a', better: 'higher', rule: atLeast(70), series: series([60, 72]) }),
      input({ id: 'b', better: 'higher', rule: atLeast(70), series: [] }),
    ]);
    expect(results.map((r) => [r.id, r.status])).toEqual([
      ['a', '提前达标'],
      ['b', '无数据'],
    ]);
  });
});

describe('secondary figures', () => {
  it('CAGR ratio over several years: observed and required growth per year, not per period', () => {
    const r = assessIndicator(input({ better: 'higher', rule: atLeast(80), series: series([60, null, 64]) }));
    const observed = (64 / 60) ** (1 / 2) - 1;
    const required = (80 / 60) ** (1 / 5) - 1;
    expect(r.cagrRatio).toBeCloseTo(observed / required, 12);
  });

  it('no CAGR ratio for a target of 0, a target equal to the base, or the base year alone', () => {
    const zero = assessIndicator(input({ better: 'lower', rule: atMost(0), series: series([5, 4, 3]) }));
    expect(zero.status).toBe('预计可达标');
    expect(zero.cagrRatio).toBeNull();
    const atBase = assessIndicator(input({ better: 'higher', rule: atLeast(50), series: series([50, 49, 51]) }));
    expect(atBase.cagrRatio).toBeNull();
    const baseOnly = assessIndicator(input({ better: 'higher', rule: atLeast(80), series: series([60]) }));
    expect(baseOnly.cagrRatio).toBeNull();
  });

  it('no CAGR ratio when the base sits on a strict target (> 50 from 50: no growth is required, yet it is not met)', () => {
    const r = assessIndicator(
      input({ better: 'higher', rule: { kind: 'threshold', comparator: '>', value: 50 }, series: series([50, 50.5]) }),
    );
    expect(r.metAtBase).toBe(false);
    expect(r.schedule).not.toBeNull();
    expect(r.cagrRatio).toBeNull();
  });

  it('met at base: false when the base missed the target, null for a direction-only target', () => {
    const missed = assessIndicator(input({ better: 'higher', rule: atLeast(80), series: series([60, 64]) }));
    expect(missed.metAtBase).toBe(false);
    const direction = assessIndicator(input({ better: 'higher', rule: upward, series: series([60, 61]) }));
    expect(direction.metAtBase).toBeNull();
    expect(direction.met).toBeNull();
    expect(direction.comparator).toBeNull();
    expect(direction.status).toBe('趋势向好');
  });
});
