import type { BarSeriesOption, LineSeriesOption, TitleComponentOption } from 'echarts';
import { describe, expect, it } from 'vitest';
import {
  areaRankingOption,
  domainRateBarOption,
  PROJECTION_NAME,
  trendChartOption,
} from '../../src/core/charts/index.ts';
import { renderChartPng } from '../../src/features/reports/charts/render.ts';

const trendInput = {
  title: '孕产妇死亡率',
  unit: '1/10万',
  years: [2020, 2021, 2022, 2023],
  series: [
    { name: '合计', values: [17.5, 0, null, 8.7] },
    { name: '女', values: [1, 2, 3, 4] },
  ],
  target: { value: 8.5, label: '目标值 ≤8.5' },
  projection: { fromYear: 2023, toYear: 2025, fromValue: 8.7, toValue: 7.9 },
  demo: true,
};

const series = <T>(option: { series?: unknown }) => option.series as T[];
const title = (option: { title?: unknown }) => option.title as TitleComponentOption;

describe('chart options', () => {
  it('trend: one line per series, the projection dotted to the target year, the target dashed', () => {
    const option = trendChartOption(trendInput);
    const lines = series<LineSeriesOption>(option);
    expect(lines.map((s) => s.name)).toEqual(['合计', '女', PROJECTION_NAME, '目标值 ≤8.5']);
    expect((option.xAxis as { data: string[] }).data).toEqual([
      '2020年',
      '2021年',
      '2022年',
      '2023年',
      '2024年',
      '2025年',
    ]);
    expect(lines[0]!.data).toEqual([17.5, 0, null, 8.7, null, null]);
    expect(lines[2]!.data).toEqual([null, null, null, 8.7, null, 7.9]);
    expect(lines[2]!.lineStyle?.type).toBe('dotted');
    expect(lines[3]!.data).toEqual([8.5, 8.5, 8.5, 8.5, 8.5, 8.5]);
    expect(lines[3]!.lineStyle?.type).toBe('dashed');
    expect(title(option).subtext).toContain('演示数据');
    expect(title(trendChartOption({ ...trendInput, demo: false })).subtext).toBeUndefined();
  });

  it('trend: the series named 女 and 男 get their fixed colours', () => {
    const lines = series<LineSeriesOption>(
      trendChartOption({
        ...trendInput,
        series: [
          { name: '男', values: [1] },
          { name: '女', values: [2] },
        ],
      }),
    );
    expect(lines[0]!.itemStyle?.color).not.toBe(lines[1]!.itemStyle?.color);
  });

  it('domain rate: bars in the given order on a 0–100% axis with percentage labels', () => {
    const option = domainRateBarOption({
      title: '各领域达标率',
      bars: [
        { name: '妇女与健康', rate: 85.71 },
        { name: '妇女与教育', rate: 100 },
      ],
    });
    expect((option.yAxis as { data: string[] }).data).toEqual(['妇女与健康', '妇女与教育']);
    expect(option.xAxis).toMatchObject({ min: 0, max: 100 });
    const [bars] = series<BarSeriesOption>(option);
    expect(bars!.data).toEqual([85.71, 100]);
    const format = (bars!.label as { formatter: (p: { value: number }) => string }).formatter;
    expect(format({ value: 85.71 })).toBe('85.7%');
  });

  it('area ranking: sorted largest first, target as a markLine, axis stretched to reach it', () => {
    const option = areaRankingOption({
      title: '各镇街妇女常见病筛查率',
      unit: '%',
      areas: [
        { name: '甲镇', value: 80 },
        { name: '乙街', value: 88 },
        { name: '丙镇', value: 84 },
      ],
      target: { value: 90, label: '目标值 90%' },
    });
    expect((option.yAxis as { data: string[] }).data).toEqual(['乙街', '丙镇', '甲镇']);
    const [bars] = series<BarSeriesOption>(option);
    expect(bars!.data).toEqual([88, 84, 80]);
    expect(bars!.markLine?.data).toEqual([{ xAxis: 90, name: '目标值 90%' }]);
    expect((option.xAxis as { max: number }).max).toBeGreaterThanOrEqual(90);
  });
});

describe('renderChartPng', () => {
  const pngSize = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });

  it('renders a PNG of the asked size', async () => {
    const png = await renderChartPng(trendChartOption(trendInput), { width: 640, height: 360 });
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(pngSize(png)).toEqual({ width: 640, height: 360 });
  });

  it('renders at a scale for print', async () => {
    const option = domainRateBarOption({ title: '达标率', bars: [{ name: '妇女与健康', rate: 80 }] });
    expect(pngSize(await renderChartPng(option, { width: 300, height: 200, scale: 2 }))).toEqual({
      width: 600,
      height: 400,
    });
  });
});
