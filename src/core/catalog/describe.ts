// Target rules in words, for the UI and reports: "≤ 8.5/10万（控制在8.5/10万以下）", "较2020年下降20%".
// One place, so that a target reads the same on screen, in Excel and in Word.

import type { Better, Comparator, TargetRule } from '../rules.ts';
import type { Catalog, Indicator, Plan } from './types.ts';

export const COMPARATOR_SYMBOLS: Record<Comparator, string> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<' };

/** How the comparator reads before a reference quantity (不低于 女党员比例). */
export const COMPARATOR_WORDS: Record<Comparator, string> = {
  '>=': '不低于',
  '>': '高于',
  '<=': '不高于',
  '<': '低于',
};

export interface DescribeContext {
  unit: string;
  better: Better;
  /** The plan's base year, used when a relative_to_base rule does not name one. */
  baseYear?: number;
  /** Turns a relational reference (an indicator code) into a name; the reference itself is shown otherwise. */
  referenceName?: (reference: string) => string | undefined;
  /** The source quote: numbers are then shown as the plan writes them (3.0‰, not 3‰). */
  quote?: string;
}

/** A number as the quote writes it (3.0 stays 3.0), else in its shortest form. */
function written(value: number, quote: string | undefined): string {
  // The longest spelling wins: in "5岁以下儿童死亡率…5.0‰" the target is 5.0, not the 5 of 5岁.
  const matches = (quote?.match(/\d+(?:\.\d+)?/g) ?? []).filter((n) => Number(n) === value);
  return matches.sort((a, b) => b.length - a.length)[0] ?? String(value);
}

/** ≥ 100% is all there is: it reads 达到100% (保持100%), not 100%以上. */
function isFull(comparator: Comparator, value: number, unit: string): boolean {
  return comparator === '>=' && value === 100 && unit === '%';
}

/** 达到70%以上, 控制在8.5/10万以下, 高于90%, 低于2%; `amount` is number and unit, 8.5/10万. */
function thresholdWords(comparator: Comparator, amount: string, full: boolean): string {
  if (full) return `达到${amount}`;
  switch (comparator) {
    case '>=':
      return `达到${amount}以上`;
    case '>':
      return `高于${amount}`;
    case '<=':
      return `控制在${amount}以下`;
    case '<':
      return `低于${amount}`;
  }
}

function maintainWords(comparator: Comparator, amount: string, full: boolean): string {
  if (full) return `保持${amount}`;
  switch (comparator) {
    case '>=':
      return `保持在${amount}以上`;
    case '>':
      return `保持高于${amount}`;
    case '<=':
      return `保持在${amount}以下`;
    case '<':
      return `保持低于${amount}`;
  }
}

/** The compact form: "≤ 8.5/10万", "保持 ≥ 99%", "较2020年下降20%", "逐步提高", "不低于 中国共产党女党员比例". */
export function describeRuleShort(rule: TargetRule, ctx: DescribeContext): string {
  const amount = (value: number) => `${written(value, ctx.quote)}${ctx.unit}`;
  switch (rule.kind) {
    case 'threshold':
      return `${COMPARATOR_SYMBOLS[rule.comparator]} ${amount(rule.value)}`;
    case 'maintain':
      return `保持 ${COMPARATOR_SYMBOLS[rule.comparator]} ${amount(rule.value)}`;
    case 'relative_to_base': {
      const year = rule.baseYear ?? ctx.baseYear;
      const from = year !== undefined ? `较${year}年` : '较基期';
      return `${from}${ctx.better === 'lower' ? '下降' : '提高'}${written(rule.percent, ctx.quote)}%`;
    }
    case 'annual_step': {
      // A step of a percentage reads 1个百分点; any other unit as written (0.5年).
      const step = ctx.unit === '%' ? `${written(rule.step, ctx.quote)}个百分点` : amount(rule.step);
      return `每年${ctx.better === 'lower' ? '降低' : '提高'}${step}`;
    }
    case 'relational':
      return `${COMPARATOR_WORDS[rule.comparator]} ${ctx.referenceName?.(rule.reference) ?? rule.reference}`;
    case 'count_per_body':
      return `每个${rule.body}至少${rule.value}${rule.countUnit ?? ''}`;
    case 'direction_only':
      return rule.wording;
  }
}

/**
 * The full form for tables and reports: the compact form, and for numeric comparisons the Chinese wording in
 * brackets, "≤ 8.5/10万（控制在8.5/10万以下）", "保持 ≥ 99%（保持在99%以上）". Other kinds already read as words.
 */
export function describeRule(rule: TargetRule, ctx: DescribeContext): string {
  const short = describeRuleShort(rule, ctx);
  if (rule.kind !== 'threshold' && rule.kind !== 'maintain') return short;
  const amount = `${written(rule.value, ctx.quote)}${ctx.unit}`;
  const full = isFull(rule.comparator, rule.value, ctx.unit);
  const words =
    rule.kind === 'threshold'
      ? thresholdWords(rule.comparator, amount, full)
      : maintainWords(rule.comparator, amount, full);
  return `${short}（${words}）`;
}

/** A name lookup over a catalog, for relational references written as indicator codes. */
export function indicatorNames(catalog: Catalog): (reference: string) => string | undefined {
  const names = new Map<string, string>();
  for (const plan of catalog.plans) {
    for (const domain of plan.domains) for (const i of domain.indicators) names.set(i.code, i.name);
  }
  return (reference) => names.get(reference);
}

/** describeRule for an indicator of a catalog: unit, direction, base year and reference names filled in. */
export function describeIndicatorTarget(indicator: Indicator, plan: Plan, catalog: Catalog): string {
  return describeRule(indicator.rule, {
    unit: indicator.unit,
    better: indicator.better,
    baseYear: plan.baseYear,
    referenceName: indicatorNames(catalog),
    quote: indicator.quote,
  });
}
