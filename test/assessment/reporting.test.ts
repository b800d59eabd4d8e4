// Roll-ups, sex gaps, town disparity and the official phrasing of changes.
import { describe, expect, it } from 'vitest';
import { assessIndicator, describeChange, rollup, sexGap, townDisparity } from '../../src/core/assessment/index.ts';
import { input, series } from './helpers.ts';

describe('rollup', () => {
  it('达标率 over numeric targets with data; 无数据, direction-only and qualitative apart', () => {
    const atLeast70 = { kind: 'threshold', comparator: '>=', value: 70 } as const;
    const results = [
      assessIndicator(input({ id: 'a', better: 'higher', rule: atLeast70, series: series([60, 72]) })), // 提前达标
      assessIndicator(input({ id: 'b', better: 'higher', rule: atLeast70, series: series([60, 61, 62]) })), // 预计达标困难
      assessIndicator(input({ id: 'c', better: 'higher', rule: atLeast70, series: [] })), // 无数据
      assessIndicator(
        input({
          id: 'd',
          better: 'higher',
          rule: { kind: 'maintain', comparator: '>=', value: 99 },
          series: series([99.9, 99.6, 99.4]),
        }),
      ), // 有回落风险
      assessIndicator(
        input({
          id: 'e',
          better: 'higher',
          rule: { kind: 'direction_only', wording: '逐步提高' },
          series: series([1, 2]),
        }),
      ),
    ];
    const [row] = rollup([...results, { id: 'q', qualitative: true }], () => '妇女与健康');
    expect(row?.total).toBe(6);
    expect(row?.assessed).toBe(3);
    expect(row?.met).toBe(2);
    expect(row?.rate).toBeCloseTo(2 / 3, 10);
    expect(row?.rateStrict).toBeCloseTo(1 / 3, 10);
    expect(row?.counts.提前达标).toBe(1);
    expect(row?.counts.预计达标困难).toBe(1);
    expect(row?.noData).toBe(1);
    expect(row?.directionOnly).toBe(1);
    expect(row?.qualitative).toBe(1);
  });
});

describe('sex gaps and town disparity', () => {
  it('female − male, ratio, trend of the gap', () => {
    const gap = sexGap(series([50, 52, 55, 57]), series([60, 61, 62, 62]));
    expect(gap.years.map((y) => y.gap)).toEqual([-10, -9, -7, -5]);
    expect(gap.years[0]?.ratio).toBeCloseTo(50 / 60, 10);
    expect(gap.slope).toBeCloseTo(11 / 6, 10); // median of 1, 1.5, 5/3, 2, 2, 2
    expect(gap.narrowing).toBe(true);
  });

  it('range, CV, lagging towns (worst quartile or below target)', () => {
    const towns = [10, 20, 30, 40, 50].map((value, i) => ({ area: `镇${i + 1}`, value }));
    const d = townDisparity(towns, 'higher', { comparator: '>=', value: 25 });
    expect(d?.range).toBe(40);
    expect(d?.mean).toBe(30);
    expect(d?.cv).toBeCloseTo(Math.sqrt(200) / 30, 10);
    expect(d?.quartileCut).toBe(20);
    expect(d?.lagging.map((t) => t.area)).toEqual(['镇1', '镇2']);
  });
});

describe('describeChange', () => {
  it('uses the phrasing of national statistical monitoring reports', () => {
    expect(describeChange(60.0, 62.5, '%')).toBe('提高2.5个百分点');
    expect(describeChange(5.6, 5.3, '‰')).toBe('下降0.3个千分点');
    expect(describeChange(16.9, 16.1, '/10万')).toBe('下降0.8个十万分点');
    expect(describeChange(80.0, 80.04, '%')).toBe('与上年基本持平');
    expect(describeChange(12, 15, '个', 0)).toBe('增加3个');
    expect(describeChange(15, 12, '名', 0)).toBe('减少3名');
  });
});

describe('rollup of a finished cycle (METHODOLOGY v2 §12)', () => {
  it('实现率 = 已实现 / assessed, with 基本实现 beside it', () => {
    const atLeast70 = { kind: 'threshold', comparator: '>=', value: 70 } as const;
    const final = (id: string, last: number) =>
      assessIndicator(input({ id, better: 'higher', rule: atLeast70, series: series([60, 62, 64, 66, 68, last]) }));
    const [row] = rollup([final('a', 70), final('b', 69), final('c', 65), final('d', 71)], () => 'all');
    expect(row?.final).toEqual({ 已实现: 2, 基本实现: 1, 未实现: 1 });
    expect(row?.achievedRate).toBe(0.5);
    expect(row?.basicallyRate).toBe(0.25);
    const [before] = rollup(
      [assessIndicator(input({ better: 'higher', rule: atLeast70, series: series([60, 62]) }))],
      () => 'x',
    );
    expect(before?.achievedRate).toBeNull();
    // Before the target year there is no final category to count.
    expect(before?.basicallyRate).toBeNull();
    expect(before?.final).toEqual({ 已实现: 0, 基本实现: 0, 未实现: 0 });
    // Any mix of final categories gives rates (here 1 of 2 each time).
    for (const other of [69, 65]) {
      const [mix] = rollup([final('a', 70), final('b', other)], () => 'all');
      expect(mix?.achievedRate, String(other)).toBe(0.5);
    }
  });

  it('a group with no indicator assessed has no rates, not 0', () => {
    const atLeast70 = { kind: 'threshold', comparator: '>=', value: 70 } as const;
    const [row] = rollup([assessIndicator(input({ better: 'higher', rule: atLeast70, series: [] }))], () => 'all');
    expect(row).toMatchObject({ total: 1, assessed: 0, noData: 1, rate: null, rateStrict: null });
  });
});
