// Every foreign key used in joins and deletes has an index whose leading columns are the key (issue 16: deleting
// 2 M values took minutes without one on data_value_history.value_id). Listed from pg_catalog on both engines.
// References to app_user (who did something) are the stated exception: users are deactivated, never deleted,
// and nothing joins on them at scale (migration 0010).
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../src/db/rows.ts';
import { createTestDatabase, ENGINES, type TestDatabase } from '../helpers/db.ts';

describe.each(ENGINES)('foreign key indexes on %s', (engine) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(engine);
  });
  afterAll(() => t.drop());

  it('lists no foreign key without an index (other than references to app_user)', async () => {
    const missing = await rows<{ tbl: string; conname: string; cols: string; ref: string }>(
      t.database.db,
      sql`select c.conrelid::regclass::text as tbl, c.conname, c.confrelid::regclass::text as ref,
            (select string_agg(a.attname, ',' order by k.ord) from unnest(c.conkey) with ordinality k(attnum, ord)
               join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum) as cols
          from pg_constraint c
          where c.contype = 'f' and c.connamespace = 'public'::regnamespace
            and not exists (
              select 1 from pg_index i
              where i.indrelid = c.conrelid
                and i.indnatts >= cardinality(c.conkey)
                and (i.indkey::int2[])[0:cardinality(c.conkey) - 1] @> c.conkey
                and c.conkey @> (i.indkey::int2[])[0:cardinality(c.conkey) - 1])
          order by 1, 2`,
    );
    const all = await rows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from pg_constraint where contype = 'f' and connamespace = 'public'::regnamespace`,
    );
    expect(all[0]!.n).toBeGreaterThan(20);
    expect(missing.filter((m) => m.ref !== 'app_user')).toEqual([]);
    // The one the issue measured.
    expect(missing.some((m) => m.tbl === 'data_value_history' && m.cols === 'value_id')).toBe(false);
  });
});
