import { and, asc, eq, isNull } from 'drizzle-orm';
import { type ItemKind, measureCode } from '../../core/responsibility.ts';
import type { Db } from '../../db/connection.ts';
import { domain, indicator, measure, orgUnit, plan, responsibility } from '../../db/schema/index.ts';
import type { Assignment, ResponsibilityItem } from './contract.ts';

export type { Assignment, ResponsibilityItem, UnitRef } from './contract.ts';

// Reading and replacing assignments in the database. An item is a current indicator (not retired) or a measure.

type Row = {
  indicatorId: number | null;
  measureId: number | null;
  unitId: number;
  role: 'lead' | 'partner';
  name: string;
  position: number;
};

async function assignmentRows(db: Db, where?: ReturnType<typeof and>): Promise<Row[]> {
  return db
    .select({
      indicatorId: responsibility.indicatorId,
      measureId: responsibility.measureId,
      unitId: responsibility.unitId,
      role: responsibility.role,
      name: orgUnit.name,
      position: orgUnit.position,
    })
    .from(responsibility)
    .innerJoin(orgUnit, eq(orgUnit.id, responsibility.unitId))
    .where(where)
    .orderBy(asc(orgUnit.position));
}

function collect(rows: Row[]): { indicators: Map<number, Assignment>; measures: Map<number, Assignment> } {
  const indicators = new Map<number, Assignment>();
  const measures = new Map<number, Assignment>();
  for (const r of rows) {
    const map = r.indicatorId !== null ? indicators : measures;
    const id = (r.indicatorId ?? r.measureId) as number;
    const a = map.get(id) ?? { lead: null, partners: [] };
    if (r.role === 'lead') a.lead = { unitId: r.unitId, name: r.name };
    else a.partners.push({ unitId: r.unitId, name: r.name });
    map.set(id, a);
  }
  return { indicators, measures };
}

/**
 * Every item of one cycle with its assignment, in plan and domain order; per domain the measures, then the
 * indicators. Responsibility is per cycle: each cycle's items are its own rows.
 */
export async function listItems(db: Db, folderId: string): Promise<ResponsibilityItem[]> {
  const domains = await db
    .select({
      id: domain.id,
      code: domain.code,
      name: domain.name,
      planId: plan.id,
      shortTitle: plan.shortTitle,
    })
    .from(domain)
    .innerJoin(plan, eq(plan.id, domain.planId))
    .where(eq(plan.folderId, folderId))
    .orderBy(asc(plan.position), asc(domain.position));
  const measures = await db.select().from(measure).orderBy(asc(measure.number));
  const indicators = await db
    .select({ id: indicator.id, domainId: indicator.domainId, code: indicator.code, name: indicator.name })
    .from(indicator)
    .where(isNull(indicator.retiredAt))
    .orderBy(asc(indicator.position));
  const assigned = collect(await assignmentRows(db));

  const items: ResponsibilityItem[] = [];
  for (const d of domains) {
    const base = { plan: { id: d.planId, shortTitle: d.shortTitle }, domain: { code: d.code, name: d.name } };
    for (const m of measures.filter((x) => x.domainId === d.id)) {
      const a = assigned.measures.get(m.id);
      items.push({
        kind: 'measure',
        id: m.id,
        code: measureCode(d.code, m.number),
        number: m.number,
        name: m.title,
        ...base,
        lead: a?.lead ?? null,
        partners: a?.partners ?? [],
      });
    }
    for (const i of indicators.filter((x) => x.domainId === d.id)) {
      const a = assigned.indicators.get(i.id);
      items.push({
        kind: 'indicator',
        id: i.id,
        code: i.code,
        number: null,
        name: i.name,
        ...base,
        lead: a?.lead ?? null,
        partners: a?.partners ?? [],
      });
    }
  }
  return items;
}

/** Whether an item exists (a retired indicator does not). */
export async function itemExists(db: Db, kind: ItemKind, id: number): Promise<boolean> {
  const found =
    kind === 'indicator'
      ? await db
          .select({ id: indicator.id })
          .from(indicator)
          .where(and(eq(indicator.id, id), isNull(indicator.retiredAt)))
      : await db.select({ id: measure.id }).from(measure).where(eq(measure.id, id));
  return found.length > 0;
}

export async function readAssignment(db: Db, kind: ItemKind, id: number): Promise<Assignment> {
  const rows = await assignmentRows(
    db,
    and(kind === 'indicator' ? eq(responsibility.indicatorId, id) : eq(responsibility.measureId, id)),
  );
  const { indicators, measures } = collect(rows);
  return (kind === 'indicator' ? indicators : measures).get(id) ?? { lead: null, partners: [] };
}

/** Replaces an item's assignment; call inside a transaction. */
export async function replaceAssignment(
  tx: Db,
  kind: ItemKind,
  id: number,
  leadUnitId: number,
  partnerUnitIds: readonly number[],
): Promise<void> {
  const target = kind === 'indicator' ? { indicatorId: id } : { measureId: id };
  await tx
    .delete(responsibility)
    .where(kind === 'indicator' ? eq(responsibility.indicatorId, id) : eq(responsibility.measureId, id));
  await tx
    .insert(responsibility)
    .values([
      { ...target, unitId: leadUnitId, role: 'lead' as const },
      ...partnerUnitIds.map((unitId) => ({ ...target, unitId, role: 'partner' as const })),
    ]);
}

/** The same assignment, whatever the order of the partners. */
export function sameAssignment(a: Assignment, leadUnitId: number | null, partnerUnitIds: readonly number[]): boolean {
  const have = a.partners.map((p) => p.unitId).sort((x, y) => x - y);
  const want = [...partnerUnitIds].sort((x, y) => x - y);
  return (a.lead?.unitId ?? null) === leadUnitId && have.length === want.length && have.every((v, i) => v === want[i]);
}
