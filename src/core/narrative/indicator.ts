// What one indicator says, in the phrasing of the national monitoring reports: its value, its change since the
// year before and since the base year in one clause, and what that means against the plan's target — with verbs
// by direction and meaning (提高 only for improvements, 上升/下降 for rates, 扩大/缩小 for gaps) and no forecast in a
// final report.
import { comparatorSymbol, num } from '../assessment/format.ts';
import { withUnit } from './format.ts';
import type { NarrativeIndicator } from './types.ts';

/** The value of the latest year with data and the nearest earlier year with data. */
export function latestPair(ind: NarrativeIndicator): {
  year: number | null;
  value: number | null;
  prevYear: number | null;
  prev: number | null;
} {
  const { year, value } = ind.result;
  if (year === null || value === null) return { year: null, value: null, prevYear: null, prev: null };
  for (let i = ind.years.indexOf(year) - 1; i >= 0; i--) {
    const v = ind.values[i];
    if (v !== null && v !== undefined) return { year, value, prevYear: ind.years[i] as number, prev: v };
  }
  return { year, value, prevYear: null, prev: null };
}

const GAP_UNITS = new Set(['百分点', '个百分点']);

/**
 * The change from prev to curr in words: 提高2.5个百分点 (a % that should rise), 上升0.3个百分点 (a % that should
 * fall), 下降0.8个千分点, 下降2.1个十万分点 (as the statistics bureau's bulletins write a rate per 10万), 缩小1.2个百分点 (a gap), 增加3项, 提高0.52岁; 基本持平 below half a unit
 * of the published precision.
 */
export function changeWords(
  prev: number,
  curr: number,
  ind: Pick<NarrativeIndicator, 'unit' | 'better' | 'precision'>,
): string {
  const precision = ind.precision ?? 1;
  const delta = curr - prev;
  if (Math.abs(delta) < 0.5 / 10 ** precision) return '基本持平';
  const amount = num(Math.abs(delta), precision);
  const up = delta > 0;
  switch (ind.unit) {
    case '%':
      return `${up ? (ind.better === 'lower' ? '上升' : '提高') : '下降'}${amount}个百分点`;
    case '‰':
      return `${up ? '上升' : '下降'}${amount}个千分点`;
    case '/10万':
    case '1/10万':
      return `${up ? '上升' : '下降'}${amount}个十万分点`;
    case '岁':
    case '年':
      return `${up ? '提高' : '下降'}${amount}${ind.unit}`;
    default:
      if (GAP_UNITS.has(ind.unit)) return `${up ? '扩大' : '缩小'}${amount}个百分点`;
      if (/元/.test(ind.unit)) return `${up ? '提高' : '降低'}${amount}${ind.unit}`;
      return `${up ? '增加' : '减少'}${amount}${ind.unit}`;
  }
}

/** 比上年提高2.5个百分点 / 与上年基本持平. */
export function changePhrase(
  prev: number,
  curr: number,
  ind: Pick<NarrativeIndicator, 'unit' | 'better' | 'precision'>,
  against: string,
): string {
  const words = changeWords(prev, curr, ind);
  return words === '基本持平' ? `与${against}基本持平` : `比${against}${words}`;
}

/** ≤6.00‰, ≥95.0% for numeric thresholds; the plan's words otherwise (较2020年下降20%, 逐步提高). */
export function targetShort(ind: NarrativeIndicator): string {
  const r = ind.result;
  if (r.target !== null && r.comparator && (r.ruleKind === 'threshold' || r.ruleKind === 'maintain')) {
    return `${comparatorSymbol(r.comparator)}${withUnit(r.target, ind.unit, ind.precision ?? 1)}`;
  }
  return ind.target.replace(/（[^（）]*）$/, '').replace(/\s+/g, '');
}

/** The category a final report judges an indicator by (METHODOLOGY v2 §12), or 数据待确认 when year T is missing. */
export type FinalJudgement =
  | '已实现'
  | '基本实现'
  | '未实现'
  | '趋势向好'
  | '趋势不明显'
  | '未实现（方向未达）'
  | '数据待确认'
  | '无数据';

export function finalJudgement(ind: NarrativeIndicator): FinalJudgement {
  const r = ind.result;
  if (r.finalCategory) return r.finalCategory;
  if (r.year === null || r.value === null) return '无数据';
  return '数据待确认';
}

/** Whether the indicator has a numeric target (counted in 达标率 / 实现率) rather than a direction only. */
export const isDirectionOnly = (ind: NarrativeIndicator) => ind.result.ruleKind === 'direction_only';

/** The direction the plan asks for, in words: 减少, 提高 … (a direction-only rule's wording). */
function wanted(ind: NarrativeIndicator): string {
  return targetShort(ind);
}

/** What the latest value says against the plan's target, in an annual report. */
export function targetClause(ind: NarrativeIndicator): string {
  const r = ind.result;
  const t = targetShort(ind);
  const { prev, value } = latestPair(ind);
  const sameAsLastYear = prev !== null && value !== null && changeWords(prev, value, ind) === '基本持平';
  switch (r.status) {
    case '已达标':
    case '提前达标':
      return '已达到规划目标';
    case '已达标（有回落风险）':
      return '已达到规划目标，但近年走势不稳，保持达标仍有压力';
    case '预计可达标':
      return `距规划目标（${t}）尚有差距，按近年进度可望如期达到`;
    case '预计达标困难':
      return r.met === null
        ? `近年总体走势未呈现规划要求的变化（${wanted(ind)}）`
        : `距规划目标（${t}）尚有差距，按近年进度如期达到有困难`;
    case '未达标':
      return `尚未达到规划目标（${t}）`;
    case '趋势向好':
      return '呈规划要求的变化趋势';
    case '趋势向好但末年回落':
      return sameAsLastYear
        ? '总体呈规划要求的变化趋势'
        : `总体呈规划要求的变化趋势，但比上年有所${ind.better === 'lower' ? '上升' : '下降'}`;
    case '趋势不明显（事件数少）':
      return '病例数少，近年变化趋势尚不明显';
    case '数据不足':
      return '监测年份较少，暂不作判断';
    case '无数据':
      return '暂无监测数据';
  }
}

/**
 * Whether the latest value lies beyond the base year's in the direction the plan asks for, or stays at the natural
 * limit (0 for a lower-is-better rate, 100% for a higher-is-better share: METHODOLOGY v2 §10).
 */
export function netChangeWanted(ind: NarrativeIndicator): boolean {
  const { value, baseValue } = ind.result;
  if (value === null || baseValue === null) return false;
  if (ind.better === 'lower') return value < baseValue || value === 0;
  return value > baseValue || (ind.unit === '%' && value === 100);
}

/** Where the last value stands against the base year's when it is not beyond it: 仍高于 for a rate to lower. */
function notBeyondBase(ind: NarrativeIndicator): string {
  const base = `${ind.result.baseYearUsed}年`;
  if (ind.result.value === ind.result.baseValue) return `与${base}持平`;
  return `仍${ind.better === 'lower' ? '高于' : '低于'}${base}水平`;
}

/** What the value of the final year says against the target, in a final report: past tense, no forecast. */
export function finalClause(ind: NarrativeIndicator, targetYear: number): string {
  const t = targetShort(ind);
  switch (finalJudgement(ind)) {
    case '已实现':
      return `实现规划目标（${t}）`;
    case '基本实现':
      return `基本实现规划目标（${t}）`;
    case '未实现':
      return `未实现规划目标（${t}）`;
    case '趋势向好':
      // The judgement reads the whole series; where the last value is not beyond the base year's, say both.
      return netChangeWanted(ind)
        ? `实现规划要求的变化（${t}）`
        : `期间总体呈规划要求的变化趋势（${t}），但${targetYear}年${notBeyondBase(ind)}`;
    case '趋势不明显':
      return `未呈现明显的变化趋势（规划要求${t}）`;
    case '未实现（方向未达）':
      // The judgement reads the whole series: a last value below the base year's is no contradiction to explain away.
      return netChangeWanted(ind)
        ? `但期间总体呈${ind.better === 'lower' ? '上升' : '下降'}趋势，未实现规划要求的变化（${t}）`
        : `未实现规划要求的变化（${t}）`;
    case '数据待确认':
      // Without a verdict on the latest year (a direction-only target), only the requirement is stated.
      return `${targetYear}年数据尚未确认，${ind.result.met === true ? '按最近年份数据已达到规划目标' : ind.result.met === false ? '按最近年份数据尚未达到规划目标' : '规划要求'}（${t}）`;
    case '无数据':
      return '暂无监测数据';
  }
}

/** The pooled small-number judgement in words, when the engine judged on pooled counts (e.g. 艾滋病母婴传播率). */
export function pooledWords(ind: NarrativeIndicator): string | null {
  const f = (ind.result.flags ?? []).find((x) => x.kind === 'small_numbers');
  if (!f) return null;
  const years = /(\d{4})—(\d{4})年合计/.exec(f.message);
  const events = f.numbers.events;
  const rate = f.numbers.pooledRate;
  if (!years || events === undefined || rate === undefined) return null;
  // Plain words for the pooled rate: 合并率 is the technical annex's term, not a reader's.
  return `因年度病例数少，${years[1]}—${years[2]}年合计${num(events, 0)}例，平均为${withUnit(rate, ind.unit, ind.precision ?? 1)}`;
}

/**
 * The value clause of one indicator: "孕产妇死亡率为8.2/10万，比上年下降0.5个十万分点，比2020年下降3.1个十万分点". Annual
 * reports compare with the year before and the base year; final reports with the base year.
 */
export function valueClause(ind: NarrativeIndicator, kind: 'annual' | 'final'): string | null {
  const precision = ind.precision ?? 1;
  const { year, value, prevYear, prev } = latestPair(ind);
  if (year === null || value === null) return null;
  const parts = [`${ind.name}为${withUnit(value, ind.unit, precision)}`];
  if (kind === 'annual' && prev !== null && prevYear !== null) {
    parts.push(changePhrase(prev, value, ind, prevYear === year - 1 ? '上年' : `${prevYear}年`));
  }
  const { baseValue, baseYearUsed } = ind.result;
  if (
    baseValue !== null &&
    baseYearUsed !== null &&
    baseYearUsed < year &&
    !(kind === 'annual' && baseYearUsed === prevYear)
  ) {
    parts.push(changePhrase(baseValue, value, ind, `${baseYearUsed}年`));
  }
  return parts.join('，');
}

/** One indicator as a sentence (used where an indicator stands alone, e.g. tests and the analysis page). */
export function indicatorSentence(ind: NarrativeIndicator, kind: 'annual' | 'final', targetYear?: number): string {
  const clause = valueClause(ind, kind);
  if (clause === null) return `${ind.name}暂无监测数据。`;
  const year = ind.result.year as number;
  const pooled = pooledWords(ind);
  const verdict = kind === 'final' ? finalClause(ind, targetYear ?? year) : targetClause(ind);
  return `${year}年，${clause}${pooled ? `；${pooled}` : ''}，${verdict}。`;
}

/** The number of an indicator as the tables print it (its published precision). */
export function valueText(value: number | null, precision = 1): string {
  return value === null ? '—' : num(value, precision);
}
