import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { indicator, plan, planFolder } from '../../db/schema/index.ts';
import { AppError } from '../../kernel/errors.ts';

// Lineage checked while curating (issue 13): the previous cycle lives in the database, not in the draft, so the file
// validators cannot see whether it exists or holds a code. Publishing refuses such a folder whole
// (PREDECESSOR_NOT_FOUND in features/catalog/import.ts); saving a candidate or the folder settings refuses it here
// already, at the field, so the office does not find out only at the end.

const refuse = (code: string, field: string, message: string) =>
  new AppError(400, code, message, { fields: [{ field, message }] });

/** The folder's previous cycle must be a published cycle of this system. */
export async function assertPreviousCycle(db: Db, previous: string | undefined, field: string): Promise<void> {
  if (previous === undefined) return;
  const [known] = await db.select({ id: planFolder.id }).from(planFolder).where(eq(planFolder.id, previous));
  if (known) return;
  const cycles = await db.select({ id: planFolder.id }).from(planFolder).orderBy(planFolder.cycleStart);
  throw refuse(
    'PREDECESSOR_NOT_FOUND',
    field,
    `上一周期规划目录 ${previous} 不在本系统中：请填写本系统已发布的规划周期（${cycles.map((c) => c.id).join('、') || '暂无'}），或留空。`,
  );
}

export interface PredecessorClaim {
  /** The indicator's own code in the draft. */
  code: string;
  /** The previous cycle's indicator code it continues. */
  predecessor: string;
}

/**
 * An indicator's predecessor: a code of the previous cycle, continued by no other accepted indicator of the draft.
 * Without a previous cycle in the folder there is nothing to look up (the file validator says to name one).
 */
export async function assertPredecessor(
  db: Db,
  previous: string | undefined,
  claim: PredecessorClaim,
  others: readonly PredecessorClaim[],
  field: string,
): Promise<void> {
  if (previous === undefined) return;
  await assertPreviousCycle(db, previous, field);
  const [found] = await db
    .select({ id: indicator.id })
    .from(indicator)
    .innerJoin(plan, eq(plan.id, indicator.planId))
    .where(and(eq(plan.folderId, previous), eq(indicator.code, claim.predecessor)));
  if (!found) {
    throw refuse(
      'PREDECESSOR_NOT_FOUND',
      field,
      `上一周期规划目录 ${previous} 中没有指标 ${claim.predecessor}：请改正上一周期指标的编号，或留空。`,
    );
  }
  const twin = others.find((o) => o.predecessor === claim.predecessor);
  if (twin) {
    throw refuse(
      'PREDECESSOR_TAKEN',
      field,
      `上一周期指标 ${claim.predecessor} 已由本草稿的指标 ${twin.code} 延续：一个上一周期指标只能由一个指标延续，请改正其中一个。`,
    );
  }
}

/**
 * Why the draft's lineage would be refused at publication although each save passed: a candidate saved before the
 * folder named its previous cycle, or the folder's previous cycle changed since. Shown with the publish blockers.
 */
export async function lineageBlockers(
  db: Db,
  previous: string | undefined,
  claims: readonly PredecessorClaim[],
): Promise<string[]> {
  if (previous === undefined) return [];
  const [known] = await db.select({ id: planFolder.id }).from(planFolder).where(eq(planFolder.id, previous));
  if (!known) return [`上一周期规划目录 ${previous} 不在本系统中：请在“规划目录”中改正上一周期，或留空。`];
  if (claims.length === 0) return [];
  const codes = new Set(
    (
      await db
        .select({ code: indicator.code })
        .from(indicator)
        .innerJoin(plan, eq(plan.id, indicator.planId))
        .where(eq(plan.folderId, previous))
    ).map((r) => r.code),
  );
  return claims
    .filter((c) => !codes.has(c.predecessor))
    .map(
      (c) =>
        `上一周期规划目录 ${previous} 中没有指标 ${c.predecessor}（候选指标 ${c.code} 的上一周期指标）：请在该候选指标中改正，或留空。`,
    );
}
