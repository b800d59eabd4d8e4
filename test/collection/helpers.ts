import { and, eq, inArray } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
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

/** An item of `GET /api/rounds/:id/task`, as much of it as the tests read. */
export type TaskItem = {
  indicator: { id: number; code?: string; precision: number; counts: unknown };
  sexes: string[];
  values: { year: number; sex: string; value: number | null; version: number }[];
};

/**
 * Saves an item's district total for the round's year through the entry form's route, as its reporter would, and
 * keeps the item's version current for the next save. Returns the response.
 */
export async function saveTotal(
  reporter: { put(url: string, payload: unknown): Promise<LightMyRequestResponse> },
  round: { id: number; year: number },
  item: TaskItem,
  value: number,
  explanation: string,
): Promise<LightMyRequestResponse> {
  const now = item.values.find((v) => v.year === round.year && v.sex === 'total');
  const res = await reporter.put(`/api/rounds/${round.id}/values`, {
    values: [
      {
        indicatorId: item.indicator.id,
        year: round.year,
        areaId: null,
        sex: 'total',
        value,
        explanation,
        expectedVersion: now?.version ?? 0,
      },
    ],
  });
  if (res.statusCode === 200) {
    const version = (res.json().saved[0] as { version: number }).version;
    if (now) now.version = version;
    else item.values.push({ year: round.year, sex: 'total', value, version });
  }
  return res;
}
