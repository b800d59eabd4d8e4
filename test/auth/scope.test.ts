import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orgUnit } from '../../src/db/schema/index.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { ENGINES } from '../helpers/db.ts';
import { login } from '../helpers/session.ts';

// Data scope: a unit's users see and change only their own unit; other units answer 404 like missing ones.

describe.each(ENGINES)('data scope of units on %s', (engine) => {
  let t: TestApp;
  let health: number; // 区卫生健康委
  let education: number; // 区教育局

  beforeAll(async () => {
    t = await createTestApp(engine);
    const units = await t.db.database.db.select().from(orgUnit);
    health = units.find((u) => u.name === '区卫生健康委')!.id;
    education = units.find((u) => u.name === '区教育局')!.id;
  });
  afterAll(() => t?.close());

  const unitRow = async (id: number) => (await t.db.database.db.select().from(orgUnit).where(eq(orgUnit.id, id)))[0]!;

  it('lets a unit reporter read its own unit, and answers 404 for another', async () => {
    const wjw = await login(t.app, 'wjw');
    const own = await wjw.get(`/api/org/units/${health}`);
    expect(own.statusCode).toBe(200);
    expect(own.json().unit.name).toBe('区卫生健康委');
    const other = await wjw.get(`/api/org/units/${education}`);
    expect(other.statusCode).toBe(404);
    expect(other.json().code).toBe('NOT_FOUND');
    expect(other.body).not.toContain('区教育局');
    // Out of scope looks exactly like missing.
    const missing = await wjw.get('/api/org/units/999999');
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual(other.json());
  });

  it('lets a unit leader change its own contact, not another unit’s', async () => {
    const leader = await login(t.app, 'wjw_leader');
    const before = await unitRow(education);
    const other = await leader.patch(`/api/org/units/${education}/contact`, {
      contactName: '冒名',
      contactPhone: '022-00000000',
    });
    expect(other.statusCode).toBe(404);
    expect(await unitRow(education)).toEqual(before);

    const own = await leader.patch(`/api/org/units/${health}/contact`, {
      contactName: '张联络',
      contactPhone: '022-29341234',
    });
    expect(own.statusCode, own.body).toBe(200);
    const after = await unitRow(health);
    expect(after.contactName).toBe('张联络');
    expect(after.contactPhone).toBe('022-29341234');
  });

  it('refuses unit details to a town reporter', async () => {
    const yangcun = await login(t.app, 'yangcun');
    for (const id of [health, education]) {
      const res = await yangcun.get(`/api/org/units/${id}`);
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('FORBIDDEN');
    }
  });
});
