import { and, desc, eq, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { notice, noticeRead } from '../../db/schema/index.ts';

// In-app notices: to one user, or to everyone of a unit or a town. Each user's reading is kept in notice_read;
// notice.read_at is when the first of them read it.

export interface NoticeReader {
  id: number;
  unitId: number | null;
  areaId: number | null;
}

/** The notices a user may see: addressed to them, their unit or their town. */
export function visibleTo(user: NoticeReader): SQL {
  const targets: SQL[] = [eq(notice.userId, user.id)];
  if (user.unitId !== null) targets.push(eq(notice.unitId, user.unitId));
  if (user.areaId !== null) targets.push(eq(notice.areaId, user.areaId));
  return or(...targets) as SQL;
}

export async function listNotices(db: Db, user: NoticeReader, options: { unreadOnly?: boolean; limit?: number } = {}) {
  const readJoin = and(eq(noticeRead.noticeId, notice.id), eq(noticeRead.userId, user.id));
  const where = options.unreadOnly ? and(visibleTo(user), isNull(noticeRead.noticeId)) : visibleTo(user);
  const rows = await db
    .select({
      id: notice.id,
      kind: notice.kind,
      title: notice.title,
      body: notice.body,
      link: notice.link,
      createdAt: notice.createdAt,
      readAt: noticeRead.readAt,
    })
    .from(notice)
    .leftJoin(noticeRead, readJoin)
    .where(where)
    .orderBy(desc(notice.createdAt), desc(notice.id))
    .limit(options.limit ?? 100);
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(notice)
    .leftJoin(noticeRead, readJoin)
    .where(and(visibleTo(user), isNull(noticeRead.noticeId)));
  return { notices: rows.map((r) => ({ ...r, read: r.readAt !== null })), unread: count?.n ?? 0 };
}

/** Marks one notice read for the user; false when the user may not see it (or it does not exist). */
export async function markRead(db: Db, user: NoticeReader, noticeId: number): Promise<boolean> {
  const [found] = await db
    .select({ id: notice.id })
    .from(notice)
    .where(and(eq(notice.id, noticeId), visibleTo(user)));
  if (!found) return false;
  await db.insert(noticeRead).values({ noticeId, userId: user.id }).onConflictDoNothing();
  await db
    .update(notice)
    .set({ readAt: sql`coalesce(${notice.readAt}, now())` })
    .where(eq(notice.id, noticeId));
  return true;
}

/** Marks every visible unread notice read; returns how many. */
export async function markAllRead(db: Db, user: NoticeReader): Promise<number> {
  const { notices } = await listNotices(db, user, { unreadOnly: true, limit: 10_000 });
  for (const n of notices) await markRead(db, user, n.id);
  return notices.length;
}
