import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { passwordHistory } from '../../db/schema/index.ts';
import { verifyPassword } from './passwords.ts';

// The last passwords of each user (their hashes), so a password change cannot go straight back to a recent one.

/** Keeps the replaced hash; only the newest `keep` are kept. */
export async function recordPasswordChange(db: Db, userId: number, oldHash: string, keep: number): Promise<void> {
  if (keep <= 0) return;
  await db.insert(passwordHistory).values({ userId, passwordHash: oldHash });
  const rows = await db
    .select({ id: passwordHistory.id })
    .from(passwordHistory)
    .where(eq(passwordHistory.userId, userId))
    .orderBy(desc(passwordHistory.id));
  const old = rows.slice(keep).map((r) => r.id);
  if (old.length > 0) {
    await db.delete(passwordHistory).where(and(eq(passwordHistory.userId, userId), inArray(passwordHistory.id, old)));
  }
}

/** True when the password is the current one or one of the last `keep - 1` before it. */
export async function usedRecently(
  db: Db,
  userId: number,
  currentHash: string,
  password: string,
  keep: number,
): Promise<boolean> {
  if (await verifyPassword(password, currentHash)) return true;
  if (keep <= 1) return false;
  const rows = await db
    .select({ hash: passwordHistory.passwordHash })
    .from(passwordHistory)
    .where(eq(passwordHistory.userId, userId))
    .orderBy(desc(passwordHistory.id))
    .limit(keep - 1);
  for (const r of rows) if (await verifyPassword(password, r.hash)) return true;
  return false;
}
