import { z } from 'zod';
import type {
  AssessmentResult,
  RollupRow,
  SexGap,
  Status,
  TownDisparity,
  WarningKind,
} from '../../core/assessment/index.ts';
import type { ReferenceFigure } from '../../core/reference.ts';

// The 监测分析 API as the server answers it and the web reads it: one definition for both sides.

export const BasisSchema = z.enum(['approved', 'preliminary'], {
  message: '口径应为 approved（已审核）或 preliminary（含未审核）',
});
/** approved: only data the statistics bureau approved (locked); preliminary: also drafts and submitted values. */
export type Basis = z.infer<typeof BasisSchema>;

export const AnalysisQuery = z.object({
  basis: BasisSchema.default('approved'),
  asOf: z.coerce.number().int().min(2000).max(2100).optional(),
});

export interface IndicatorAnalysis {
  id: number;
  code: string;
  name: string;
  unit: string;
  planId: string;
  planTitle: string;
  domainCode: string;
  domainName: string;
  target: string;
  better: 'higher' | 'lower';
  disaggregations: string[];
  leadUnit: { id: number; name: string } | null;
  /** The plan's last year (T): projections run to it. */
  targetYear: number;
  years: number[];
  /** District totals per year (null = missing). */
  values: (number | null)[];
  female: (number | null)[] | null;
  male: (number | null)[] | null;
  sexGap: SexGap | null;
  /** Per town, the latest year's value, best first. */
  towns: { areaId: number; area: string; value: number | null }[] | null;
  townDisparity: TownDisparity | null;
  result: AssessmentResult;
  /**
   * The indicator whose series this one shares (plan file `sameAs`): the same statistic in another plan, entered
   * once there; its values are that indicator's. Absent for an indicator with its own series.
   */
  sameAs?: { id: number; code: string; planId: string };
}

export interface Analysis {
  basis: Basis;
  asOf: number | null;
  years: number[];
  demo: boolean;
  indicators: IndicatorAnalysis[];
  byPlan: RollupRow[];
  byDomain: DomainRow[];
  byUnit: UnitRow[];
}

export type DomainRow = RollupRow & { planId: string; domainCode: string; domainName: string };
export type UnitRow = RollupRow & { unitId: number | null; unitName: string };

export interface WarningItem {
  indicatorId: number;
  code: string;
  name: string;
  planId: string;
  planTitle: string;
  domainName: string;
  leadUnit: { id: number; name: string } | null;
  status: Status;
  kinds: WarningKind[];
  /** Why, in plain words (narrative/drafts.ts plainWarning). */
  summary: string;
  /** The method's reasons, with its numbers (计算依据). */
  reasons: string[];
  statusReason: string;
}

/** What every analysis answer starts with: the 口径, the year judged, and whether the data are demo data. */
export interface AnalysisHead {
  basis: Basis;
  asOf: number | null;
  demo: boolean;
}

export interface OverviewResponse extends AnalysisHead {
  byPlan: RollupRow[];
  byDomain: DomainRow[];
  warnings: WarningItem[];
  charts: { domainRate: Record<string, unknown> };
}

export interface UnitsResponse extends AnalysisHead {
  byUnit: UnitRow[];
}

export type DomainIndicator = Omit<IndicatorAnalysis, 'result'> & {
  status: Status;
  warning: AssessmentResult['warning'];
  statusReason: string;
  latest: number | null;
  year: number | null;
};

export interface DomainResponse extends AnalysisHead {
  domain: DomainRow;
  indicators: DomainIndicator[];
}

export interface IndicatorResponse extends AnalysisHead {
  indicator: IndicatorAnalysis;
  /** Why it is warned, in plain words (null without a warning); the method's reasons are in the result. */
  warningSummary: string | null;
  /** 对比数据: the 天津市 / 全国 figures of the statistic (a linked indicator's are its owner's), by scope and year. */
  references: ReferenceFigure[];
  /** The same statistic in the previous and later cycles, with their targets (lineage). */
  lineage: Lineage;
  charts: { trend: Record<string, unknown>; towns: Record<string, unknown> | null };
}

/** An indicator of another cycle that measures the same statistic (lineage, migration 0019). */
export interface LineageLink {
  id: number;
  code: string;
  name: string;
  cycle: { id: string; name: string; start: number; end: number };
  /** The target in that cycle, in words: ≤ 8.5/10万. */
  target: string;
}

/** An indicator's place in the series across cycles. */
export interface Lineage {
  predecessor: LineageLink | null;
  successors: LineageLink[];
}
