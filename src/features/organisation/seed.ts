import { max } from 'drizzle-orm';
import type { Organisation } from '../../core/organisation.ts';
import type { Db } from '../../db/connection.ts';
import { area, orgUnit } from '../../db/schema/index.ts';

/**
 * Adds the folder's units and areas that the database does not have yet (by code; a name already used by another
 * code is left out too), after the existing ones. Existing units and areas are never changed: the office maintains
 * them in the UI, so a restart or a new cycle's folder never overwrites their edits. Called when a folder is
 * published for the first time (the first start included). Returns how many were added.
 */
export async function mergeOrganisation(db: Db, org: Organisation): Promise<{ units: number; areas: number }> {
  return db.transaction(async (tx) => {
    const [units] = await tx.select({ last: max(orgUnit.position) }).from(orgUnit);
    const [areas] = await tx.select({ last: max(area.position) }).from(area);
    const unitStart = (units?.last ?? -1) + 1;
    const areaStart = areas?.last ?? 0;
    const addedUnits = await tx
      .insert(orgUnit)
      .values([
        { code: org.office.code, name: org.office.name, kind: 'office' as const, position: unitStart },
        ...org.units.map((u, i) => ({
          code: u.code,
          name: u.name,
          kind: 'member' as const,
          position: unitStart + i + 1,
        })),
      ])
      .onConflictDoNothing()
      .returning({ id: orgUnit.id });
    const addedAreas =
      org.areas.length === 0
        ? []
        : await tx
            .insert(area)
            .values(
              org.areas.map((a, i) => ({ code: a.code, name: a.name, kind: a.kind, position: areaStart + i + 1 })),
            )
            .onConflictDoNothing()
            .returning({ id: area.id });
    return { units: addedUnits.length, areas: addedAreas.length };
  });
}
