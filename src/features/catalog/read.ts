// Reads the imported catalog back from the database: a handful of queries (plans, domains, goals, measures,
// indicators), assembled in memory. Retired indicators (retired_at set) are left out everywhere.

import { and, asc, eq, isNull, type SQL, sql } from 'drizzle-orm';
import { type Catalog, describeRule, describeRuleShort, type Indicator } from '../../core/catalog/index.ts';
import type { Db } from '../../db/connection.ts';
import { domain, goal, indicator, measure, plan } from '../../db/schema/index.ts';
import type { CatalogCounts, DomainDetail, IndicatorRow, PlanHead } from './contract.ts';

export type PlanRow = typeof plan.$inferSelect;
export type IndicatorDbRow = typeof indicator.$inferSelect;

export interface TreeDomain extends DomainDetail {
  rows: IndicatorDbRow[];
}

export interface TreePlan {
  row: PlanRow;
  domains: TreeDomain[];
}

export const liveIndicator = isNull(indicator.retiredAt);

export function planHead(p: PlanRow): PlanHead {
  return {
    id: p.id,
    title: p.title,
    shortTitle: p.shortTitle,
    issuer: p.issuer,
    issuedOn: p.issuedOn,
    cycle: { start: p.cycleStart, end: p.cycleEnd },
    baseYear: p.baseYear,
  };
}

export const emptyCounts = (): CatalogCounts => ({ goals: 0, measures: 0, indicators: 0, numeric: 0, directional: 0 });

export function addCounts(into: CatalogCounts, from: CatalogCounts): CatalogCounts {
  into.goals += from.goals;
  into.measures += from.measures;
  into.indicators += from.indicators;
  into.numeric += from.numeric;
  into.directional += from.directional;
  return into;
}

/** Names of one cycle's live indicators by code, for relational targets that name another indicator. */
export async function readIndicatorNames(db: Db, folderId: string): Promise<Map<string, { id: number; name: string }>> {
  const all = await db
    .select({ id: indicator.id, code: indicator.code, name: indicator.name })
    .from(indicator)
    .innerJoin(plan, eq(plan.id, indicator.planId))
    .where(and(liveIndicator, eq(plan.folderId, folderId)))
    .orderBy(asc(indicator.id));
  return new Map(all.map((r) => [r.code, { id: r.id, name: r.name }]));
}

/** An indicator row as the API lists it, with its target in words. */
export function indicatorRow(
  r: IndicatorDbRow,
  baseYear: number,
  names: Map<string, { id: number; name: string }>,
): IndicatorRow {
  const ctx = {
    unit: r.unit,
    better: r.better,
    baseYear,
    quote: r.quote,
    referenceName: (reference: string) => names.get(reference)?.name,
  };
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    unit: r.unit,
    better: r.better,
    rule: r.rule,
    ruleText: describeRule(r.rule, ctx),
    ruleShort: describeRuleShort(r.rule, ctx),
    source: { kind: r.sourceKind, number: r.sourceNumber },
    quote: r.quote,
    disaggregations: r.disaggregations,
  };
}

/**
 * One cycle's catalog (or one plan of it) in document order: five queries, whatever its size. A plan is asked for
 * by id (its cycle is its own); otherwise the folder's plans.
 */
export async function readCatalogTree(db: Db, of: { folderId: string; planId?: string }): Promise<TreePlan[]> {
  const { folderId, planId } = of;
  const planFilter: SQL | undefined = planId === undefined ? eq(plan.folderId, folderId) : eq(plan.id, planId);
  const inPlans = (planColumn: typeof domain.planId | typeof indicator.planId) =>
    planId === undefined
      ? sql`${planColumn} IN (SELECT ${plan.id} FROM ${plan} WHERE ${plan.folderId} = ${folderId})`
      : eq(planColumn, planId);
  const domainFilter = inPlans(domain.planId);
  const [plans, domains, goals, measures, indicators] = await Promise.all([
    db.select().from(plan).where(planFilter).orderBy(asc(plan.position)),
    db.select().from(domain).where(domainFilter).orderBy(asc(domain.position)),
    db
      .select({ domainId: goal.domainId, number: goal.number, text: goal.text })
      .from(goal)
      .innerJoin(domain, eq(goal.domainId, domain.id))
      .where(domainFilter)
      .orderBy(asc(goal.domainId), asc(goal.number)),
    db
      .select({ domainId: measure.domainId, number: measure.number, title: measure.title, text: measure.text })
      .from(measure)
      .innerJoin(domain, eq(measure.domainId, domain.id))
      .where(domainFilter)
      .orderBy(asc(measure.domainId), asc(measure.number)),
    db
      .select()
      .from(indicator)
      .where(and(liveIndicator, inPlans(indicator.planId)))
      .orderBy(asc(indicator.position)),
  ]);
  // A plan asked for by id names its own cycle's indicators.
  const names = await readIndicatorNames(db, plans[0]?.folderId ?? folderId);

  const byDomain = new Map<number, TreeDomain>();
  const tree = plans.map((row) => ({ row, domains: [] as TreeDomain[] }));
  const byPlan = new Map(tree.map((p) => [p.row.id, p]));
  for (const d of domains) {
    const owner = byPlan.get(d.planId);
    if (!owner) continue;
    const node: TreeDomain = {
      id: d.id,
      code: d.code,
      name: d.name,
      counts: emptyCounts(),
      goals: [],
      measures: [],
      indicators: [],
      rows: [],
    };
    owner.domains.push(node);
    byDomain.set(d.id, node);
  }
  for (const g of goals) byDomain.get(g.domainId)?.goals.push({ number: g.number, text: g.text });
  for (const m of measures) {
    byDomain.get(m.domainId)?.measures.push({ number: m.number, title: m.title, text: m.text });
  }
  for (const i of indicators) {
    const node = byDomain.get(i.domainId);
    const owner = byPlan.get(i.planId);
    if (!node || !owner) continue;
    node.rows.push(i);
    node.indicators.push(indicatorRow(i, owner.row.baseYear, names));
  }
  for (const node of byDomain.values()) {
    node.counts = {
      goals: node.goals.length,
      measures: node.measures.length,
      indicators: node.indicators.length,
      numeric: node.indicators.filter((i) => i.rule.kind !== 'direction_only').length,
      directional: node.indicators.filter((i) => i.rule.kind === 'direction_only').length,
    };
  }
  return tree;
}

/** Counts per domain without reading any text: three grouped queries. */
export async function readCounts(db: Db): Promise<Map<number, CatalogCounts>> {
  const [goalCounts, measureCounts, indicatorCounts] = await Promise.all([
    db.select({ domainId: goal.domainId, n: sql<number>`count(*)::int` }).from(goal).groupBy(goal.domainId),
    db.select({ domainId: measure.domainId, n: sql<number>`count(*)::int` }).from(measure).groupBy(measure.domainId),
    db
      .select({
        domainId: indicator.domainId,
        n: sql<number>`count(*)::int`,
        directional: sql<number>`(count(*) filter (where ${indicator.rule}->>'kind' = 'direction_only'))::int`,
      })
      .from(indicator)
      .where(liveIndicator)
      .groupBy(indicator.domainId),
  ]);
  const counts = new Map<number, CatalogCounts>();
  const of = (id: number) => {
    const c = counts.get(id) ?? emptyCounts();
    counts.set(id, c);
    return c;
  };
  for (const r of goalCounts) of(r.domainId).goals = Number(r.n);
  for (const r of measureCounts) of(r.domainId).measures = Number(r.n);
  for (const r of indicatorCounts) {
    const c = of(r.domainId);
    c.indicators = Number(r.n);
    c.directional = Number(r.directional);
    c.numeric = c.indicators - c.directional;
  }
  return counts;
}

/** The tree as a core Catalog, for builders that take one (the Excel workbook). */
export function toCatalog(tree: TreePlan[]): Catalog {
  const first = tree[0]?.row;
  const cycle = first ? { start: first.cycleStart, end: first.cycleEnd, baseYear: first.baseYear } : undefined;
  return {
    folder: {
      id: first?.folderId ?? '',
      // The folder's own name is not stored; the plans' titles say the same.
      name: tree.map((p) => p.row.title).join('、'),
      region: '',
      cycle: cycle ?? { start: 0, end: 0, baseYear: 0 },
      plans: [],
    },
    plans: tree.map(({ row, domains }) => ({
      id: row.id,
      title: row.title,
      shortTitle: row.shortTitle,
      issuer: row.issuer,
      issuedOn: row.issuedOn,
      cycle: { start: row.cycleStart, end: row.cycleEnd },
      baseYear: row.baseYear,
      sections: row.sections,
      domains: domains.map((d) => ({
        code: d.code,
        name: d.name,
        goals: d.goals,
        measures: d.measures,
        indicators: d.rows.map(
          (r): Indicator => ({
            code: r.code,
            name: r.name,
            unit: r.unit,
            better: r.better,
            rule: r.rule,
            source: { kind: r.sourceKind, number: r.sourceNumber },
            quote: r.quote,
            disaggregations: r.disaggregations,
            precision: r.precision,
            limits: r.limits,
            floor: r.floor,
            ...(r.counts ? { counts: r.counts } : {}),
            ...(r.note ? { note: r.note } : {}),
          }),
        ),
      })),
    })),
  };
}
