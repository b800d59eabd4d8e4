// Analyses shared between requests (issue 16): fifty people on the dashboard get one computation, and any write an
// analysis reads — a value (through the app or plain SQL), a unit's name, the catalog — is in the next answer.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../src/db/rows.ts';
import { saveValues } from '../../src/features/collection/index.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { ENGINES } from '../helpers/db.ts';
import { type Client, login } from '../helpers/session.ts';

const ACTOR = { userId: null, username: 'test', unitName: null, ip: null };

type IndicatorPage = { indicator: { years: number[]; values: (number | null)[] } };
type UnitsPage = { byUnit: { unitId: number; unitName: string }[] };

describe.each(ENGINES)('analyses shared between requests on %s', (engine) => {
  let t: TestApp;
  let stats: Client;
  let indicatorId: number;
  const db = () => t.db.database.db;
  const version = async () =>
    (await rows<{ v: string }>(db(), sql`select coalesce((select version from analysis_version), 0)::text as v`))[0]!.v;
  const valueIn2022 = async () => {
    const res = await stats.get(`/api/analysis/indicators/${indicatorId}`);
    expect(res.statusCode).toBe(200);
    const page = res.json() as IndicatorPage;
    return page.indicator.values[page.indicator.years.indexOf(2022)];
  };

  beforeAll(async () => {
    t = await createTestApp(engine, {}, { demoData: false });
    stats = await login(t.app, 'stats');
    const [ind] = await rows<{ id: number }>(
      db(),
      sql`select id from indicator where same_as is null and rule->>'kind' = 'threshold'
            and disaggregations::text = '[]' and (limits->>1)::numeric >= 100 order by id limit 1`,
    );
    indicatorId = ind!.id;
    await saveValues(
      db(),
      [{ indicatorId, year: 2022, areaId: null, sex: 'total', value: 61.5, explanation: '测试', expectedVersion: 0 }],
      { actor: ACTOR, unitId: null, roundId: null },
    );
    await db().execute(sql`update data_value set locked = true where indicator_id = ${indicatorId}`);
  }, 180_000);
  afterAll(() => t?.close());

  it('answers the same question from memory until a value changes, through the app or plain SQL', async () => {
    expect(await valueIn2022()).toBe(61.5);
    const before = await version();
    expect(await valueIn2022()).toBe(61.5);
    expect(await version()).toBe(before); // reading changes nothing
    // Plain SQL behind the server's back: queued by the triggers, caught up by the next read.
    await db().execute(sql`update data_value set value = 63.2 where indicator_id = ${indicatorId} and year = 2022`);
    expect(await valueIn2022()).toBe(63.2);
    expect(BigInt(await version())).toBeGreaterThan(BigInt(before));
  });

  it('sees a renamed lead unit and a retired indicator at once', async () => {
    const units = async () => ((await stats.get('/api/analysis/units')).json() as UnitsPage).byUnit;
    const [lead] = await units();
    await db().execute(sql`update org_unit set name = ${`${lead!.unitName}（更名）`} where id = ${lead!.unitId}`);
    expect((await units()).find((u) => u.unitId === lead!.unitId)?.unitName).toBe(`${lead!.unitName}（更名）`);

    const overview = async () => (await stats.get('/api/analysis/overview')).json() as { byPlan: { total: number }[] };
    const total = (await overview()).byPlan.reduce((s, p) => s + p.total, 0);
    await db().execute(sql`update indicator set retired_at = now() where id = ${indicatorId}`);
    expect((await overview()).byPlan.reduce((s, p) => s + p.total, 0)).toBe(total - 1);
    await db().execute(sql`update indicator set retired_at = null where id = ${indicatorId}`);
    expect((await overview()).byPlan.reduce((s, p) => s + p.total, 0)).toBe(total);
  });

  it('never reuses a version number, even after a restore empties the table', async () => {
    const before = BigInt(await version());
    await db().execute(sql`delete from analysis_version`);
    await db().execute(sql`update org_unit set name = name where id = (select min(id) from org_unit)`);
    expect(BigInt(await version())).toBeGreaterThan(before);
  });
});
