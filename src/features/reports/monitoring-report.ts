// 年度 / 终期监测报告: the opening verdict, the domain 达标率 chart, a section per plan with a verdict heading and
// sentences per domain, the warnings with a trend chart per warned indicator, 存在的问题, 对策建议, and an appendix
// table of every indicator. Texts come from the draft (src/core/narrative), as the office edited them.

import type { EChartsOption } from 'echarts';
import { domainRateBarOption, type TrendChartInput, trendChartOption } from '../../core/charts/index.ts';
import {
  distinctIndicators,
  finalJudgement,
  KEY,
  paragraphsOf,
  targetShort,
  valueText,
} from '../../core/narrative/index.ts';
import { referenceSeries } from '../../core/reference.ts';
import type { StoredSection } from '../../core/reports.ts';
import type { IndicatorAnalysis } from '../analysis/index.ts';
import { renderChartPng } from './charts/render.ts';
import { finalSummaryTable } from './final-tables.ts';
import type { ReportContext } from './generate.ts';
import { domainsInOrder, isFinal, jointTitle } from './names.ts';

export { domainsInOrder };

import { type Block, type Chart, heading, paragraph, type ReportDocument, type Table } from './model.ts';
import { unitsAnnexTable } from './units-annex.ts';

export interface BuildOptions {
  /** As printed under the title, e.g. 2026年3月 */
  date: string;
  charts: boolean;
  /** Told after each trend chart is drawn (the progress of a generation); awaited, so it may let I/O through. */
  chartDrawn?: (done: number, total: number) => Promise<void>;
}

/**
 * Who signs: the plans' 监测评估 sections give the monitoring reports to the 监测组 led by the statistics bureau and
 * the evaluation reports to the 评估组 led by the committee's office.
 */
export function issuerOf(ctx: Pick<ReportContext, 'kind' | 'region'>): string {
  return ctx.kind === 'annual_monitoring' || ctx.kind === 'final_monitoring'
    ? `${ctx.region}统计局（监测组）`
    : `${ctx.region}妇女儿童工作委员会办公室（评估组）`;
}
const TREND_SIZE = { width: 600, height: 300 };

/** The texts by key; a missing key (a section the data no longer has) reads as empty. */
export function textOf(sections: readonly StoredSection[]) {
  const map = new Map(sections.map((s) => [s.key, s.text]));
  return (key: string) => map.get(key) ?? '';
}

export const paragraphs = (text: string): Block[] => paragraphsOf(text).map((line) => paragraph(line));

/** The report's subject in its title: one plan's full title, or both plans together. */
export function subjectTitle(ctx: ReportContext): string {
  return jointTitle(ctx.plans.map((p) => p.title));
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

/** An indicator's trend with its target, projection and 对比数据 lines, as the analysis page draws it. */
export function trendInput(ctx: ReportContext, item: IndicatorAnalysis): TrendChartInput {
  const r = item.result;
  const series = [{ name: '合计', values: item.values }];
  if (item.female && item.male) series.push({ name: '女', values: item.female }, { name: '男', values: item.male });
  const numericTarget = r.target !== null && r.ruleKind !== 'relational';
  const cycleEnd = Math.max(...ctx.plans.map((p) => p.cycleEnd));
  const references = ctx.narrative.indicators.find((n) => n.code === item.code)?.references ?? [];
  return {
    title: `${item.name}（${item.unit}）`,
    unit: item.unit,
    years: item.years,
    series,
    ...(numericTarget ? { target: { value: r.target as number, label: `规划目标 ${targetShort(item)}` } } : {}),
    ...(!isFinal(ctx.kind) &&
    r.projection &&
    r.year !== null &&
    r.value !== null &&
    r.ruleKind !== 'relational' &&
    r.year < cycleEnd
      ? { projection: { fromYear: r.year, toYear: cycleEnd, fromValue: r.value, toValue: r.projection.value } }
      : {}),
    references: referenceSeries(item.years, references),
    demo: ctx.analysis.demo,
  };
}

export async function trendCharts(
  ctx: ReportContext,
  items: IndicatorAnalysis[],
  firstFigure: number,
  drawn?: BuildOptions['chartDrawn'],
): Promise<Chart[]> {
  const inputs = items.map((item) => trendInput(ctx, item));
  const pngs = await renderTrends(inputs, drawn);
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

async function renderTrends(inputs: TrendChartInput[], drawn?: BuildOptions['chartDrawn']): Promise<Uint8Array[]> {
  const out: Uint8Array[] = [];
  for (const input of inputs) {
    out.push(await renderTrendPng(input));
    await drawn?.(out.length, inputs.length);
  }
  return out;
}

/** 附表: every indicator of a plan with the base year, each year, the target and the status. */
export function indicatorTable(ctx: ReportContext, planId: string): Table {
  const p = ctx.plans.find((x) => x.id === planId)!;
  const items = ctx.narrative.indicators.filter((i) => i.planId === planId);
  const final = isFinal(ctx.kind);
  const years = ctx.analysis.years;
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
        { text: final ? '评估结果' : '监测结果', rowSpan: 2 },
      ],
      years.map((y, i) => ({ text: i === 0 && y === p.baseYear ? `${y}基期` : `${y}` })),
    ],
    rows: items.map((i) => [
      i.code,
      i.name,
      i.unit,
      ...i.values.map((v) => valueText(v, i.precision)),
      targetShort(i),
      final ? finalJudgement(i) : i.result.status,
    ]),
    note: `注：${ctx.basis === 'approved' ? '监测值为统计部门审核确认的数据' : '监测值含尚未审核确认的初步数据'}；“—”表示无数据。${final ? '评估结果按规划终期评估的已实现、基本实现、未实现三类判断。' : ''}`,
  };
}

/**
 * 附件 预警依据 (annual reports): the method's figures behind each warning, for the statistician who checks them.
 * The body of the report speaks in words; the numbers (year-on-year change, the 3-year band, the turning count,
 * the schedule) are here, as the engine states them.
 */
export function warningBasisTable(ctx: ReportContext): Table | null {
  const list = distinctIndicators(ctx.narrative).filter((i) => i.result.warning);
  if (!list.length) return null;
  return {
    kind: 'table',
    appendix: true,
    caption: '预警依据（技术附件）',
    columns: [{ width: 60 }, { width: 28, align: 'center' }, { width: 137 }],
    header: [[{ text: '指标' }, { text: '预警类型' }, { text: '判断依据' }]],
    rows: list.map((i) => [i.name, i.result.warning!.kinds.join('、'), i.result.warning!.reasons.join('；')]),
    note: '注：预计达标困难按序时进度与近年变化趋势判断；波动较大按当年较上年变动、与前三年均值的偏离和升降交替次数判断，方法见《监测评估方法》。',
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
  if (final) blocks.push(finalSummaryTable(ctx, '表1　规划目标完成情况汇总'));
  else if (options.charts) {
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
  if (!final) {
    blocks.push(heading(1, '监测预警情况'), ...paragraphs(text(KEY.warnings)));
    if (options.charts) {
      const warned = distinctIndicators(ctx.narrative).map(
        (n) => ctx.analysis.indicators.find((a) => a.code === n.code)!,
      );
      const charts = await trendCharts(
        ctx,
        warned.filter((i) => i.result.warning),
        figure,
        options.chartDrawn,
      );
      figure += charts.length;
      blocks.push(...charts);
    }
  }
  blocks.push(heading(1, '存在的问题'), ...paragraphs(text(KEY.problems)));
  blocks.push(heading(1, '对策建议'), ...paragraphs(text(KEY.suggestions)));
  for (const p of ctx.plans) blocks.push(indicatorTable(ctx, p.id));
  const units = unitsAnnexTable(ctx.narrative);
  if (units) blocks.push(units);
  const basis = final ? null : warningBasisTable(ctx);
  if (basis) blocks.push(basis);
  return {
    title: `${subjectTitle(ctx)}\n${final ? '终期统计监测报告' : `${ctx.year}年统计监测报告`}`,
    issuer: issuerOf(ctx),
    date: options.date,
    demo: ctx.analysis.demo,
    blocks,
  };
}
