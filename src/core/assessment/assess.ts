// The object API: one indicator's input in, one readable AssessmentResult out (METHODOLOGY.md §H).

import type { TargetRuleKind } from '../rules.ts';
import { difficultyName, finalCategoryName, statusName } from './codes.ts';
import { COMPARATORS, compileRule, Kind } from './compile.ts';
import { assessSeries, KernelOut, METHOD_NONE, METHOD_THEIL_SEN } from './kernel.ts';
import { buildFlags, buildWarning, type MessageContext, statusReason } from './messages.ts';
import type { AssessmentInput, AssessmentResult, Evidence, SeriesPoint } from './types.ts';

const out = new KernelOut();

function finite(x: number | null | undefined): number {
  return typeof x === 'number' && Number.isFinite(x) ? x : Number.NaN;
}

function nullable(x: number): number | null {
  return Number.isNaN(x) ? null : x;
}

function evidenceOf(n: number): Evidence {
  return n <= 1 ? 'insufficient' : n <= 3 ? 'low' : 'normal';
}

/** Series sorted by year, restricted to the years judged; a year given twice is an input error. */
function sortedPoints(input: AssessmentInput): SeriesPoint[] {
  const last = Math.min(input.targetYear, input.asOf ?? Number.POSITIVE_INFINITY);
  const points = input.series.filter((p) => p.year <= last).sort((a, b) => a.year - b.year);
  for (let i = 1; i < points.length; i++) {
    if (points[i]?.year === points[i - 1]?.year) throw new RangeError(`指标 ${input.id}：${points[i]?.year}年重复出现`);
  }
  return points;
}

export function assessIndicator(input: AssessmentInput): AssessmentResult {
  const r = compileRule(input);
  const points = sortedPoints(input);
  const len = points.length;
  const years = new Float64Array(len);
  const vals = new Float64Array(len);
  const refs = r.kind === Kind.Relational ? new Float64Array(len) : null;
  const hasCounts = points.some((p) => p.numerator != null && p.denominator != null);
  const nums = hasCounts ? new Float64Array(len) : null;
  const dens = hasCounts ? new Float64Array(len) : null;
  points.forEach((p, j) => {
    years[j] = p.year;
    vals[j] = finite(p.value);
    if (refs) refs[j] = finite(p.reference);
    if (nums && dens) {
      nums[j] = finite(p.numerator);
      dens[j] = finite(p.denominator);
    }
  });
  assessSeries(r, years, vals, refs, nums, dens, 0, len, out);
  return toResult(input, r, out);
}

export function assessAll(inputs: readonly AssessmentInput[]): AssessmentResult[] {
  return inputs.map(assessIndicator);
}

/**
 * Open SDG ratio CAGR observed / CAGR required (same sign when moving the right way). A secondary figure, so it
 * is computed here rather than in the kernel; only when all values and the target are > 0.
 */
function cagrRatio(o: KernelOut, targetYear: number): number | null {
  if (!(o.minValue > 0 && o.target > 0 && o.year > o.baseYear)) return null;
  const required = (o.target / o.baseValue) ** (1 / (targetYear - o.baseYear)) - 1;
  if (required === 0) return null;
  return ((o.value / o.baseValue) ** (1 / (o.year - o.baseYear)) - 1) / required;
}

/** Readable result from the kernel's numbers (also used by SeriesStore.result). */
export function toResult(
  input: { id: string; precision?: number; rule: { kind: TargetRuleKind } },
  r: ReturnType<typeof compileRule>,
  o: KernelOut,
): AssessmentResult {
  const context: MessageContext = { r, digits: input.precision ?? 1, plannedBase: r.baseYear };
  const flags = buildFlags(o, context);
  const reason = statusReason(o, context);
  const numeric = r.kind !== Kind.DirectionOnly;
  const ratioPath = !Number.isNaN(o.cs);
  return {
    id: input.id,
    ruleKind: input.rule.kind,
    status: statusName(o.status),
    difficulty: difficultyName(o.difficulty),
    met: o.met < 0 ? null : o.met === 1,
    metAtBase: o.metAtBase < 0 ? null : o.metAtBase === 1,
    year: nullable(o.year),
    value: nullable(o.value),
    baseYearUsed: nullable(o.baseYear),
    baseValue: nullable(o.baseValue),
    n: o.n,
    evidence: evidenceOf(o.n),
    target: nullable(o.target),
    targetNow: nullable(o.targetNow),
    comparator: numeric ? (COMPARATORS[r.cmp] ?? null) : null,
    schedule: ratioPath ? { cs: o.cs, expected: o.expected, behind: o.behind } : null,
    projection:
      o.method === METHOD_NONE
        ? null
        : {
            slope: o.slope,
            intercept: o.intercept,
            method: o.method === METHOD_THEIL_SEN ? 'theil-sen' : 'endpoint',
            value: o.xhat,
            clipped: o.clipped,
          },
    apr: nullable(o.apr),
    cagrRatio: ratioPath ? cagrRatio(o, r.targetYear) : null,
    flags,
    warning: buildWarning(o, flags, reason),
    statusReason: reason,
    finalCategory: finalCategoryName(o.final),
  };
}
