// The tables of the final (终期) reports: 已实现 / 基本实现 / 未实现 per plan and domain (METHODOLOGY v2 §12), and the
// key indicators from the base year to the final year. Counts come from the same finalCounts() the texts use.
import {
  achievedRate,
  distinctIndicators,
  type FinalCounts,
  finalCounts,
  finalJudgement,
  type NarrativeIndicator,
  pooledWords,
  targetShort,
  valueText,
} from '../../core/narrative/index.ts';
import type { ReportContext } from './generate.ts';
import type { CellValue, Table } from './model.ts';
import { domainsInOrder } from './names.ts';

function row(label: string, c: FinalCounts): CellValue[] {
  return [
    label,
    c.quantitative,
    c.已实现,
    c.基本实现,
    c.未实现,
    c.数据待确认 + c.无数据,
    achievedRate(c) === null ? null : Number(((achievedRate(c) as number) * 100).toFixed(1)),
    c.directional,
    c.趋势向好,
  ];
}

/** 表N 规划目标完成情况汇总: a row per domain, a subtotal per plan, the total when both plans are in scope. */
export function finalSummaryTable(ctx: ReportContext, caption: string): Table {
  const inds = ctx.narrative.indicators;
  const rows: CellValue[][] = [];
  for (const p of ctx.plans) {
    rows.push(row(p.shortTitle, finalCounts(inds.filter((i) => i.planId === p.id))));
    for (const d of domainsInOrder(ctx).filter((x) => x.planId === p.id)) {
      rows.push(
        row(`　${d.domainName}`, finalCounts(inds.filter((i) => i.planId === p.id && i.domainCode === d.domainCode))),
      );
    }
  }
  if (ctx.plans.length > 1) rows.push(row('合计', finalCounts(inds)));
  // While final-year data are pending, a rate over the few judged ones would read as the plan's result.
  const pending = finalCounts(inds);
  const pendingNote =
    pending.数据待确认 + pending.无数据 > 0
      ? '有待确认项的行，实现率只按已有终期数据的指标计算，终期数据确认后更新。'
      : '';
  return {
    kind: 'table',
    caption,
    unit: '单位：项',
    // 156 mm, the type area. With 1 mm cell margins, 小四 (4.23 mm a character): 45 mm holds 　妇女参与决策和管理,
    // 15 mm 已实现, 12 mm 合计 — and 基本实现 / 实现要求 as two lines of two characters, not 已实 / 现.
    columns: [
      { width: 45 },
      { width: 12, align: 'center' },
      { width: 15, align: 'center' },
      { width: 12, align: 'center' },
      { width: 15, align: 'center' },
      { width: 15, align: 'center' },
      { width: 18, align: 'center', decimals: 1 },
      { width: 12, align: 'center' },
      { width: 12, align: 'center' },
    ],
    header: [
      [
        { text: '规划/领域', rowSpan: 2 },
        { text: '有量化目标的指标', colSpan: 6 },
        { text: '方向性指标', colSpan: 2 },
      ],
      [
        { text: '合计' },
        { text: '已实现' },
        { text: '基本实现' },
        { text: '未实现' },
        { text: '待确认' },
        { text: '实现率（%）' },
        { text: '合计' },
        { text: '实现要求' },
      ],
    ],
    rows,
    note: `注：实现率＝已实现项数÷（已实现＋基本实现＋未实现）项数。基本实现指${ctx.year}年未达到目标值，但已完成规划要求变化的九成以上（保持类目标与目标值相差不超过1%）。两个规划共有的统计指标在各自规划中分别计数。${pendingNote}`,
  };
}

/**
 * 表N 主要指标基期与终期对比: every indicator judged at year T (the unmet directions too), in plan order. A rate
 * judged on pooled counts (small numbers) is marked, and the note gives the pooled rate the judgement used.
 */
export function keyIndicatorTable(ctx: ReportContext, caption: string): Table {
  const items = distinctIndicators(ctx.narrative).filter((i) =>
    ['已实现', '基本实现', '未实现', '趋势向好', '趋势不明显', '未实现（方向未达）'].includes(finalJudgement(i)),
  );
  const pooled = items.flatMap((i) => {
    const words = pooledWords(i);
    return words ? [`${i.name}${words.replace(/^因病例数少，/, '')}`] : [];
  });
  const base = Math.min(...ctx.plans.map((p) => p.baseYear));
  return {
    kind: 'table',
    appendix: true,
    caption,
    columns: [
      { width: 68 },
      { width: 18, align: 'center' },
      { width: 22, align: 'center' },
      { width: 22, align: 'center' },
      { width: 30, align: 'center' },
      { width: 28, align: 'center' },
    ],
    header: [
      [
        { text: '指标' },
        { text: '单位' },
        { text: `${base}年` },
        { text: `${ctx.year}年` },
        { text: '规划目标' },
        { text: '评估结果' },
      ],
    ],
    rows: byPlanAndDomain(ctx, items).flatMap(({ label, depth, items: mine }) => [
      [`${'　'.repeat(depth)}${label}`, '', '', '', '', ''],
      ...mine.map((i) => [
        `　　${i.name}`,
        i.unit,
        valueText(i.result.baseValue, i.precision),
        `${valueText(i.result.value, i.precision)}${pooledWords(i) ? '*' : ''}`,
        targetShort(i),
        finalJudgement(i),
      ]),
    ]),
    ...(pooled.length ? { note: `注：*病例数少的指标按多年合计的病例数计算评估：${pooled.join('；')}。` } : {}),
  };
}

/**
 * The indicators under their plan and domain, in the plans' order (as the plan documents list them): a plan's row,
 * then each domain's row and its indicators. A statistic both plans share is listed under its own plan only.
 */
function byPlanAndDomain(ctx: ReportContext, items: NarrativeIndicator[]) {
  const groups: { label: string; depth: number; items: NarrativeIndicator[] }[] = [];
  for (const p of ctx.plans) {
    const domains = domainsInOrder(ctx)
      .filter((d) => d.planId === p.id)
      .map((d) => ({
        label: d.domainName,
        depth: 1,
        items: items
          .filter((i) => i.planId === p.id && i.domainCode === d.domainCode)
          .sort((a, b) => a.code.localeCompare(b.code, 'en', { numeric: true })),
      }))
      .filter((d) => d.items.length > 0);
    if (domains.length && ctx.plans.length > 1) groups.push({ label: p.shortTitle, depth: 0, items: [] });
    groups.push(...domains);
  }
  return groups;
}
