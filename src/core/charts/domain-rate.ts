// 达标率 by domain (or by plan): horizontal bars, because domain names such as 妇女与社会保障 are too long
// to stand under vertical bars, and a fixed 0–100% axis so that charts of different years compare.
import type { EChartsOption } from 'echarts';
import { BASE, COLOR, chartTitle, FONT_FAMILY, formatNumber } from './style.ts';

export interface DomainRateInput {
  title: string;
  /** rate in percent, 0–100 */
  bars: { name: string; rate: number }[];
  demo?: boolean;
}

export function domainRateBarOption(input: DomainRateInput): EChartsOption {
  return {
    ...BASE,
    title: chartTitle(input.title, input.demo),
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (v) => `${formatNumber(Number(v), 1)}%`,
    },
    grid: { left: 16, right: 56, top: input.demo ? 72 : 56, bottom: 24, containLabel: true },
    xAxis: {
      type: 'value',
      min: 0,
      max: 100,
      axisLabel: { formatter: '{value}%' },
      splitLine: { lineStyle: { color: COLOR.grid } },
    },
    yAxis: {
      type: 'category',
      // The first domain at the top, in the plan's order.
      inverse: true,
      data: input.bars.map((b) => b.name),
      axisTick: { show: false },
      axisLine: { lineStyle: { color: COLOR.axis } },
    },
    series: [
      {
        name: '达标率',
        type: 'bar',
        data: input.bars.map((b) => b.rate),
        barMaxWidth: 22,
        itemStyle: { color: COLOR.navy },
        label: {
          show: true,
          position: 'right',
          fontFamily: FONT_FAMILY,
          formatter: ({ value }) => `${formatNumber(Number(value), 1)}%`,
        },
      },
    ],
  };
}
