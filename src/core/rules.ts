// Target rules: the small closed algebra of what a plan can require of an indicator (ARCHITECTURE.md §2,
// METHODOLOGY.md "Target kinds"). Shared by the catalog (which states them) and the assessment engine (which
// judges data against them). Pure types: no I/O.

/** Comparators as the plan writes them: 以上/不低于/不少于 → '>=', 高于 → '>', 以下/以内/不高于 → '<=', 低于 → '<'. */
export type Comparator = '>=' | '>' | '<=' | '<';

/** Which way is better for the indicator: 'higher' (筛查率) or 'lower' (死亡率). METHODOLOGY's d = +1 / −1. */
export type Better = 'higher' | 'lower';

/** 控制在8.5/10万以下, 达到70%以上: compare the value with a fixed number. */
export interface ThresholdRule {
  kind: 'threshold';
  comparator: Comparator;
  value: number;
}

/** 以2020年为基数下降20%: target = baseline × (1 ∓ percent/100), the sign from `better`. */
export interface RelativeToBaseRule {
  kind: 'relative_to_base';
  /** Percentage change from the base year, always positive; the direction comes from `better`. */
  percent: number;
  /** The base year named by the plan (2020 unless it says otherwise). */
  baseYear?: number;
}

/** 每年降低1个百分点以上: a yearly path from the base value, `step` units a year in the better direction. */
export interface AnnualStepRule {
  kind: 'annual_step';
  step: number;
}

/** 保持在99%以上, 保持100%: the value must hold every year. */
export interface MaintainRule {
  kind: 'maintain';
  comparator: Comparator;
  value: number;
}

/** 女代表比例不少于女党员比例: compare with another reported quantity each year. */
export interface RelationalRule {
  kind: 'relational';
  comparator: Comparator;
  /** Code of the indicator compared against, or a name when the reference is not itself an indicator. */
  reference: string;
}

/**
 * 至少配备1名女干部: at least `value` per body (each 领导班子, each 村委会 …). Reported as the share (%) of bodies
 * that comply, so the effective target is 100% of bodies.
 */
export interface CountPerBodyRule {
  kind: 'count_per_body';
  value: number;
  /** What one body is, as the plan names it (领导班子, 村委会). */
  body: string;
  /** What is counted per body, as the plan writes it (名, 次); only for wording in reports. */
  countUnit?: string;
}

/** 逐步提高, 明显下降, 上升趋势得到控制, 差距缩小: a direction without a number. */
export interface DirectionOnlyRule {
  kind: 'direction_only';
  /** The plan's wording of the direction, kept for reports (逐步提高). */
  wording: string;
}

export type TargetRule =
  | ThresholdRule
  | RelativeToBaseRule
  | AnnualStepRule
  | MaintainRule
  | RelationalRule
  | CountPerBodyRule
  | DirectionOnlyRule;

export type TargetRuleKind = TargetRule['kind'];

export const TARGET_RULE_KINDS: readonly TargetRuleKind[] = [
  'threshold',
  'relative_to_base',
  'annual_step',
  'maintain',
  'relational',
  'count_per_body',
  'direction_only',
];

/** Inclusive comparison as the plan writes it. */
export function compare(value: number, comparator: Comparator, target: number): boolean {
  switch (comparator) {
    case '>=':
      return value >= target;
    case '>':
      return value > target;
    case '<=':
      return value <= target;
    case '<':
      return value < target;
  }
}
