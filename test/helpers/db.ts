import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { type Database, type Engine, openDatabase } from '../../src/db/connection.ts';
import { migrate } from '../../src/db/migrate.ts';

// Every test database is created for the test and removed after it. On PostgreSQL a fresh database named
// tianping_test_<random> is created on the server TEST_DATABASE_URL points to; nothing else there is touched.
//
// A migrated (and bootstrapped) database is made once per test run and kind, then copied for each test: a PGlite
// data-folder dump, a PostgreSQL template database (tianping_tpl_<run>_<kind>). A fresh PGlite costs an initdb, the
// migrations and the bootstrap — 6–20 s each on the shared 2-core machine, over a hundred times a run — a copy about
// a second. The copies live in the run's folder and are dropped when the run ends (test/helpers/global-setup.ts).

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || undefined;

/** The engines this run tests: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export const ENGINES: Engine[] = TEST_DATABASE_URL ? ['pglite', 'postgresql'] : ['pglite'];

export interface TestDatabase {
  database: Database;
  /** postgres:// URL of the fresh database (PostgreSQL only), for starting a server process on it. */
  url?: string;
  drop(): Promise<void>;
}

function withDatabaseName(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A fresh, empty database; migrated unless `migrate: false` (a copy of the run's migrated one). */
export async function createTestDatabase(engine: Engine, options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  if (options.migrate !== false) return preparedDatabase(engine, 'migrated', async () => {});
  return emptyDatabase(engine);
}

async function emptyDatabase(engine: Engine, template?: string): Promise<TestDatabase> {
  if (engine === 'pglite') {
    const database = await openDatabase({});
    return { database, drop: () => database.close() };
  }
  if (!TEST_DATABASE_URL) throw new Error('TEST_DATABASE_URL is not set');
  const name = `tianping_test_${crypto.randomBytes(6).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`));
  const url = withDatabaseName(TEST_DATABASE_URL, name);
  const database = await openDatabase({ databaseUrl: url });
  return {
    database,
    url,
    async drop() {
      await database.close();
      await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

/** The run's folder and name for prepared databases; none outside vitest (`npm run bench` uses these helpers). */
function preparedRun(): { dir?: string; run?: string } {
  try {
    return { dir: inject('preparedDir'), run: inject('preparedRun') };
  } catch {
    return {};
  }
}

/**
 * A migrated database on which `prepare` has run (a bootstrap, demo data), copied from the one this run made for
 * `key`; the first caller of a key makes it. `key` must name everything `prepare` depends on.
 */
export async function preparedDatabase(
  engine: Engine,
  key: string,
  prepare: (database: Database) => Promise<void>,
): Promise<TestDatabase> {
  const { dir, run } = preparedRun();
  const kind = crypto.createHash('sha1').update(key).digest('hex').slice(0, 12);
  const make = async (template?: string) => {
    const t = await emptyDatabase(engine, template);
    if (!template) {
      await migrate(t.database);
      await prepare(t.database);
    }
    return t;
  };
  // Outside a run with the global setup (a single file under another config, a benchmark): no copies.
  if (!dir || !run) return make();
  if (engine === 'pglite') {
    const file = path.join(dir, `${kind}.tar`);
    if (fs.existsSync(file)) {
      const database = await openDatabase({ loadDataDir: new Blob([fs.readFileSync(file)]) });
      return { database, drop: () => database.close() };
    }
    const t = await make();
    // Written aside and renamed: a worker reading the file never sees half of it.
    const part = `${file}.${process.pid}.part`;
    fs.writeFileSync(part, Buffer.from(await (await t.database.dumpDataDir!()).arrayBuffer()));
    fs.renameSync(part, file);
    return t;
  }
  const template = `tianping_tpl_${run}_${kind}`;
  const exists = await admin(
    async (c) => (await c.query('select 1 from pg_database where datname = $1', [template])).rowCount,
  );
  if (exists) return make(template);
  const t = await make();
  // The template is a copy of this database, which must have no connection while it is copied; another worker may
  // have made the template meanwhile (duplicate_database), which is as good.
  const name = new URL(t.url!).pathname.slice(1);
  await t.database.close();
  for (let attempt = 0; ; attempt++) {
    try {
      await admin((c) => c.query(`CREATE DATABASE ${template} TEMPLATE ${name}`));
      break;
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === '42P04') break;
      if (code !== '55006' || attempt === 20) throw error;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  const database = await openDatabase({ databaseUrl: t.url! });
  return {
    database,
    url: t.url!,
    drop: async () => {
      await database.close();
      await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}
