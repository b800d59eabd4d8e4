// 年度 / 终期监测报告: the opening verdict, the domain 达标率 chart, a section per plan with a verdict heading and
// sentences per domain, the warnings with a trend chart per warned indicator, 存在的问题, 对策建议, and an appendix
// table of every indicator. Texts come from the draft (src/core/narrative), as the office edited them.

import type { EChartsOption } from 'echarts';
import { domainRateBarOption, type TrendChartInput, trendChartOption } from '../../core/charts/index.ts';
import { KEY, paragraphsOf, targetShort, valueText } from '../../core/narrative/index.ts';
import type { StoredSection } from '../../db/schema/index.ts';
import type { IndicatorAnalysis } from '../analysis/index.ts';
import { renderChartPng } from './charts/render.ts';
import type { ReportContext } from './generate.ts';
import { type Block, type Chart, heading, paragraph, type ReportDocument, type Table } from './model.ts';

export interface BuildOptions {
  /** As printed under the title, e.g. 2026年3月 */
  date: string;
  charts: boolean;
}

export const ISSUER_SUFFIX = '妇女儿童工作委员会办公室';
const TREND_SIZE = { width: 600, height: 300 };

/** The texts by key; a missing key (a section the data no longer has) reads as empty. */
export function textOf(sections: readonly StoredSection[]) {
  const map = new Map(sections.map((s) => [s.key, s.text]));
  return (key: string) => map.get(key) ?? '';
}

export const paragraphs = (text: string): Block[] => paragraphsOf(text).map((line) => paragraph(line));

/** The report's subject in its title: one plan's full title, or both plans together. */
export function subjectTitle(ctx: ReportContext): string {
  return ctx.plans.length === 1 ? ctx.plans[0]!.title : `${ctx.region}妇女儿童发展规划`;
}

/** Domains in the plans' order. */
export function domainsInOrder(ctx: ReportContext) {
  const planIndex = new Map(ctx.plans.map((p, i) => [p.id, i]));
  return [...ctx.analysis.byDomain].sort(
    (a, b) =>
      (planIndex.get(a.planId) ?? 0) - (planIndex.get(b.planId) ?? 0) ||
      a.domainCode.localeCompare(b.domainCode, 'en', { numeric: true }),
  );
}

async function chart(option: EChartsOption, size: { width: number; height: number }, caption: string): Promise<Chart> {
  const png = await renderChartPng(option, { ...size, scale: 2 });
  return { kind: 'chart', png, ...size, caption };
}

/** 达标率 per domain, horizontal bars (the same builder as the web's overview). */
export async function domainRateChart(ctx: ReportContext, caption: string): Promise<Chart | null> {
  const bars = domainsInOrder(ctx)
    .filter((d) => d.rate !== null)
    .map((d) => ({ name: d.domainName, rate: (d.rate as number) * 100 }));
  if (bars.length === 0) return null;
  const size = { width: 600, height: 90 + bars.length * 28 };
  const title = '各领域监测指标达标率';
  return chart(domainRateBarOption({ title, bars, demo: ctx.analysis.demo }), size, caption);
}

/** An indicator's trend with its target and projection, as the analysis page draws it. */
export function trendInput(ctx: ReportContext, item: IndicatorAnalysis): TrendChartInput {
  const r = item.result;
  const series = [{ name: '合计', values: item.values }];
  if (item.female && item.male) series.push({ name: '女', values: item.female }, { name: '男', values: item.male });
  const numericTarget = r.target !== null && r.ruleKind !== 'relational';
  const cycleEnd = Math.max(...ctx.plans.map((p) => p.cycleEnd));
  return {
    title: `${item.name}（${item.unit}）`,
    unit: item.unit,
    years: item.years,
    series,
    ...(numericTarget ? { target: { value: r.target as number, label: `规划目标 ${targetShort(item)}` } } : {}),
    ...(r.projection && r.year !== null && r.value !== null && r.ruleKind !== 'relational' && r.year < cycleEnd
      ? { projection: { fromYear: r.year, toYear: cycleEnd, fromValue: r.value, toValue: r.projection.value } }
      : {}),
    demo: ctx.analysis.demo,
  };
}

export async function trendCharts(
  ctx: ReportContext,
  items: IndicatorAnalysis[],
  firstFigure: number,
): Promise<Chart[]> {
  const inputs = items.map((item) => trendInput(ctx, item));
  const pngs = await renderTrends(inputs);
  return items.map((item, i) => ({
    kind: 'chart',
    png: pngs[i]!,
    ...TREND_SIZE,
    caption: `图${firstFigure + i}　${item.name}变化情况`,
  }));
}

async function renderTrendPng(input: TrendChartInput): Promise<Uint8Array> {
  return renderChartPng(trendChartOption(input), { ...TREND_SIZE, scale: 2 });
}

async function renderTrends(inputs: TrendChartInput[]): Promise<Uint8Array[]> {
  const out: Uint8Array[] = [];
  for (const input of inputs) out.push(await renderTrendPng(input));
  return out;
}

/** 附表: every indicator of a plan with the base year, each year, the target and the status. */
export function indicatorTable(ctx: ReportContext, planId: string): Table {
  const p = ctx.plans.find((x) => x.id === planId)!;
  const items = ctx.analysis.indicators.filter((i) => i.planId === planId);
  const years = ctx.analysis.years;
  const precisionOf = (id: number) => ctx.precision.get(id) ?? 1;
  return {
    kind: 'table',
    appendix: true,
    caption: `${p.shortTitle}监测指标一览表（${years[0]}—${years.at(-1)}年）`,
    columns: [
      // 225 mm wide as drawn for six years (landscape type area): nothing is scaled down, so codes such as
      // W1-19 and the year headings stay on one line.
      { width: 17, align: 'center' },
      { width: 58 },
      { width: 14, align: 'center' },
      ...years.map(() => ({ width: 15, align: 'right' as const })),
      { width: 24, align: 'center' },
      { width: 27, align: 'center' },
    ],
    header: [
      [
        { text: '编号', rowSpan: 2 },
        { text: '指标', rowSpan: 2 },
        { text: '单位', rowSpan: 2 },
        { text: '监测值（年）', colSpan: years.length },
        { text: '目标值', rowSpan: 2 },
        { text: '状态', rowSpan: 2 },
      ],
      years.map((y, i) => ({ text: i === 0 && y === p.baseYear ? `${y}基期` : `${y}` })),
    ],
    rows: items.map((i) => [
      i.code,
      i.name,
      i.unit,
      ...i.values.map((v) => valueText(v, precisionOf(i.id))),
      targetShort({ ...i, precision: precisionOf(i.id) }),
      i.result.status,
    ]),
    note: `注：${ctx.basis === 'approved' ? '监测值为统计部门审核确认的数据' : '监测值含未审核的初步数据'}；“—”表示无数据；状态按监测评估方法由系统判定。`,
  };
}

export async function buildMonitoringReport(
  ctx: ReportContext,
  sections: readonly StoredSection[],
  options: BuildOptions,
): Promise<ReportDocument> {
  const text = textOf(sections);
  const final = ctx.kind === 'final_monitoring';
  const blocks: Block[] = [...paragraphs(text(KEY.opening))];
  let figure = 1;
  if (options.charts) {
    const bar = await domainRateChart(ctx, `图${figure}　各领域监测指标达标率`);
    if (bar) {
      blocks.push(bar);
      figure++;
    }
  }
  const domains = domainsInOrder(ctx);
  for (const p of ctx.plans) {
    blocks.push(heading(1, ctx.plans.length > 1 ? `${p.shortTitle}主要指标监测情况` : '主要指标监测情况'));
    for (const d of domains.filter((x) => x.planId === p.id)) {
      blocks.push(heading(2, text(KEY.domainHeading(d.domainCode)) || d.domainName));
      blocks.push(...paragraphs(text(KEY.domainText(d.domainCode))));
    }
  }
  blocks.push(heading(1, '监测预警情况'), ...paragraphs(text(KEY.warnings)));
  if (options.charts) {
    const warned = ctx.analysis.indicators.filter((i) => i.result.warning);
    const charts = await trendCharts(ctx, warned, figure);
    figure += charts.length;
    blocks.push(...charts);
  }
  blocks.push(heading(1, '存在的问题'), ...paragraphs(text(KEY.problems)));
  blocks.push(heading(1, '对策建议'), ...paragraphs(text(KEY.suggestions)));
  for (const p of ctx.plans) blocks.push(indicatorTable(ctx, p.id));
  return {
    title: `${subjectTitle(ctx)}\n${final ? '终期监测报告' : `${ctx.year}年度监测报告`}`,
    issuer: `${ctx.region}${ISSUER_SUFFIX}`,
    date: options.date,
    demo: ctx.analysis.demo,
    blocks,
  };
}
