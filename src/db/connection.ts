import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { attachClock, CHANGE_CHANNEL, ChangeClock } from './changes.ts';
import { acquireDataDirLock } from './lock.ts';
import * as schema from './schema/index.ts';

export type Engine = 'pglite' | 'postgresql';

/** Statements that change nothing a remembered read could show. */
const READ_ONLY = /^\s*(select|show)\b/i;

/** The Drizzle handle every feature uses; the same type for both engines. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

/** A raw script runner for migrations: several statements in one call, inside one transaction. */
export type ScriptRunner = (script: string, after: (db: Db) => Promise<void>) => Promise<void>;

export interface Database {
  engine: Engine;
  db: Db;
  /** Runs a multi-statement SQL script and `after` in one transaction (used by the migrator). */
  runScript: ScriptRunner;
  /** Serialises work across server instances sharing a PostgreSQL server (a no-op on PGlite, which has one owner). */
  withExclusiveLock<T>(key: number, fn: () => Promise<T>): Promise<T>;
  /** PGlite only: the whole data folder as a tarball, which `loadDataDir` opens again as a copy. */
  dumpDataDir?(): Promise<Blob>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** postgres://… to use a PostgreSQL server; otherwise PGlite. */
  databaseUrl?: string | undefined;
  /** PGlite data folder; undefined means in memory (tests). */
  dataDir?: string | undefined;
  /**
   * A PGlite data folder as dumped by `dumpDataDir`, to start from instead of an empty database: the tests copy one
   * migrated and bootstrapped database rather than paying initdb, migrations and bootstrap for each (test/helpers).
   */
  loadDataDir?: Blob | undefined;
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  return options.databaseUrl ? openPostgres(options.databaseUrl) : openPglite(options.dataDir, options.loadDataDir);
}

async function openPglite(dataDir: string | undefined, loadDataDir: Blob | undefined): Promise<Database> {
  const lock = dataDir ? acquireDataDirLock(dataDir) : undefined;
  try {
    const client = await PGlite.create({ ...(dataDir ? { dataDir } : {}), ...(loadDataDir ? { loadDataDir } : {}) });
    const db = drizzlePglite({ client, schema }) as unknown as Db;
    // One connection in this process: a notice arrives with the commit that sends it, before the writer goes on.
    const clock = new ChangeClock();
    await client.listen(CHANGE_CHANNEL, () => clock.tick());
    attachClock(db, clock);
    return {
      engine: 'pglite',
      db,
      async runScript(script, after) {
        // PGlite has a single connection: its own transaction API holds it for the whole script.
        await client.transaction(async (tx) => {
          await tx.exec(script);
          await after(drizzlePglite({ client: tx as unknown as PGlite, schema }) as unknown as Db);
        });
      },
      withExclusiveLock: (_key, fn) => fn(),
      // Uncompressed: a copy opens faster, and the tarball lives only for a test run.
      dumpDataDir: () => client.dumpDataDir('none'),
      async close() {
        await client.close();
        lock?.release();
      },
    };
  } catch (error) {
    lock?.release();
    throw error;
  }
}

async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle connection can be cut by the server (a restart, an administrator, a dropped test database): the pool
  // replaces it on the next query. Without this listener the 'error' event would crash the process.
  pool.on('error', (error) => {
    process.emitWarning(`PostgreSQL 空闲连接已断开，将自动重连：${error.message}`);
  });
  // This server's own writes move the clock as they complete, before the writer goes on: its next read must not
  // wait for the notice, which comes on another connection a moment later. Hooked before the first connection.
  const clock = new ChangeClock();
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    client.query = ((...args: unknown[]) => {
      const first = args[0] as string | { text?: string } | undefined;
      const text = typeof first === 'string' ? first : first?.text;
      if (text !== undefined && READ_ONLY.test(text)) return query(...args);
      // The pool's own query() passes a callback; drizzle's transactions use the promise.
      const done = args.at(-1);
      if (typeof done === 'function') {
        args[args.length - 1] = (...result: unknown[]) => {
          clock.tick();
          done(...result);
        };
        return query(...args);
      }
      const answer = query(...args);
      if (answer instanceof Promise) {
        const tick = () => clock.tick();
        answer.then(tick, tick);
      }
      return answer;
    }) as typeof client.query;
  });
  // Fail fast with the server's own message when the URL is wrong.
  await pool.query('select 1');
  const db = drizzlePg({ client: pool, schema }) as unknown as Db;
  const listener = await listenForChanges(url, clock);
  attachClock(db, clock);
  return {
    engine: 'postgresql',
    db,
    async runScript(script, after) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query(script);
        await after(drizzlePg({ client, schema }) as unknown as Db);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      } finally {
        client.release();
      }
    },
    async withExclusiveLock(key, fn) {
      const client = await pool.connect();
      try {
        await client.query('select pg_advisory_lock($1)', [key]);
        return await fn();
      } finally {
        await client.query('select pg_advisory_unlock($1)', [key]).catch(() => undefined);
        client.release();
      }
    },
    async close() {
      await listener.stop();
      await pool.end();
    },
  };
}

/**
 * The change notices of migration 0015 on a connection of their own. When it drops, the clock is unsure (every
 * remembered read goes back to the database) until a new connection listens again, retried every second.
 */
async function listenForChanges(url: string, clock: ChangeClock): Promise<{ stop(): Promise<void> }> {
  let client: pg.Client | undefined;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  const connect = async () => {
    const next = new pg.Client({ connectionString: url });
    next.on('notification', () => clock.tick());
    next.on('error', () => lost(next));
    next.on('end', () => lost(next));
    await next.connect();
    await next.query(`LISTEN ${CHANGE_CHANNEL}`);
    client = next;
    clock.setSure(true);
  };
  const lost = (which: pg.Client) => {
    if (stopped || client !== which) return;
    client = undefined;
    clock.setSure(false);
    which.end().catch(() => undefined);
    const again = () => {
      retry = undefined;
      if (!stopped)
        connect().catch(() => {
          retry = setTimeout(again, 1000);
          retry.unref();
        });
    };
    retry = setTimeout(again, 1000);
    retry.unref();
  };
  await connect();
  return {
    async stop() {
      stopped = true;
      if (retry) clearTimeout(retry);
      await client?.end().catch(() => undefined);
    },
  };
}
