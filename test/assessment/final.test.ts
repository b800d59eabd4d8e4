// 终期评估类别 (METHODOLOGY.md §6, v2 §12) on the examples of the methodology: which targets are judged on progress
// from the base and which on the distance to the target, and how direction-only targets end.
import { describe, expect, it } from 'vitest';
import { assessIndicator } from '../../src/core/assessment/index.ts';
import type { AssessmentInput } from '../../src/core/assessment/types.ts';
import { input, series } from './helpers.ts';

const finalOf = (spec: Pick<AssessmentInput, 'rule' | 'better' | 'series'>) =>
  assessIndicator(input(spec)).finalCategory;
const atLeast = (value: number) => ({ kind: 'threshold', comparator: '>=', value }) as const;

describe('finalCategory', () => {
  it('≥ 70 from 60 (2020–2025): 70 已实现, 69 基本实现 (9/10 of the way), 68.9 未实现', () => {
    const run = (last: number) =>
      finalOf({ rule: atLeast(70), better: 'higher', series: series([60, 62, 64, 66, 68, last]) });
    expect([70, 69, 68.9].map(run)).toEqual(['已实现', '基本实现', '未实现']);
  });

  it('保持 ≥ 99: 98.1 is within 1% of 99 (基本实现), 98.0 is not', () => {
    const run = (last: number) =>
      finalOf({
        rule: { kind: 'maintain', comparator: '>=', value: 99 },
        better: 'higher',
        series: series([99.5, 99.4, 99.3, 99.2, 99.1, last]),
      });
    expect([98.1, 98.0].map(run)).toEqual(['基本实现', '未实现']);
  });

  it('保持 ≥ 99 not met at the base either: still the distance to 99, not the progress from the base', () => {
    const r = finalOf({
      rule: { kind: 'maintain', comparator: '>=', value: 99 },
      better: 'higher',
      series: series([98.5, 98.8, 99, 99.2, 99.1, 98.1]),
    });
    expect(r).toBe('基本实现');
  });

  it('a threshold already met at the base is judged on the distance to the target, not on progress', () => {
    const run = (last: number) =>
      finalOf({ rule: atLeast(70), better: 'higher', series: series([72, 72, 71, 71, 70, last]) });
    expect([69.5, 69.3, 69.2].map(run)).toEqual(['基本实现', '基本实现', '未实现']);
  });

  it('a relational target: within 1% of the reference of year T (50 → 0.5)', () => {
    const run = (last: number) =>
      finalOf({
        rule: { kind: 'relational', comparator: '>=', reference: '女党员比例' },
        better: 'higher',
        series: [40, 42, 44, 46, 48, last].map((value, i) => ({ year: 2020 + i, value, reference: 50 })),
      });
    expect([50, 49.5, 49.4].map(run)).toEqual(['已实现', '基本实现', '未实现']);
  });

  it('direction only: 趋势向好 even when the last year fell; 未实现（方向未达） when it went the wrong way', () => {
    const rule = { kind: 'direction_only', wording: '逐步提高' } as const;
    expect(finalOf({ rule, better: 'higher', series: series([50, 52, 55, 57, 58, 60]) })).toBe('趋势向好');
    expect(finalOf({ rule, better: 'higher', series: series([50, 52, 55, 57, 59, 58]) })).toBe('趋势向好');
    expect(finalOf({ rule, better: 'higher', series: series([50, 49, 49, 48, 47, 46]) })).toBe('未实现（方向未达）');
    // One year of data: no trend to judge.
    expect(finalOf({ rule, better: 'higher', series: [{ year: 2025, value: 50 }] })).toBe('趋势不明显');
  });

  it('no category before the target year', () => {
    expect(finalOf({ rule: atLeast(70), better: 'higher', series: series([60, 62, 64, 66, 68]) })).toBeNull();
  });
});
