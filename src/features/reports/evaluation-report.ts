// 年度 / 终期评估报告 (the evaluation group's report). The final one: 总体评价 with the 已实现/基本实现/未实现 summary
// table, 经济社会基本情况, 评估工作开展情况, 主要成效, 规划目标完成情况 by plan and domain, 主要做法和经验, 督导检查
// (a place for the inspections and meetings summary), 存在的问题及原因, 对策建议, and the appendix tables.
import { KEY } from '../../core/narrative/index.ts';
import type { StoredSection } from '../../db/schema/index.ts';
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

/** The counts of the 督导检查 and 议事协调 work of the period (issue 17 fills them from its inspections and meetings). */
export interface OversightCounts {
  inspections: number;
  inspectedUnits: number;
  meetings: number;
  tasksAssigned: number;
  tasksDone: number;
}

/**
 * 督导检查和议事协调: one paragraph from the counts, or a marked placeholder until inspections and meetings are
 * recorded in the system.
 */
export function oversightBlocks(counts: OversightCounts | null): Block[] {
  if (!counts) {
    return [
      paragraph(
        '（待补充：规划实施期间开展督导检查、召开妇儿工委全体会议和联络员会议的次数，以及议定事项的落实情况。）',
      ),
    ];
  }
  return [
    paragraph(
      `规划实施期间，共开展督导检查${counts.inspections}次，覆盖成员单位${counts.inspectedUnits}家；召开妇儿工委全体会议、联络员会议等${counts.meetings}次，议定事项${counts.tasksAssigned}项，已落实${counts.tasksDone}项。`,
    ),
  ];
}

export async function buildEvaluationReport(
  ctx: ReportContext,
  sections: readonly StoredSection[],
  options: BuildOptions & { oversight?: OversightCounts | null },
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
  if (final) {
    blocks.push(heading(1, '主要做法和经验'), ...paragraphs(text(KEY.practices)));
    blocks.push(heading(1, '督导检查和议事协调'), ...oversightBlocks(options.oversight ?? null));
  }
  blocks.push(heading(1, '存在的问题及原因'), ...paragraphs(text(KEY.problems)));
  blocks.push(heading(1, '对策建议'), ...paragraphs(text(KEY.suggestions)));
  if (final) blocks.push(keyIndicatorTable(ctx, '主要指标基期与终期对比'));
  for (const p of ctx.plans) blocks.push(indicatorTable(ctx, p.id));
  return {
    title: `${subjectTitle(ctx)}\n${final ? '终期评估报告' : `${ctx.year}年度实施情况评估报告`}`,
    issuer: issuerOf(ctx),
    date: options.date,
    demo: ctx.analysis.demo,
    blocks,
  };
}
