import { and, eq, lt } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { appUser, indicator, notice, supervisionNotice } from '../../db/schema/index.ts';
import { beijingDate } from '../../kernel/dates.ts';

// A 督办 past its deadline without an answer needs someone to act: the unit (answer it) and the office (chase it).
// Checked at start and hourly with the deadline reminders; each overdue 督办 gives one notice per deadline to the
// unit and to each office user (a unique key makes a second run, or a second server, a no-op; a new deadline set
// by 再次督办 can be overdue again).

export async function remindOverdueSupervision(db: Db, now = new Date()): Promise<number> {
  const today = beijingDate(now);
  const overdue = await db
    .select({
      id: supervisionNotice.id,
      unitId: supervisionNotice.unitId,
      deadline: supervisionNotice.deadline,
      code: indicator.code,
      name: indicator.name,
    })
    .from(supervisionNotice)
    .innerJoin(indicator, eq(indicator.id, supervisionNotice.indicatorId))
    .where(and(eq(supervisionNotice.status, 'issued'), lt(supervisionNotice.deadline, today)));
  if (overdue.length === 0) return 0;
  const office = await db
    .select({ id: appUser.id })
    .from(appUser)
    .where(and(eq(appUser.role, 'office'), eq(appUser.disabled, false)));
  const rows = overdue.flatMap((n) => {
    const key = `supervision:${n.id}:overdue:${n.deadline}`;
    const link = `/warnings/notices/${n.id}`;
    return [
      {
        unitId: n.unitId,
        kind: 'supervision_overdue',
        title: `督办已逾期：${n.code} ${n.name}`,
        body: `反馈期限 ${n.deadline} 已过，请尽快反馈整改情况。`,
        link,
        dedupeKey: key,
      },
      ...office.map((u) => ({
        userId: u.id,
        kind: 'supervision_overdue',
        title: `督办逾期未反馈：${n.code} ${n.name}`,
        body: `反馈期限 ${n.deadline} 已过，成员单位尚未反馈，可联系催办或再次督办。`,
        link,
        dedupeKey: `${key}:user:${u.id}`,
      })),
    ];
  });
  const created = await db.insert(notice).values(rows).onConflictDoNothing().returning({ id: notice.id });
  return created.length;
}
