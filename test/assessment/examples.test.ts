// The four worked examples of METHODOLOGY.md, reproduced exactly.
import { describe, expect, it } from 'vitest';
import { assessIndicator } from '../../src/core/assessment/index.ts';
import { input, series } from './helpers.ts';

describe('METHODOLOGY.md worked examples', () => {
  it('#1 ≤ 8.5, lower is better: 10.0, 9.8, 9.5, 9.2 → 预计达标困难 (需加快)', () => {
    const r = assessIndicator(
      input({
        better: 'lower',
        rule: { kind: 'threshold', comparator: '<=', value: 8.5 },
        series: series([10.0, 9.8, 9.5, 9.2]),
      }),
    );
    expect(r.met).toBe(false);
    expect(r.schedule?.cs).toBeCloseTo(0.533, 3);
    expect(r.schedule?.expected).toBeCloseTo(0.6, 10);
    expect(r.schedule?.behind).toBe(true);
    expect(r.projection?.method).toBe('theil-sen');
    expect(r.projection?.slope).toBeCloseTo(-0.2833, 4);
    expect(r.projection?.value).toBeCloseTo(8.658, 3);
    expect(r.apr).toBeCloseTo(0.894, 3);
    expect(r.status).toBe('预计达标困难');
    expect(r.difficulty).toBe('需加快');
    expect(r.warning?.kind).toBe('预计达标困难');
    expect(r.statusReason).toContain('APR=0.894');
  });

  it('#2 ≥ 70: 60, 63, 66, 68 → 预计可达标', () => {
    const r = assessIndicator(
      input({
        better: 'higher',
        limits: [0, 100],
        rule: { kind: 'threshold', comparator: '>=', value: 70 },
        series: series([60, 63, 66, 68]),
      }),
    );
    expect(r.met).toBe(false);
    expect(r.schedule?.cs).toBeCloseTo(0.8, 10);
    expect(r.projection?.slope).toBeCloseTo(2.833, 3);
    expect(r.projection?.value).toBeCloseTo(74.42, 2);
    expect(r.apr).toBeCloseTo(1.4417, 4); // 1.442 as the spec rounds it
    expect(r.status).toBe('预计可达标');
    expect(r.warning).toBeNull();
  });

  const fluctuation = (values: number[]) =>
    assessIndicator(
      input({
        better: 'higher',
        limits: [0, 100],
        floor: 1,
        rule: { kind: 'threshold', comparator: '>=', value: 90 },
        series: series(values),
      }),
    );

  it('#3 60, 62, 63, 64.5, 66 → no fluctuation flag', () => {
    const r = fluctuation([60, 62, 63, 64.5, 66]);
    expect(r.flags).toEqual([]);
    expect(r.warning?.kinds ?? []).not.toContain('波动较大');
  });

  it('#4 60, 66, 59, 67, 60 → 波动较大 (zigzag: 3 reversals, mean|Δ| 7 > 2 × 0.25)', () => {
    const r = fluctuation([60, 66, 59, 67, 60]);
    expect(r.flags.map((f) => f.kind)).toEqual(['zigzag']);
    const zigzag = r.flags[0];
    expect(zigzag?.numbers.reversals).toBe(3);
    expect(zigzag?.numbers.meanAbsDelta).toBeCloseTo(7, 10);
    expect(zigzag?.numbers.slope).toBeCloseTo(0.25, 10);
    expect(r.warning?.kinds).toContain('波动较大');
  });
});

describe('direction-only targets at the natural limit', () => {
  it('counts a quantity held at its best possible value (0 transmissions) as 趋势向好, not 方向未达', () => {
    const r = assessIndicator({
      id: 'zero',
      rule: { kind: 'direction_only', wording: '减少' },
      better: 'lower',
      baseYear: 2020,
      targetYear: 2025,
      limits: [0, 100],
      series: [2020, 2021, 2022, 2023, 2024].map((year) => ({ year, value: 0 })),
    });
    expect(r.status).toBe('趋势向好');
    expect(r.warning).toBeNull();
  });

  it('still warns when the quantity moved off its best value the wrong way', () => {
    const r = assessIndicator({
      id: 'up',
      rule: { kind: 'direction_only', wording: '减少' },
      better: 'lower',
      baseYear: 2020,
      targetYear: 2025,
      limits: [0, 100],
      series: [
        { year: 2020, value: 0 },
        { year: 2021, value: 0.5 },
        { year: 2022, value: 1 },
        { year: 2023, value: 1.5 },
      ],
    });
    expect(r.status).toBe('预计达标困难');
  });
});
