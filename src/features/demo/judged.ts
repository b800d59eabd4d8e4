import type { Db } from '../../db/connection.ts';
import { type Analysis, analyse } from '../analysis/index.ts';

/**
 * Each year of the demo judged as of that year, once for the 督办 and the units' reports that both look at it.
 * On all values: the years before the last are locked throughout, so there 初步 and 审核确认 are the same.
 */
export async function judgedByYear(
  db: Db,
  folderId: string,
  years: { from: number; to: number },
): Promise<Map<number, Analysis>> {
  const out = new Map<number, Analysis>();
  for (let year = years.from; year <= years.to; year++) {
    out.set(year, await analyse(db, { folderId, basis: 'preliminary', towns: () => false, asOf: year }));
  }
  return out;
}
