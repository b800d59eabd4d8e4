// One indicator across the towns and streets (镇街), largest at the top, with the target as a
// dashed line so that areas short of it stand out.
import type { BarSeriesOption, EChartsOption } from 'echarts';
import { BASE, COLOR, chartTitle, FONT_FAMILY, formatNumber, niceAxisMax } from './style.ts';

export interface AreaRankingInput {
  title: string;
  unit: string;
  areas: { name: string; value: number }[];
  target?: { value: number; label: string };
  demo?: boolean;
}

export function areaRankingOption(input: AreaRankingInput): EChartsOption {
  const areas = [...input.areas].sort((a, b) => b.value - a.value);
  const { target } = input;
  // A loop, not Math.max(...values): thousands of towns at national scale.
  let dataMax = 0;
  for (const a of areas) if (a.value > dataMax) dataMax = a.value;

  const bars: BarSeriesOption = {
    name: input.unit ? `${input.title}（${input.unit}）` : input.title,
    type: 'bar',
    data: areas.map((a) => a.value),
    barMaxWidth: 18,
    itemStyle: { color: COLOR.navy },
    label: {
      show: true,
      position: 'right',
      fontFamily: FONT_FAMILY,
      formatter: ({ value }) => formatNumber(Number(value)),
    },
    markLine: target && {
      silent: true,
      symbol: 'none',
      lineStyle: { color: COLOR.target, type: 'dashed', width: 1.5 },
      label: { position: 'end', color: COLOR.target, fontFamily: FONT_FAMILY, formatter: target.label },
      data: [{ xAxis: target.value, name: target.label }],
    },
  };

  return {
    ...BASE,
    title: chartTitle(input.title, input.demo),
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 16, right: 64, top: input.demo ? 72 : 56, bottom: 32, containLabel: true },
    xAxis: {
      type: 'value',
      name: input.unit,
      // A markLine does not stretch the axis: make room for a target beyond every bar.
      max: target && target.value > dataMax ? niceAxisMax(target.value) : undefined,
      splitLine: { lineStyle: { color: COLOR.grid } },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: areas.map((a) => a.name),
      axisTick: { show: false },
      axisLine: { lineStyle: { color: COLOR.axis } },
    },
    series: [bars],
  };
}
