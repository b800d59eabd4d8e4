// Final-evaluation categories of a finished cycle (t = T; METHODOLOGY.md v2 §12): 已实现 / 基本实现 / 未实现, and
// for direction-only targets 趋势向好 / 趋势不明显 / 未实现（方向未达）. The tolerances of 基本实现 are settings of the
// plan folder (folder.yaml finalEvaluation), compiled into the rule.
import { FC, S } from './codes.ts';
import { type CompiledRule, clean, Kind, roundTo } from './compile.ts';
import type { KernelOut } from './kernel.ts';

/** The category code (codes.ts FC) of a series whose latest year is the target year. */
export function finalCategory(r: CompiledRule, o: KernelOut): number {
  if (r.kind === Kind.DirectionOnly) {
    if (o.status === S.Improving || o.status === S.ImprovingLastFell) return FC.TrendGood;
    return o.status === S.Difficult ? FC.NoDirection : FC.TrendUnclear;
  }
  if (o.met === 1) return FC.Achieved;
  // The value judged: the pooled rate for small numbers, else the published value of year T.
  const x = roundTo(Number.isNaN(o.pooledRate) ? o.value : o.pooledRate, r.scale);
  if (r.kind === Kind.Relational || r.kind === Kind.Maintain || o.metAtBase === 1) {
    // Nothing to travel: close enough to the target (the reference, for relational rules).
    const target = r.kind === Kind.Relational ? roundTo(o.targetNow, r.scale) : o.target;
    return clean(Math.abs(target - x)) <= clean(r.gapTolerance * Math.abs(target)) ? FC.Basically : FC.NotAchieved;
  }
  const base = roundTo(o.baseValue, r.scale);
  const gap = clean(Math.abs(o.target - base));
  const progress = clean((r.d * (x - base)) / (gap === 0 ? r.unit : gap));
  return progress >= r.progressTolerance ? FC.Basically : FC.NotAchieved;
}
