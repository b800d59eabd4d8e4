// 年度 / 终期评估报告 (the evaluation group's report): 评估过程, 主要指标完成情况 by domain, 存在的主要问题及原因,
// 对策和建议, and the appendix tables. Texts come from the draft, as the office edited them.
import { KEY } from '../../core/narrative/index.ts';
import type { StoredSection } from '../../db/schema/index.ts';
import type { ReportContext } from './generate.ts';
import { type Block, heading, paragraph, type ReportDocument } from './model.ts';
import {
  type BuildOptions,
  domainRateChart,
  domainsInOrder,
  ISSUER_SUFFIX,
  indicatorTable,
  paragraphs,
  subjectTitle,
  textOf,
} from './monitoring-report.ts';

export async function buildEvaluationReport(
  ctx: ReportContext,
  sections: readonly StoredSection[],
  options: BuildOptions,
): Promise<ReportDocument> {
  const text = textOf(sections);
  const final = ctx.kind === 'final_evaluation';
  const blocks: Block[] = [...paragraphs(text(KEY.opening))];
  blocks.push(heading(1, '评估过程'), ...paragraphs(text(KEY.process)));
  blocks.push(heading(1, '主要指标完成情况'));
  if (options.charts) {
    const bar = await domainRateChart(ctx, '图1　各领域监测指标达标率');
    if (bar) blocks.push(bar);
  }
  for (const d of domainsInOrder(ctx)) {
    blocks.push(heading(2, text(KEY.domainHeading(d.domainCode)) || d.domainName));
    blocks.push(...paragraphs(text(KEY.domainText(d.domainCode))));
  }
  blocks.push(...taskSection(ctx));
  blocks.push(heading(1, '存在的主要问题及原因'), ...paragraphs(text(KEY.problems)));
  blocks.push(heading(1, '对策和建议'), ...paragraphs(text(KEY.suggestions)));
  for (const p of ctx.plans) blocks.push(indicatorTable(ctx, p.id));
  return {
    title: `${subjectTitle(ctx)}\n${final ? '终期评估报告' : `${ctx.year}年度实施情况评估报告`}`,
    issuer: `${ctx.region}${ISSUER_SUFFIX}`,
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
