// The analysis at a size where spreading every value into one call (Math.max(...values)) overflows the stack
// (≈ 125k arguments): 1 M values on PostgreSQL, 150k on PGlite (in memory, in a test on a shared machine). Values
// loaded by SQL (the scale knob of the demo data); results caught up; the stored answer equals the live one.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../src/db/rows.ts';
import { analyse, analyseLive } from '../../src/features/analysis/analyse.ts';
import { catchUpResults } from '../../src/features/analysis/index.ts';
import { scaleDemoData } from '../../src/features/demo/index.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { ENGINES } from '../helpers/db.ts';
import { login } from '../helpers/session.ts';

const FOLDER = 'wuqing-2021-2025';

describe.each(ENGINES)('the analysis over many values on %s', (engine) => {
  const target = engine === 'postgresql' ? 1_000_000 : 150_000;
  let t: TestApp;
  let loaded = 0;
  beforeAll(async () => {
    t = await createTestApp(engine, {}, { demoData: false });
    const [n] = await rows<{ n: number }>(
      t.db.database.db,
      sql`select count(*)::int as n from indicator where retired_at is null`,
    );
    const areas = Math.ceil(target / (n!.n * 3 * 6));
    loaded = (await scaleDemoData(t.db.database.db, { folderId: FOLDER, areas })).values;
  }, 900_000);
  afterAll(() => t?.close());

  it(`answers the dashboard and an indicator page from the stored results`, async () => {
    expect(loaded).toBeGreaterThanOrEqual(target);
    const db = t.db.database.db;
    expect(await catchUpResults(db)).toBeGreaterThan(100);
    const leader = await login(t.app, 'leader');
    const overview = await leader.get('/api/analysis/overview?basis=preliminary');
    expect(overview.statusCode, overview.body).toBe(200);
    expect(overview.json().demo).toBe(true);
    const stored = await analyse(db, { folderId: FOLDER, basis: 'preliminary' });
    const byTown = stored.indicators.find((i) => i.disaggregations.includes('area'))!;
    const page = await leader.get(`/api/analysis/indicators/${byTown.id}?basis=preliminary`);
    expect(page.statusCode, page.body).toBe(200);
    // Every town once (the towns' totals), the synthetic ones included.
    expect(page.json().indicator.towns.length).toBeGreaterThan(Math.floor(target / 1e4));
    const live = await analyseLive(db, { folderId: FOLDER, basis: 'preliminary' });
    expect(JSON.parse(JSON.stringify(stored))).toEqual(JSON.parse(JSON.stringify(live)));
  }, 900_000);
});
