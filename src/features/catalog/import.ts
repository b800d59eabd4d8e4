import { and, eq, inArray, isNull, notInArray, sql } from 'drizzle-orm';
import { DEFAULT_FINAL_TOLERANCE } from '../../core/assessment/types.ts';
import type { Catalog } from '../../core/catalog/index.ts';
import type { Db } from '../../db/connection.ts';
import { appSetting, domain, goal, indicator, measure, plan, planFolder } from '../../db/schema/index.ts';
import { AppError } from '../../kernel/errors.ts';
import { finalToleranceKey } from '../../platform/settings.ts';
import { refreshResults } from '../analysis/index.ts';

// Stores a validated plan folder in the database, in one transaction. Idempotent: re-importing a changed file
// updates rows in place (ids stay, so data and assignments stay attached) and never duplicates. An indicator
// dropped from its file is retired, not deleted: the data reported against it are kept.

export interface ImportSummary {
  plans: number;
  domains: number;
  goals: number;
  measures: number;
  indicators: number;
  retiredIndicators: number;
}

export async function importCatalog(db: Db, catalog: Catalog): Promise<ImportSummary> {
  return db.transaction(async (tx) => {
    const summary: ImportSummary = { plans: 0, domains: 0, goals: 0, measures: 0, indicators: 0, retiredIndicators: 0 };
    // The cycle it follows must be there first (lineage): refused before anything is written.
    const predecessors = await predecessorIds(tx, catalog);
    const { folder } = catalog;
    const head = {
      id: folder.id,
      name: folder.name,
      region: folder.region,
      cycleStart: folder.cycle.start,
      cycleEnd: folder.cycle.end,
      baseYear: folder.cycle.baseYear,
      predecessor: folder.predecessor ?? null,
    };
    await tx
      .insert(planFolder)
      .values(head)
      .onConflictDoUpdate({ target: planFolder.id, set: { ...head, updatedAt: sql`now()` } });
    // The folder's 基本实现 tolerances travel with its plans: the analysis reads them from the database.
    const tolerance = catalog.folder.finalEvaluation ?? DEFAULT_FINAL_TOLERANCE;
    await tx
      .insert(appSetting)
      .values({ key: finalToleranceKey(catalog.folder.id), value: tolerance })
      .onConflictDoUpdate({ target: appSetting.key, set: { value: tolerance, updatedAt: sql`now()` } });
    for (const [planPosition, p] of catalog.plans.entries()) {
      const planRow = {
        id: p.id,
        folderId: catalog.folder.id,
        title: p.title,
        shortTitle: p.shortTitle,
        issuer: p.issuer,
        issuedOn: p.issuedOn,
        cycleStart: p.cycle.start,
        cycleEnd: p.cycle.end,
        baseYear: p.baseYear,
        sections: p.sections,
        position: planPosition,
      };
      await tx
        .insert(plan)
        .values(planRow)
        .onConflictDoUpdate({ target: plan.id, set: { ...planRow, importedAt: sql`now()` } });
      summary.plans++;

      const keptIndicatorCodes: string[] = [];
      for (const [domainPosition, d] of p.domains.entries()) {
        const [domainRow] = await tx
          .insert(domain)
          .values({ planId: p.id, code: d.code, name: d.name, position: domainPosition })
          .onConflictDoUpdate({ target: [domain.planId, domain.code], set: { name: d.name, position: domainPosition } })
          .returning({ id: domain.id });
        const domainId = domainRow!.id;
        summary.domains++;

        for (const g of d.goals) {
          await tx
            .insert(goal)
            .values({ domainId, number: g.number, text: g.text })
            .onConflictDoUpdate({ target: [goal.domainId, goal.number], set: { text: g.text } });
        }
        await tx.delete(goal).where(and(eq(goal.domainId, domainId), sql`${goal.number} > ${d.goals.length}`));
        summary.goals += d.goals.length;

        for (const m of d.measures) {
          await tx
            .insert(measure)
            .values({ domainId, number: m.number, title: m.title, text: m.text })
            .onConflictDoUpdate({ target: [measure.domainId, measure.number], set: { title: m.title, text: m.text } });
        }
        await tx
          .delete(measure)
          .where(and(eq(measure.domainId, domainId), sql`${measure.number} > ${d.measures.length}`));
        summary.measures += d.measures.length;

        for (const [position, i] of d.indicators.entries()) {
          const row = {
            planId: p.id,
            domainId,
            code: i.code,
            name: i.name,
            unit: i.unit,
            better: i.better,
            rule: i.rule,
            sourceKind: i.source.kind,
            sourceNumber: i.source.number,
            quote: i.quote,
            disaggregations: i.disaggregations,
            precision: i.precision,
            limits: i.limits,
            floor: i.floor,
            counts: i.counts ?? null,
            note: i.note ?? null,
            sameAs: i.sameAs ?? null,
            predecessorId: i.predecessor === undefined ? null : (predecessors.get(i.predecessor) ?? null),
            position: domainPosition * 1000 + position,
            retiredAt: null,
          };
          await tx
            .insert(indicator)
            .values(row)
            .onConflictDoUpdate({ target: [indicator.planId, indicator.code], set: row });
          keptIndicatorCodes.push(i.code);
        }
        summary.indicators += d.indicators.length;
      }

      const retired = await tx
        .update(indicator)
        .set({ retiredAt: sql`now()` })
        .where(
          and(
            eq(indicator.planId, p.id),
            isNull(indicator.retiredAt),
            keptIndicatorCodes.length ? notInArray(indicator.code, keptIndicatorCodes) : undefined,
          ),
        )
        .returning({ id: indicator.id });
      summary.retiredIndicators += retired.length;

      // A domain gone from the file goes too, unless retired indicators still hang on it.
      const keptDomains = p.domains.map((d) => d.code);
      const goneDomains = await tx
        .select({ id: domain.id })
        .from(domain)
        .where(and(eq(domain.planId, p.id), notInArray(domain.code, keptDomains)));
      if (goneDomains.length > 0) {
        const ids = goneDomains.map((g) => g.id);
        const used = await tx
          .select({ id: indicator.domainId })
          .from(indicator)
          .where(inArray(indicator.domainId, ids));
        const free = ids.filter((id) => !used.some((u) => u.id === id));
        if (free.length > 0) await tx.delete(domain).where(inArray(domain.id, free));
      }
    }
    // Changed rules, targets and retirements: the derived results follow in the same transaction.
    await refreshResults(tx);
    return summary;
  });
}

/**
 * The previous cycle's indicator ids by code, for the indicators that name a predecessor. The previous cycle must be
 * in the system and hold every code named: otherwise nothing is imported (409 PREDECESSOR_NOT_FOUND).
 */
async function predecessorIds(tx: Db, catalog: Catalog): Promise<Map<string, number>> {
  const named = catalog.plans.flatMap((p) =>
    p.domains.flatMap((d) => d.indicators.flatMap((i) => (i.predecessor ? [[i.code, i.predecessor] as const] : []))),
  );
  const previous = catalog.folder.predecessor;
  if (previous === undefined) return new Map();
  const [known] = await tx.select({ id: planFolder.id }).from(planFolder).where(eq(planFolder.id, previous));
  if (!known) {
    throw new AppError(
      409,
      'PREDECESSOR_NOT_FOUND',
      `上一周期“${previous}”不在系统中：请先发布上一周期的规划目录，或改正 folder.yaml 的 predecessor。`,
    );
  }
  if (named.length === 0) return new Map();
  const rows = await tx
    .select({ id: indicator.id, code: indicator.code })
    .from(indicator)
    .innerJoin(plan, eq(plan.id, indicator.planId))
    .where(eq(plan.folderId, previous));
  const ids = new Map(rows.map((r) => [r.code, r.id]));
  const missing = named.filter(([, code]) => !ids.has(code));
  if (missing.length > 0) {
    throw new AppError(
      409,
      'PREDECESSOR_NOT_FOUND',
      `上一周期“${previous}”没有这些指标：${missing.map(([own, code]) => `${own} 的 predecessor ${code}`).join('；')}。请改正指标编号。`,
    );
  }
  return ids;
}
