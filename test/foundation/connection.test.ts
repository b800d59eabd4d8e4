import { sql } from 'drizzle-orm';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { rows } from '../../src/db/rows.ts';
import { createTestDatabase, TEST_DATABASE_URL } from '../helpers/db.ts';

describe.skipIf(!TEST_DATABASE_URL)('a PostgreSQL server cutting idle connections', () => {
  it('neither crashes the process nor fails the next query', async () => {
    const t = await createTestDatabase('postgresql');
    const db = t.database.db;
    await rows(db, sql`select 1`);
    // An administrator (or a server restart) ends every connection of this database.
    const admin = new pg.Client({ connectionString: t.url });
    await admin.connect();
    await admin.query(
      'select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
    );
    await admin.end();
    await new Promise((resolve) => setTimeout(resolve, 100));
    const [row] = await rows<{ n: number }>(db, sql`select 41 + 1 as n`);
    expect(row?.n).toBe(42);
    await t.drop();
  });
});
