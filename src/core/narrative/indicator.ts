// One sentence per indicator, in the phrasing of the national monitoring reports:
// "2025年，孕产妇死亡率为8.2/10万，比上年下降0.5个十万分点，已实现规划目标。"
import { comparatorSymbol, num } from '../assessment/format.ts';
import { describeChange } from '../assessment/phrasing.ts';
import { changeUnit, withUnit } from './format.ts';
import type { NarrativeIndicator } from './types.ts';

/** The value of the latest year with data and the nearest earlier year with data. */
function latestPair(ind: NarrativeIndicator): {
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

/** 比上年提高2.5个百分点 / 与上年基本持平 / 比2022年下降0.3个千分点 (when the year before is missing). */
export function changePhrase(prev: number, curr: number, unit: string, precision: number, against: string): string {
  const change = describeChange(prev, curr, changeUnit(unit), precision);
  if (change === '与上年基本持平') return `与${against}基本持平`;
  return `比${against}${change}`;
}

/** ≤6.0‰, ≥95% — the numeric target in short form; the rule's words when it has no number. */
export function targetShort(ind: NarrativeIndicator): string {
  const r = ind.result;
  if (r.target !== null && r.comparator && r.ruleKind !== 'relational') {
    return `${comparatorSymbol(r.comparator)}${withUnit(r.target, ind.unit, ind.precision ?? 1)}`;
  }
  return ind.target.replace(/（[^（）]*）$/, '').replace(/\s+/g, '');
}

/** What the latest value says against the plan's target. */
export function targetClause(ind: NarrativeIndicator, kind: 'annual' | 'final'): string {
  const r = ind.result;
  switch (r.status) {
    case '已达标':
      return '已实现规划目标';
    case '提前达标':
      return kind === 'final' ? '已实现规划目标' : '已提前实现规划目标';
    case '已达标（有回落风险）':
      return '已实现规划目标，但有回落风险';
    case '预计可达标':
      return `与规划目标（${targetShort(ind)}）仍有差距，按目前趋势预计可如期实现`;
    case '预计达标困难':
      return r.met === null
        ? `未呈现规划要求的变化（${targetShort(ind)}），预计达标困难`
        : `与规划目标（${targetShort(ind)}）仍有差距，预计达标困难`;
    case '未达标':
      return kind === 'final' ? `未实现规划目标（${targetShort(ind)}）` : `与规划目标（${targetShort(ind)}）仍有差距`;
    case '趋势向好':
      return '总体呈规划要求的变化趋势';
    case '趋势向好但末年回落':
      return '总体呈规划要求的变化趋势，但当年有所回落';
    case '趋势不明显（事件数少）':
      return '事件数少，前后两段合并率的差异无统计学意义，趋势尚不明显';
    case '数据不足':
      return '监测年份较少，暂不作达标判断';
    case '无数据':
      return '暂无监测数据';
  }
}

/**
 * The sentence for one indicator. Annual reports compare with the year before; final reports also with the base
 * year. When the latest data are older than the report year, the sentence names the year it speaks of.
 */
export function indicatorSentence(ind: NarrativeIndicator, kind: 'annual' | 'final'): string {
  const precision = ind.precision ?? 1;
  const { year, value, prevYear, prev } = latestPair(ind);
  if (year === null || value === null) return `${ind.name}暂无监测数据。`;
  const parts = [`${year}年，${ind.name}为${withUnit(value, ind.unit, precision)}`];
  if (kind === 'final') {
    const { baseValue, baseYearUsed } = ind.result;
    if (baseValue !== null && baseYearUsed !== null && baseYearUsed < year) {
      parts.push(changePhrase(baseValue, value, ind.unit, precision, `${baseYearUsed}年`));
    }
  } else if (prev !== null && prevYear !== null) {
    parts.push(changePhrase(prev, value, ind.unit, precision, prevYear === year - 1 ? '上年' : `${prevYear}年`));
  }
  parts.push(targetClause(ind, kind));
  return `${parts.join('，')}。`;
}

/** The number of an indicator as the tables print it (its published precision). */
export function valueText(value: number | null, precision = 1): string {
  return value === null ? '—' : num(value, precision);
}
