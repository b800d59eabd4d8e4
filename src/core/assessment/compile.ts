// Turns an IndicatorSpec into plain numbers once per indicator, so the per-series kernel does no string work.
import type { Comparator } from '../rules.ts';
import { DEFAULT_FINAL_TOLERANCE, type IndicatorSpec } from './types.ts';

/** Rule kinds as small integers (plain constants rather than an enum, so the code stays erasable TypeScript). */
export const Kind = {
  Threshold: 0,
  RelativeToBase: 1,
  AnnualStep: 2,
  Maintain: 3,
  Relational: 4,
  CountPerBody: 5,
  DirectionOnly: 6,
} as const;
export type Kind = (typeof Kind)[keyof typeof Kind];

/** Comparators as small integers, in the order of COMPARATORS. */
export const COMPARATORS: readonly Comparator[] = ['>=', '>', '<=', '<'];

export interface CompiledRule {
  kind: Kind;
  /** Index into COMPARATORS; for rules without one, the inclusive comparator of the better direction. */
  cmp: number;
  /** Fixed target value (threshold, maintain, count_per_body = 100); NaN when it depends on the base value. */
  value: number;
  /** relative_to_base: percent; annual_step: step; otherwise 0. */
  amount: number;
  /** d = +1 when higher is better, −1 when lower is better. */
  d: number;
  baseYear: number;
  targetYear: number;
  lo: number;
  hi: number;
  /** 10^precision, and one unit of the last published decimal. */
  scale: number;
  unit: number;
  floor: number;
  factor: number;
  /** 基本实现 tolerances (v2 §12). */
  progressTolerance: number;
  gapTolerance: number;
}

export function compileRule(spec: IndicatorSpec): CompiledRule {
  const d = spec.better === 'higher' ? 1 : -1;
  const precision = spec.precision ?? 1;
  const scale = 10 ** precision;
  const rule = spec.rule;
  const betterCmp = d > 0 ? 0 : 2;
  let kind: Kind = Kind.Threshold;
  let cmp = betterCmp;
  let value = Number.NaN;
  let amount = 0;
  let baseYear = spec.baseYear;
  let lo = spec.limits?.[0] ?? 0;
  let hi = spec.limits?.[1] ?? Number.POSITIVE_INFINITY;
  switch (rule.kind) {
    case 'threshold':
      kind = Kind.Threshold;
      cmp = COMPARATORS.indexOf(rule.comparator);
      value = rule.value;
      break;
    case 'maintain':
      kind = Kind.Maintain;
      cmp = COMPARATORS.indexOf(rule.comparator);
      value = rule.value;
      break;
    case 'relative_to_base':
      kind = Kind.RelativeToBase;
      amount = rule.percent;
      baseYear = rule.baseYear ?? spec.baseYear;
      break;
    case 'annual_step':
      kind = Kind.AnnualStep;
      amount = rule.step;
      break;
    case 'relational':
      kind = Kind.Relational;
      cmp = COMPARATORS.indexOf(rule.comparator);
      value = 0;
      break;
    case 'count_per_body':
      // Reported as the share of bodies that comply; the plan's "at least N per body" means all bodies: ≥ 100%.
      kind = Kind.CountPerBody;
      cmp = 0;
      value = 100;
      lo = spec.limits?.[0] ?? 0;
      hi = spec.limits?.[1] ?? 100;
      break;
    case 'direction_only':
      kind = Kind.DirectionOnly;
      break;
  }
  if (!(spec.targetYear > baseYear)) throw new RangeError(`目标年份（${spec.targetYear}）必须晚于基期（${baseYear}）`);
  // v2 §11: input is checked, never trusted.
  if (lo > hi) throw new RangeError(`自然界限的最小值（${lo}）大于最大值（${hi}）`);
  if (rule.kind === 'count_per_body' && d < 0)
    throw new RangeError('每单位配备类目标（count_per_body）按达标单位占比判断，方向只能是越高越好（higher）');
  return {
    kind,
    cmp,
    value,
    amount,
    d,
    baseYear,
    targetYear: spec.targetYear,
    lo,
    hi,
    scale,
    unit: 1 / scale,
    floor: spec.floor ?? 1 / scale,
    factor: spec.factor ?? 1,
    progressTolerance: spec.finalTolerance?.progress ?? DEFAULT_FINAL_TOLERANCE.progress,
    gapTolerance: spec.finalTolerance?.gap ?? DEFAULT_FINAL_TOLERANCE.gap,
  };
}

/** compare() of rules.ts on comparator indices, inlined for the kernel. */
export function meets(x: number, cmp: number, target: number): boolean {
  switch (cmp) {
    case 0:
      return x >= target;
    case 1:
      return x > target;
    case 2:
      return x <= target;
    default:
      return x < target;
  }
}

/** Round half away from zero to the published precision (四舍五入); the tiny nudge absorbs binary noise (8.55). */
export function roundTo(x: number, scale: number): number {
  const s = x < 0 ? -1 : 1;
  return (s * Math.floor(Math.abs(x) * scale + 0.5 + 1e-9)) / scale;
}

/** Removes floating noise from computed targets (9.3 × 0.8 = 7.4399999…) without changing real digits. */
export function clean(x: number): number {
  return Math.round(x * 1e10) / 1e10;
}
