import { asc, eq, or } from 'drizzle-orm';
import { describeRuleShort } from '../../core/catalog/index.ts';
import type { Db } from '../../db/connection.ts';
import { indicator, plan, planFolder } from '../../db/schema/index.ts';
import type { Lineage, LineageLink } from './contract.ts';

// The same statistic across cycles (lineage, migration 0019): an indicator page shows the previous cycle's
// indicator it continues and the later ones that continue it, each with its cycle and target.

/** The indicator's predecessor in the previous cycle and its successors in later ones. */
export async function readLineage(db: Db, indicatorId: number): Promise<Lineage> {
  const [self] = await db
    .select({ predecessorId: indicator.predecessorId })
    .from(indicator)
    .where(eq(indicator.id, indicatorId));
  const linked = await db
    .select({ indicator, plan, folder: planFolder })
    .from(indicator)
    .innerJoin(plan, eq(plan.id, indicator.planId))
    .innerJoin(planFolder, eq(planFolder.id, plan.folderId))
    .where(
      or(
        eq(indicator.predecessorId, indicatorId),
        self?.predecessorId == null ? undefined : eq(indicator.id, self.predecessorId),
      ),
    )
    .orderBy(asc(planFolder.cycleStart));
  const link = ({ indicator: i, plan: p, folder: f }: (typeof linked)[number]): LineageLink => ({
    id: i.id,
    code: i.code,
    name: i.name,
    cycle: { id: f.id, name: f.name, start: f.cycleStart, end: f.cycleEnd },
    target: describeRuleShort(i.rule, {
      unit: i.unit,
      better: i.better,
      baseYear: p.baseYear,
      quote: i.quote,
      referenceName: () => undefined,
    }),
  });
  const predecessor = linked.find((l) => l.indicator.id === self?.predecessorId);
  return {
    predecessor: predecessor ? link(predecessor) : null,
    successors: linked.filter((l) => l.indicator.predecessorId === indicatorId).map(link),
  };
}
