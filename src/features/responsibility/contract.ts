import type { ItemKind } from '../../core/responsibility.ts';

// The responsibility (目标管理责任制) API's shapes, written once for the server and the web.

export interface UnitRef {
  unitId: number;
  name: string;
}

export interface ResponsibilityItem {
  kind: ItemKind;
  id: number;
  /** W1-01 for indicators, W1-M4 for measures */
  code: string;
  /** The measure's number within its domain; null for indicators. */
  number: number | null;
  /** The indicator's name or the measure's title. */
  name: string;
  plan: { id: string; shortTitle: string };
  domain: { code: string; name: string };
  lead: UnitRef | null;
  partners: UnitRef[];
}

export interface Assignment {
  lead: UnitRef | null;
  partners: UnitRef[];
}

/** GET /api/responsibility: the items the user may see, filtered by the query. */
export interface ResponsibilityList {
  items: ResponsibilityItem[];
}

/** How many indicators and measures a unit leads and supports. */
export interface UnitSummary {
  unitId: number;
  code: string;
  name: string;
  active: boolean;
  leadIndicators: number;
  partnerIndicators: number;
  leadMeasures: number;
  partnerMeasures: number;
}

/** GET /api/responsibility/summary */
export interface ResponsibilitySummary {
  units: UnitSummary[];
  totals: { items: number; indicators: number; measures: number; withoutLead: number };
}

/** How an imported row compares with what is stored. */
export type RowStatus = 'new' | 'changed' | 'unchanged' | 'invalid';

export interface PreviewRow {
  sheet: string;
  row: number;
  code: string;
  kind: ItemKind | null;
  name: string | null;
  status: RowStatus;
  /** Why the row cannot be imported (invalid rows only), in Chinese. */
  reasons: string[];
  before: { lead: string | null; partners: string[] } | null;
  after: { lead: string | null; partners: string[] };
}

/** POST /api/responsibility/import/preview: what the table would change; nothing is written until confirmed. */
export interface ImportPreviewResponse {
  previewToken: string;
  expiresAt: string;
  fileName: string;
  counts: Record<RowStatus, number>;
  rows: PreviewRow[];
}

/** POST /api/responsibility/import/confirm: how many items were changed. */
export interface ImportConfirmResponse {
  applied: number;
}
