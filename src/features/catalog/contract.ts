// The plan catalog API's response shapes (GET /api/catalog/…). Pure types: the web app imports them too, so
// that server and pages agree on one shape.

import type { Counts, Disaggregation, PlanSection, SourceRef } from '../../core/catalog/types.ts';
import type { Better, TargetRule } from '../../core/rules.ts';

/** How many items a domain (or a whole plan) has; `numeric` + `directional` = `indicators`. */
export interface CatalogCounts {
  goals: number;
  measures: number;
  indicators: number;
  /** Indicators with a number in their target (threshold, maintain, 下降20%, 每年…, relational, per body). */
  numeric: number;
  /** Indicators whose target is a direction only (逐步提高). */
  directional: number;
}

export interface PlanHead {
  id: string;
  title: string;
  shortTitle: string;
  issuer: string;
  issuedOn: string;
  cycle: { start: number; end: number };
  baseYear: number;
}

export interface DomainHead {
  id: number;
  code: string;
  name: string;
}

/** GET /api/catalog/plans */
export interface PlansResponse {
  plans: (PlanHead & { counts: CatalogCounts; domains: (DomainHead & { counts: CatalogCounts })[] })[];
}

/** An indicator as listed in a domain's table. */
export interface IndicatorRow {
  id: number;
  code: string;
  name: string;
  unit: string;
  better: Better;
  rule: TargetRule;
  /** The target in words: "≤ 8.5/10万（控制在8.5/10万以下）". */
  ruleText: string;
  /** The compact form: "≤ 8.5/10万". */
  ruleShort: string;
  source: SourceRef;
  quote: string;
  disaggregations: Disaggregation[];
}

export interface DomainDetail extends DomainHead {
  counts: CatalogCounts;
  goals: { number: number; text: string }[];
  measures: { number: number; title: string; text: string }[];
  indicators: IndicatorRow[];
}

/** GET /api/catalog/plans/:planId */
export interface PlanResponse {
  plan: PlanHead & { counts: CatalogCounts; sections: PlanSection[]; domains: DomainDetail[] };
}

/** GET /api/catalog/indicators/:id */
export interface IndicatorResponse {
  indicator: IndicatorRow & {
    precision: number;
    limits: [number | null, number | null];
    floor: number;
    counts: Counts | null;
    note: string | null;
    plan: Pick<PlanHead, 'id' | 'title' | 'shortTitle' | 'baseYear'>;
    domain: DomainHead;
    /** The goal or measure that sets the target, with its full text (which contains `quote`). */
    sourceItem: { kind: 'goal' | 'measure'; number: number; title: string | null; text: string };
    /** For a relational target naming another indicator by code: that indicator. */
    reference: { id: number; code: string; name: string } | null;
  };
}

export type SearchKind = 'indicator' | 'goal' | 'measure';

export interface SearchResult {
  kind: SearchKind;
  /** The indicator's id (kind indicator); null for goals and measures. */
  id: number | null;
  plan: { id: string; shortTitle: string };
  domain: DomainHead;
  /** Goal or measure number; for an indicator the number of its source item. */
  number: number | null;
  /** Indicator code (W1-03); null for goals and measures. */
  code: string | null;
  /** Indicator name or measure title; null for goals. */
  title: string | null;
  /** Where the text matched: name, title, text or quote. */
  field: 'name' | 'title' | 'text' | 'quote';
  /** A stretch of the matching text around the match: before + match + after. */
  snippet: { before: string; match: string; after: string };
}

/** GET /api/catalog/search?q= */
export interface SearchResponse {
  query: string;
  total: number;
  results: SearchResult[];
}
