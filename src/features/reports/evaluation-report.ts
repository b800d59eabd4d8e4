// 年度 / 终期评估报告 (the evaluation group's report): 评估过程, 主要指标完成情况 by domain, 存在的主要问题及原因,
// 对策和建议, and the appendix tables. Texts come from the draft, as the office edited them.
import { KEY } from '../../core/narrative/index.ts';
import type { StoredSection } from '../../db/schema/index.ts';
import type { ReportContext } from './generate.ts';
import { type Block, heading, type ReportDocument } from './model.ts';
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
