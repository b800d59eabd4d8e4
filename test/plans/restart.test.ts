// A server start publishes the configured plan folder (src/server/bootstrap.ts). Unchanged since it was last
// published, it is not written again (issue 16: a reused data folder starts in under 3 s): no catalog row is
// rewritten and no result queued for recomputation. A changed folder is published as before.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../src/db/rows.ts';
import { bootstrap } from '../../src/server/bootstrap.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { ENGINES } from '../helpers/db.ts';
import { REPO_ROOT } from '../helpers/server-process.ts';

describe.each(ENGINES)('a restart on %s', (engine) => {
  let t: TestApp;
  let dir: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tp-restart-'));
    fs.cpSync(path.join(REPO_ROOT, 'plans/wuqing-2021-2025'), dir, { recursive: true });
    t = await createTestApp(engine, { planDir: dir });
  }, 300_000);
  afterAll(async () => {
    await t?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const db = () => t.db.database.db;
  // Each row's xmin changes when the row is written, even with the same values.
  const catalogRows = () =>
    rows<{ id: string; x: string }>(
      db(),
      sql`select 'plan:' || id as id, xmin::text as x from plan
          union all select 'indicator:' || id, xmin::text from indicator
          union all select 'goal:' || id, xmin::text from goal order by 1`,
    );
  const queued = async () =>
    (await rows<{ n: number }>(db(), sql`select count(*)::int as n from analysis_dirty`))[0]!.n;

  it('writes nothing when the folder is as it was published', async () => {
    await db().execute(sql`delete from analysis_dirty`);
    const before = await catalogRows();
    expect(before.length).toBeGreaterThan(100);
    await bootstrap(t.config, t.db.database, { demoData: false });
    expect(await catalogRows()).toEqual(before);
    expect(await queued()).toBe(0);
  });

  it('publishes a changed folder again', async () => {
    const file = path.join(dir, 'women.yaml');
    const text = fs.readFileSync(file, 'utf8');
    expect(text).toContain('name: 妇女人均预期寿命\n');
    fs.writeFileSync(file, text.replace('name: 妇女人均预期寿命\n', 'name: 妇女人均预期寿命（岁）\n'));
    await bootstrap(t.config, t.db.database, { demoData: false });
    const [row] = await rows<{ name: string }>(db(), sql`select name from indicator where code = 'W1-01'`);
    expect(row?.name).toBe('妇女人均预期寿命（岁）');
  });
});
