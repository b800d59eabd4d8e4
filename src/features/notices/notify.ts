import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { appUser, notice } from '../../db/schema/index.ts';
import type { Role } from '../../kernel/roles.ts';

// Notices for the events that need someone's action (the bell): a submission waiting for the unit's leader or the
// statistics bureau, values returned, a 督办 issued, answered or asked again. Written in the same transaction as
// the event, so a notice exists exactly when the event does.

export interface NoticeTarget {
  /** Everyone of a unit, or of a town. */
  unitId?: number | null;
  areaId?: number | null;
  /** People by role, optionally within one unit (a unit's leaders). */
  roles?: Role[];
  roleUnitId?: number | null;
}

export interface NoticeContent {
  kind: string;
  title: string;
  body: string;
  link: string;
}

export async function notify(tx: Db, target: NoticeTarget, content: NoticeContent): Promise<void> {
  if (target.roles) {
    const where = [inArray(appUser.role, target.roles), eq(appUser.disabled, false)];
    if (target.roleUnitId) where.push(eq(appUser.unitId, target.roleUnitId));
    const users = await tx
      .select({ id: appUser.id })
      .from(appUser)
      .where(and(...where));
    if (users.length > 0) await tx.insert(notice).values(users.map((u) => ({ userId: u.id, ...content })));
    return;
  }
  if (target.unitId || target.areaId)
    await tx.insert(notice).values({ unitId: target.unitId ?? null, areaId: target.areaId ?? null, ...content });
}
