// What a chart in a Word or PDF report needs (src/core/charts): a white background (a PNG in Word), no animation
// (rendered once on the server), the Chinese font the server renderer has, the demo mark in red under the title,
// the target in the one loud colour, dashed, and the first bar at the top.
import type { BarSeriesOption, EChartsOption, LineSeriesOption } from 'echarts';
import { describe, expect, it } from 'vitest';
import {
  areaRankingOption,
  COLOR,
  DEMO_MARK,
  domainRateBarOption,
  FONT_FAMILY,
  PROJECTION_NAME,
  trendChartOption,
} from '../../src/core/charts/index.ts';

const trend = () =>
  trendChartOption({
    title: '孕产妇死亡率',
    unit: '1/10万',
    years: [2021, 2022, 2023],
    series: [{ name: '合计', values: [9, 8.7, 8.2] }],
    references: [{ name: '天津市', values: [null, 9.5, null] }],
    target: { value: 8.5, label: '目标值 ≤8.5' },
    projection: { fromYear: 2023, toYear: 2025, fromValue: 8.2, toValue: 7.5 },
    demo: true,
  });
const rates = () =>
  domainRateBarOption({ title: '各领域达标率', bars: [{ name: '妇女与健康', rate: 80 }], demo: true });
const ranking = () =>
  areaRankingOption({
    title: '各镇街筛查率',
    unit: '%',
    areas: [{ name: '甲镇', value: 80 }],
    target: { value: 90, label: '目标值 90%' },
    demo: true,
  });

// The options are built in each test, not when the file is collected: the mutation run switches its mutants on per test.
describe('every chart of a report', () => {
  it('prints on white, without animation, in the server’s Chinese font, the title centred and bold', () => {
    expect(FONT_FAMILY.startsWith("'Noto Sans CJK SC'")).toBe(true);
    for (const option of [trend(), rates(), ranking()] as EChartsOption[]) {
      expect(option).toMatchObject({
        backgroundColor: '#FFFFFF',
        animation: false,
        textStyle: { fontFamily: FONT_FAMILY, color: COLOR.text },
        title: {
          left: 'center',
          textStyle: { fontWeight: 'bold', fontFamily: FONT_FAMILY },
          subtext: `（${DEMO_MARK}）`,
          subtextStyle: { color: COLOR.target, fontFamily: FONT_FAMILY },
        },
      });
    }
  });
});

describe('the trend chart', () => {
  const byName = (name: string) => (trend().series as LineSeriesOption[]).find((l) => l.name === name)!;

  it('draws the data solid with points, the projection grey and dotted, the target red, dashed and silent', () => {
    expect(byName('合计')).toMatchObject({ symbol: 'circle', lineStyle: { width: 2 }, label: { position: 'top' } });
    expect(byName('合计').lineStyle?.type).toBeUndefined();
    expect(byName(PROJECTION_NAME)).toMatchObject({
      connectNulls: true,
      itemStyle: { color: COLOR.grey },
      lineStyle: { color: COLOR.grey, type: 'dotted' },
    });
    expect(byName('目标值 ≤8.5')).toMatchObject({
      symbol: 'none',
      silent: true,
      itemStyle: { color: COLOR.target },
      lineStyle: { color: COLOR.target, type: 'dashed' },
    });
    expect(byName('天津市')).toMatchObject({ symbol: 'diamond', lineStyle: { type: 'dashed' } });
  });

  it('reads the years on a category axis with room at both ends, and shows the values of a year in one tooltip', () => {
    const option = trend();
    expect(option.xAxis).toMatchObject({ type: 'category', boundaryGap: true });
    expect(option.tooltip).toMatchObject({ trigger: 'axis' });
    expect(option.legend).toMatchObject({ textStyle: { fontFamily: FONT_FAMILY } });
    expect(option.grid).toMatchObject({ top: 72 });
  });
});

describe('the bar charts', () => {
  it('give the domain rates a 0–100 % axis, the first domain at the top, navy bars labelled in %', () => {
    const option = rates();
    expect(option.xAxis).toMatchObject({ type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } });
    expect(option.yAxis).toMatchObject({ type: 'category', inverse: true });
    expect(option.tooltip).toMatchObject({ trigger: 'axis' });
    const [bars] = option.series as BarSeriesOption[];
    expect(bars).toMatchObject({
      name: '达标率',
      type: 'bar',
      itemStyle: { color: COLOR.navy },
      label: { show: true, position: 'right', fontFamily: FONT_FAMILY },
    });
  });

  it('rank the areas from the top, the target a red dashed line labelled at its end', () => {
    const option = ranking();
    expect(option.yAxis).toMatchObject({ type: 'category', inverse: true, data: ['甲镇'] });
    expect(option.xAxis).toMatchObject({ type: 'value', name: '%' });
    const [bars] = option.series as BarSeriesOption[];
    expect(bars).toMatchObject({
      type: 'bar',
      itemStyle: { color: COLOR.navy },
      label: { show: true, position: 'right' },
      markLine: {
        silent: true,
        symbol: 'none',
        lineStyle: { color: COLOR.target, type: 'dashed' },
        label: { position: 'end', color: COLOR.target, formatter: '目标值 90%' },
      },
    });
  });

  it('stretch the axis to a target above every area, even when the largest comes last', () => {
    const option = areaRankingOption({
      title: '各镇街筛查率',
      unit: '%',
      areas: [
        { name: '甲镇', value: 80 },
        { name: '乙街', value: 96 },
      ],
      target: { value: 95, label: '目标值 95%' },
    });
    // 96 is above the target: no stretch.
    expect(option.xAxis).toMatchObject({ max: undefined });
    const equal = areaRankingOption({
      title: '各镇街筛查率',
      unit: '%',
      areas: [{ name: '甲镇', value: 95 }],
      target: { value: 95, label: '目标值 95%' },
    });
    expect(equal.xAxis).toMatchObject({ max: undefined });
  });
});
