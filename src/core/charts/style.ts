// Shared look of Tianping's charts: a restrained palette that prints well in grey, Chinese fonts,
// and the demo-data mark. Government reports use few colours, so series colours are fixed, not themed.
import type { EChartsOption, TitleComponentOption } from 'echarts';

/** The first family is what the server renderer has; the rest are what users' browsers have. */
export const FONT_FAMILY = "'Noto Sans CJK SC', 'Microsoft YaHei', 'PingFang SC', sans-serif";

export const COLOR = {
  text: '#333333',
  axis: '#999999',
  grid: '#E5E5E5',
  navy: '#2F4B7C', // totals and single series
  female: '#B5525C', // 女: muted red
  male: '#4F7CAC', // 男: muted blue
  grey: '#8C8C8C',
  target: '#C00000', // target lines: the one loud colour
} as const;

/** Colours for series in order; 合计/女/男 get theirs by name. */
export const SERIES_COLORS = [COLOR.navy, COLOR.female, COLOR.male, '#6A8D5B', '#B08B3E', COLOR.grey];

export const DEMO_MARK = '演示数据';

export function seriesColor(name: string, index: number): string {
  if (name === '女' || name.startsWith('女性')) return COLOR.female;
  if (name === '男' || name.startsWith('男性')) return COLOR.male;
  return SERIES_COLORS[index % SERIES_COLORS.length]!;
}

export function chartTitle(text: string, demo: boolean | undefined): TitleComponentOption {
  return {
    text,
    left: 'center',
    top: 8,
    textStyle: { fontSize: 16, fontWeight: 'bold', color: COLOR.text, fontFamily: FONT_FAMILY },
    // The demo mark sits under the title, where nobody can crop it off without cropping the title.
    subtext: demo ? `（${DEMO_MARK}）` : undefined,
    subtextStyle: { fontSize: 12, color: COLOR.target, fontFamily: FONT_FAMILY },
  };
}

/** Options every chart shares: white background (PNG in Word), no animation (server render), fonts. */
export const BASE: EChartsOption = {
  backgroundColor: '#FFFFFF',
  animation: false,
  textStyle: { fontFamily: FONT_FAMILY, color: COLOR.text },
};

/**
 * An axis maximum at or above `value` that ends on a round tick (steps of 1, 2, 2.5 or 5 × 10^k),
 * for a markLine target beyond the data: ECharts does not stretch an axis to fit a markLine.
 */
export function niceAxisMax(value: number): number {
  if (value <= 0) return 0;
  const rough = (value * 1.05) / 5;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].find((s) => s * magnitude >= rough)! * magnitude;
  // Rounded to 12 significant digits: 3 × 0.2 is 0.6000000000000001, which ECharts would print as the last tick.
  return Number((Math.ceil((value * 1.05) / step) * step).toPrecision(12));
}

/** Formats a number for a label with at most the given decimals, dropping trailing zeros. */
export const formatNumber = (value: number, decimals = 2): string => String(Number(value.toFixed(decimals)));
