import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { acquireDataDirLock } from './lock.ts';
import * as schema from './schema/index.ts';

export type Engine = 'pglite' | 'postgresql';

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
  close(): Promise<void>;
}

export interface OpenOptions {
  /** postgres://… to use a PostgreSQL server; otherwise PGlite. */
  databaseUrl?: string | undefined;
  /** PGlite data folder; undefined means in memory (tests). */
  dataDir?: string | undefined;
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  return options.databaseUrl ? openPostgres(options.databaseUrl) : openPglite(options.dataDir);
}

async function openPglite(dataDir: string | undefined): Promise<Database> {
  const lock = dataDir ? acquireDataDirLock(dataDir) : undefined;
  try {
    const client = await PGlite.create(dataDir ? { dataDir } : {});
    const db = drizzlePglite({ client, schema }) as unknown as Db;
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
  // Fail fast with the server's own message when the URL is wrong.
  await pool.query('select 1');
  const db = drizzlePg({ client: pool, schema }) as unknown as Db;
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
    close: () => pool.end(),
  };
}
