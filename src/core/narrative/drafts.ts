// Drafts of the report texts from an analysis: the opening verdict, a heading and sentences per domain, the
// warnings, 存在的问题 and 对策建议 (from the warnings, the 督办 answers and the units' work reports), and the
// evaluation report's sections. The office edits them before the report is generated; these are starting points.
import { domainHeading, domainSummary } from './domain.ts';
import { excerpt, joinNames, ordinal, percent, sentence, withUnit } from './format.ts';
import { indicatorSentence, targetShort } from './indicator.ts';
import type { DraftSection, NarrativeDomain, NarrativeIndicator, NarrativeInput, NarrativeRollup } from './types.ts';

/** Section keys; domain sections are keyed by the domain's code. */
export const KEY = {
  opening: 'opening',
  warnings: 'warnings',
  problems: 'problems',
  suggestions: 'suggestions',
  process: 'process',
  domainHeading: (code: string) => `domain.${code}.heading`,
  domainText: (code: string) => `domain.${code}.text`,
} as const;

/** Sums of the plans' roll-ups: the overall 达标率 of the plans in scope. */
export function overall(rows: readonly NarrativeRollup[]): { assessed: number; met: number; rate: number | null } {
  const assessed = rows.reduce((s, r) => s + r.assessed, 0);
  const met = rows.reduce((s, r) => s + r.met, 0);
  return { assessed, met, rate: assessed ? met / assessed : null };
}

function count(rows: readonly NarrativeRollup[], pick: (r: NarrativeRollup) => number): number {
  return rows.reduce((s, r) => s + pick(r), 0);
}

function verdict(rate: number | null, kind: 'annual' | 'final'): string {
  if (rate === null) return '规划实施稳步推进';
  if (kind === 'final') {
    if (rate >= 0.8) return '规划确定的主要目标总体实现';
    if (rate >= 0.6) return '规划确定的多数目标如期实现';
    return '规划目标部分实现，仍有较多指标未达到规划要求';
  }
  if (rate >= 0.8) return '规划实施总体进展顺利，绝大多数指标已实现规划目标';
  if (rate >= 0.6) return '规划实施总体进展良好，多数指标已实现规划目标';
  if (rate >= 0.4) return '规划实施总体平稳推进，但部分指标进展滞后';
  return '规划实施进展不平衡，较多指标尚未实现规划目标';
}

function planTitles(input: NarrativeInput): string {
  return input.plans.map((p) => `《${p.title}》`).join('和');
}

function warned(input: NarrativeInput, kind: '预计达标困难' | '波动较大'): NarrativeIndicator[] {
  return input.indicators.filter((i) => i.result.warning?.kinds.includes(kind));
}

function period(input: NarrativeInput): string {
  const base = Math.min(...input.plans.map((p) => p.baseYear));
  return input.kind === 'final' ? `${base + 1}—${input.year}年` : `${input.year}年`;
}

/** The opening paragraph: what was done, the overall verdict with the 达标率, each plan's rate, the warnings. */
export function openingText(input: NarrativeInput): string {
  const all = overall(input.byPlan);
  const lines: string[] = [];
  const work =
    input.kind === 'final'
      ? `${period(input)}，${input.region}深入贯彻实施${planTitles(input)}，妇女儿童发展环境持续优化。`
      : `${input.year}年，${input.region}深入贯彻实施${planTitles(input)}，妇女儿童事业取得新进展。`;
  const numbers =
    all.assessed > 0
      ? `监测显示，设有量化目标且有监测数据的指标${all.assessed}项中，已实现规划目标${all.met}项，达标率为${percent(all.rate)}，${verdict(all.rate, input.kind)}。`
      : '监测显示，规划指标暂无可计算达标率的监测数据。';
  lines.push(work + numbers);
  if (input.byPlan.length > 1) {
    const per = input.byPlan.map((row) => {
      const p = input.plans.find((x) => x.id === row.group);
      return `${p?.shortTitle ?? row.group}达标率为${percent(row.rate)}（${row.assessed}项中已达标${row.met}项）`;
    });
    lines[0] += `其中，${per.join('，')}。`;
  }
  const directionOnly = count(input.byPlan, (r) => r.directionOnly);
  const improving = input.indicators.filter(
    (i) => i.result.ruleKind === 'direction_only' && i.result.status.startsWith('趋势向好'),
  ).length;
  const qualitative = count(input.byPlan, (r) => r.qualitative);
  const extra: string[] = [];
  if (directionOnly) extra.push(`方向性指标${directionOnly}项，其中${improving}项呈规划要求的变化趋势`);
  if (qualitative) extra.push(`定性目标${qualitative}项，以定性评估为主`);
  const difficult = warned(input, '预计达标困难').length;
  const volatile = warned(input, '波动较大').length;
  if (input.kind === 'annual' && difficult + volatile > 0) {
    extra.push(`监测预警指标中，预计达标困难${difficult}项、波动较大${volatile}项`);
  }
  if (input.kind === 'final') {
    const notMet = count(input.byPlan, (r) => r.counts.未达标 + r.counts.预计达标困难 + r.counts.预计可达标);
    if (notMet) extra.push(`尚未实现规划目标的量化指标${notMet}项`);
  }
  if (extra.length) lines[0] += `另有${extra.join('；')}。`;
  const stale = input.indicators.filter((i) => i.result.year !== null && i.result.year < input.year).length;
  const basis =
    input.basis === 'approved'
      ? '本报告采用统计部门审核确认的数据'
      : '本报告采用含未审核数据的初步数据，正式数据以统计部门审核确认为准';
  lines.push(
    stale ? `${basis}；${stale}项指标${input.year}年数据尚未审核确认或暂缺，采用最近年份数据。` : `${basis}。`,
  );
  return lines.join('\n');
}

/** The domain's paragraph lines: the count sentence, then one sentence per indicator with data. */
export function domainText(input: NarrativeInput, d: NarrativeDomain): string {
  const inds = input.indicators.filter((i) => i.planId === d.planId && i.domainCode === d.domainCode);
  return [domainSummary(d), ...inds.map((i) => indicatorSentence(i, input.kind))].join('\n');
}

function reasonText(reasons: readonly string[]): string {
  return reasons.map((r) => r.replace(/[。；]$/, '')).join('；');
}

const FLUCTUATION = new Set(['jump', 'band', 'zigzag']);

/**
 * Why an indicator is warned, in plain words: for 预计达标困难 the latest value against the target and the
 * projection to the target year (the engine's CS / APR / Theil–Sen figures stay in the analysis pages); for
 * 波动较大 the engine's fluctuation messages, which are already plain.
 */
function warningReason(input: NarrativeInput, i: NarrativeIndicator): string {
  const r = i.result;
  const w = r.warning!;
  const parts: string[] = [];
  const precision = i.precision ?? 1;
  if (w.kinds.includes('预计达标困难')) {
    const cycleEnd = Math.max(...input.plans.map((p) => p.cycleEnd));
    if (r.year !== null && r.value !== null && r.projection && r.ruleKind !== 'relational') {
      const now = `${r.year}年为${withUnit(r.value, i.unit, precision)}`;
      const gap = r.met === false ? `，未达到规划目标（${targetShort(i)}）` : `，规划要求${targetShort(i)}`;
      const how =
        r.difficulty === '逆向'
          ? '近年变化方向与规划要求相反'
          : r.difficulty === '方向未达'
            ? '未呈现规划要求的变化方向'
            : '进度慢于规划要求';
      const projected =
        r.year < cycleEnd ? `，按近年趋势推算${cycleEnd}年为${withUnit(r.projection.value, i.unit, precision)}` : '';
      parts.push(`${now}${gap}，${how}${projected}，预计达标困难`);
    } else {
      parts.push(reasonText(w.reasons.slice(0, 1)));
    }
  }
  if (w.kinds.includes('波动较大')) {
    const messages = (r.flags ?? []).filter((f) => FLUCTUATION.has(f.kind)).map((f) => f.message);
    parts.push(messages.length ? reasonText(messages) : reasonText(w.reasons.slice(w.kinds.length > 1 ? 1 : 0)));
  }
  return sentence(parts.join('；'));
}

/** One line per warned indicator: its kinds and the reasons in words. */
export function warningsText(input: NarrativeInput): string {
  const list = input.indicators.filter((i) => i.result.warning);
  if (list.length === 0) return '本期监测未发现预计达标困难或波动较大的指标。';
  const difficult = warned(input, '预计达标困难');
  const volatile = warned(input, '波动较大');
  const lines = [
    `本期监测预警指标${list.length}项，其中预计达标困难${difficult.length}项、波动较大${volatile.length}项，具体如下。`,
  ];
  for (const i of list) {
    const w = i.result.warning!;
    const lead = i.leadUnit ? `，${i.leadUnit.name}牵头` : '';
    lines.push(`${i.name}（${i.planTitle}·${i.domainName}${lead}）：${w.kinds.join('、')}。${warningReason(input, i)}`);
  }
  return lines.join('\n');
}

function domainsOf(list: NarrativeIndicator[]): string {
  return [...new Set(list.map((i) => i.domainName))].join('、');
}

/** 存在的问题: the warnings in groups, then the causes the units gave (督办 answers, work reports). */
export function problemsText(input: NarrativeInput): string {
  const items: string[] = [];
  const difficult = warned(input, '预计达标困难');
  const volatile = warned(input, '波动较大');
  const notMet = input.indicators.filter((i) => i.result.status === '未达标');
  if (input.kind === 'final' && notMet.length) {
    items.push(
      `部分指标未实现规划目标。${joinNames(notMet.map((i) => i.name))}未达到规划目标，主要集中在${domainsOf(notMet)}等领域。`,
    );
  }
  if (difficult.length) {
    items.push(
      `部分指标进展滞后，预计达标困难。${joinNames(difficult.map((i) => i.name))}按序时进度和变化趋势推算难以如期实现规划目标，涉及${domainsOf(difficult)}等领域。`,
    );
  }
  if (volatile.length) {
    items.push(
      `部分指标年度波动较大。${joinNames(volatile.map((i) => i.name))}年度间变化幅度明显，工作成效不够稳定，数据质量也需进一步核实。`,
    );
  }
  if (input.kind === 'annual' && notMet.length) {
    items.push(`部分指标与规划目标仍有差距。${joinNames(notMet.map((i) => i.name))}尚未达到规划目标值。`);
  }
  const causes = input.supervision.filter((s) => s.causes?.trim());
  if (causes.length) {
    items.push(
      `据责任单位督办反馈，${causes
        .map((s) => `${s.indicatorName}方面，${s.unitName}分析原因为：${excerpt(s.causes!)}`)
        .map((t) => t.replace(/[。；]$/, ''))
        .join('；')}。`,
    );
  }
  const reported = input.workReports.filter((r) => r.problems?.trim() || r.causes?.trim());
  if (reported.length) {
    items.push(
      `成员单位年度工作报告反映的问题：${reported
        .map((r) => `${r.unitName}提出${excerpt([r.problems, r.causes].filter((x) => x?.trim()).join('；'))}`)
        .map((t) => t.replace(/[。；]$/, ''))
        .join('；')}。`,
    );
  }
  if (items.length === 0) return '本期监测未发现明显问题，规划各项指标进展总体正常。';
  return items.map((t, i) => `${ordinal(i)}${t}`).join('\n');
}

/** 对策建议: aimed at the warned indicators, then the measures the units committed to. */
export function suggestionsText(input: NarrativeInput): string {
  const items: string[] = [];
  const difficult = warned(input, '预计达标困难');
  const volatile = warned(input, '波动较大');
  if (difficult.length) {
    const units = [...new Set(difficult.map((i) => i.leadUnit?.name).filter((n): n is string => Boolean(n)))];
    items.push(
      `聚焦滞后指标，加大推进力度。对${joinNames(difficult.map((i) => i.name))}，${units.length ? `${units.join('、')}等牵头单位` : '各牵头单位'}要深入分析原因，制定针对性措施，明确时间节点，确保规划目标如期实现。`,
    );
  }
  if (volatile.length) {
    items.push(
      '加强数据质量管理和动态监测。对年度波动较大的指标，核实数据来源和统计口径，分析波动原因，建立常态化监测预警机制。',
    );
  }
  const measures = input.supervision.filter((s) => s.measures?.trim());
  if (measures.length) {
    items.push(
      `抓好督办整改落实。${measures
        .map((s) => `${s.unitName}针对${s.indicatorName}提出${excerpt(s.measures!)}`)
        .map((t) => t.replace(/[。；]$/, ''))
        .join('；')}，区妇儿工委办公室将跟踪督促落实。`,
    );
  }
  const reported = input.workReports.filter((r) => r.countermeasures?.trim());
  if (reported.length) {
    items.push(
      `推动成员单位落实对策措施。${reported
        .map((r) => `${r.unitName}：${excerpt(r.countermeasures!)}`)
        .map((t) => t.replace(/[。；]$/, ''))
        .join('；')}。`,
    );
  }
  items.push(
    input.kind === 'final'
      ? '做好规划终期总结和新一轮规划衔接。总结规划实施经验，将未实现的目标和突出问题纳入新一轮妇女儿童发展规划统筹考虑。'
      : '强化统筹协调和监测评估。充分发挥妇儿工委协调议事作用，完善统计监测制度，定期通报指标进展，推动规划目标全面实现。',
  );
  return items.map((t, i) => `${ordinal(i)}${t}`).join('\n');
}

/** 评估过程: the basis, the sources and the method of the evaluation. */
export function processText(input: NarrativeInput): string {
  const s = input.sources;
  const what = input.kind === 'final' ? '终期评估' : `${input.year}年度评估`;
  const inds = input.indicators.length;
  const qualitative = count(input.byPlan, (r) => r.qualitative);
  const lines = [
    `根据${planTitles(input)}关于监测评估的要求，${input.region}妇女儿童工作委员会办公室组织开展规划实施${what}。`,
    `评估以${input.basis === 'approved' ? '统计部门审核确认' : '各成员单位报送（含未审核）'}的${period(input)}监测数据为基础${
      s
        ? `，结合${s.unitsReported}家成员单位（共${s.unitsTotal}家）报送的年度工作报告和${s.noticesIssued}项督办事项（已反馈${s.noticesAnswered}项）的整改情况`
        : ''
    }，对规划设定的${inds}项监测指标和${qualitative}项定性目标逐项进行评估。`,
    '有量化目标的指标以最新年度数据与目标值比较判断是否达标，未达标的按序时进度和变化趋势推算能否如期实现；方向性指标按变化方向判断；定性目标结合成员单位工作报告作出定性评价。',
  ];
  return lines.join('\n');
}

function domainSections(input: NarrativeInput): DraftSection[] {
  return input.byDomain.flatMap((d) => [
    { key: KEY.domainHeading(d.domainCode), label: `${d.domainName}：标题`, text: domainHeading(d) },
    { key: KEY.domainText(d.domainCode), label: `${d.domainName}：正文`, text: domainText(input, d) },
  ]);
}

/** The editable texts of a monitoring report (年度 or 终期), in the report's order. */
export function draftMonitoring(input: NarrativeInput): DraftSection[] {
  return [
    { key: KEY.opening, label: '总体情况', text: openingText(input) },
    ...domainSections(input),
    { key: KEY.warnings, label: '监测预警情况', text: warningsText(input) },
    { key: KEY.problems, label: '存在的问题', text: problemsText(input) },
    { key: KEY.suggestions, label: '对策建议', text: suggestionsText(input) },
  ];
}

/** The editable texts of an evaluation report: 评估过程, 主要指标完成情况 by domain, 问题及原因, 对策和建议. */
export function draftEvaluation(input: NarrativeInput): DraftSection[] {
  return [
    { key: KEY.opening, label: '总体评价', text: openingText(input) },
    { key: KEY.process, label: '评估过程', text: processText(input) },
    ...domainSections(input),
    { key: KEY.problems, label: '存在的主要问题及原因', text: problemsText(input) },
    { key: KEY.suggestions, label: '对策和建议', text: suggestionsText(input) },
  ];
}

/** A section's text as paragraphs: one per non-empty line. */
export function paragraphsOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
}

export type { NarrativeDomain };
