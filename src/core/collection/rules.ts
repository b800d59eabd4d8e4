import type { EntryContext, IndicatorFacts } from './entry.ts';

// 审核公式: the checks every entry passes, as data. Each rule says which indicators it applies to, what it tests
// and what to tell the person. Hard rules reject the entry; soft rules let it be saved but require a written
// explanation before the submission goes on (强制上报需填写说明), as in 国家统计联网直报.
// The rules are interpreted by checkEntry below; adding a check means adding a row, not a conditional.

export type Field = 'value' | 'numerator' | 'denominator';

export type Test =
  /** The field must lie within [min, max]; a null bound is open. `fromLimits` takes the indicator's limits. */
  | { kind: 'range'; min?: number | null; max?: number | null; fromLimits?: true }
  | { kind: 'integer' }
  | { kind: 'not_greater_than'; other: Field }
  /** value = numerator / denominator × factor, within half a unit of the last reported decimal. */
  | { kind: 'rate_matches_counts' }
  /** The total lies between the female and male values (a rate), or equals their sum (a count). */
  | { kind: 'total_consistent_with_sexes'; mode: 'between' | 'sum' }
  /** |Δ| over last year above `percent`. */
  | { kind: 'change_from_last_year'; percent: number }
  /** Outside ±percent of the mean of up to three previous years (WHO data-quality rule). */
  | { kind: 'outside_recent_mean'; percent: number }
  | { kind: 'missing' };

export interface Rule {
  code: string;
  level: 'hard' | 'soft';
  field: Field;
  /** Which indicators the rule applies to; absent = all. */
  appliesTo?: (indicator: IndicatorFacts) => boolean;
  test: Test;
  /** The message; {…} placeholders are filled from the check's numbers. */
  message: string;
}

const COUNT_UNITS = new Set(['个', '名', '人', '项', '所', '家', '次']);
const isPercent = (i: IndicatorFacts) => i.unit === '%';
const isRatePerThousandOrMore = (i: IndicatorFacts) => i.unit === '‰' || i.unit === '/10万';
/** A head count (名, 个 …) reported in whole numbers; 每百名学生拥有…名 is a density with decimals, not a count. */
const isCount = (i: IndicatorFacts) => COUNT_UNITS.has(i.unit) && i.precision === 0;
const hasCounts = (i: IndicatorFacts) => Boolean(i.counts);

export const RULES: Rule[] = [
  {
    code: 'H_PERCENT_RANGE',
    level: 'hard',
    field: 'value',
    appliesTo: isPercent,
    test: { kind: 'range', min: 0, max: 100 },
    message: '百分比应在 0–100 之间，填报值为 {value}',
  },
  {
    code: 'H_PERMILLE_RANGE',
    level: 'hard',
    field: 'value',
    appliesTo: (i) => i.unit === '‰',
    test: { kind: 'range', min: 0, max: 1000 },
    message: '千分率应在 0–1000 之间，填报值为 {value}',
  },
  {
    code: 'H_PER100K_RANGE',
    level: 'hard',
    field: 'value',
    appliesTo: (i) => i.unit === '/10万',
    test: { kind: 'range', min: 0, max: 100000 },
    message: '十万分率应在 0–100000 之间，填报值为 {value}',
  },
  {
    code: 'H_LIMITS',
    level: 'hard',
    field: 'value',
    appliesTo: (i) => !isPercent(i) && !isRatePerThousandOrMore(i),
    test: { kind: 'range', fromLimits: true },
    message: '取值应在 {min}–{max} 之间，填报值为 {value}',
  },
  {
    code: 'H_COUNT_INTEGER',
    level: 'hard',
    field: 'value',
    appliesTo: isCount,
    test: { kind: 'integer' },
    message: '{unit}数应为整数，填报值为 {value}',
  },
  {
    code: 'H_NUMERATOR_NONNEGATIVE',
    level: 'hard',
    field: 'numerator',
    appliesTo: hasCounts,
    test: { kind: 'range', min: 0 },
    message: '{numeratorName}不能为负数',
  },
  {
    code: 'H_DENOMINATOR_POSITIVE',
    level: 'hard',
    field: 'denominator',
    appliesTo: hasCounts,
    test: { kind: 'range', min: 1 },
    message: '{denominatorName}应为正数',
  },
  {
    code: 'H_NUMERATOR_INTEGER',
    level: 'hard',
    field: 'numerator',
    appliesTo: hasCounts,
    test: { kind: 'integer' },
    message: '{numeratorName}应为整数',
  },
  {
    code: 'H_DENOMINATOR_INTEGER',
    level: 'hard',
    field: 'denominator',
    appliesTo: hasCounts,
    test: { kind: 'integer' },
    message: '{denominatorName}应为整数',
  },
  {
    code: 'H_NUMERATOR_LE_DENOMINATOR',
    level: 'hard',
    field: 'numerator',
    appliesTo: (i) => hasCounts(i) && (i.counts?.factor ?? 0) <= 1000,
    test: { kind: 'not_greater_than', other: 'denominator' },
    message: '{numeratorName}（{numerator}）不能大于{denominatorName}（{denominator}）',
  },
  {
    code: 'H_RATE_MATCHES_COUNTS',
    level: 'hard',
    field: 'value',
    appliesTo: hasCounts,
    test: { kind: 'rate_matches_counts' },
    message: '填报值 {value} 与 {numeratorName}÷{denominatorName}×{factor} = {expected} 不一致',
  },
  {
    code: 'H_TOTAL_BETWEEN_SEXES',
    level: 'hard',
    field: 'value',
    appliesTo: (i) => !isCount(i),
    test: { kind: 'total_consistent_with_sexes', mode: 'between' },
    message: '合计 {value} 应介于女性 {female} 与男性 {male} 之间',
  },
  {
    code: 'H_TOTAL_IS_SUM',
    level: 'hard',
    field: 'value',
    appliesTo: isCount,
    test: { kind: 'total_consistent_with_sexes', mode: 'sum' },
    message: '合计 {value} 应等于女性 {female} 与男性 {male} 之和',
  },
  {
    code: 'S_CHANGE_30',
    level: 'soft',
    field: 'value',
    // Rates reported with their counts are judged on the counts (small numbers jump by nature: METHODOLOGY G).
    appliesTo: (i) => !hasCounts(i),
    test: { kind: 'change_from_last_year', percent: 30 },
    message: '较上年（{previous}）变化 {change}%，超过 30%，请说明原因',
  },
  {
    code: 'S_OUTSIDE_MEAN_33',
    level: 'soft',
    field: 'value',
    appliesTo: (i) => !hasCounts(i),
    test: { kind: 'outside_recent_mean', percent: 33 },
    message: '超出前三年均值（{mean}）的 ±33%，请说明原因',
  },
  {
    code: 'S_MISSING',
    level: 'soft',
    field: 'value',
    test: { kind: 'missing' },
    message: '未填报数值，请说明缺报原因',
  },
];

export interface Problem {
  code: string;
  level: 'hard' | 'soft';
  field: Field;
  message: string;
}

const fmt = (n: number) => String(Number(n.toFixed(6)));

function fill(template: string, values: Record<string, string | number | null | undefined>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => {
    const v = values[key];
    return v === null || v === undefined ? '—' : typeof v === 'number' ? fmt(v) : v;
  });
}

/** Decimals written in a number as entered (8.50 → 2 is lost in JS; we use the shortest form). */
function decimalsOf(n: number): number {
  const s = fmt(n);
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : s.length - dot - 1;
}

/** Checks one entry against every rule that applies; returns the problems (hard first). */
export function checkEntry(ctx: EntryContext, rules: Rule[] = RULES): Problem[] {
  const { indicator, entry } = ctx;
  const problems: Problem[] = [];
  const fields: Record<Field, number | null> = {
    value: entry.value,
    numerator: entry.numerator ?? null,
    denominator: entry.denominator ?? null,
  };
  const names = {
    unit: indicator.unit,
    numeratorName: indicator.counts?.numerator ?? '分子',
    denominatorName: indicator.counts?.denominator ?? '分母',
    factor: indicator.counts?.factor ?? null,
    value: entry.value,
    numerator: fields.numerator,
    denominator: fields.denominator,
  };

  for (const rule of rules) {
    if (rule.appliesTo && !rule.appliesTo(indicator)) continue;
    const x = fields[rule.field];
    const found = evaluate(rule.test, x, fields, ctx);
    if (found)
      problems.push({
        code: rule.code,
        level: rule.level,
        field: rule.field,
        message: fill(rule.message, { ...names, ...found }),
      });
  }
  return problems.sort((a, b) => (a.level === b.level ? 0 : a.level === 'hard' ? -1 : 1));
}

type Found = Record<string, string | number | null> | null;

function evaluate(test: Test, x: number | null, fields: Record<Field, number | null>, ctx: EntryContext): Found {
  switch (test.kind) {
    case 'missing':
      return x === null ? {} : null;
    case 'range': {
      if (x === null) return null;
      const [lo, hi] = test.fromLimits ? ctx.indicator.limits : [test.min ?? null, test.max ?? null];
      return (lo !== null && x < lo) || (hi !== null && x > hi) ? { min: lo ?? '-∞', max: hi ?? '∞' } : null;
    }
    case 'integer':
      return x !== null && !Number.isInteger(x) ? {} : null;
    case 'not_greater_than': {
      const other = fields[test.other];
      return x !== null && other !== null && x > other ? {} : null;
    }
    case 'rate_matches_counts': {
      const { numerator, denominator } = fields;
      const factor = ctx.indicator.counts?.factor;
      if (x === null || numerator === null || denominator === null || !factor || denominator <= 0) return null;
      const expected = (numerator / denominator) * factor;
      // Tolerate the rounding of the value as written (one more decimal never hurts).
      const tolerance = 0.5 * 10 ** -Math.max(decimalsOf(x), 0) + 1e-9;
      return Math.abs(x - expected) > tolerance
        ? { expected: Number(expected.toFixed(Math.max(decimalsOf(x), 2))) }
        : null;
    }
    case 'total_consistent_with_sexes': {
      if (ctx.sex !== 'total' || x === null || !ctx.bySex) return null;
      const { female, male } = ctx.bySex;
      if (female === null || male === null) return null;
      const tolerance = 0.5 * 10 ** -ctx.indicator.precision + 1e-9;
      const ok =
        test.mode === 'sum'
          ? Math.abs(x - (female + male)) <= tolerance
          : x >= Math.min(female, male) - tolerance && x <= Math.max(female, male) + tolerance;
      return ok ? null : { female, male };
    }
    case 'change_from_last_year': {
      const previous = ctx.history.find((h) => h.year === ctx.year - 1);
      if (x === null || !previous || previous.value === 0) return null;
      const change = ((x - previous.value) / Math.abs(previous.value)) * 100;
      return Math.abs(change) > test.percent ? { previous: previous.value, change: Number(change.toFixed(1)) } : null;
    }
    case 'outside_recent_mean': {
      const recent = ctx.history.filter((h) => h.year < ctx.year && h.year >= ctx.year - 3);
      if (x === null || recent.length === 0) return null;
      const mean = recent.reduce((s, h) => s + h.value, 0) / recent.length;
      if (mean === 0) return null;
      const ratio = x / mean;
      const band = test.percent / 100;
      return ratio < 1 - band || ratio > 1 + band ? { mean: Number(mean.toFixed(ctx.indicator.precision + 1)) } : null;
    }
  }
}
