// The plan catalog: what a plan folder (plans/<id>/) holds once it has been read and validated.
// Names follow docs GLOSSARY: plan, cycle, domain, goal, measure, indicator, target rule, source quote.
// Pure types: the YAML files are parsed elsewhere (src/catalog/load.ts) and checked by validate.ts.

import type { Better, TargetRule } from '../rules.ts';

/** 规划周期: 2021–2025 with base year 2020; the next cycle (十五五) is 2026–2030. */
export interface Cycle {
  start: number;
  end: number;
}

/** A plan folder's cycle also names the base year every plan in it is measured from. */
export interface FolderCycle extends Cycle {
  baseYear: number;
}

/** folder.yaml: one district's (or city's) plan pair for one cycle. */
export interface PlanFolder {
  id: string;
  name: string;
  region: string;
  cycle: FolderCycle;
  /** Plan file names, relative to the folder, in the order they are shown. */
  plans: string[];
  /** Tolerances of 基本实现 in the final evaluation (METHODOLOGY v2 §12); default 0.9 and 0.01. */
  finalEvaluation?: FinalEvaluationSettings;
  /** The previous cycle's folder id (wuqing-2021-2025), when indicators name their predecessors. */
  predecessor?: string;
}

/** folder.yaml finalEvaluation: when a target not met at T still counts as 基本实现. */
export interface FinalEvaluationSettings {
  /** Share of the required change from base reached: d·(x_T − x_b)/|TV − x_b| ≥ progress (0.9). */
  progress: number;
  /** Targets met at base and maintain targets: |TV − x_T| ≤ gap·|TV| (0.01). */
  gap: number;
}

/** 分解维度: values are reported by sex (分性别统计) and/or by area (镇、街道). */
export type Disaggregation = 'sex' | 'area';

/** Which numbered item of the domain sets the target: a 主要目标 or a 策略措施. */
export interface SourceRef {
  kind: 'goal' | 'measure';
  number: number;
}

/**
 * For rates computed from counts (孕产妇死亡率 = 孕产妇死亡数 / 活产数 × 100000): units report the counts, so that
 * small numbers can be judged on pooled counts (METHODOLOGY G) rather than on jumpy yearly rates.
 */
export interface Counts {
  numerator: string;
  denominator: string;
  factor: number;
}

/** 监测指标: one measurable quantity with its target rule and the sentence that set it. */
export interface Indicator {
  /** Stable code, domain code + two-digit sequence: W1-01, C3-05. Data are keyed by it; never renumber. */
  code: string;
  name: string;
  /** As the plan writes it: %, ‰, /10万, 年, 个, 名, 小时 … */
  unit: string;
  better: Better;
  rule: TargetRule;
  source: SourceRef;
  /** 原文: the exact clause of the goal or measure that sets the target (a verbatim substring of its text). */
  quote: string;
  disaggregations: Disaggregation[];
  /** Decimals to round to before judging (1 for %, 2 for ‰). */
  precision: number;
  /** Natural limits [min, max]; null = open. Projections are clipped to them. */
  limits: [number | null, number | null];
  /** Smallest change worth flagging as fluctuation (METHODOLOGY F), in the indicator's unit. */
  floor: number;
  counts?: Counts;
  /** A judgement call worth recording (how a vague wording was read). */
  note?: string;
  /**
   * The same statistic as another indicator of the folder (its code), e.g. 高中阶段毛入学率 in both plans: one
   * series, entered once under that indicator and shown with its values everywhere (docs/catalog.md).
   */
  sameAs?: string;
  /**
   * The indicator of the previous cycle (its code in the folder's `predecessor`) that measures the same statistic:
   * its series continues into this cycle, so the previous cycle's final value is this one's base value. A changed
   * 口径 is written in `note`.
   */
  predecessor?: string;
}

/** 主要目标 */
export interface Goal {
  number: number;
  text: string;
}

/** 策略措施: title is the item's first sentence (its heading), text the whole item. */
export interface Measure {
  number: number;
  title: string;
  text: string;
}

/** 发展领域 */
export interface Domain {
  /** W1..W8, C1..C7: unique across the folder. */
  code: string;
  name: string;
  goals: Goal[];
  measures: Measure[];
  indicators: Indicator[];
}

/** Plan-level text: 序言, 指导思想, 基本原则, 总体目标, 组织实施, 监测评估. */
export interface PlanSection {
  title: string;
  text: string;
}

/** 规划 */
export interface Plan {
  id: string;
  /** Exactly as in the document: 天津市示范区妇女发展“十五五”规划 */
  title: string;
  /** For sheet names and tight spaces: 妇女发展规划 (≤ 31 characters, an Excel sheet-name limit). */
  shortTitle: string;
  issuer: string;
  /** ISO date, 2022-07-15 */
  issuedOn: string;
  cycle: Cycle;
  baseYear: number;
  sections: PlanSection[];
  domains: Domain[];
}

/** A validated plan folder: what the rest of the system runs on. */
export interface Catalog {
  folder: PlanFolder;
  plans: Plan[];
}

/** A problem found while loading or validating a plan folder. Messages are Chinese and say the fix. */
export interface CatalogProblem {
  /** File name relative to the plan folder (folder.yaml, women.yaml). */
  file: string;
  /** Where in the file: "domains[2].indicators[4].rule.comparator"; "" for the whole file. */
  path: string;
  message: string;
  /** 1-based line in the file, when known (filled in by the loader). */
  line?: number;
}

/** An indicator with the plan and domain it belongs to, for listings. */
export interface IndicatorEntry {
  plan: Plan;
  domain: Domain;
  indicator: Indicator;
}
