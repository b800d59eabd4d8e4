import { sql } from 'drizzle-orm';
import { rememberedRead } from '../../db/changes.ts';
import type { Db } from '../../db/connection.ts';
import { rows } from '../../db/rows.ts';
import { sharedPromise } from '../../kernel/shared-promise.ts';
import { type Analysis, analyse, type ReadOptions } from './analyse.ts';
import { catchUpResults } from './results.ts';

// The analysis pages are read far more often than the data change: fifty people on the dashboard ask the same
// question between two saves. One analysis per question is kept in memory under the database's analysis version
// (migration 0013: it changes in the transaction of any write an analysis reads), so a write by this or another
// server is seen at the next request. Concurrent first requests share one computation.

const MAX_ENTRIES = 64;
const caches = new WeakMap<Db, Map<string, Promise<Analysis>>>();

/** The analysis version, after catching up with writes queued behind the app's back (one query when none are). */
async function currentVersion(db: Db): Promise<string> {
  const read = () =>
    rows<{ pending: boolean; v: string }>(
      db,
      sql`select exists (select 1 from analysis_dirty) as pending,
            coalesce((select version from analysis_version), 0)::text as v`,
    );
  // Both tables send change notices (migration 0015): remembered until the next one.
  let [row] = await rememberedRead(db, 'analysisVersion', read);
  if (row?.pending) {
    await catchUpResults(db);
    [row] = await read();
  }
  return row?.v ?? '0';
}

/**
 * `analyse`, shared between requests. `townsKey` names the `towns` choice (a function cannot be compared).
 * The answer is shared: callers must not change it. Unapproved values seen through a viewer's scope are not
 * shared (each viewer sees their own).
 */
export async function analyseShared(db: Db, options: ReadOptions, townsKey: string): Promise<Analysis> {
  const viewer = options.viewer;
  const scoped = options.basis === 'preliminary' && viewer && viewer.role !== 'office' && viewer.role !== 'statistics';
  if (scoped) return analyse(db, options);
  const key = [
    await currentVersion(db),
    options.folderId,
    options.basis ?? 'approved',
    options.asOf ?? '',
    townsKey,
  ].join('|');
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  return sharedPromise(cache, key, MAX_ENTRIES, () => analyse(db, options));
}
