// 机构更名: a finished cycle's analysis and reports name each unit as it was named then (区教育局, not the
// 区教育体育局 it became after the cycle). A unit keeps its id across a rename, so its data, documents and users stay
// attributed to it; only the name shown depends on the time a page or report speaks of.
import { asc, gt } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { orgUnitFormerName } from '../../db/schema/index.ts';

/** The end of a cycle's last year in Beijing time; a cycle still running speaks of today (no former names). */
export function cycleEndMoment(cycleEnd: number, now = new Date()): Date | null {
  const end = new Date(`${cycleEnd + 1}-01-01T00:00:00+08:00`);
  return end < now ? end : null;
}

/** Units renamed since `at`, with the name each had at that moment (the earliest former name used until after it). */
export async function formerNamesAt(db: Db, at: Date | null): Promise<Map<number, string>> {
  if (at === null) return new Map();
  const rows = await db
    .select({ unitId: orgUnitFormerName.unitId, name: orgUnitFormerName.name })
    .from(orgUnitFormerName)
    .where(gt(orgUnitFormerName.until, at))
    .orderBy(asc(orgUnitFormerName.until), asc(orgUnitFormerName.id));
  const names = new Map<number, string>();
  for (const r of rows) if (!names.has(r.unitId)) names.set(r.unitId, r.name);
  return names;
}
