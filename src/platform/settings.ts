import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/connection.ts';
import { appSetting } from '../db/schema/index.ts';

// System settings kept in the database (app_setting), one JSON value per key.

/** The plan folder the server was started with: new rounds belong to it. */
export const ACTIVE_FOLDER = 'activeFolder';

/** The 基本实现 tolerances of a plan folder (folder.yaml finalEvaluation), stored on import. */
export function finalToleranceKey(folderId: string): string {
  return `finalTolerance:${folderId}`;
}

export async function getSetting<T>(db: Db, key: string): Promise<T | undefined> {
  const [row] = await db.select().from(appSetting).where(eq(appSetting.key, key));
  return row?.value as T | undefined;
}

export async function setSetting(db: Db, key: string, value: unknown): Promise<void> {
  await db
    .insert(appSetting)
    .values({ key, value })
    .onConflictDoUpdate({ target: appSetting.key, set: { value, updatedAt: sql`now()` } });
}
