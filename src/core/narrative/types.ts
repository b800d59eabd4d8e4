// The input of the narrative drafts: the parts of an analysis (src/analysis) the texts speak of, declared here so
// that core imports nothing outside core. `Analysis` from src/analysis satisfies these shapes structurally.
import type { AssessmentResult, RollupRow } from '../assessment/index.ts';
import type { ReferenceFigure } from '../reference.ts';
import type { ContextFigures } from './context.ts';

export interface NarrativeIndicator {
  code: string;
  name: string;
  unit: string;
  planId: string;
  planTitle: string;
  domainCode: string;
  domainName: string;
  /** The plan's target in words (describeRule), e.g. ≤ 3.0‰（控制在3.0‰以下）. */
  target: string;
  better?: 'higher' | 'lower';
  leadUnit: { name: string } | null;
  /** The indicator whose series this one shares (the same statistic in another plan). */
  sameAs?: { code: string; planId: string };
  years: number[];
  values: (number | null)[];
  /** Decimal places the value is published with; default 1. */
  precision?: number;
  /** 对比数据: the statistic's 天津市 / 全国 figures (any year); the texts compare the latest value's year only. */
  references?: ReferenceFigure[];
  result: Pick<
    AssessmentResult,
    | 'status'
    | 'ruleKind'
    | 'met'
    | 'year'
    | 'value'
    | 'target'
    | 'comparator'
    | 'warning'
    | 'baseValue'
    | 'baseYearUsed'
  > &
    Partial<Pick<AssessmentResult, 'finalCategory'>> &
    Partial<Pick<AssessmentResult, 'difficulty' | 'projection' | 'flags'>>;
}

export type NarrativeRollup = Pick<
  RollupRow,
  'group' | 'assessed' | 'met' | 'rate' | 'counts' | 'directionOnly' | 'qualitative' | 'noData' | 'total'
>;
export type NarrativeDomain = NarrativeRollup & { planId: string; domainCode: string; domainName: string };

/** A 督办 answer: the lead unit's causes and measures for a warned indicator. */
export interface SupervisionAnswer {
  indicatorName: string;
  unitName: string;
  causes?: string;
  measures?: string;
  effect?: string;
}

/** A unit's 年度工作报告, its sections 存在问题 / 原因分析 / 对策措施. */
export interface WorkReport {
  unitName: string;
  /** 本年度实施情况: what the unit did, quoted in 主要做法和经验. */
  implementation?: string;
  problems?: string;
  causes?: string;
  countermeasures?: string;
}

export interface NarrativePlan {
  id: string;
  /** Full title, e.g. 天津市示范区妇女发展“十五五”规划 */
  title: string;
  /** e.g. 妇女发展规划 */
  shortTitle: string;
  baseYear: number;
  cycleEnd: number;
}

export interface NarrativeInput {
  kind: 'annual' | 'final';
  /** The report year; for a final report the cycle's last year. */
  year: number;
  basis: 'approved' | 'preliminary';
  /** e.g. 示范区 */
  region: string;
  plans: NarrativePlan[];
  indicators: NarrativeIndicator[];
  byPlan: NarrativeRollup[];
  byDomain: NarrativeDomain[];
  supervision: SupervisionAnswer[];
  workReports: WorkReport[];
  /** For the evaluation report's 评估过程. */
  sources?: {
    unitsReported: number;
    unitsTotal: number;
    noticesIssued: number;
    noticesAnswered: number;
    /** Member units with no submitted report for the period (annual: the year's 年度工作报告; final: 评估报告). */
    unitsMissing?: string[];
  };
  /** Units' submitted 评估报告 (final) summaries, quoted in 主要做法和经验. */
  evaluationReports?: { unitName: string; summary: string }[];
  /** Each unit's main field (the domain name where it leads most): 主要做法和经验 groups the units by it. */
  unitDomains?: Record<string, string>;
  /** 经济社会基本情况数据 of the cycle, as the office entered them (final evaluation's 经济社会基本情况). */
  context?: ContextFigures;
}

/** One editable text of a report: paragraphs separated by line breaks. */
export interface DraftSection {
  key: string;
  label: string;
  text: string;
}
