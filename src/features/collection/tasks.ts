import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Sex } from '../../core/collection/entry.ts';
import type { Db } from '../../db/connection.ts';
import { indicator, plan, reportingRound, responsibility } from '../../db/schema/index.ts';

// Who reports what in a round (填报任务): a unit reports the district values of the indicators it leads; a town
// reports its own values of the indicators the plan asks per town (以镇（街道）为单位).

export type Reporter = { kind: 'unit'; unitId: number } | { kind: 'area'; areaId: number };

export type Round = typeof reportingRound.$inferSelect;
export type IndicatorRow = typeof indicator.$inferSelect;

export interface TaskItem {
  indicator: IndicatorRow;
  /** The sexes to report: total, and female and male when the plan asks for sex-disaggregated values. */
  sexes: Sex[];
  /** The area the values are for: null = the whole district. */
  areaId: number | null;
  /** The years this round collects for the indicator. */
  years: number[];
}

export async function findRound(db: Db, roundId: number): Promise<Round | undefined> {
  const [round] = await db.select().from(reportingRound).where(eq(reportingRound.id, roundId));
  return round;
}

/** The years a round collects: its year for annual monitoring; every year of the cycle for the final evaluation. */
export async function roundYears(db: Db, round: Round): Promise<number[]> {
  if (round.kind === 'annual') return [round.year];
  const [cycle] = await db
    .select({ base: sql<number>`min(${plan.baseYear})`, end: sql<number>`max(${plan.cycleEnd})` })
    .from(plan)
    .where(eq(plan.folderId, round.folderId));
  const years: number[] = [];
  for (let y = Number(cycle?.base ?? round.year); y <= Number(cycle?.end ?? round.year); y++) years.push(y);
  return years;
}

function sexesOf(row: IndicatorRow): Sex[] {
  return row.disaggregations.includes('sex') ? ['total', 'female', 'male'] : ['total'];
}

export async function taskItems(db: Db, round: Round, reporter: Reporter): Promise<TaskItem[]> {
  const years = await roundYears(db, round);
  // An indicator linked by `sameAs` is the same statistic as another one: it is entered once, under that one.
  const live = and(
    isNull(indicator.retiredAt),
    isNull(indicator.sameAs),
    inArray(indicator.planId, planIdsOf(db, round.folderId)),
  );
  if (reporter.kind === 'unit') {
    const rows = await db
      .select({ indicator })
      .from(indicator)
      .innerJoin(responsibility, and(eq(responsibility.indicatorId, indicator.id), eq(responsibility.role, 'lead')))
      .where(and(live, eq(responsibility.unitId, reporter.unitId)))
      .orderBy(indicator.planId, indicator.position);
    return rows.map(({ indicator: row }) => ({ indicator: row, sexes: sexesOf(row), areaId: null, years }));
  }
  const rows = await db
    .select()
    .from(indicator)
    .where(and(live, sql`${indicator.disaggregations} @> '["area"]'::jsonb`))
    .orderBy(indicator.planId, indicator.position);
  return rows.map((row) => ({ indicator: row, sexes: sexesOf(row), areaId: reporter.areaId, years }));
}

function planIdsOf(db: Db, folderId: string) {
  return db.select({ id: plan.id }).from(plan).where(eq(plan.folderId, folderId));
}

/** Units that lead at least one live indicator of the folder: they get a submission in every round. */
export async function reportingUnits(db: Db, folderId: string): Promise<number[]> {
  const rows = await db
    .selectDistinct({ unitId: responsibility.unitId })
    .from(responsibility)
    .innerJoin(indicator, eq(indicator.id, responsibility.indicatorId))
    .where(
      and(
        eq(responsibility.role, 'lead'),
        isNull(indicator.retiredAt),
        isNull(indicator.sameAs),
        inArray(indicator.planId, planIdsOf(db, folderId)),
      ),
    );
  return rows.map((r) => r.unitId);
}

/** Whether any live indicator of the folder is reported per town. */
export async function hasAreaIndicators(db: Db, folderId: string): Promise<boolean> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(indicator)
    .where(
      and(
        isNull(indicator.retiredAt),
        inArray(indicator.planId, planIdsOf(db, folderId)),
        sql`${indicator.disaggregations} @> '["area"]'::jsonb`,
      ),
    );
  return (row?.n ?? 0) > 0;
}
