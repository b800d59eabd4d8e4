import { sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { rows } from '../../db/rows.ts';
import {
  type Basis,
  basisStats,
  computeIndicator,
  groupValues,
  loadMeta,
  type Meta,
  packTowns,
  shareSeries,
  withReferences,
} from './compute.ts';
import { readRawValues } from './raw-values.ts';

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
  const dirty = await rows<{ indicator_id: number | null }>(
    tx,
    sql`delete from analysis_dirty where tx = txid_current() returning indicator_id`,
  );
  return applyDirty(tx, dirty);
}

/** Brings results current after writes that did not refresh them (plain SQL, a bulk load, the demo generator). */
export async function catchUpResults(db: Db): Promise<number> {
  const [pending] = await rows<{ pending: boolean }>(db, sql`select exists (select 1 from analysis_dirty) as pending`);
  if (!pending?.pending) return 0;
  return db.transaction(async (tx) => {
    const dirty = await rows<{ indicator_id: number | null }>(
      tx,
      sql`delete from analysis_dirty returning indicator_id`,
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

async function applyDirty(tx: Db, dirty: { indicator_id: number | null }[]): Promise<number> {
  if (dirty.length === 0) return 0;
  if (dirty.some((d) => d.indicator_id === null)) return recompute(tx, null);
  return recompute(tx, [...new Set(dirty.map((d) => d.indicator_id as number))]);
}

/** ids null = every indicator. */
async function recompute(tx: Db, ids: number[] | null): Promise<number> {
  const folders =
    ids === null
      ? await rows<{ folder_id: string }>(tx, sql`select distinct folder_id from plan order by folder_id`)
      : await rows<{ folder_id: string }>(
          tx,
          sql`select distinct p.folder_id from indicator i join plan p on p.id = i.plan_id
              where i.id = any(${sql.param(ids)}::int[]) order by p.folder_id`,
        );
  let n = 0;
  for (const f of folders) n += await recomputeFolder(tx, f.folder_id, ids);
  return n;
}

async function recomputeFolder(tx: Db, folderId: string, ids: number[] | null): Promise<number> {
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
  if (ids === null || span?.stored_end == null || endYear > span.stored_end) target = new Set(active);
  else {
    target = new Set(ids.filter((id) => activeSet.has(id)));
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
  await tx.execute(sql`delete from assessment_result where indicator_id = any(${sql.param(sorted)}::int[])`);
  // A rebuild at national scale cost PostgreSQL 7.3 s of CPU with its defaults and 3.3 s without: its reads are
  // costly enough to be compiled (JIT, ≈ 40 ms a statement) and split over parallel workers that sort to disk and
  // take the core this process computes on meanwhile (BENCH_SCALES=national npm run bench scale, PostgreSQL).
  await tx.execute(
    sql`select set_config('jit', 'off', true), set_config('max_parallel_workers_per_gather', '0', true)`,
  );

  const byId = new Map(meta.indicators.map((i) => [i.id, i]));
  const chunks: number[][] = [];
  for (let start = 0; start < sorted.length; start += CHUNK) chunks.push(sorted.slice(start, start + CHUNK));
  const read = (chunk: number[]) => {
    const reading = readRawValues(tx, withReferences(meta, chunk));
    // Awaited below; a failure of the transaction meanwhile is reported by the statement that failed first.
    reading.catch(() => {});
    return reading;
  };
  let next = read(chunks[0]!);
  for (let k = 0; k < chunks.length; k++) {
    const chunk = chunks[k]!;
    const raw = shareSeries(meta, await next);
    // The next chunk's values are read by the database while this one is computed (on PostgreSQL, in parallel).
    if (k + 1 < chunks.length) next = read(chunks[k + 1]!);
    const out: ResultRow[] = [];
    for (const basis of BASES) {
      const stats = basisStats(raw, basis);
      const values = groupValues(raw, basis);
      for (let asOf = meta.baseYear; asOf <= endYear; asOf++) {
        for (const id of chunk) {
          const c = computeIndicator(meta, byId.get(id)!, values, asOf);
          const s = stats.get(id);
          out.push({
            id,
            basis,
            asOf,
            lastYear: s?.lastYear ?? null,
            count: s?.count ?? 0,
            demo: s?.hasDemo ?? false,
            summary: JSON.stringify(c.summary),
            towns: JSON.stringify(packTowns(c.towns)),
          });
        }
      }
    }
    await insertRows(tx, out);
  }
  return sorted.length;
}

interface ResultRow {
  id: number;
  basis: Basis;
  asOf: number;
  lastYear: number | null;
  count: number;
  demo: boolean;
  summary: string;
  towns: string;
}

async function insertRows(tx: Db, list: ResultRow[]): Promise<void> {
  for (let i = 0; i < list.length; i += INSERT_BATCH) {
    const b = list.slice(i, i + INSERT_BATCH);
    const col = <T>(pick: (r: ResultRow) => T) => sql.param(b.map(pick));
    await tx.execute(
      sql`insert into assessment_result (indicator_id, basis, as_of, last_year, value_count, has_demo, summary, towns)
          select u.i, u.b, u.a, u.l, u.c, u.d, u.s::jsonb, u.t::jsonb
          from unnest(${col((r) => r.id)}::int[], ${col((r) => r.basis)}::text[], ${col((r) => r.asOf)}::int[],
            ${col((r) => r.lastYear)}::int[], ${col((r) => r.count)}::int[], ${col((r) => r.demo)}::bool[],
            ${col((r) => r.summary)}::text[], ${col((r) => r.towns)}::text[]) as u(i, b, a, l, c, d, s, t)`,
    );
  }
}

export type { Meta };
