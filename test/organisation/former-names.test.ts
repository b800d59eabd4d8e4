import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orgUnit, orgUnitFormerName } from '../../src/db/schema/index.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { ENGINES } from '../helpers/db.ts';
import { type Client, login } from '../helpers/session.ts';

type UnitsPage = { byUnit: { unitId: number; unitName: string }[] };

// 机构更名 between cycles: 区教育局 becomes 区教育体育局 after 2025. The finished 2021–2025 cycle keeps naming it
// 区教育局 (its analysis, its reports); a spelling correction changes the name everywhere at once.
describe.each(ENGINES)('a unit renamed after a finished cycle on %s', (engine) => {
  let t: TestApp;
  let office: Client;
  let stats: Client;
  const unitId = async (name: string) =>
    (await t.db.database.db.select({ id: orgUnit.id }).from(orgUnit).where(eq(orgUnit.name, name)))[0]!.id;
  const leadNames = async () =>
    new Map(((await stats.get('/api/analysis/units')).json() as UnitsPage).byUnit.map((u) => [u.unitId, u.unitName]));

  beforeAll(async () => {
    t = await createTestApp(engine);
    office = await login(t.app, 'office');
    stats = await login(t.app, 'stats');
  });
  afterAll(() => t.close());

  it('keeps the former name for the finished cycle, and the unit its identity', async () => {
    const education = await unitId('区教育局');
    expect((await leadNames()).get(education)).toBe('区教育局');
    const res = await office.patch(`/api/org/units/${education}`, { name: '区教育体育局' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().unit).toMatchObject({ id: education, name: '区教育体育局' });
    // 2021–2025 ended before the rename: its pages still say 区教育局.
    expect((await leadNames()).get(education)).toBe('区教育局');
    const former = await t.db.database.db
      .select()
      .from(orgUnitFormerName)
      .where(eq(orgUnitFormerName.unitId, education));
    expect(former.map((f) => f.name)).toEqual(['区教育局']);
    // The unit list (today) says the new name.
    const list = (await office.get('/api/org/units')).json().units as { id: number; name: string }[];
    expect(list.find((u) => u.id === education)?.name).toBe('区教育体育局');
  });

  it('changes the name everywhere when it is a correction', async () => {
    const health = await unitId('区卫生健康委');
    const res = await office.patch(`/api/org/units/${health}`, { name: '区卫生健康委员会', keepFormerName: false });
    expect(res.statusCode, res.body).toBe(200);
    expect((await leadNames()).get(health)).toBe('区卫生健康委员会');
  });

  it('refuses a request that changes nothing, writing nothing', async () => {
    const sports = await unitId('区体育局');
    const res = await office.patch(`/api/org/units/${sports}`, { keepFormerName: true });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('VALIDATION_FAILED');
    const former = await t.db.database.db.select().from(orgUnitFormerName).where(eq(orgUnitFormerName.unitId, sports));
    expect(former).toEqual([]);
  });
});
