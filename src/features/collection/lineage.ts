import { and, between, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Sex } from '../../core/collection/entry.ts';
import type { Db } from '../../db/connection.ts';
import { dataValue, indicator, plan, planFolder } from '../../db/schema/index.ts';
import type { CarriedSeries } from './contract.ts';
import type { TaskItem } from './tasks.ts';

// 往年数据 of an indicator that continues a previous cycle's (lineage, plan file `predecessor`): the new cycle's
// indicator has no 2025 value of its own, so the entry form, the review page and the Excel template show its
// predecessor's value there, marked as such. Only approved (locked) values: a draft of the old cycle may still
// change, and the analysis continues a series from approved values by default too.

/**
 * Per successor indicator id: its predecessor and the predecessor's approved values of the 往年数据 years (first and
 * last), same area and sex rows as the task. Where the successor has a value of its own, the reader shows that one.
 */
export async function carriedSeries(
  db: Db,
  items: TaskItem[],
  [firstYear, lastYear]: [number, number],
): Promise<Map<number, CarriedSeries>> {
  const successors = items.filter((i) => i.indicator.predecessorId !== null);
  if (successors.length === 0) return new Map();
  const ids = [...new Set(successors.map((i) => i.indicator.predecessorId as number))];
  const predecessors = await db
    .select({
      id: indicator.id,
      code: indicator.code,
      name: indicator.name,
      start: planFolder.cycleStart,
      end: planFolder.cycleEnd,
    })
    .from(indicator)
    .innerJoin(plan, eq(plan.id, indicator.planId))
    .innerJoin(planFolder, eq(planFolder.id, plan.folderId))
    .where(inArray(indicator.id, ids));
  const areaId = successors[0]?.areaId ?? null;
  const values = await db
    .select({ indicatorId: dataValue.indicatorId, year: dataValue.year, sex: dataValue.sex, value: dataValue.value })
    .from(dataValue)
    .where(
      and(
        inArray(dataValue.indicatorId, ids),
        between(dataValue.year, firstYear, lastYear),
        eq(dataValue.locked, true),
        areaId === null ? isNull(dataValue.areaId) : eq(dataValue.areaId, areaId),
      ),
    );
  const out = new Map<number, CarriedSeries>();
  for (const item of successors) {
    const p = predecessors.find((x) => x.id === item.indicator.predecessorId);
    if (!p) continue;
    out.set(item.indicator.id, {
      code: p.code,
      name: p.name,
      cycle: `${p.start}–${p.end}`,
      values: values
        .filter((v) => v.indicatorId === p.id && v.value !== null && item.sexes.includes(v.sex))
        .map((v) => ({ year: v.year, sex: v.sex, value: v.value as number }))
        .sort((a, b) => a.year - b.year),
    });
  }
  return out;
}

/**
 * The same carried values for the 审核公式: a successor's first year is checked against its predecessor's last
 * (较上年变化超过30% compares 2026 with 2025). Approved values of the predecessors of `indicators` for the years
 * and areas asked, read by the successor's id.
 */
export async function carriedValues(
  db: Db,
  indicators: { id: number; predecessorId: number | null }[],
  [firstYear, lastYear]: [number, number],
  areaIds: (number | null)[],
): Promise<(indicatorId: number, year: number, areaId: number | null, sex: Sex) => number | null> {
  const successorOf = new Map(
    indicators.flatMap((i) => (i.predecessorId === null ? [] : [[i.predecessorId, i.id] as const])),
  );
  if (successorOf.size === 0) return () => null;
  const rows = await db
    .select({
      indicatorId: dataValue.indicatorId,
      year: dataValue.year,
      areaId: dataValue.areaId,
      sex: dataValue.sex,
      value: dataValue.value,
    })
    .from(dataValue)
    .where(
      and(
        inArray(dataValue.indicatorId, [...successorOf.keys()]),
        between(dataValue.year, firstYear, lastYear),
        eq(dataValue.locked, true),
        sql`coalesce(${dataValue.areaId}, 0) = any(${sql.param(areaIds.map((a) => a ?? 0))}::int[])`,
      ),
    );
  const key = (indicatorId: number, year: number, areaId: number | null, sex: Sex) =>
    `${indicatorId}|${year}|${areaId ?? 0}|${sex}`;
  const byKey = new Map(rows.map((r) => [key(successorOf.get(r.indicatorId)!, r.year, r.areaId, r.sex), r.value]));
  return (indicatorId, year, areaId, sex) => byKey.get(key(indicatorId, year, areaId, sex)) ?? null;
}
