import { sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { rows } from '../../db/rows.ts';
import {
  type Basis,
  type BasisStats,
  basisStats,
  computeIndicator,
  groupValues,
  loadMeta,
  type Meta,
  packTowns,
  shareSeries,
  withReferences,
} from './compute.ts';
import { type RawValues, readRawValues } from './raw-values.ts';

// Derived assessment results (assessment_result, migration 0010), kept current and never edited: each row is
// computeIndicator's output for one indicator, basis and as-of year, rebuilt from the raw values.
//
// How they stay current: triggers on data_value, indicator, plan and area queue the touched indicators in
// analysis_dirty, inside the writing transaction, whoever writes (the app, an import, plain SQL). Approvals,
// reopenings and catalog changes call refreshResults(tx) before committing, so their results commit with them.
// Saves of draft values only queue (recomputing in the save made fifty people saving at once wait on each other)
// and ask for refreshSoon after committing; anything still queued is picked up by catchUpResults, which every
// analysis read runs first (one indexed EXISTS when nothing is queued), so no reader sees stale results.
// Concurrent writers of one indicator are serialised by a transaction-scoped advisory lock per indicator, taken
// before the values are read: the second one reads the first one's committed values (READ COMMITTED).
// The queue also says whether an indicator's towns' values changed (migration 0023): when only the district's did
// (an approval of a unit's values, a unit's save), the district series is recomputed and the stored town lists and
// the towns' share of the counts are kept.

export const BASES: readonly Basis[] = ['approved', 'preliminary'];
const LOCK_KEY = 726_016;
/** Indicators recomputed per read of raw values: bounds memory of a rebuild at national scale. */
const CHUNK = 8;
/** Result rows per insert statement. */
const INSERT_BATCH = 400;

/** In a write transaction: recompute what this transaction queued. Returns the number of indicators recomputed. */
export async function refreshResults(tx: Db): Promise<number> {
  // A full rebuild is already queued (a fresh migration, a new town): the next read does everything once, so this
  // transaction's indicators stay queued for it instead of being computed twice (first start with demo data).
  const [full] = await rows<{ queued: boolean }>(
    tx,
    sql`select exists (select 1 from analysis_dirty where indicator_id is null and tx <> txid_current()) as queued`,
  );
  if (full?.queued) return 0;
  const dirty = await rows<{ indicator_id: number | null; towns: boolean }>(
    tx,
    sql`delete from analysis_dirty where tx = txid_current() returning indicator_id, towns`,
  );
  return applyDirty(tx, dirty);
}

/** Brings results current after writes that did not refresh them (plain SQL, a bulk load, the demo generator). */
export async function catchUpResults(db: Db): Promise<number> {
  const [pending] = await rows<{ pending: boolean }>(db, sql`select exists (select 1 from analysis_dirty) as pending`);
  if (!pending?.pending) return 0;
  return db.transaction(async (tx) => {
    const dirty = await rows<{ indicator_id: number | null; towns: boolean }>(
      tx,
      sql`delete from analysis_dirty returning indicator_id, towns`,
    );
    return applyDirty(tx, dirty);
  });
}

/** Per database: the background catch-up running now, and whether more was queued while it ran. */
const refreshing = new WeakMap<Db, { again: boolean; done: Promise<void> }>();

/**
 * After a write that only queued its indicators: bring the results current in the background, so the next reader
 * finds them ready. Requests while one runs coalesce into one more run. A failure is only logged: the queue stays
 * and the next read catches up.
 */
export function refreshSoon(db: Db, onError: (error: unknown) => void): void {
  const running = refreshing.get(db);
  if (running) {
    running.again = true;
    return;
  }
  const state = { again: true, done: Promise.resolve() };
  refreshing.set(db, state);
  state.done = (async () => {
    try {
      while (state.again) {
        state.again = false;
        await catchUpResults(db);
      }
    } catch (error) {
      onError(error);
    } finally {
      refreshing.delete(db);
    }
  })();
}

/** Waits for a background catch-up of this database to end (before the database is closed). */
export async function refreshSettled(db: Db): Promise<void> {
  await refreshing.get(db)?.done;
}

/** Every result recomputed from the raw values, in one transaction (readers see the old ones until it commits). */
export async function rebuildResults(db: Db): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`delete from analysis_dirty`);
    // Results of indicators no longer in any plan folder.
    await tx.execute(
      sql`delete from assessment_result r where not exists (
            select 1 from indicator i join plan p on p.id = i.plan_id where i.id = r.indicator_id)`,
    );
    return recompute(tx, null);
  });
}

/** What the queue asks for: indicators, and those of them whose towns' values changed too. */
interface Stale {
  ids: number[];
  towns: Set<number>;
}

async function applyDirty(tx: Db, dirty: { indicator_id: number | null; towns: boolean }[]): Promise<number> {
  if (dirty.length === 0) return 0;
  if (dirty.some((d) => d.indicator_id === null)) return recompute(tx, null);
  return recompute(tx, {
    ids: [...new Set(dirty.map((d) => d.indicator_id as number))],
    towns: new Set(dirty.filter((d) => d.towns).map((d) => d.indicator_id as number)),
  });
}

/** stale null = every indicator, whole. */
async function recompute(tx: Db, stale: Stale | null): Promise<number> {
  const folders =
    stale === null
      ? await rows<{ folder_id: string }>(tx, sql`select distinct folder_id from plan order by folder_id`)
      : await rows<{ folder_id: string }>(
          tx,
          sql`select distinct p.folder_id from indicator i join plan p on p.id = i.plan_id
              where i.id = any(${sql.param(stale.ids)}::int[]) order by p.folder_id`,
        );
  let n = 0;
  for (const f of folders) n += await recomputeFolder(tx, f.folder_id, stale);
  return n;
}

async function recomputeFolder(tx: Db, folderId: string, stale: Stale | null): Promise<number> {
  const meta = await loadMeta(tx, folderId);
  const active = meta.indicators.map((i) => i.id);
  const activeSet = new Set(active);
  // Results exist for every as-of year from the base year to the cycle's end, or to the latest year with data
  // if later (max per indicator through the key index, never a scan of every value).
  const [span] = await rows<{ max_year: number | null; stored_end: number | null }>(
    tx,
    sql`select (select max(m) from unnest(${sql.param(active)}::int[]) a(id)
                 cross join lateral (select max(year) m from data_value d where d.indicator_id = a.id) x)::int as max_year,
               (select max(as_of) from assessment_result where indicator_id = any(${sql.param(active)}::int[]))::int
                 as stored_end`,
  );
  const endYear = Math.max(meta.targetYear, span?.max_year ?? meta.targetYear);

  let target: Set<number>;
  const whole = stale === null || span?.stored_end == null || endYear > span.stored_end;
  if (whole) target = new Set(active);
  else {
    target = new Set(stale.ids.filter((id) => activeSet.has(id)));
    // A relational target compares with another indicator: it goes stale with its reference.
    for (const ind of meta.indicators) {
      if (ind.rule.kind !== 'relational') continue;
      const ref = meta.codeToId.get(`${ind.planId}|${ind.rule.reference}`);
      if (ref !== undefined && target.has(ref)) target.add(ind.id);
    }
    // A linked indicator (sameAs) reads its owner's series: it goes stale with it.
    for (const [linked, owner] of meta.owners) if (target.has(owner.id)) target.add(linked);
  }
  // Retired indicators keep their values but leave the analysis.
  await tx.execute(
    sql`delete from assessment_result where indicator_id in (
          select i.id from indicator i join plan p on p.id = i.plan_id
          where p.folder_id = ${folderId} and i.retired_at is not null)`,
  );
  if (target.size === 0) return 0;
  const sorted = [...target].sort((a, b) => a - b);
  await tx.execute(
    sql`select pg_advisory_xact_lock(${LOCK_KEY}, s.x) from
          (select x from unnest(${sql.param(sorted)}::int[]) x order by x) s`,
  );
  // Indicators whose towns' values did not change (an approval or a save of district values) keep their stored
  // town lists and counts, when they have a row for every basis and as-of year: at national scale the towns are
  // nearly all of an indicator's values.
  const districtOnly =
    stale === null || whole
      ? []
      : await complete(
          tx,
          sorted.filter((id) => !stale.towns.has(id) && !stale.towns.has(meta.owners.get(id)?.id ?? -1)),
          meta.baseYear,
          endYear,
        );
  const kept = new Set(districtOnly);
  const rebuilt = sorted.filter((id) => !kept.has(id));
  await tx.execute(sql`delete from assessment_result where indicator_id = any(${sql.param(rebuilt)}::int[])`);
  // As-of years past the latest with data (the last year's values deleted) are no longer stored.
  await tx.execute(
    sql`delete from assessment_result where indicator_id = any(${sql.param(districtOnly)}::int[]) and as_of > ${endYear}`,
  );
  // A rebuild at national scale cost PostgreSQL 7.3 s of CPU with its defaults and 3.3 s without: its reads are
  // costly enough to be compiled (JIT, ≈ 40 ms a statement) and split over parallel workers that sort to disk and
  // take the core this process computes on meanwhile (BENCH_SCALES=national npm run bench scale, PostgreSQL).
  await tx.execute(
    sql`select set_config('jit', 'off', true), set_config('max_parallel_workers_per_gather', '0', true)`,
  );
  const byId = new Map(meta.indicators.map((i) => [i.id, i]));
  await inChunks(tx, meta, rebuilt, true, async (chunk, raw) => {
    const out: ResultRow[] = [];
    for (const basis of BASES) {
      const district = basisStats({ district: raw.district, towns: [] }, basis);
      const towns = basisStats({ district: [], towns: raw.towns }, basis);
      const values = groupValues(raw, basis);
      for (let asOf = meta.baseYear; asOf <= endYear; asOf++) {
        for (const id of chunk) {
          const c = computeIndicator(meta, byId.get(id)!, values, asOf);
          out.push({
            id,
            basis,
            asOf,
            district: district.get(id),
            towns: towns.get(id),
            summary: JSON.stringify(c.summary),
            townList: JSON.stringify(packTowns(c.towns)),
          });
        }
      }
    }
    await insertRows(tx, out);
  });
  await inChunks(tx, meta, districtOnly, false, async (chunk, raw) => {
    const out: SummaryRow[] = [];
    for (const basis of BASES) {
      const district = basisStats(raw, basis);
      const values = groupValues(raw, basis);
      for (let asOf = meta.baseYear; asOf <= endYear; asOf++) {
        for (const id of chunk) {
          const c = computeIndicator(meta, byId.get(id)!, values, asOf);
          out.push({ id, basis, asOf, district: district.get(id), summary: JSON.stringify(c.summary) });
        }
      }
    }
    await updateSummaries(tx, out);
  });
  return sorted.length;
}

/** Of `ids`, those with a stored row for each basis and as-of year from baseYear to endYear. */
async function complete(tx: Db, ids: number[], baseYear: number, endYear: number): Promise<number[]> {
  if (ids.length === 0) return [];
  const found = await rows<{ id: number }>(
    tx,
    sql`select indicator_id as id from assessment_result
        where indicator_id = any(${sql.param(ids)}::int[]) and as_of between ${baseYear} and ${endYear}
        group by indicator_id having count(*) = ${BASES.length * (endYear - baseYear + 1)}`,
  );
  return found.map((r) => r.id);
}

/**
 * Reads the values of `ids` a chunk at a time (with the towns' or without) and hands each chunk to `use`. The next
 * chunk's values are read by the database while this one is computed (on PostgreSQL, in parallel).
 */
async function inChunks(
  tx: Db,
  meta: Meta,
  ids: number[],
  towns: boolean,
  use: (chunk: number[], raw: RawValues) => Promise<void>,
): Promise<void> {
  const chunks: number[][] = [];
  for (let start = 0; start < ids.length; start += CHUNK) chunks.push(ids.slice(start, start + CHUNK));
  const read = (chunk: number[]) => {
    const reading = readRawValues(tx, withReferences(meta, chunk), { towns });
    // Awaited below; a failure of the transaction meanwhile is reported by the statement that failed first.
    reading.catch(() => {});
    return reading;
  };
  let next = chunks.length > 0 ? read(chunks[0]!) : undefined;
  for (let k = 0; k < chunks.length; k++) {
    const raw = shareSeries(meta, await next!);
    if (k + 1 < chunks.length) next = read(chunks[k + 1]!);
    await use(chunks[k]!, raw);
  }
}

interface ResultRow {
  id: number;
  basis: Basis;
  asOf: number;
  district: BasisStats | undefined;
  towns: BasisStats | undefined;
  summary: string;
  townList: string;
}

async function insertRows(tx: Db, list: ResultRow[]): Promise<void> {
  for (let i = 0; i < list.length; i += INSERT_BATCH) {
    const b = list.slice(i, i + INSERT_BATCH);
    const col = <T>(pick: (r: ResultRow) => T) => sql.param(b.map(pick));
    await tx.execute(
      sql`insert into assessment_result (indicator_id, basis, as_of, last_year, value_count, has_demo, summary, towns,
            town_count, town_last_year, town_demo)
          select u.i, u.b, u.a, greatest(u.dl, u.tl), u.dc + u.tc, u.dd or u.td, u.s::jsonb, u.t::jsonb, u.tc, u.tl, u.td
          from unnest(${col((r) => r.id)}::int[], ${col((r) => r.basis)}::text[], ${col((r) => r.asOf)}::int[],
            ${col((r) => r.district?.lastYear ?? null)}::int[], ${col((r) => r.district?.count ?? 0)}::int[],
            ${col((r) => r.district?.hasDemo ?? false)}::bool[], ${col((r) => r.summary)}::text[],
            ${col((r) => r.townList)}::text[], ${col((r) => r.towns?.lastYear ?? null)}::int[],
            ${col((r) => r.towns?.count ?? 0)}::int[], ${col((r) => r.towns?.hasDemo ?? false)}::bool[])
            as u(i, b, a, dl, dc, dd, s, t, tl, tc, td)`,
    );
  }
}

interface SummaryRow {
  id: number;
  basis: Basis;
  asOf: number;
  district: BasisStats | undefined;
  summary: string;
}

/** A district-only recompute: new summaries and district counts beside the stored towns' share. */
async function updateSummaries(tx: Db, list: SummaryRow[]): Promise<void> {
  for (let i = 0; i < list.length; i += INSERT_BATCH) {
    const b = list.slice(i, i + INSERT_BATCH);
    const col = <T>(pick: (r: SummaryRow) => T) => sql.param(b.map(pick));
    await tx.execute(
      sql`update assessment_result r set summary = u.s::jsonb, value_count = u.dc + r.town_count,
            last_year = greatest(u.dl, r.town_last_year), has_demo = u.dd or r.town_demo, computed_at = now()
          from unnest(${col((r) => r.id)}::int[], ${col((r) => r.basis)}::text[], ${col((r) => r.asOf)}::int[],
            ${col((r) => r.district?.lastYear ?? null)}::int[], ${col((r) => r.district?.count ?? 0)}::int[],
            ${col((r) => r.district?.hasDemo ?? false)}::bool[], ${col((r) => r.summary)}::text[])
            as u(i, b, a, dl, dc, dd, s)
          where r.indicator_id = u.i and r.basis = u.b and r.as_of = u.a`,
    );
  }
}

export type { Meta };
