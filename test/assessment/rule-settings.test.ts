// How an indicator's settings (rule, comparator, limits, precision, floor, factor, tolerances) reach the verdict
// (compile.ts): each default and each strict comparator, seen in the status and the sentence a user reads.
import { describe, expect, it } from 'vitest';
import { roundTo } from '../../src/core/assessment/compile.ts';
import { assessIndicator } from '../../src/core/assessment/index.ts';
import type { AssessmentInput } from '../../src/core/assessment/types.ts';
import { input, series } from './helpers.ts';

type Spec = Pick<AssessmentInput, 'rule' | 'better' | 'series'> & Partial<AssessmentInput>;
const assess = (spec: Spec) => assessIndicator(input(spec));

describe('rules and comparators', () => {
  it('a relative target from its own base year (以2021年为基数下降20%): 9.3 × 0.8 = 7.44, judged from 2021', () => {
    const r = assess({
      better: 'lower',
      rule: { kind: 'relative_to_base', percent: 20, baseYear: 2021 },
      series: series([10, 9.3, 8.8]),
    });
    expect(r.target).toBe(7.44);
    expect(r.baseYearUsed).toBe(2021);
    expect(r.statusReason).toContain('序时进度CS=0.269（应达E=0.250，未落后）');
  });

  it('the target year must be later than the base year, the rule’s own included', () => {
    const spec = { better: 'higher', rule: { kind: 'threshold', comparator: '>=', value: 70 }, series: [] } as const;
    expect(() => assess({ ...spec, targetYear: 2020 })).toThrow('目标年份（2020）必须晚于基期（2020）');
    expect(() =>
      assess({ better: 'lower', rule: { kind: 'relative_to_base', percent: 20, baseYear: 2025 }, series: [] }),
    ).toThrow('目标年份（2025）必须晚于基期（2025）');
  });

  it('strict comparators: > 70 is not met at 70.0, < 8.5 not at 8.5 but at 8.4', () => {
    const above = assess({
      better: 'higher',
      rule: { kind: 'threshold', comparator: '>', value: 70 },
      series: series([70, 70]),
    });
    expect(above.met).toBe(false);
    const justAbove = assess({
      better: 'higher',
      rule: { kind: 'threshold', comparator: '>', value: 70 },
      series: series([69, 70.1]),
    });
    expect(justAbove.status).toBe('提前达标');
    const below = (last: number) =>
      assess({ better: 'lower', rule: { kind: 'threshold', comparator: '<', value: 8.5 }, series: series([9, last]) });
    expect(below(8.5).met).toBe(false);
    expect(below(8.4).status).toBe('提前达标');
  });

  it('> 70 from exactly 70: the distance to go is one published unit (0.1), so a fall of 0.1 is CS −1', () => {
    const r = assess({
      better: 'higher',
      rule: { kind: 'threshold', comparator: '>', value: 70 },
      series: series([70, 69.9]),
    });
    expect(r.statusReason).toBe(
      '2021年为69.9，未达到目标>70.0；序时进度CS=−1.000（应达E=0.200，落后）；按首末两点趋势（斜率−0.1000/年）推算2025年为69.50，APR=−5.000≤0，预计达标困难（逆向）。',
    );
  });
});

describe('defaults', () => {
  it('count_per_body is a share of bodies, 0–100: the projection stops at 100', () => {
    const r = assess({
      better: 'higher',
      rule: { kind: 'count_per_body', value: 1, body: '村委会' },
      series: series([70, 80, 90]),
    });
    expect(r.projection?.value).toBe(100);
    expect(r.projection?.clipped).toBe(true);
    const falling = assess({
      better: 'higher',
      rule: { kind: 'count_per_body', value: 1, body: '村委会' },
      series: series([90, 60, 30]),
    });
    expect(falling.projection).toMatchObject({ value: 0, clipped: true });
  });

  it('limits equal at both ends are accepted (the error is for a minimum above the maximum)', () => {
    const r = assess({
      better: 'higher',
      limits: [100, 100],
      rule: { kind: 'maintain', comparator: '>=', value: 100 },
      series: series([100, 100]),
    });
    expect(r.status).toBe('已达标');
  });

  it('without limits a value stops at 0 but not above', () => {
    const down = assess({
      better: 'lower',
      rule: { kind: 'threshold', comparator: '<=', value: 1 },
      series: series([20, 12, 5]),
    });
    expect(down.projection).toMatchObject({ value: 0, clipped: true });
    const up = assess({
      better: 'higher',
      rule: { kind: 'threshold', comparator: '>=', value: 500 },
      series: series([100, 200]),
    });
    expect(up.projection).toMatchObject({ value: 600, clipped: false });
  });

  it('the floor of 波动较大 is one unit of the last published decimal (0.1)', () => {
    const r = assess({
      better: 'higher',
      rule: { kind: 'threshold', comparator: '>=', value: 5 },
      series: series([1, 1, 1, 2]),
    });
    expect(r.flags[0]?.message).toBe('2023年较上年上升100.0%，超过30%（由1.0变为2.0，变动1.0，不低于下限0.1）');
  });

  it('a rate from counts without a factor is the plain ratio (75 of 100 → 0.75)', () => {
    const r = assess({
      better: 'higher',
      rule: { kind: 'threshold', comparator: '>=', value: 0.9 },
      series: [
        { year: 2020, value: null, numerator: 60, denominator: 100 },
        { year: 2021, value: null, numerator: 75, denominator: 100 },
      ],
    });
    expect(r.value).toBe(0.75);
  });

  it('基本实现 within 1% of the target by default; the plan folder may narrow it', () => {
    const spec = {
      better: 'higher',
      rule: { kind: 'maintain', comparator: '>=', value: 99 },
      series: series([99.5, 99.4, 99.3, 99.2, 99.1, 98.4]),
    } as const;
    expect(assess(spec).finalCategory).toBe('基本实现');
    expect(assess({ ...spec, finalTolerance: { progress: 0.9, gap: 0.005 } }).finalCategory).toBe('未实现');
  });
});

describe('四舍五入', () => {
  it('half away from zero on both sides of 0 (a relational gap may be negative), binary noise absorbed', () => {
    expect([8.55, -8.55, 0.05, -0.05].map((x) => roundTo(x, 10))).toEqual([8.6, -8.6, 0.1, -0.1]);
  });
});
