// Who the system belongs to: system name, region, committee and office, taken from the active plan folder
// (folder.yaml, the plans, organisation.yaml) — never written in code, so another district's folder (or the next
// cycle's) names itself everywhere: header, login page, browser title, Excel templates, messages. Pure.

import type { Catalog } from './catalog/types.ts';
import type { Organisation } from './organisation.ts';

export const DEFAULT_SYSTEM_NAME = '妇女儿童发展规划监测评估系统';

export interface Site {
  /** 示范区妇女儿童发展规划监测评估系统; a `systemName` setting overrides it. */
  systemName: string;
  /** As folder.yaml writes it: 天津市示范区 */
  region: string;
  /** The district itself, without province and city: 示范区 */
  regionShort: string;
  /** 示范区妇女儿童工作委员会 */
  committee: string;
  /** 区妇儿工委办公室 */
  office: string;
  /** The plans of the active folder, in order, exactly as issued. */
  planTitles: string[];
  /** Who issued them (示范区人民政府), without repeats. */
  issuers: string[];
}

/** 天津市示范区 → 示范区; 示范区 stays. */
export function localRegion(region: string): string {
  return region.replace(/^.+?[省市](?=.+[区县市旗]$)/, '') || region;
}

export function siteOf(catalog: Catalog, organisation: Organisation, systemName?: string): Site {
  const regionShort = localRegion(catalog.folder.region);
  return {
    systemName: systemName?.trim() || `${regionShort}${DEFAULT_SYSTEM_NAME}`,
    region: catalog.folder.region,
    regionShort,
    committee: organisation.committee.name,
    office: organisation.office.name,
    planTitles: catalog.plans.map((p) => p.title),
    issuers: [...new Set(catalog.plans.map((p) => p.issuer))],
  };
}
