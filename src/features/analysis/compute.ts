import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
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
import { rows } from '../../db/rows.ts';
import { area, domain, goal, indicator, orgUnit, plan, responsibility } from '../../db/schema/index.ts';
import { canSeePreliminary, type ScopedUser } from '../../kernel/scope.ts';
import { sharedPromise } from '../../kernel/shared-promise.ts';
import { finalToleranceKey, getSetting } from '../../platform/settings.ts';
import { cycleEndMoment, formerNamesAt } from '../organisation/index.ts';
import type { Analysis, Basis, IndicatorAnalysis } from './contract.ts';
import { type RawValue, type RawValues, readRawValues, type TownValues } from './raw-values.ts';

export type { Analysis, Basis, IndicatorAnalysis } from './contract.ts';

// The assessment of the stored data (METHODOLOGY.md through src/core/assessment), computed from the raw values:
// one indicator at a time (computeIndicator, what results.ts stores) and assembled with the roll-ups (assemble).
// `approved` judges only values the statistics bureau approved (locked); `preliminary` also takes drafts and
// submitted values, and says so.

export interface AnalysisOptions {
  folderId: string;
  basis?: Basis;
  /** The signed-in user the analysis is for (limits preliminary values); none: everything (CLI, reports). */
  viewer?: ScopedUser;
  /** Judge as after this year; default the latest year with data. */
  asOf?: number;
}

export type IndicatorRow = typeof indicator.$inferSelect;

/** The catalog side of an analysis: small, read on every request. */
export interface Meta {
  folderId: string;
  plans: (typeof plan.$inferSelect)[];
  domains: (typeof domain.$inferSelect)[];
  /** The folder's indicators in use (not retired), in document order. */
  indicators: IndicatorRow[];
  leadOf: Map<number | null, { id: number; name: string }>;
  areaNames: Map<number, string>;
  goals: (typeof goal.$inferSelect)[];
  baseYear: number;
  targetYear: number;
  planById: Map<string, typeof plan.$inferSelect>;
  domainById: Map<number, typeof domain.$inferSelect>;
  codeToId: Map<string, number>;
  /** The folder's 基本实现 tolerances (folder.yaml finalEvaluation), when set. */
  finalTolerance: FinalTolerance | undefined;
  /** One statistic, one series: linked indicator (plan file `sameAs`) → the indicator that holds the values. */
  owners: Map<number, { id: number; code: string; planId: string }>;
  /** Lineage: an indicator → its previous cycle's indicator (plan file `predecessor`), whose series it continues. */
  predecessors: Map<number, number>;
}

/** Catalogs read, by catalog version (migration 0022) and folder: shared by every caller, never changed. */
const metaCache = new Map<string, Promise<Meta>>();
const META_CACHE_SIZE = 16;

/**
 * The catalog side of an analysis, remembered under the database's catalog version: read once per catalog change
 * rather than at every recompute (a save's results asked eight queries for it). The version is read first: a
 * catalog changed meanwhile is then remembered under the older version, which nobody asks for again.
 */
export async function loadMeta(db: Db, folderId: string): Promise<Meta> {
  const [row] = await rows<{ v: string | null }>(db, sql`select (select version::text from catalog_version) as v`);
  if (!row?.v) return readMeta(db, folderId);
  return sharedPromise(metaCache, `${row.v}|${folderId}`, META_CACHE_SIZE, () => readMeta(db, folderId));
}

async function readMeta(db: Db, folderId: string): Promise<Meta> {
  const plans = await db.select().from(plan).where(eq(plan.folderId, folderId)).orderBy(plan.position);
  const planIds = plans.map((p) => p.id);
  if (planIds.length === 0) throw new Error(`规划目录 ${folderId} 未导入`);
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
  const areaNames = new Map(
    (await db.select({ id: area.id, name: area.name }).from(area)).map((a) => [a.id, a.name] as const),
  );
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
  let baseYear = Number.POSITIVE_INFINITY;
  let targetYear = Number.NEGATIVE_INFINITY;
  for (const p of plans) {
    if (p.baseYear < baseYear) baseYear = p.baseYear;
    if (p.cycleEnd > targetYear) targetYear = p.cycleEnd;
  }
  const finalTolerance = await getSetting<FinalTolerance>(db, finalToleranceKey(folderId));
  // A finished cycle names its lead units as they were named then (机构更名 after the cycle).
  const formerNames = await formerNamesAt(db, cycleEndMoment(targetYear));
  return {
    folderId,
    finalTolerance,
    owners: seriesOwners(indicators),
    predecessors: new Map(
      indicators.flatMap((i) => (i.predecessorId === null ? [] : [[i.id, i.predecessorId] as const])),
    ),
    plans,
    domains,
    indicators,
    leadOf: new Map(leads.map((l) => [l.indicatorId, { id: l.unitId, name: formerNames.get(l.unitId) ?? l.name }])),
    areaNames,
    goals,
    baseYear,
    targetYear,
    planById: new Map(plans.map((p) => [p.id, p])),
    domainById: new Map(domains.map((d) => [d.id, d])),
    codeToId: new Map(indicators.map((i) => [`${i.planId}|${i.code}`, i.id])),
  };
}

/** What is stored per indicator, basis and as-of year (assessment_result): the summary and the towns apart. */
export interface IndicatorSummary {
  values: (number | null)[];
  female: (number | null)[] | null;
  male: (number | null)[] | null;
  sexGap: SexGap | null;
  result: AssessmentResult;
}
export interface IndicatorTowns {
  towns: IndicatorAnalysis['towns'];
  townDisparity: TownDisparity | null;
}
export interface Computed {
  summary: IndicatorSummary;
  towns: IndicatorTowns;
}

/**
 * The towns as stored (assessment_result.towns): ranked ids and values, names looked up when read — at 3,000 towns
 * the names were two thirds of every stored row. areaIds null: the indicator is not reported by town.
 */
export interface StoredTowns {
  areaIds: number[] | null;
  values: (number | null)[];
  townDisparity: TownDisparity | null;
}
export function packTowns({ towns, townDisparity }: IndicatorTowns): StoredTowns {
  return { areaIds: towns?.map((t) => t.areaId) ?? null, values: towns?.map((t) => t.value) ?? [], townDisparity };
}
export function unpackTowns(stored: StoredTowns, areaNames: ReadonlyMap<number, string>): IndicatorTowns {
  return {
    towns:
      stored.areaIds?.map((areaId, i) => ({
        areaId,
        area: areaNames.get(areaId) ?? '',
        value: stored.values[i] ?? null,
      })) ?? null,
    townDisparity: stored.townDisparity,
  };
}

/** One indicator's values of a basis, grouped once: each as-of year then reads only the rows it needs. */
export interface IndicatorValues {
  /** The whole district's values (every sex), in the order read. */
  district: RawValue[];
  /** The towns' totals by year. */
  towns: Map<number, TownValues[]>;
}

/**
 * The values of a basis per indicator, every year (computeIndicator cuts at its as-of year). Grouped once per basis
 * rather than filtered per as-of year: at national scale (3,000 towns) each as-of year and each of five series passed
 * over all of an indicator's values again.
 */
export function groupValues(raw: RawValues, basis: Basis): Map<number, IndicatorValues> {
  const by = new Map<number, IndicatorValues>();
  const groupOf = (indicatorId: number) => {
    let g = by.get(indicatorId);
    if (!g) {
      g = { district: [], towns: new Map() };
      by.set(indicatorId, g);
    }
    return g;
  };
  for (const r of raw.district) if (basis === 'preliminary' || r.locked) groupOf(r.indicatorId).district.push(r);
  for (const b of raw.towns) {
    if (basis === 'approved' && !b.locked) continue;
    const towns = groupOf(b.indicatorId).towns;
    const list = towns.get(b.year);
    if (list) list.push(b);
    else towns.set(b.year, [b]);
  }
  return by;
}

/** Per indicator, asOf-independent facts of a basis: latest year with a value, number of values, demo data. */
export interface BasisStats {
  lastYear: number | null;
  count: number;
  hasDemo: boolean;
}
export function basisStats(raw: RawValues, basis: Basis): Map<number, BasisStats> {
  const by = new Map<number, BasisStats>();
  const add = (indicatorId: number, year: number, locked: boolean, isDemo: boolean, count: number, valued: boolean) => {
    let s = by.get(indicatorId);
    if (!s) {
      s = { lastYear: null, count: 0, hasDemo: false };
      by.set(indicatorId, s);
    }
    if (isDemo) s.hasDemo = true;
    if (basis === 'approved' && !locked) return;
    s.count += count;
    if (valued && (s.lastYear === null || year > s.lastYear)) s.lastYear = year;
  };
  for (const r of raw.district) add(r.indicatorId, r.year, r.locked, r.isDemo, 1, r.value !== null);
  for (const b of raw.towns) add(b.indicatorId, b.year, b.locked, b.isDemo, b.areaIds.length, hasValue(b));
  return by;
}

const hasValue = (b: TownValues) => b.values.some((v) => v !== null);

/** The years a page shows for an as-of year: the folder's base year to asOf. */
export const yearsOf = (baseYear: number, asOf: number) =>
  Array.from({ length: Math.max(0, asOf - baseYear + 1) }, (_, i) => baseYear + i);

/** One indicator judged on its values up to asOf (`values` = groupValues for the basis). */
export function computeIndicator(
  meta: Meta,
  ind: IndicatorRow,
  values: Map<number, IndicatorValues>,
  asOf: number,
): Computed {
  const years = yearsOf(meta.baseYear, asOf);
  const own = values.get(ind.id);
  const totalsOf = (id: number) => {
    const m = new Map<number, RawValue>();
    for (const r of values.get(id)?.district ?? []) if (r.year <= asOf && r.sex === 'total') m.set(r.year, r);
    return m;
  };
  const totals = totalsOf(ind.id);
  const rule = ind.rule;
  const referenceId = rule.kind === 'relational' ? meta.codeToId.get(`${ind.planId}|${rule.reference}`) : undefined;
  const referenceTotals = referenceId ? totalsOf(referenceId) : undefined;
  const p = meta.planById.get(ind.planId);
  const input: AssessmentInput = {
    id: String(ind.id),
    rule,
    better: ind.better,
    baseYear: p?.baseYear ?? meta.baseYear,
    targetYear: p?.cycleEnd ?? meta.targetYear,
    limits: [ind.limits[0] ?? 0, ind.limits[1]],
    precision: ind.precision,
    floor: ind.floor,
    ...(ind.counts ? { factor: ind.counts.factor } : {}),
    asOf,
    ...(meta.finalTolerance ? { finalTolerance: meta.finalTolerance } : {}),
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
    const m = new Map<number, number | null>();
    for (const r of own?.district ?? []) if (r.year <= asOf && r.sex === sex) m.set(r.year, r.value);
    return years.map((y) => m.get(y) ?? null);
  };
  const hasSex = ind.disaggregations.includes('sex');
  const female = hasSex ? seriesFor('female') : null;
  const male = hasSex ? seriesFor('male') : null;
  const point = (vs: (number | null)[] | null) => (vs ?? []).map((value, i) => ({ year: years[i] as number, value }));
  let towns: IndicatorAnalysis['towns'] = null;
  let disparity: TownDisparity | null = null;
  if (ind.disaggregations.includes('area')) {
    // The towns' latest year with a value, up to asOf. A loop, never Math.max(...list): a spread of every value
    // overflows the call stack past ~125k arguments.
    let latest = Number.NEGATIVE_INFINITY;
    for (const [year, blocks] of own?.towns ?? [])
      if (year <= asOf && year > latest && blocks.some(hasValue)) latest = year;
    const list = (own?.towns.get(latest) ?? []).flatMap((b) =>
      b.areaIds.map((areaId, i) => ({ areaId, area: meta.areaNames.get(areaId) ?? '', value: b.values[i] ?? null })),
    );
    const sign = ind.better === 'higher' ? -1 : 1;
    // Best first; towns without a value last; equal values in town order, so every request ranks them alike.
    towns = list.sort(
      (a, b) =>
        Number(a.value === null) - Number(b.value === null) ||
        sign * ((a.value ?? 0) - (b.value ?? 0)) ||
        a.areaId - b.areaId,
    );
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
  return {
    summary: {
      values: years.map((y) => totals.get(y)?.value ?? null),
      female,
      male,
      sexGap: female && male ? sexGap(point(female), point(male)) : null,
      result,
    },
    towns: { towns, townDisparity: disparity },
  };
}

/** The Analysis pages and reports read, from the catalog and each indicator's computed (or stored) part. */
export function assemble(
  meta: Meta,
  state: { basis: Basis; asOf: number; hasValues: boolean; demo: boolean },
  computed: Map<number, { summary: IndicatorSummary; towns: IndicatorTowns | null }>,
): Analysis {
  const { plans, indicators, planById, domainById, baseYear, targetYear } = meta;
  const { basis, asOf } = state;
  const years = yearsOf(baseYear, asOf);
  const nameById = new Map(indicators.map((i) => [i.id, i.name]));
  const analysed: IndicatorAnalysis[] = indicators.map((ind) => {
    const c = computed.get(ind.id);
    if (!c) throw new Error(`指标 ${ind.id} 缺少评估结果`);
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
      target: describeRule(ind.rule, {
        unit: ind.unit,
        better: ind.better,
        baseYear: p?.baseYear ?? baseYear,
        quote: ind.quote,
        // A relational target names the quantity it is compared with (不低于中国共产党女党员比例), never its code.
        referenceName: (reference) => nameById.get(meta.codeToId.get(`${ind.planId}|${reference}`) ?? -1),
      }),
      better: ind.better,
      disaggregations: ind.disaggregations,
      leadUnit: meta.leadOf.get(ind.id) ?? null,
      targetYear: p?.cycleEnd ?? targetYear,
      years,
      values: c.summary.values,
      female: c.summary.female,
      male: c.summary.male,
      sexGap: c.summary.sexGap,
      towns: c.towns?.towns ?? null,
      townDisparity: c.towns?.townDisparity ?? null,
      result: c.summary.result,
      ...(meta.owners.has(ind.id) ? { sameAs: meta.owners.get(ind.id)! } : {}),
    };
  });

  // Qualitative goals (goals with no indicator) are counted apart in every roll-up.
  const measured = new Set(
    indicators.filter((i) => i.sourceKind === 'goal').map((i) => `${i.domainId}|${i.sourceNumber}`),
  );
  const qualitative = meta.goals.filter((g) => !measured.has(`${g.domainId}|${g.number}`));
  const domainOfIndicator = new Map(indicators.map((i) => [i.id, i.domainId]));

  type Item = RollupItem & { planId: string; domainId: number; unitId: number | null; unitName: string };
  const items: Item[] = [
    ...analysed.map((a) => ({
      ...a.result,
      planId: a.planId,
      domainId: domainOfIndicator.get(a.id) ?? 0,
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
    asOf: state.hasValues ? asOf : null,
    years,
    demo: state.demo,
    indicators: analysed,
    byPlan: plans.map((p) => byPlan.find((r) => r.group === p.id)).filter((r): r is RollupRow => Boolean(r)),
    byDomain,
    byUnit,
  };
}

/** The ids whose values a set of indicators needs: themselves and the references of relational targets. */
export function withReferences(meta: Meta, ids: Iterable<number>): number[] {
  const byId = new Map(meta.indicators.map((i) => [i.id, i]));
  const out = new Set<number>();
  for (const id of ids) {
    out.add(id);
    const owner = meta.owners.get(id);
    if (owner) out.add(owner.id);
    const predecessor = meta.predecessors.get(id);
    if (predecessor !== undefined) out.add(predecessor);
    const ind = byId.get(id);
    if (ind?.rule.kind === 'relational') {
      const ref = meta.codeToId.get(`${ind.planId}|${ind.rule.reference}`);
      if (ref !== undefined) out.add(ref);
    }
  }
  return [...out];
}

/**
 * The analysis computed from the raw values, now: the reference the stored results are checked against
 * (test/analysis/results.test.ts), and the fallback for an as-of year the results table does not hold.
 */
export async function analyseLive(db: Db, options: AnalysisOptions): Promise<Analysis> {
  const basis = options.basis ?? 'approved';
  const meta = await loadMeta(db, options.folderId);
  const all = shareSeries(
    meta,
    await readRawValues(
      db,
      withReferences(
        meta,
        meta.indicators.map((i) => i.id),
      ),
    ),
  );
  // Preliminary values only within what the viewer may see of them (kernel/scope canSeePreliminary).
  const viewer = options.viewer;
  const raw = basis === 'preliminary' && viewer ? visibleTo(viewer, meta, all) : all;
  const stats = basisStats(raw, basis);
  let last = meta.baseYear;
  let count = 0;
  let demo = false;
  for (const s of stats.values()) {
    if (s.lastYear !== null && s.lastYear > last) last = s.lastYear;
    count += s.count;
    demo ||= s.hasDemo;
  }
  const asOf = options.asOf ?? last;
  const values = groupValues(raw, basis);
  const computed = new Map(meta.indicators.map((ind) => [ind.id, computeIndicator(meta, ind, values, asOf)]));
  return assemble(meta, { basis, asOf, hasValues: count > 0, demo }, computed);
}

/**
 * One statistic, one series: for every indicator linked by `sameAs`, the indicator that holds the values (codes
 * are unique in a plan folder). Unknown codes are ignored (the catalog validation refuses them).
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

/** The towns of a block that pass `keep`; null when none does. */
function someTowns(b: TownValues, keep: (areaId: number) => boolean): TownValues | null {
  const at = b.areaIds.flatMap((areaId, i) => (keep(areaId) ? [i] : []));
  if (at.length === 0) return null;
  return { ...b, areaIds: at.map((i) => b.areaIds[i]!), values: at.map((i) => b.values[i] ?? null) };
}

/** The values a viewer may see: approved ones, and unapproved ones within their scope (canSeePreliminary). */
function visibleTo(viewer: ScopedUser, meta: Meta, raw: RawValues): RawValues {
  const sees = (indicatorId: number, value: { unitId: number | null; areaId: number | null }) =>
    canSeePreliminary(viewer, value, meta.leadOf.get(indicatorId)?.id);
  const towns: TownValues[] = [];
  for (const b of raw.towns) {
    if (b.locked) {
      towns.push(b);
      continue;
    }
    const seen = someTowns(b, (areaId) => sees(b.indicatorId, { unitId: null, areaId }));
    if (seen) towns.push(seen);
  }
  return {
    district: raw.district.filter((r) => r.locked || sees(r.indicatorId, { unitId: r.unitId, areaId: null })),
    towns,
  };
}

/** Raw values with each linked indicator reading its owner's series (its own stored values, if any, are not used). */
export function shareSeries(meta: Meta, raw: RawValues): RawValues {
  return continueSeries(meta, ownSeries(meta, raw));
}

/** One statistic, one series: a linked indicator (sameAs) gets its owner's values. */
function ownSeries(meta: Meta, raw: RawValues): RawValues {
  if (meta.owners.size === 0) return raw;
  const linkedOf = new Map<number, number[]>();
  for (const [linked, owner] of meta.owners) linkedOf.set(owner.id, [...(linkedOf.get(owner.id) ?? []), linked]);
  const share = <T extends { indicatorId: number }>(list: T[]): T[] => {
    const out: T[] = [];
    for (const r of list) {
      if (meta.owners.has(r.indicatorId)) continue;
      out.push(r);
      for (const linked of linkedOf.get(r.indicatorId) ?? []) out.push({ ...r, indicatorId: linked });
    }
    return out;
  };
  return { district: share(raw.district), towns: share(raw.towns) };
}

/**
 * Lineage: an indicator that continues a previous cycle's series gets that series' base-year values (the 2025 final
 * value is the 2026–2030 base value) wherever it has none of its own. The predecessor's other rows stay out of this
 * cycle's analysis: its trend was judged against its own targets.
 */
function continueSeries(meta: Meta, raw: RawValues): RawValues {
  if (meta.predecessors.size === 0) return raw;
  const successorsOf = new Map<number, number[]>();
  for (const [successor, predecessor] of meta.predecessors) {
    successorsOf.set(predecessor, [...(successorsOf.get(predecessor) ?? []), successor]);
  }
  const isSuccessor = (id: number) => meta.predecessors.has(id);
  const district: RawValue[] = [];
  const ownDistrict = new Set(
    raw.district.filter((r) => isSuccessor(r.indicatorId)).map((r) => `${r.indicatorId}|${r.year}|${r.sex}`),
  );
  for (const r of raw.district) {
    const successors = successorsOf.get(r.indicatorId);
    if (!successors) district.push(r);
    else if (r.year === meta.baseYear) {
      for (const s of successors)
        if (!ownDistrict.has(`${s}|${r.year}|${r.sex}`)) district.push({ ...r, indicatorId: s });
    }
  }
  const towns: TownValues[] = [];
  const ownTowns = new Set(
    raw.towns
      .filter((b) => isSuccessor(b.indicatorId) && b.year === meta.baseYear)
      .flatMap((b) => b.areaIds.map((areaId) => `${b.indicatorId}|${areaId}`)),
  );
  for (const b of raw.towns) {
    const successors = successorsOf.get(b.indicatorId);
    if (!successors) towns.push(b);
    else if (b.year === meta.baseYear) {
      for (const s of successors) {
        const missing = someTowns({ ...b, indicatorId: s }, (areaId) => !ownTowns.has(`${s}|${areaId}`));
        if (missing) towns.push(missing);
      }
    }
  }
  return { district, towns };
}
