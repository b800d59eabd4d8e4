// 对比数据 in the report texts: a district value beside the 天津市 and 全国 figures of the same year, in one plain
// clause per figure — 高于全国平均水平（91.8%）1.2个百分点 — and nothing at all where no figure was recorded for the
// year the district's value is reported for.
import { num } from '../assessment/format.ts';
import { REFERENCE_SCOPE_LABELS, REFERENCE_SCOPES, type ReferenceFigure, type ReferenceScope } from '../reference.ts';
import { withUnit } from './format.ts';
import type { NarrativeIndicator } from './types.ts';

const LEVEL: Record<ReferenceScope, string> = { tianjin: '天津市平均水平', national: '全国平均水平' };

/** A difference in the unit's words: 1.2个百分点 (%), 0.25个千分点 (‰), otherwise the value with its unit. */
function gapWords(amount: number, unit: string, precision: number): string {
  if (unit === '%') return `${num(amount, precision)}个百分点`;
  if (unit === '‰') return `${num(amount, precision)}个千分点`;
  return withUnit(amount, unit, precision);
}

/** 高于全国平均水平（91.8%）1.2个百分点 / 与天津市平均水平（2.35‰）基本持平 */
export function referenceClause(
  value: number,
  figure: Pick<ReferenceFigure, 'scope' | 'value'>,
  ind: Pick<NarrativeIndicator, 'unit' | 'precision'>,
): string {
  const precision = ind.precision ?? 1;
  const level = `${LEVEL[figure.scope]}（${withUnit(figure.value, ind.unit, precision)}）`;
  const delta = value - figure.value;
  if (Math.abs(delta) < 0.5 / 10 ** precision) return `与${level}基本持平`;
  return `${delta > 0 ? '高于' : '低于'}${level}${gapWords(Math.abs(delta), ind.unit, precision)}`;
}

/** The figures of the year the indicator's latest value is for, 天津市 first. */
export function referencesOfYear(ind: NarrativeIndicator): ReferenceFigure[] {
  const year = ind.result.year;
  if (year === null || ind.result.value === null) return [];
  return REFERENCE_SCOPES.flatMap((scope) =>
    (ind.references ?? []).filter((f) => f.scope === scope && f.year === year),
  );
}

/**
 * One sentence for a domain's indicators that have 对比数据 for the year of their latest value, e.g.
 * "与天津市、全国比较，2024年孕产妇死亡率（8.2/10万）低于全国平均水平（14.3/10万）6.1/10万。" Empty when none has.
 */
export function referenceSentence(inds: readonly NarrativeIndicator[]): string {
  const clauses = inds.flatMap((i) => {
    const figures = referencesOfYear(i);
    if (!figures.length) return [];
    const value = i.result.value as number;
    const own = `${i.result.year}年${i.name}（${withUnit(value, i.unit, i.precision ?? 1)}）`;
    return [`${own}${figures.map((f) => referenceClause(value, f, i)).join('，')}`];
  });
  if (!clauses.length) return '';
  const scopes = new Set(inds.flatMap((i) => referencesOfYear(i).map((f) => f.scope)));
  const against = REFERENCE_SCOPES.filter((s) => scopes.has(s))
    .map((s) => REFERENCE_SCOPE_LABELS[s])
    .join('、');
  return `与${against}比较，${clauses.join('；')}。`;
}
