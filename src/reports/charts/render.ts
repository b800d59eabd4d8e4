// Server-side chart rendering for Word: ECharts draws SVG without a DOM, resvg rasterises it to PNG.
// Word and WPS show SVG inconsistently, PNG everywhere.
import { Resvg } from '@resvg/resvg-js';
import type { EChartsOption } from 'echarts';
import * as echarts from 'echarts';

export interface RenderSize {
  /** Logical size in CSS pixels: the size the option's fonts and margins were designed for. */
  width: number;
  height: number;
  /** Pixel density of the PNG; 2 gives a sharp print at the type-area width. The PNG is width·scale × height·scale. */
  scale?: number;
}

export async function renderChartPng(option: EChartsOption, { width, height, scale = 1 }: RenderSize): Promise<Buffer> {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  let svg: string;
  try {
    chart.setOption({ ...option, animation: false });
    svg = chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
  const png = new Resvg(svg, {
    fitTo: { mode: 'width', value: Math.round(width * scale) },
    background: '#FFFFFF',
    // The chart names 'Noto Sans CJK SC' first; system fonts are where Debian's fonts-noto-cjk puts it.
    font: { loadSystemFonts: true, defaultFontFamily: 'Noto Sans CJK SC' },
  })
    .render()
    .asPng();
  return png;
}
