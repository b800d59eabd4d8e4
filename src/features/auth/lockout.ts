import { eq } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { appUser, loginFailure } from '../../db/schema/index.ts';

/** An admin's unlock: every client's failure count and lock on this account end (the account's display lock too). */
export async function clearLoginFailures(db: Db, username: string): Promise<void> {
  await db.delete(loginFailure).where(eq(loginFailure.username, username));
  await db.update(appUser).set({ failedAttempts: 0, lockedUntil: null }).where(eq(appUser.username, username));
}
