// The chart options' behaviour beyond their layout (src/core/charts): an axis that reaches a target on a round
// tick, labels without trailing zeros, the fixed colours of 女 and 男, the references drawn only when recorded and
// joined across the years without figures, and the demo mark's room under the title.
import type { BarSeriesOption, LineSeriesOption } from 'echarts';
import { describe, expect, it } from 'vitest';
import { areaRankingOption, COLOR, domainRateBarOption, trendChartOption } from '../../src/core/charts/index.ts';
import { formatNumber, niceAxisMax, seriesColor } from '../../src/core/charts/style.ts';

const series = <T>(option: { series?: unknown }) => option.series as T[];
type Labelled = { label: { formatter: (p: { value: number }) => string } };

describe('chart helpers', () => {
  it('end an axis on a round tick (1, 2, 2.5 or 5 × 10^k) at or above the value, with room above it', () => {
    expect([0, -1, 0.5, 1, 4.76, 9, 10, 19, 47.6, 90, 95, 99, 100, 240, 1234].map(niceAxisMax)).toEqual([
      0, 0, 0.6, 1.25, 5, 10, 12.5, 20, 50, 100, 100, 125, 125, 300, 1500,
    ]);
  });

  it('print a label with at most the given decimals and no trailing zeros', () => {
    expect([formatNumber(2.5), formatNumber(4.12345), formatNumber(4.12345, 1), formatNumber(10)]).toEqual([
      '2.5',
      '4.12',
      '4.1',
      '10',
    ]);
  });

  it('give 女 and 男 (女性…, 男性…) their colours wherever they come, the others the palette in order', () => {
    expect([seriesColor('女', 3), seriesColor('女性', 0), seriesColor('男性', 0), seriesColor('男', 1)]).toEqual([
      COLOR.female,
      COLOR.female,
      COLOR.male,
      COLOR.male,
    ]);
    expect([seriesColor('合计', 0), seriesColor('城镇', 2), seriesColor('农村', 6), seriesColor('其他', 5)]).toEqual([
      COLOR.navy,
      COLOR.male,
      COLOR.navy,
      COLOR.grey,
    ]);
  });
});

describe('the trend chart', () => {
  // Built in each test, not when the file is collected: the mutation run switches its mutants on per test.
  const build = () =>
    trendChartOption({
      title: '妇女常见病筛查率',
      unit: '%',
      years: [2021, 2022],
      series: [
        { name: '合计', values: [81.234, 82] },
        { name: '城镇', values: [80] },
      ],
      references: [
        { name: '天津市', values: [null, 85] },
        { name: '全国', values: [null, null] },
        { name: '其他', values: [79, null] },
      ],
    });
  it('labels the values of the first line only, and leaves a year without data empty', () => {
    const lines = series<LineSeriesOption>(build());
    expect(lines.map((l) => l.name)).toEqual(['合计', '城镇', '天津市', '其他']);
    expect(lines[0]!.label?.show).toBe(true);
    expect(lines[1]!.label?.show).toBe(false);
    expect((lines[0] as Labelled).label.formatter({ value: 81.234 })).toBe('81.23');
    expect(lines[1]!.data).toEqual([80, null]);
    expect(lines[1]!.connectNulls).toBe(false);
  });

  it('draws a reference only when a figure is recorded, dashed and joined across the years between', () => {
    const lines = series<LineSeriesOption>(build());
    expect(lines[2]).toMatchObject({ data: [null, 85], connectNulls: true, lineStyle: { type: 'dashed' } });
    expect(lines[3]!.data).toEqual([79, null]);
    expect(lines[2]!.lineStyle?.color).not.toBe(lines[0]!.lineStyle?.color);
  });

  it('puts the unit on a value axis that does not start at zero', () => {
    const option = build();
    expect(option.yAxis).toMatchObject({ type: 'value', name: '%', scale: true });
    expect(option.grid).toMatchObject({ top: 56 });
  });
});

describe('the bar charts', () => {
  it('stretch the area ranking’s axis only for a target beyond the data, and name the unit', () => {
    const ranking = (target?: number, unit = '%') =>
      areaRankingOption({
        title: '筛查率',
        unit,
        areas: [
          { name: '甲镇', value: 95 },
          { name: '乙街', value: 92 },
        ],
        ...(target === undefined ? {} : { target: { value: target, label: `目标值 ${target}%` } }),
        demo: true,
      });
    expect(ranking(90).xAxis).toMatchObject({ max: undefined, name: '%' });
    expect(ranking(98).xAxis).toMatchObject({ max: 125 });
    expect(ranking(undefined).xAxis).toMatchObject({ max: undefined });
    const [bars] = series<BarSeriesOption>(ranking(undefined));
    expect(bars!.markLine).toBeUndefined();
    expect(bars!.name).toBe('筛查率（%）');
    expect(series<BarSeriesOption>(ranking(undefined, ''))[0]!.name).toBe('筛查率');
    expect((bars as Labelled).label.formatter({ value: 92.456 })).toBe('92.46');
    // Room under the title for the demo mark.
    expect(ranking(90).grid).toMatchObject({ top: 72 });
  });

  it('print the domain rates with one decimal in the tooltip', () => {
    const option = domainRateBarOption({ title: '各领域达标率', bars: [], demo: true });
    const tooltip = option.tooltip as { valueFormatter: (v: number) => string };
    expect(tooltip.valueFormatter(85.71)).toBe('85.7%');
    expect(option.grid).toMatchObject({ top: 72 });
  });
});
