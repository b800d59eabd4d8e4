// One case per branch of the method (docs/methodology.md).
import { describe, expect, it } from 'vitest';
import { assessIndicator } from '../../src/core/assessment/index.ts';
import { input, series } from './helpers.ts';

const atMost = (value: number) => ({ kind: 'threshold', comparator: '<=', value }) as const;
const atLeast = (value: number) => ({ kind: 'threshold', comparator: '>=', value }) as const;

describe('sufficiency', () => {
  it('no values → 无数据', () => {
    const r = assessIndicator(input({ better: 'higher', rule: atLeast(70), series: series([null, null]) }));
    expect(r.status).toBe('无数据');
    expect(r.met).toBeNull();
    expect(r.evidence).toBe('insufficient');
  });

  it('one value → 数据不足, met still reported', () => {
    const r = assessIndicator(input({ better: 'higher', rule: atLeast(70), series: series([null, 72]) }));
    expect(r.status).toBe('数据不足');
    expect(r.met).toBe(true);
    expect(r.projection).toBeNull();
  });

  it('two points → endpoint slope through the last point, evidence low', () => {
    const r = assessIndicator(input({ better: 'higher', rule: atLeast(70), series: series([60, 62]) }));
    expect(r.evidence).toBe('low');
    expect(r.projection?.method).toBe('endpoint');
    expect(r.projection?.slope).toBeCloseTo(2, 10);
    expect(r.projection?.value).toBeCloseTo(70, 10); // 62 + 2 × 4
    expect(r.apr).toBeCloseTo(1, 10);
    expect(r.status).toBe('预计可达标');
  });

  it('missing years are skipped; a missing base year uses the first later year, labelled', () => {
    const r = assessIndicator(input({ better: 'higher', rule: atLeast(70), series: series([null, 60, null, 64, 66]) }));
    expect(r.baseYearUsed).toBe(2021);
    expect(r.n).toBe(3);
    expect(r.projection?.slope).toBeCloseTo(2, 10); // (66 − 60) / (2024 − 2021)
    expect(r.schedule?.expected).toBeCloseTo(3 / 4, 10); // (t − b′)/(T − b′)
    expect(r.statusReason).toContain('基期2020年缺数，以2021年');
  });

  it('asOf judges as after that year', () => {
    const r = assessIndicator(
      input({ better: 'higher', rule: atLeast(70), series: series([60, 63, 66, 71]), asOf: 2022 }),
    );
    expect(r.year).toBe(2022);
    expect(r.status).toBe('预计可达标');
  });

  it('a year given twice is an error', () => {
    expect(() =>
      assessIndicator(
        input({ better: 'higher', rule: atLeast(70), series: [...series([1, 2]), { year: 2021, value: 3 }] }),
      ),
    ).toThrow(/重复/);
  });
});

describe('threshold, not met at base', () => {
  it('met before T → 提前达标; met at T → 已达标; missed at T → 未达标', () => {
    const rule = atLeast(70);
    expect(assessIndicator(input({ better: 'higher', rule, series: series([60, 65, 70]) })).status).toBe('提前达标');
    expect(assessIndicator(input({ better: 'higher', rule, series: series([60, 62, 64, 66, 68, 70]) })).status).toBe(
      '已达标',
    );
    expect(assessIndicator(input({ better: 'higher', rule, series: series([60, 62, 64, 66, 68, 69]) })).status).toBe(
      '未达标',
    );
  });

  it('value rounded to precision before comparing (69.96 → 70.0 meets ≥ 70)', () => {
    expect(assessIndicator(input({ better: 'higher', rule: atLeast(70), series: series([60, 69.96]) })).met).toBe(true);
    expect(
      assessIndicator(input({ better: 'higher', precision: 2, rule: atLeast(70), series: series([60, 69.96]) })).met,
    ).toBe(false);
  });

  it('moving the wrong way → 预计达标困难 (逆向), APR ≤ 0', () => {
    const r = assessIndicator(input({ better: 'lower', rule: atMost(8.5), series: series([10, 10.4, 10.9]) }));
    expect(r.apr).toBeLessThanOrEqual(0);
    expect(r.status).toBe('预计达标困难');
    expect(r.difficulty).toBe('逆向');
  });

  it('zero values: base 0 for a higher-is-better rate, no CAGR ratio', () => {
    const r = assessIndicator(
      input({ better: 'higher', limits: [0, 100], rule: atLeast(50), series: series([0, 10, 20, 30]) }),
    );
    expect(r.status).toBe('预计可达标');
    expect(r.apr).toBeCloseTo(1, 10); // x̂ 50 on the line 0,10,20,30
    expect(r.cagrRatio).toBeNull();
  });

  it('CAGR ratio as a secondary figure when all values > 0', () => {
    const r = assessIndicator(input({ better: 'higher', rule: atLeast(80), series: series([60, 66]) }));
    const observed = 66 / 60 - 1;
    const required = (80 / 60) ** (1 / 5) - 1;
    expect(r.cagrRatio).toBeCloseTo(observed / required, 10);
  });

  it('clips the projection at 100 and at 0', () => {
    const up = assessIndicator(
      input({ better: 'higher', limits: [0, 100], rule: atLeast(99), series: series([80, 90, 98]) }),
    );
    expect(up.projection?.value).toBe(100);
    expect(up.projection?.clipped).toBe(true);
    const down = assessIndicator(
      input({ better: 'lower', limits: [0, 100], rule: atMost(1), series: series([20, 12, 5]) }),
    );
    expect(down.projection?.value).toBe(0);
    expect(down.projection?.clipped).toBe(true);
  });
});

describe('targets met at base and maintain (Destatis constant-target rule)', () => {
  it('met at base, no setback → 已达标, no ratio formulas', () => {
    const r = assessIndicator(input({ better: 'lower', rule: atMost(8.5), series: series([7, 6.8, 6.9, 6.5]) }));
    expect(r.metAtBase).toBe(true);
    expect(r.status).toBe('已达标');
    expect(r.schedule).toBeNull();
    expect(r.apr).toBeNull();
    expect(r.cagrRatio).toBeNull();
  });

  it('maintain ≥ 99 with a setback → 已达标（有回落风险）', () => {
    const r = assessIndicator(
      input({
        better: 'higher',
        limits: [0, 100],
        rule: { kind: 'maintain', comparator: '>=', value: 99 },
        series: series([99.9, 99.8, 99.7, 99.6]),
      }),
    );
    expect(r.status).toBe('已达标（有回落风险）');
    expect(r.warning).toBeNull(); // x̂ 99.35 still ≥ 99
  });

  it('maintain with a setback that crosses the target by T → warning 预计达标困难 (逆向)', () => {
    const r = assessIndicator(
      input({
        better: 'higher',
        limits: [0, 100],
        rule: { kind: 'maintain', comparator: '>=', value: 99 },
        series: series([100, 99.7, 99.4, 99.1]),
      }),
    );
    expect(r.status).toBe('已达标（有回落风险）');
    expect(r.warning?.kind).toBe('预计达标困难');
    expect(r.difficulty).toBe('逆向');
  });

  it('maintain 100% not met → 未达标', () => {
    const r = assessIndicator(
      input({
        better: 'higher',
        limits: [0, 100],
        rule: { kind: 'maintain', comparator: '>=', value: 100 },
        series: series([100, 100, 98]),
      }),
    );
    expect(r.status).toBe('未达标');
  });
});

describe('relative_to_base and annual_step', () => {
  it('以2020年为基数下降20%: TV = x_b × 0.8', () => {
    const r = assessIndicator(
      input({ better: 'lower', rule: { kind: 'relative_to_base', percent: 20 }, series: series([9.3, 8.8, 8.4, 8.0]) }),
    );
    expect(r.target).toBe(7.44);
    expect(r.projection?.value).toBeCloseTo(7.142, 3); // Theil–Sen slope −0.425 from median 8.6 at 2021.5
    expect(r.status).toBe('预计可达标');
  });

  it('每年降低1个百分点: yearly path, 年度目标未完成 flags, 提前达标 only at the final target', () => {
    const r = assessIndicator(
      input({ better: 'lower', rule: { kind: 'annual_step', step: 1 }, series: series([20, 19, 18.5, 17]) }),
    );
    expect(r.target).toBe(15);
    expect(r.targetNow).toBe(17);
    expect(r.met).toBe(true);
    expect(r.status).toBe('已达标');
    expect(r.flags.filter((f) => f.kind === 'annual_step_missed').map((f) => f.year)).toEqual([2022]);
  });
});

describe('direction_only', () => {
  const rule = { kind: 'direction_only', wording: '逐步提高' } as const;
  it('趋势向好 / 趋势向好但末年回落 / 预计达标困难 (方向未达)', () => {
    expect(assessIndicator(input({ better: 'higher', rule, series: series([50, 52, 55, 57]) })).status).toBe(
      '趋势向好',
    );
    expect(assessIndicator(input({ better: 'higher', rule, series: series([50, 52, 55, 54]) })).status).toBe(
      '趋势向好但末年回落',
    );
    const down = assessIndicator(input({ better: 'higher', rule, series: series([50, 49, 49, 48]) }));
    expect(down.status).toBe('预计达标困难');
    expect(down.difficulty).toBe('方向未达');
    expect(down.met).toBeNull();
  });
});

describe('relational and count_per_body', () => {
  it('女代表比例不少于女党员比例: compared with the reference each year', () => {
    const points = [
      { year: 2020, value: 30, reference: 28 },
      { year: 2021, value: 31, reference: 29 },
      { year: 2022, value: 30.5, reference: 30.6 },
    ];
    const r = assessIndicator(
      input({
        better: 'higher',
        rule: { kind: 'relational', comparator: '>=', reference: '女党员比例' },
        series: points,
      }),
    );
    expect(r.met).toBe(false);
    expect(r.targetNow).toBe(30.6);
    expect(r.status).toBe('未达标');
  });

  it('count_per_body: share of bodies complying, target 100%', () => {
    const r = assessIndicator(
      input({
        better: 'higher',
        rule: { kind: 'count_per_body', value: 1, body: '村委会' },
        series: series([80, 90, 100]),
      }),
    );
    expect(r.target).toBe(100);
    expect(r.status).toBe('提前达标');
  });
});

describe('fluctuation', () => {
  const rule = atLeast(90);
  it('jump: > 30% on the previous year and ≥ floor', () => {
    const r = assessIndicator(input({ better: 'higher', floor: 1, rule, series: series([58, 58, 58, 82]) }));
    const jump = r.flags.find((f) => f.kind === 'jump');
    expect(jump?.message).toContain('2023年较上年上升41.4%，超过30%');
  });

  it('band: outside ±33% of the mean of the previous 3 years', () => {
    const r = assessIndicator(input({ better: 'higher', floor: 1, rule, series: series([10, 12, 11, 13, 6]) }));
    expect(r.flags.map((f) => f.kind)).toContain('band');
  });

  it('the floor gates tiny changes of tiny values', () => {
    const r = assessIndicator(
      input({ better: 'lower', floor: 1, rule: atMost(5), series: series([0.2, 0.4, 0.1, 0.5]) }),
    );
    expect(r.flags).toEqual([]);
  });

  it('not tested under 3 points', () => {
    const r = assessIndicator(input({ better: 'higher', floor: 1, rule, series: series([10, 20]) }));
    expect(r.flags).toEqual([]);
  });
});

describe('small numbers', () => {
  const births = 5700;
  const deaths = (counts: number[]) =>
    counts.map((k, i) => ({ year: 2020 + i, value: null, numerator: k, denominator: births }));

  it('maternal deaths 1, 0, 2, 0, 1 per ~5,700 births vs ≤ 8.5/10万: no 波动较大, no warning, 小数波动', () => {
    const r = assessIndicator(
      input({ better: 'lower', factor: 100000, floor: 17.5, rule: atMost(8.5), series: deaths([1, 0, 2, 0, 1]) }),
    );
    expect(r.flags.map((f) => f.kind)).toEqual(['small_numbers']);
    const small = r.flags[0];
    expect(small?.numbers.events).toBe(3);
    expect(small?.numbers.exposure).toBe(4 * births);
    expect(small?.numbers.ciLow).toBeCloseTo((0.619 * 100000) / (4 * births), 0);
    expect(r.status).toBe('未达标');
    expect(r.warning).toBeNull();
    expect(r.statusReason).toContain('差异无统计学意义');
  });

  it('pooled rate within target → 提前达标', () => {
    const r = assessIndicator(
      input({ better: 'lower', factor: 100000, rule: atMost(8.5), series: deaths([1, 0, 0, 1, 0]) }),
    );
    expect(r.met).toBe(true);
    expect(r.status).toBe('提前达标');
  });

  it('whole interval above the target → 预计达标困难', () => {
    const r = assessIndicator(
      input({ better: 'lower', factor: 100000, rule: atMost(8.5), series: deaths([3, 4, 3, 5, 4]) }),
    );
    expect(r.status).toBe('预计达标困难');
    expect(r.warning?.kind).toBe('预计达标困难');
  });

  it('≥ 10 events a year → judged year by year', () => {
    const counts = [40, 42, 41, 45].map((k, i) => ({ year: 2020 + i, value: null, numerator: k, denominator: 1000 }));
    const r = assessIndicator(input({ better: 'lower', factor: 1000, rule: atMost(30), series: counts }));
    expect(r.flags.find((f) => f.kind === 'small_numbers')).toBeUndefined();
    expect(r.value).toBeCloseTo(45, 10);
  });
});
