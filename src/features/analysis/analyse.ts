import { and, eq, inArray, isNull } from 'drizzle-orm';
import {
  type AssessmentInput,
  type AssessmentResult,
  assessIndicator,
  type RollupItem,
  type RollupRow,
  rollup,
  type SexGap,
  sexGap,
  type TownDisparity,
  townDisparity,
} from '../../core/assessment/index.ts';
import type { FinalTolerance } from '../../core/assessment/types.ts';
import { describeRule } from '../../core/catalog/index.ts';
import type { Db } from '../../db/connection.ts';
import { area, dataValue, domain, goal, indicator, orgUnit, plan, responsibility } from '../../db/schema/index.ts';
import { finalToleranceKey, getSetting } from '../../platform/settings.ts';

// The assessment of the stored data (METHODOLOGY.md through src/core/assessment): recomputed from the raw values
// on every call — no derived status is stored as truth. `approved` judges only values the statistics bureau
// approved (locked); `preliminary` also takes drafts and submitted values, and says so.

export type Basis = 'approved' | 'preliminary';

export interface AnalysisOptions {
  folderId: string;
  basis?: Basis;
  /** Judge as after this year; default the latest year with data. */
  asOf?: number;
}

export interface IndicatorAnalysis {
  id: number;
  code: string;
  name: string;
  unit: string;
  planId: string;
  planTitle: string;
  domainCode: string;
  domainName: string;
  target: string;
  better: 'higher' | 'lower';
  disaggregations: string[];
  leadUnit: { id: number; name: string } | null;
  /** The plan's last year (T): projections run to it. */
  targetYear: number;
  years: number[];
  /** District totals per year (null = missing). */
  values: (number | null)[];
  female: (number | null)[] | null;
  male: (number | null)[] | null;
  sexGap: SexGap | null;
  /** Per town, the latest year's value, best first. */
  towns: { areaId: number; area: string; value: number | null }[] | null;
  townDisparity: TownDisparity | null;
  result: AssessmentResult;
  /**
   * The indicator whose series this one shares (plan file `sameAs`): the same statistic in another plan, entered
   * once there; its values, and so its latest value, are that indicator's. Absent for an indicator with its own series.
   */
  sameAs?: { id: number; code: string; planId: string };
}

/**
 * One statistic, one series: for every indicator linked by `sameAs`, the id of the indicator that holds the values
 * (codes are unique in a plan folder). Unknown codes are ignored (the catalog validation refuses them).
 */
export function seriesOwners(
  indicators: readonly { id: number; code: string; planId: string; sameAs: string | null }[],
): Map<number, { id: number; code: string; planId: string }> {
  const byCode = new Map(indicators.map((i) => [i.code, i]));
  const owners = new Map<number, { id: number; code: string; planId: string }>();
  for (const i of indicators) {
    const owner = i.sameAs ? byCode.get(i.sameAs) : undefined;
    if (owner && owner.id !== i.id) owners.set(i.id, { id: owner.id, code: owner.code, planId: owner.planId });
  }
  return owners;
}

export interface Analysis {
  basis: Basis;
  asOf: number | null;
  years: number[];
  demo: boolean;
  indicators: IndicatorAnalysis[];
  byPlan: RollupRow[];
  byDomain: (RollupRow & { planId: string; domainCode: string; domainName: string })[];
  byUnit: (RollupRow & { unitId: number | null; unitName: string })[];
}

type ValueRow = typeof dataValue.$inferSelect;

export async function analyse(db: Db, options: AnalysisOptions): Promise<Analysis> {
  const basis = options.basis ?? 'approved';
  const plans = await db.select().from(plan).where(eq(plan.folderId, options.folderId)).orderBy(plan.position);
  const planIds = plans.map((p) => p.id);
  if (planIds.length === 0) throw new Error(`规划目录 ${options.folderId} 未导入`);
  const domains = await db.select().from(domain).where(inArray(domain.planId, planIds)).orderBy(domain.position);
  const indicators = await db
    .select()
    .from(indicator)
    .where(and(inArray(indicator.planId, planIds), isNull(indicator.retiredAt)))
    .orderBy(indicator.position);
  const leads = await db
    .select({ indicatorId: responsibility.indicatorId, unitId: orgUnit.id, name: orgUnit.name })
    .from(responsibility)
    .innerJoin(orgUnit, eq(orgUnit.id, responsibility.unitId))
    .where(eq(responsibility.role, 'lead'));
  const leadOf = new Map(leads.map((l) => [l.indicatorId, { id: l.unitId, name: l.name }]));
  const areas = new Map((await db.select().from(area)).map((a) => [a.id, a.name]));
  const rowsAll = indicators.length
    ? await db
        .select()
        .from(dataValue)
        .where(
          inArray(
            dataValue.indicatorId,
            indicators.map((i) => i.id),
          ),
        )
    : [];
  const rows = rowsAll.filter((r) => basis === 'preliminary' || r.locked);
  const finalTolerance = await getSetting<FinalTolerance>(db, finalToleranceKey(options.folderId));

  const baseYear = Math.min(...plans.map((p) => p.baseYear));
  const targetYear = Math.max(...plans.map((p) => p.cycleEnd));
  const lastWithData = Math.max(baseYear, ...rows.filter((r) => r.value !== null).map((r) => r.year));
  const asOf = options.asOf ?? lastWithData;
  const years = Array.from({ length: Math.max(0, asOf - baseYear + 1) }, (_, i) => baseYear + i);

  // Values by indicator → sex/area → year.
  const byIndicator = new Map<number, ValueRow[]>();
  for (const r of rows) {
    if (r.year > asOf) continue;
    const list = byIndicator.get(r.indicatorId) ?? [];
    list.push(r);
    byIndicator.set(r.indicatorId, list);
  }
  const codeToId = new Map(indicators.map((i) => [`${i.planId}|${i.code}`, i.id]));
  const owners = seriesOwners(indicators);
  const seriesOf = (id: number) => owners.get(id)?.id ?? id;
  const totalsOf = (id: number) =>
    new Map(
      (byIndicator.get(seriesOf(id)) ?? [])
        .filter((r) => r.areaId === null && r.sex === 'total')
        .map((r) => [r.year, r]),
    );

  const planById = new Map(plans.map((p) => [p.id, p]));
  const domainById = new Map(domains.map((d) => [d.id, d]));
  const analysed: IndicatorAnalysis[] = indicators.map((ind) => {
    const own = byIndicator.get(seriesOf(ind.id)) ?? [];
    const totals = totalsOf(ind.id);
    const rule = ind.rule;
    const referenceId = rule.kind === 'relational' ? codeToId.get(`${ind.planId}|${rule.reference}`) : undefined;
    const referenceTotals = referenceId ? totalsOf(referenceId) : undefined;
    const input: AssessmentInput = {
      id: String(ind.id),
      rule,
      better: ind.better,
      baseYear: planById.get(ind.planId)?.baseYear ?? baseYear,
      targetYear: planById.get(ind.planId)?.cycleEnd ?? targetYear,
      limits: [ind.limits[0] ?? 0, ind.limits[1]],
      precision: ind.precision,
      floor: ind.floor,
      ...(ind.counts ? { factor: ind.counts.factor } : {}),
      asOf,
      ...(finalTolerance ? { finalTolerance } : {}),
      series: [...totals.values()].map((r) => ({
        year: r.year,
        value: r.value,
        numerator: r.numerator,
        denominator: r.denominator,
        reference: referenceTotals ? (referenceTotals.get(r.year)?.value ?? null) : r.reference,
      })),
    };
    const result = assessIndicator(input);
    const seriesFor = (sex: 'female' | 'male') => {
      const m = new Map(own.filter((r) => r.areaId === null && r.sex === sex).map((r) => [r.year, r.value]));
      return years.map((y) => m.get(y) ?? null);
    };
    const hasSex = ind.disaggregations.includes('sex');
    const female = hasSex ? seriesFor('female') : null;
    const male = hasSex ? seriesFor('male') : null;
    const point = (vs: (number | null)[] | null) => (vs ?? []).map((value, i) => ({ year: years[i] as number, value }));
    let towns: IndicatorAnalysis['towns'] = null;
    let disparity: TownDisparity | null = null;
    if (ind.disaggregations.includes('area')) {
      const latest = Math.max(
        ...own.filter((r) => r.areaId !== null && r.value !== null).map((r) => r.year),
        -Infinity,
      );
      const list = own
        .filter((r) => r.areaId !== null && r.year === latest)
        .map((r) => ({ areaId: r.areaId as number, area: areas.get(r.areaId as number) ?? '', value: r.value }));
      const sign = ind.better === 'higher' ? -1 : 1;
      towns = list.sort((a, b) => sign * ((a.value ?? Number.NaN) - (b.value ?? Number.NaN)) || 0);
      const numeric =
        rule.kind === 'threshold' || rule.kind === 'maintain'
          ? { comparator: rule.comparator, value: rule.value }
          : undefined;
      disparity = townDisparity(
        list.map((t) => ({ area: t.area, value: t.value })),
        ind.better,
        numeric,
      );
    }
    const p = planById.get(ind.planId);
    const d = domainById.get(ind.domainId);
    return {
      id: ind.id,
      code: ind.code,
      name: ind.name,
      unit: ind.unit,
      planId: ind.planId,
      planTitle: p?.shortTitle ?? ind.planId,
      domainCode: d?.code ?? '',
      domainName: d?.name ?? '',
      target: describeRule(rule, {
        unit: ind.unit,
        better: ind.better,
        baseYear: p?.baseYear ?? baseYear,
        quote: ind.quote,
      }),
      better: ind.better,
      disaggregations: ind.disaggregations,
      leadUnit: leadOf.get(ind.id) ?? null,
      targetYear: p?.cycleEnd ?? targetYear,
      years,
      values: years.map((y) => totals.get(y)?.value ?? null),
      female,
      male,
      sexGap: female && male ? sexGap(point(female), point(male)) : null,
      towns,
      townDisparity: disparity,
      result,
      ...(owners.has(ind.id) ? { sameAs: owners.get(ind.id)! } : {}),
    };
  });

  // Qualitative goals (goals with no indicator) are counted apart in every roll-up.
  const goals = domains.length
    ? await db
        .select()
        .from(goal)
        .where(
          inArray(
            goal.domainId,
            domains.map((d) => d.id),
          ),
        )
    : [];
  const measured = new Set(
    indicators.filter((i) => i.sourceKind === 'goal').map((i) => `${i.domainId}|${i.sourceNumber}`),
  );
  const qualitative = goals.filter((g) => !measured.has(`${g.domainId}|${g.number}`));

  type Item = RollupItem & { planId: string; domainId: number; unitId: number | null; unitName: string };
  const items: Item[] = [
    ...analysed.map((a) => ({
      ...a.result,
      planId: a.planId,
      domainId: indicators.find((i) => i.id === a.id)?.domainId ?? 0,
      unitId: a.leadUnit?.id ?? null,
      unitName: a.leadUnit?.name ?? '未分配牵头单位',
    })),
    ...qualitative.map((g) => ({
      id: `goal-${g.id}`,
      qualitative: true as const,
      planId: domainById.get(g.domainId)?.planId ?? '',
      domainId: g.domainId,
      unitId: null,
      unitName: '定性目标',
    })),
  ];
  const asItem = (i: RollupItem) => i as Item;
  const byPlan = rollup(items, (i) => asItem(i).planId);
  const planOrder = new Map(plans.map((p, i) => [p.id, i]));
  const byDomain = rollup(items, (i) => String(asItem(i).domainId))
    .map((row) => {
      const d = domainById.get(Number(row.group));
      return {
        ...row,
        planId: d?.planId ?? '',
        domainCode: d?.code ?? '',
        domainName: d?.name ?? '',
        position: d?.position ?? 0,
      };
    })
    // In document order: the women's plan's domains, then the children's.
    .sort((a, b) => (planOrder.get(a.planId) ?? 0) - (planOrder.get(b.planId) ?? 0) || a.position - b.position)
    .map(({ position: _position, ...row }) => row);
  const unitNames = new Map(items.map((i) => [String(i.unitId), i.unitName]));
  const byUnit = rollup(
    items.filter((i) => !('qualitative' in i)),
    (i) => String(asItem(i).unitId),
  ).map((row) => ({
    ...row,
    unitId: row.group === 'null' ? null : Number(row.group),
    unitName: unitNames.get(row.group) ?? '',
  }));

  return {
    basis,
    asOf: rows.length ? asOf : null,
    years,
    demo: rowsAll.some((r) => r.isDemo),
    indicators: analysed,
    byPlan: plans.map((p) => byPlan.find((r) => r.group === p.id)).filter((r): r is RollupRow => Boolean(r)),
    byDomain,
    byUnit,
  };
}

/**
 * The early warnings of an analysis: 预计达标困难 and 波动较大, with their reasons in words. A statistic shared by
 * both plans (sameAs) is warned once, under the indicator that holds its series.
 */
export function warningsOf(analysis: Analysis) {
  return analysis.indicators
    .filter((a) => a.result.warning && !a.sameAs)
    .map((a) => ({
      indicatorId: a.id,
      code: a.code,
      name: a.name,
      planId: a.planId,
      planTitle: a.planTitle,
      domainName: a.domainName,
      leadUnit: a.leadUnit,
      status: a.result.status,
      kinds: a.result.warning!.kinds,
      reasons: a.result.warning!.reasons,
      statusReason: a.result.statusReason,
    }));
}
