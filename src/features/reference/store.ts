import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { ReferenceFigure, ReferenceScope } from '../../core/reference.ts';
import type { Db } from '../../db/connection.ts';
import { appUser, indicator, plan, referenceValue } from '../../db/schema/index.ts';
import type { Actor } from '../audit/index.ts';
import { audit } from '../audit/index.ts';

// The database work of 对比数据. A statistic has one reference series: the key is the code of the indicator that
// holds the district's series, so an indicator linked by `sameAs` reads and writes its owner's figures.

export interface CatalogIndicator {
  id: number;
  planId: string;
  code: string;
  name: string;
  unit: string;
  precision: number;
  limits: [number | null, number | null];
  /** The code the statistic's figures are kept under: its own, or the one its `sameAs` names. */
  series: string;
  sameAs: string | null;
}

export interface FolderCatalog {
  folderId: string;
  plans: { id: string; title: string; shortTitle: string }[];
  /** Base year to the cycle's last year: the years a figure may be entered for. */
  years: number[];
  indicators: CatalogIndicator[];
}

/** The active folder's plans and live indicators, in the plans' order. */
export async function folderCatalog(db: Db, folderId: string): Promise<FolderCatalog> {
  const plans = await db.select().from(plan).where(eq(plan.folderId, folderId)).orderBy(asc(plan.position));
  const rows = plans.length
    ? await db
        .select({
          id: indicator.id,
          planId: indicator.planId,
          code: indicator.code,
          name: indicator.name,
          unit: indicator.unit,
          precision: indicator.precision,
          limits: indicator.limits,
          sameAs: indicator.sameAs,
        })
        .from(indicator)
        .where(
          and(
            inArray(
              indicator.planId,
              plans.map((p) => p.id),
            ),
            isNull(indicator.retiredAt),
          ),
        )
        .orderBy(asc(indicator.position))
    : [];
  const order = new Map(plans.map((p, i) => [p.id, i]));
  rows.sort((a, b) => (order.get(a.planId) ?? 0) - (order.get(b.planId) ?? 0));
  const base = plans.length ? Math.min(...plans.map((p) => p.baseYear)) : 0;
  const end = plans.length ? Math.max(...plans.map((p) => p.cycleEnd)) : -1;
  return {
    folderId,
    plans: plans.map((p) => ({ id: p.id, title: p.title, shortTitle: p.shortTitle })),
    years: Array.from({ length: end - base + 1 }, (_, i) => base + i),
    indicators: rows.map((r) => ({ ...r, series: r.sameAs ?? r.code })),
  };
}

export interface StoredReference extends ReferenceFigure {
  indicatorCode: string;
  updatedBy: string | null;
  updatedAt: Date;
}

/** Every figure of the folder, by series code then scope and year. */
export async function readReferences(db: Db, folderId: string): Promise<StoredReference[]> {
  return db
    .select({
      indicatorCode: referenceValue.indicatorCode,
      scope: referenceValue.scope,
      year: referenceValue.year,
      value: referenceValue.value,
      source: referenceValue.source,
      updatedBy: appUser.displayName,
      updatedAt: referenceValue.updatedAt,
    })
    .from(referenceValue)
    .leftJoin(appUser, eq(appUser.id, referenceValue.updatedBy))
    .where(eq(referenceValue.folderId, folderId))
    .orderBy(referenceValue.indicatorCode, referenceValue.scope, referenceValue.year);
}

/**
 * The figures each indicator is compared with, by indicator id (a linked indicator gets its owner's): the one
 * reader of the analysis page, the reports and the list, so all of them print the same figure.
 */
export async function referencesByIndicator(db: Db, folderId: string): Promise<Map<number, ReferenceFigure[]>> {
  const [catalog, stored] = await Promise.all([folderCatalog(db, folderId), readReferences(db, folderId)]);
  const bySeries = new Map<string, ReferenceFigure[]>();
  for (const r of stored) {
    const list = bySeries.get(r.indicatorCode) ?? [];
    list.push({ scope: r.scope, year: r.year, value: r.value, source: r.source });
    bySeries.set(r.indicatorCode, list);
  }
  const out = new Map<number, ReferenceFigure[]>();
  for (const i of catalog.indicators) {
    const list = bySeries.get(i.series);
    if (list) out.set(i.id, list);
  }
  return out;
}

export interface ReferenceKey {
  folderId: string;
  /** The series code (resolved through `sameAs`). */
  indicatorCode: string;
  scope: ReferenceScope;
  year: number;
}

const keyOf = (k: ReferenceKey) =>
  and(
    eq(referenceValue.folderId, k.folderId),
    eq(referenceValue.indicatorCode, k.indicatorCode),
    eq(referenceValue.scope, k.scope),
    eq(referenceValue.year, k.year),
  );

async function readOne(db: Db, key: ReferenceKey) {
  const [row] = await db
    .select({ value: referenceValue.value, source: referenceValue.source })
    .from(referenceValue)
    .where(keyOf(key));
  return row ?? null;
}

const objectId = (k: ReferenceKey) => `${k.folderId}/${k.indicatorCode}/${k.scope}/${k.year}`;

/**
 * Writes one figure (insert or replace) with its audit record, in the caller's transaction. Returns whether
 * anything changed: writing the stored figure again leaves the row and the log alone.
 */
export async function upsertReference(
  tx: Db,
  actor: Actor,
  key: ReferenceKey,
  figure: { value: number; source: string },
  via: 'entry' | 'import',
): Promise<boolean> {
  const before = await readOne(tx, key);
  if (before && before.value === figure.value && before.source === figure.source) return false;
  await tx
    .insert(referenceValue)
    .values({ ...key, ...figure, updatedBy: actor.userId, updatedAt: new Date() })
    .onConflictDoUpdate({
      target: [referenceValue.folderId, referenceValue.indicatorCode, referenceValue.scope, referenceValue.year],
      set: { value: figure.value, source: figure.source, updatedBy: actor.userId, updatedAt: new Date() },
    });
  await audit(tx, actor, {
    action: before ? 'reference.update' : 'reference.create',
    objectType: 'reference_value',
    objectId: objectId(key),
    before,
    after: figure,
    ...(via === 'import' ? { detail: 'Excel 导入' } : {}),
  });
  return true;
}

/** Deletes one figure with its audit record; false when there was none. */
export async function deleteReference(tx: Db, actor: Actor, key: ReferenceKey): Promise<boolean> {
  const before = await readOne(tx, key);
  if (!before) return false;
  await tx.delete(referenceValue).where(keyOf(key));
  await audit(tx, actor, {
    action: 'reference.delete',
    objectType: 'reference_value',
    objectId: objectId(key),
    before,
  });
  return true;
}
