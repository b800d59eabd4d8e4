import { and, eq, isNull } from 'drizzle-orm';
import type { DefaultAssignment } from '../../core/responsibility.ts';
import { measureCode } from '../../core/responsibility.ts';
import type { Db } from '../../db/connection.ts';
import { domain, indicator, measure, orgUnit, plan, responsibility } from '../../db/schema/index.ts';
import { type LoadOptions, loadResponsibility } from './load.ts';

/**
 * Writes the plan folder's default lead and partner units for every indicator and measure that has no
 * assignment in the database yet. Items the office has assigned (in the UI or by Excel import) are never
 * touched, so a restart keeps their edits. Units that are unknown or deactivated in the database are skipped.
 * Codes are the folder's own (another cycle reuses W1-01): only the given folder's indicators and measures are
 * assigned. Returns how many items were assigned.
 */
export async function seedResponsibility(
  db: Db,
  planDir: string,
  folderId: string,
  options: LoadOptions = {},
): Promise<number> {
  const defaults = await loadResponsibility(planDir, options);
  return defaults ? applyDefaultAssignments(db, defaults, folderId) : 0;
}

export async function applyDefaultAssignments(
  db: Db,
  defaults: readonly DefaultAssignment[],
  folderId: string,
): Promise<number> {
  return db.transaction(async (tx) => {
    const units = new Map(
      (await tx.select({ id: orgUnit.id, code: orgUnit.code }).from(orgUnit).where(eq(orgUnit.active, true))).map(
        (u) => [u.code, u.id],
      ),
    );
    const indicators = new Map(
      (
        await tx
          .select({ id: indicator.id, code: indicator.code })
          .from(indicator)
          .innerJoin(plan, eq(plan.id, indicator.planId))
          .where(and(isNull(indicator.retiredAt), eq(plan.folderId, folderId)))
      ).map((i) => [i.code, i.id]),
    );
    const measures = new Map(
      (
        await tx
          .select({ id: measure.id, domainCode: domain.code, number: measure.number })
          .from(measure)
          .innerJoin(domain, eq(domain.id, measure.domainId))
          .innerJoin(plan, eq(plan.id, domain.planId))
          .where(eq(plan.folderId, folderId))
      ).map((m) => [measureCode(m.domainCode, m.number), m.id]),
    );
    const existing = await tx
      .selectDistinct({ indicatorId: responsibility.indicatorId, measureId: responsibility.measureId })
      .from(responsibility);
    const assignedIndicators = new Set(existing.map((r) => r.indicatorId).filter((id) => id !== null));
    const assignedMeasures = new Set(existing.map((r) => r.measureId).filter((id) => id !== null));

    const rows: (typeof responsibility.$inferInsert)[] = [];
    let items = 0;
    for (const a of defaults) {
      const itemId = a.kind === 'indicator' ? indicators.get(a.code) : measures.get(a.code);
      if (itemId === undefined) continue;
      if ((a.kind === 'indicator' ? assignedIndicators : assignedMeasures).has(itemId)) continue;
      const target = a.kind === 'indicator' ? { indicatorId: itemId } : { measureId: itemId };
      const lead = units.get(a.lead);
      const partners = [...new Set(a.partners.map((p) => units.get(p)))].filter(
        (id): id is number => id !== undefined && id !== lead,
      );
      if (lead === undefined && partners.length === 0) continue;
      if (lead !== undefined) rows.push({ ...target, unitId: lead, role: 'lead' });
      for (const unitId of partners) rows.push({ ...target, unitId, role: 'partner' });
      items++;
    }
    // Another instance starting at the same time inserts the same rows; the unique indexes make that harmless.
    if (rows.length > 0) await tx.insert(responsibility).values(rows).onConflictDoNothing();
    return items;
  });
}
