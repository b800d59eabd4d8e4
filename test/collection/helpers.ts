import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../src/db/connection.ts';
import { indicator, orgUnit, responsibility } from '../../src/db/schema/index.ts';

/** Makes `unitName` the only lead of the named indicators, so a test controls exactly what a unit reports. */
export async function assignLead(db: Db, unitName: string, indicatorNames: string[]) {
  const [unit] = await db.select().from(orgUnit).where(eq(orgUnit.name, unitName));
  const indicators = await db.select().from(indicator).where(inArray(indicator.name, indicatorNames));
  if (!unit || indicators.length !== indicatorNames.length) throw new Error('assignLead: unknown unit or indicator');
  await db.delete(responsibility).where(and(eq(responsibility.unitId, unit.id), eq(responsibility.role, 'lead')));
  await db.delete(responsibility).where(
    inArray(
      responsibility.indicatorId,
      indicators.map((i) => i.id),
    ),
  );
  await db
    .insert(responsibility)
    .values(indicators.map((i) => ({ indicatorId: i.id, unitId: unit.id, role: 'lead' as const })));
  return { unit, indicators: Object.fromEntries(indicators.map((i) => [i.name, i])) };
}
