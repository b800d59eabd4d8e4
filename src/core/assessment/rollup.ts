// Roll-ups for reports (METHODOLOGY.md "Roll-ups"): 达标率 over indicators with a numeric target and data,
// counts per status, and 无数据 / direction-only / qualitative indicators counted apart.
import { type AssessmentResult, STATUSES, type Status } from './types.ts';

/** A qualitative goal: judged from narrative evidence, never by formula, but counted in the roll-up. */
export interface QualitativeItem {
  id: string;
  qualitative: true;
}
export type RollupItem = AssessmentResult | QualitativeItem;

export interface RollupRow {
  group: string;
  /** All items in the group. */
  total: number;
  /** Denominator of 达标率: a numeric target (not direction-only, not qualitative) and at least one value. */
  assessed: number;
  /** 已达标 + 提前达标 + 已达标（有回落风险）: the target is met now. */
  met: number;
  /** met / assessed, or null when nothing was assessed. */
  rate: number | null;
  /** (已达标 + 提前达标) / assessed: the strict form, with at-risk indicators left out. */
  rateStrict: number | null;
  /** Statuses of the numeric-target indicators with data. */
  counts: Record<Status, number>;
  noData: number;
  directionOnly: number;
  qualitative: number;
  /**
   * Final evaluation (METHODOLOGY v2 §12), over the assessed items judged at their target year: 已实现 / 基本实现 /
   * 未实现. achievedRate (实现率) = 已实现 / assessed and basicallyRate = 基本实现 / assessed, shown beside it; both null
   * when no assessed item has reached its target year.
   */
  final: { 已实现: number; 基本实现: number; 未实现: number };
  achievedRate: number | null;
  basicallyRate: number | null;
}

function emptyCounts(): Record<Status, number> {
  return Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
}

export function rollup(items: readonly RollupItem[], groupBy: (item: RollupItem) => string): RollupRow[] {
  const rows = new Map<string, RollupRow>();
  for (const item of items) {
    const group = groupBy(item);
    let row = rows.get(group);
    if (!row) {
      row = {
        group,
        total: 0,
        assessed: 0,
        met: 0,
        rate: null,
        rateStrict: null,
        counts: emptyCounts(),
        noData: 0,
        directionOnly: 0,
        qualitative: 0,
        final: { 已实现: 0, 基本实现: 0, 未实现: 0 },
        achievedRate: null,
        basicallyRate: null,
      };
      rows.set(group, row);
    }
    row.total++;
    if ('qualitative' in item) row.qualitative++;
    else if (item.ruleKind === 'direction_only') row.directionOnly++;
    else if (item.status === '无数据') row.noData++;
    else {
      row.assessed++;
      row.counts[item.status]++;
      const category = item.finalCategory;
      if (category === '已实现' || category === '基本实现' || category === '未实现') row.final[category]++;
    }
  }
  for (const row of rows.values()) {
    const strict = row.counts.已达标 + row.counts.提前达标;
    row.met = strict + row.counts['已达标（有回落风险）'];
    row.rate = row.assessed === 0 ? null : row.met / row.assessed;
    row.rateStrict = row.assessed === 0 ? null : strict / row.assessed;
    const judged = row.final.已实现 + row.final.基本实现 + row.final.未实现;
    row.achievedRate = judged === 0 ? null : row.final.已实现 / row.assessed;
    row.basicallyRate = judged === 0 ? null : row.final.基本实现 / row.assessed;
  }
  return [...rows.values()];
}
