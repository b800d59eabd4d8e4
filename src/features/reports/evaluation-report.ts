// 年度 / 终期评估报告 (the evaluation group's report). The final one: 总体评价 with the 已实现/基本实现/未实现 summary
// table, 经济社会基本情况, 评估工作开展情况, 主要成效, 规划目标完成情况 by plan and domain, 主要做法和经验, 督导检查
// (a place for the inspections and meetings summary), 存在的问题及原因, 对策建议, and the appendix tables.
import { KEY } from '../../core/narrative/index.ts';
import type { StoredSection } from '../../core/reports.ts';
import { finalSummaryTable, keyIndicatorTable } from './final-tables.ts';
import type { ReportContext } from './generate.ts';
import { type Block, heading, paragraph, type ReportDocument } from './model.ts';
import {
  type BuildOptions,
  domainRateChart,
  domainsInOrder,
  indicatorTable,
  issuerOf,
  paragraphs,
  subjectTitle,
  textOf,
} from './monitoring-report.ts';
import { unitsAnnexTable } from './units-annex.ts';

export async function buildEvaluationReport(
  ctx: ReportContext,
  sections: readonly StoredSection[],
  options: BuildOptions,
): Promise<ReportDocument> {
  const text = textOf(sections);
  const final = ctx.kind === 'final_evaluation';
  const blocks: Block[] = [...paragraphs(text(KEY.opening))];
  if (final) {
    blocks.push(finalSummaryTable(ctx, '表1　规划目标完成情况汇总'));
    blocks.push(heading(1, '经济社会基本情况'), ...paragraphs(text(KEY.context)));
  }
  blocks.push(heading(1, '评估工作开展情况'), ...paragraphs(text(KEY.process)));
  if (final) blocks.push(heading(1, '主要成效'), ...paragraphs(text(KEY.achievements)));
  blocks.push(heading(1, final ? '规划目标完成情况' : '主要指标完成情况'));
  if (!final && options.charts) {
    const bar = await domainRateChart(ctx, '图1　各领域监测指标达标率');
    if (bar) blocks.push(bar);
  }
  for (const p of ctx.plans) {
    if (ctx.plans.length > 1) blocks.push(heading(2, p.shortTitle));
    for (const d of domainsInOrder(ctx).filter((x) => x.planId === p.id)) {
      blocks.push(heading(ctx.plans.length > 1 ? 3 : 2, text(KEY.domainHeading(d.domainCode)) || d.domainName));
      blocks.push(...paragraphs(text(KEY.domainText(d.domainCode))));
    }
  }
  if (final) blocks.push(heading(1, '主要做法和经验'), ...paragraphs(text(KEY.practices)));
  blocks.push(...taskSection(ctx));
  blocks.push(heading(1, '存在的问题及原因'), ...paragraphs(text(KEY.problems)));
  blocks.push(heading(1, '对策建议'), ...paragraphs(text(KEY.suggestions)));
  if (final) blocks.push(keyIndicatorTable(ctx, '主要指标基期与终期对比'));
  for (const p of ctx.plans) blocks.push(indicatorTable(ctx, p.id));
  const units = unitsAnnexTable(ctx.narrative);
  if (units) blocks.push(units);
  return {
    title: `${subjectTitle(ctx)}\n${final ? '终期评估报告' : `${ctx.year}年度实施情况评估报告`}`,
    issuer: issuerOf(ctx),
    date: options.date,
    demo: ctx.analysis.demo,
    blocks,
  };
}

// 督办、督导检查整改和会议议定事项的办理情况 (issue 17): one self-contained section from ctx.tasks — how many were
// issued in the period, answered by the deadline first set, closed, and still overdue. Absent when there were none.
const TASK_ROWS = [
  ['supervision', '预警督办'],
  ['rectification', '督导检查整改事项'],
  ['decision', '会议议定事项'],
] as const;

function taskSection(ctx: ReportContext): Block[] {
  const rows = ctx.tasks ?? [];
  const sum = (source: string, key: 'issued' | 'answered' | 'answeredOnTime' | 'closed' | 'overdue') =>
    rows.filter((r) => r.source === source).reduce((n, r) => n + r[key], 0);
  const total = (key: 'issued' | 'answeredOnTime' | 'closed' | 'overdue') =>
    TASK_ROWS.reduce((n, [source]) => n + sum(source, key), 0);
  if (total('issued') === 0) return [];
  const period = ctx.kind === 'final_evaluation' ? '规划实施期间' : `${ctx.year}年`;
  const parts = TASK_ROWS.filter(([source]) => sum(source, 'issued') > 0).map(
    ([source, label]) => `${label}${sum(source, 'issued')}项`,
  );
  const rate = (a: number, b: number) => (b === 0 ? '—' : `${((a / b) * 100).toFixed(1)}%`);
  return [
    heading(1, '督办督查和议事协调事项办理情况'),
    paragraph(
      `${period}，共交办${parts.join('、')}，合计${total('issued')}项；按期反馈${total('answeredOnTime')}项，按期反馈率${rate(total('answeredOnTime'), total('issued'))}；已办结${total('closed')}项，办结率${rate(total('closed'), total('issued'))}${total('overdue') > 0 ? `；尚有${total('overdue')}项逾期未反馈，需继续跟踪督办` : ''}。`,
    ),
    {
      kind: 'table',
      caption: `${period}督办、整改和议定事项办理情况`,
      unit: '单位：项',
      columns: [{ width: 44 }, { width: 28 }, { width: 28 }, { width: 28 }, { width: 28 }],
      header: [[{ text: '类别' }, { text: '交办' }, { text: '按期反馈' }, { text: '已办结' }, { text: '逾期未反馈' }]],
      rows: [
        ...TASK_ROWS.map(([source, label]) => [
          label,
          sum(source, 'issued'),
          sum(source, 'answeredOnTime'),
          sum(source, 'closed'),
          sum(source, 'overdue'),
        ]),
        ['合计', total('issued'), total('answeredOnTime'), total('closed'), total('overdue')],
      ],
    },
  ];
}
