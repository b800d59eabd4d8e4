import { and, between, eq, inArray, isNull } from 'drizzle-orm';
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
