// Indicator trend over the cycle: one line per disaggregation (合计/女/男), the plan's target as a dashed
// line, and the projection to the target year as a dotted line — the picture behind an early warning.
import type { EChartsOption, LineSeriesOption } from 'echarts';
import { BASE, COLOR, chartTitle, FONT_FAMILY, formatNumber, seriesColor } from './style.ts';

export interface TrendChartInput {
  title: string;
  /** e.g. %, 1/10万, ‰ */
  unit: string;
  years: number[];
  /** One value per year; null where there is no data (the line breaks there rather than guessing). */
  series: { name: string; values: (number | null)[] }[];
  target?: { value: number; label: string };
  projection?: { fromYear: number; toYear: number; fromValue: number; toValue: number };
  /** 对比数据: 天津市 / 全国 figures per year (null where none is recorded), drawn as thin dashed lines. */
  references?: { name: string; values: (number | null)[] }[];
  demo?: boolean;
}

/** 天津市 and 全国 lines: olive and ochre, apart from the district's navy and the red target. */
const REFERENCE_COLORS = ['#6A8D5B', '#B08B3E'];

export const PROJECTION_NAME = '趋势预测';

export function trendChartOption(input: TrendChartInput): EChartsOption {
  const years = axisYears(input);
  const at = (year: number) => years.indexOf(year);

  const lines: LineSeriesOption[] = input.series.map((s, i) => {
    const data = years.map(() => null as number | null);
    input.years.forEach((year, j) => {
      data[at(year)] = s.values[j] ?? null;
    });
    const color = seriesColor(s.name, i);
    return {
      name: s.name,
      type: 'line',
      data,
      connectNulls: false,
      symbol: 'circle',
      symbolSize: 6,
      itemStyle: { color },
      lineStyle: { color, width: 2 },
      label: { show: i === 0, position: 'top', fontSize: 11, formatter: ({ value }) => formatNumber(Number(value)) },
    };
  });

  (input.references ?? []).forEach((ref, k) => {
    if (ref.values.every((v) => v === null)) return;
    const data = years.map(() => null as number | null);
    input.years.forEach((year, j) => {
      data[at(year)] = ref.values[j] ?? null;
    });
    const color = REFERENCE_COLORS[k % REFERENCE_COLORS.length]!;
    lines.push({
      name: ref.name,
      type: 'line',
      data,
      // Published figures are sparse (a year or two): the years between are joined, not guessed as breaks.
      connectNulls: true,
      symbol: 'diamond',
      symbolSize: 7,
      itemStyle: { color },
      lineStyle: { color, width: 1.5, type: 'dashed' },
    });
  });

  const { projection, target } = input;
  if (projection) {
    const data = years.map(() => null as number | null);
    data[at(projection.fromYear)] = projection.fromValue;
    data[at(projection.toYear)] = projection.toValue;
    lines.push({
      name: PROJECTION_NAME,
      type: 'line',
      data,
      connectNulls: true,
      symbol: 'emptyCircle',
      symbolSize: 6,
      itemStyle: { color: COLOR.grey },
      lineStyle: { color: COLOR.grey, width: 2, type: 'dotted' },
    });
  }
  if (target) {
    // Drawn as a series rather than a markLine: the axis then always reaches the target, and the
    // target gets a legend entry and a tooltip line like the data.
    lines.push({
      name: target.label,
      type: 'line',
      data: years.map(() => target.value),
      symbol: 'none',
      silent: true,
      itemStyle: { color: COLOR.target },
      lineStyle: { color: COLOR.target, type: 'dashed', width: 1.5 },
    });
  }

  return {
    ...BASE,
    title: chartTitle(input.title, input.demo),
    legend: { bottom: 8, icon: 'roundRect', itemWidth: 18, itemHeight: 4, textStyle: { fontFamily: FONT_FAMILY } },
    tooltip: { trigger: 'axis' },
    grid: { left: 56, right: 32, top: input.demo ? 72 : 56, bottom: 56 },
    xAxis: {
      type: 'category',
      data: years.map((y) => `${y}年`),
      // Half a year of room at each end keeps the first and last points' labels clear of the axes.
      boundaryGap: true,
      axisLine: { lineStyle: { color: COLOR.axis } },
    },
    yAxis: {
      type: 'value',
      name: input.unit,
      // Rates such as 99.5% would be flattened against a zero baseline.
      scale: true,
      splitLine: { lineStyle: { color: COLOR.grid } },
      axisLine: { show: true, lineStyle: { color: COLOR.axis } },
    },
    series: lines,
  };
}

/** Data years plus the projection's years, so the dotted line can reach the target year. */
function axisYears({ years, projection }: TrendChartInput): number[] {
  const all = new Set(years);
  if (projection) for (let y = projection.fromYear; y <= projection.toYear; y++) all.add(y);
  return [...all].sort((a, b) => a - b);
}
