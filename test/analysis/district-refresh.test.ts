// A change of the district's values alone (an approval of a unit's values, a unit's save) recomputes an indicator's
// district series and keeps its stored town lists (migration 0023): at national scale the towns are nearly all of
// an indicator's values. The queue says which kind of change it was; the answer is the same as a full recompute
// (the property test of results.test.ts covers every mix of changes).
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../src/db/rows.ts';
import { analyse, analyseLive } from '../../src/features/analysis/analyse.ts';
import { catchUpResults } from '../../src/features/analysis/index.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { ENGINES } from '../helpers/db.ts';

const FOLDER = 'wuqing-2021-2025';

describe.each(ENGINES)('a district-only refresh on %s', (engine) => {
  let t: TestApp;
  let indicatorId: number;
  beforeAll(async () => {
    t = await createTestApp(engine, {}, { demoData: true });
    await catchUpResults(t.db.database.db);
    const [row] = await rows<{ id: number }>(
      t.db.database.db,
      sql`select indicator_id as id from data_value where area_id is not null and sex = 'total' and value is not null
          and indicator_id in (select indicator_id from data_value where area_id is null and locked and sex = 'total')
          order by indicator_id limit 1`,
    );
    indicatorId = row!.id;
  }, 300_000);
  afterAll(() => t?.close());
  const db = () => t.db.database.db;
  const queued = () =>
    rows<{ indicator_id: number; towns: boolean }>(db(), sql`select indicator_id, towns from analysis_dirty`);
  const stored = () =>
    rows<{ as_of: number; towns: unknown; summary: { values: (number | null)[] } }>(
      db(),
      sql`select as_of, towns, summary from assessment_result
          where indicator_id = ${indicatorId} and basis = 'approved' order by as_of`,
    );

  it('queues a change of district values as district-only and keeps the town lists', async () => {
    const before = await stored();
    await db().execute(
      sql`update data_value set value = value + 1 where indicator_id = ${indicatorId} and area_id is null
            and sex = 'total' and locked`,
    );
    expect(await queued()).toEqual([{ indicator_id: indicatorId, towns: false }]);
    expect(await catchUpResults(db())).toBeGreaterThan(0);
    const after = await stored();
    expect(after.map((r) => r.towns)).toEqual(before.map((r) => r.towns));
    expect(after.map((r) => r.summary.values)).not.toEqual(before.map((r) => r.summary.values));
    const live = await analyseLive(db(), { folderId: FOLDER });
    expect(JSON.parse(JSON.stringify(await analyse(db(), { folderId: FOLDER })))).toEqual(
      JSON.parse(JSON.stringify(live)),
    );
  });

  it("queues a change of a town's value with its towns", async () => {
    await db().execute(
      sql`update data_value set value = value + 1 where id = (select id from data_value
            where indicator_id = ${indicatorId} and area_id is not null and sex = 'total' and locked
            and value is not null order by year desc, area_id limit 1)`,
    );
    expect(await queued()).toEqual([{ indicator_id: indicatorId, towns: true }]);
    await catchUpResults(db());
    const live = await analyseLive(db(), { folderId: FOLDER });
    expect(JSON.parse(JSON.stringify(await analyse(db(), { folderId: FOLDER })))).toEqual(
      JSON.parse(JSON.stringify(live)),
    );
  });
});
