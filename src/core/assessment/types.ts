// Public input and output shapes of the assessment engine (METHODOLOGY.md §A–H). Pure types.
import type { Better, Comparator, TargetRule, TargetRuleKind } from '../rules.ts';

/** One reported year. `value` may be null/NaN (missing); a rate may instead be given by its counts. */
export interface SeriesPoint {
  year: number;
  value: number | null;
  numerator?: number | null;
  denominator?: number | null;
  /** The compared quantity of a relational rule in the same year (女党员比例 for 女代表比例). */
  reference?: number | null;
}

/** How one indicator is judged: everything except its data. Shared by the object API and the SeriesStore. */
export interface IndicatorSpec {
  rule: TargetRule;
  better: Better;
  baseYear: number;
  targetYear: number;
  /** Natural limits of the value, e.g. [0, 100] for a percentage; default [0, null] (all plan indicators are ≥ 0). */
  limits?: readonly [number, number | null];
  /** Decimal places the value is published with; the value is rounded to it before comparing. Default 1. */
  precision?: number;
  /** Smallest change worth flagging as 波动较大 (> 0). Default one unit of the last published decimal. */
  floor?: number;
  /** Multiplier of a rate from counts: 100 for %, 1000 for ‰, 100000 for /10万. Default 1. */
  factor?: number;
  /** Tolerances of 基本实现 at the target year (plan folder settings; v2 §12). */
  finalTolerance?: FinalTolerance;
}

/** 基本实现: not met, but `progress` of the required change reached, or (met at base, maintain) within `gap`·|TV|. */
export interface FinalTolerance {
  /** Share of the required change d·(x_T − x_b)/|TV − x_b|; default 0.9. */
  progress: number;
  /** Gap to the target as a share of |TV|; default 0.01. */
  gap: number;
}

export const DEFAULT_FINAL_TOLERANCE: FinalTolerance = { progress: 0.9, gap: 0.01 };

export interface AssessmentInput extends IndicatorSpec {
  id: string;
  series: readonly SeriesPoint[];
  /** Judge as after this year (later data ignored); default: the latest year with data. */
  asOf?: number;
}

export const STATUSES = [
  '无数据',
  '数据不足',
  '已达标',
  '提前达标',
  '已达标（有回落风险）',
  '预计可达标',
  '预计达标困难',
  '未达标',
  '趋势向好',
  '趋势向好但末年回落',
  /** Direction-only rare-event counts: the halves differ the wrong way, but not significantly (v2 §9). */
  '趋势不明显（事件数少）',
] as const;
export type Status = (typeof STATUSES)[number];

/** Final-evaluation categories of a finished cycle (t = T; v2 §12). */
export const FINAL_CATEGORIES = [
  '已实现',
  '基本实现',
  '未实现',
  '趋势向好',
  '趋势不明显',
  '未实现（方向未达）',
] as const;
export type FinalCategory = (typeof FINAL_CATEGORIES)[number];

/** Why 预计达标困难: progress too slow, moving the wrong way, or (direction-only) no progress in the direction. */
export const DIFFICULTIES = ['需加快', '逆向', '方向未达'] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];

export type Evidence = 'insufficient' | 'low' | 'normal';
export type FlagKind = 'jump' | 'band' | 'zigzag' | 'annual_step_missed' | 'small_numbers' | 'small_sample';
export type WarningKind = '预计达标困难' | '波动较大';

/** A warning as the office saw it when issuing a 督办单, kept with the notice. */
export interface WarningSnapshot {
  kinds: WarningKind[];
  /** Why, in plain words; absent on notices issued before it was recorded. */
  summary?: string;
  reasons: string[];
  status: Status;
  year: number | null;
}

export interface Flag {
  kind: FlagKind;
  year?: number;
  /** The reason in words, with the numbers, in Chinese. */
  message: string;
  numbers: Record<string, number>;
}

export interface AssessmentResult {
  id: string;
  ruleKind: TargetRuleKind;
  status: Status;
  /** Set whenever a 预计达标困难 warning is raised. */
  difficulty: Difficulty | null;
  /** Latest value meets TV_t (rounded to precision); null when there is no value or no numeric target. */
  met: boolean | null;
  metAtBase: boolean | null;
  /** Latest year with data (t) and its value. */
  year: number | null;
  value: number | null;
  /** The base year actually used: the plan's base year, or the first later year with data when it is missing. */
  baseYearUsed: number | null;
  baseValue: number | null;
  /** Number of years with data in b..t. */
  n: number;
  evidence: Evidence;
  /** TV: the final target value; targetNow: TV_t (annual_step path; the reference for relational). */
  target: number | null;
  targetNow: number | null;
  comparator: Comparator | null;
  schedule: { cs: number; expected: number; behind: boolean } | null;
  projection: {
    slope: number;
    intercept: number;
    method: 'theil-sen' | 'endpoint';
    /** x̂_T, clipped to the natural limits. For relational rules: the gap (value − reference). */
    value: number;
    clipped: boolean;
  } | null;
  apr: number | null;
  /** Open SDG ratio CAGR observed / CAGR required; only when all values > 0 and the target was not met at base. */
  cagrRatio: number | null;
  flags: Flag[];
  warning: { kind: WarningKind; kinds: WarningKind[]; reasons: string[] } | null;
  /** One Chinese sentence a statistician can check by hand. */
  statusReason: string;
  /** Final-evaluation category, only when the latest year with data is the target year (t = T); else null. */
  finalCategory: FinalCategory | null;
}
