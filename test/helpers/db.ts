import crypto from 'node:crypto';
import pg from 'pg';
import { type Database, type Engine, openDatabase } from '../../src/db/connection.ts';
import { migrate } from '../../src/db/migrate.ts';

// Every test database is created for the test and removed after it. On PostgreSQL a fresh database named
// tianping_test_<random> is created on the server TEST_DATABASE_URL points to; nothing else there is touched.

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

export async function createTestDatabase(engine: Engine, options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  if (engine === 'pglite') {
    const database = await openDatabase({});
    if (options.migrate !== false) await migrate(database);
    return { database, drop: () => database.close() };
  }
  if (!TEST_DATABASE_URL) throw new Error('TEST_DATABASE_URL is not set');
  const name = `tianping_test_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = withDatabaseName(TEST_DATABASE_URL, name);
  const database = await openDatabase({ databaseUrl: url });
  if (options.migrate !== false) await migrate(database);
  return {
    database,
    url,
    async drop() {
      await database.close();
      const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}
