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
