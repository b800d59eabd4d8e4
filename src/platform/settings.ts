import { eq, sql } from 'drizzle-orm';
import { noteChange, rememberedRead } from '../db/changes.ts';
import type { Db } from '../db/connection.ts';
import { appSetting } from '../db/schema/index.ts';

// System settings kept in the database (app_setting), one JSON value per key.

/** The current cycle's plan folder (src/platform/cycles.ts): new rounds belong to it. */
export const ACTIVE_FOLDER = 'activeFolder';

/** The 基本实现 tolerances of a plan folder (folder.yaml finalEvaluation), stored on import. */
export function finalToleranceKey(folderId: string): string {
  return `finalTolerance:${folderId}`;
}

/** Who the system belongs to (src/core/site.ts): the current cycle's, copied from its siteKey when it becomes current. */
export const SITE = 'site';

/** Who the system belongs to according to one plan folder, written when the folder is published. */
export function siteKey(folderId: string): string {
  return `site:${folderId}`;
}

/** The fingerprint of what a plan folder was last published from (features/plans publishIfChanged). */
export function publishedKey(folderId: string): string {
  return `published:${folderId}`;
}

/** Optional: a system name chosen by the office, instead of the one made from the region. */
export const SYSTEM_NAME = 'systemName';

/** A setting, remembered until the next change notice (src/db/changes.ts); a copy, so callers may change it. */
export async function getSetting<T>(db: Db, key: string): Promise<T | undefined> {
  const value = await rememberedRead(db, `setting:${key}`, async () => {
    const [row] = await db.select({ value: appSetting.value }).from(appSetting).where(eq(appSetting.key, key));
    return row?.value;
  });
  return (typeof value === 'object' && value !== null ? structuredClone(value) : value) as T | undefined;
}

export async function setSetting(db: Db, key: string, value: unknown): Promise<void> {
  await db
    .insert(appSetting)
    .values({ key, value })
    .onConflictDoUpdate({ target: appSetting.key, set: { value, updatedAt: sql`now()` } });
  noteChange(db);
}
