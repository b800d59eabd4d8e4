// Property tests (fast-check): invariants that must hold for any series.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessIndicator } from '../../src/core/assessment/index.ts';
import type { AssessmentInput, SeriesPoint } from '../../src/core/assessment/types.ts';
import { compare } from '../../src/core/rules.ts';

const value = fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: null, freq: 5 });
const seriesArb = fc
  .uniqueArray(fc.integer({ min: 2020, max: 2025 }), { minLength: 0, maxLength: 6 })
  .chain((years) => fc.tuple(...years.map((year) => value.map((v): SeriesPoint => ({ year, value: v })))));
const ruleArb = fc.oneof(
  fc.record({
    kind: fc.constant('threshold' as const),
    comparator: fc.constantFrom('>=' as const, '>' as const, '<=' as const, '<' as const),
    value: fc.double({ min: 0, max: 100, noNaN: true }),
  }),
  fc.record({
    kind: fc.constant('maintain' as const),
    comparator: fc.constantFrom('>=' as const, '<=' as const),
    value: fc.double({ min: 0, max: 100, noNaN: true }),
  }),
  fc.record({ kind: fc.constant('relative_to_base' as const), percent: fc.double({ min: 1, max: 50, noNaN: true }) }),
  fc.record({ kind: fc.constant('annual_step' as const), step: fc.double({ min: 0.1, max: 5, noNaN: true }) }),
  fc.record({ kind: fc.constant('direction_only' as const), wording: fc.constant('逐步提高') }),
);
const inputArb = fc.record({
  rule: ruleArb,
  better: fc.constantFrom('higher' as const, 'lower' as const),
  series: seriesArb,
  precision: fc.integer({ min: 0, max: 3 }),
});

function make(i: {
  rule: AssessmentInput['rule'];
  better: 'higher' | 'lower';
  series: SeriesPoint[];
  precision: number;
}): AssessmentInput {
  return { id: 'p', baseYear: 2020, targetYear: 2025, limits: [0, 100], floor: 1, ...i };
}

describe('assessment invariants', () => {
  it('never 已达标/提前达标 when the comparator fails at t (no counts)', () => {
    fc.assert(
      fc.property(inputArb, (i) => {
        const r = assessIndicator(make(i));
        if (r.status !== '已达标' && r.status !== '提前达标') return;
        if (r.ruleKind === 'direction_only') throw new Error('direction-only rules have no 已达标');
        const rounded = Math.round((r.value as number) * 10 ** i.precision) / 10 ** i.precision;
        expect(compare(rounded, r.comparator ?? '>=', r.targetNow as number)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('projections stay within the natural limits', () => {
    fc.assert(
      fc.property(inputArb, (i) => {
        const p = assessIndicator(make(i)).projection;
        if (p) expect(p.value >= 0 && p.value <= 100).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('results do not depend on the order of the series', () => {
    fc.assert(
      fc.property(inputArb, fc.integer(), (i, seed) => {
        const shuffled = [...i.series].sort((a, b) => ((a.year * 7919 + seed) % 13) - ((b.year * 7919 + seed) % 13));
        expect(assessIndicator(make({ ...i, series: shuffled }))).toEqual(assessIndicator(make(i)));
      }),
      { numRuns: 1000 },
    );
  });

  it('adding a missing year never crashes and every result is well-formed', () => {
    fc.assert(
      fc.property(inputArb, fc.integer({ min: 2020, max: 2025 }), (i, year) => {
        const series = i.series.some((p) => p.year === year) ? i.series : [...i.series, { year, value: null }];
        const r = assessIndicator(make({ ...i, series }));
        expect(typeof r.statusReason).toBe('string');
        expect(r.statusReason.length).toBeGreaterThan(0);
        if (r.warning) expect(r.warning.reasons.length).toBeGreaterThan(0);
        if (r.status === '预计达标困难') expect(r.difficulty).not.toBeNull();
      }),
      { numRuns: 1000 },
    );
  });

  it('ratio formulas never applied when the target was met at base', () => {
    fc.assert(
      fc.property(inputArb, (i) => {
        const r = assessIndicator(make(i));
        if (r.metAtBase) {
          expect(r.apr).toBeNull();
          expect(r.schedule).toBeNull();
          expect(r.cagrRatio).toBeNull();
        }
      }),
      { numRuns: 1000 },
    );
  });
});
