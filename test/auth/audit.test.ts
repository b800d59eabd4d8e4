import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../src/db/rows.ts';
import { area, auditLog, orgUnit } from '../../src/db/schema/index.ts';
import { purgeAuditLog } from '../../src/features/audit/audit.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { ENGINES } from '../helpers/db.ts';
import { type Client, login, loginResponse } from '../helpers/session.ts';

// 等保2.0 安全审计: who did what, from where, with what result, and what changed; and the log's own protection.

type Entry = typeof auditLog.$inferSelect;
const GOOD = 'Wuqing#2026a';

describe.each(ENGINES)('audit log on %s', (engine) => {
  let t: TestApp;
  let admin: Client;
  let office: Client;

  beforeAll(async () => {
    t = await createTestApp(engine);
    admin = await login(t.app, 'admin');
    office = await login(t.app, 'office');
  });
  afterAll(() => t?.close());

  const db = () => t.db.database.db;
  /** The newest entry for an action (and optionally an object id), read back through the API as an auditor would. */
  async function latest(action: string, objectId?: number | string): Promise<Entry> {
    const res = await admin.get(`/api/audit?action=${encodeURIComponent(action)}&pageSize=500`);
    expect(res.statusCode, res.body).toBe(200);
    const entries = (res.json().entries as Entry[]).filter(
      (e) => e.action === action && (objectId === undefined || e.objectId === String(objectId)),
    );
    expect(entries.length, `no ${action} entry`).toBeGreaterThan(0);
    return entries[0] as Entry;
  }

  it('records sign-in, sign-out and failed sign-in with user, unit and IP', async () => {
    const client = await login(t.app, 'wjw');
    const signedIn = await latest('auth.login');
    expect(signedIn).toMatchObject({ username: 'wjw', result: 'success', ip: '127.0.0.1', objectType: 'user' });
    expect(new Date(signedIn.at).getTime()).toBeGreaterThan(Date.now() - 60_000);

    await client.post('/api/auth/logout');
    expect(await latest('auth.logout')).toMatchObject({
      username: 'wjw',
      unitName: '区卫生健康委',
      ip: '127.0.0.1',
      result: 'success',
    });

    expect((await loginResponse(t.app, 'wjw', 'Wrong#pass1')).statusCode).toBe(401);
    const failed = (await latest('auth.login')) as Entry;
    expect(failed).toMatchObject({ username: 'wjw', result: 'failure', ip: '127.0.0.1' });
    expect(failed.detail).toContain('用户名或密码错误');
  });

  it('records user administration with before and after', async () => {
    const [unit] = await db().select().from(orgUnit).where(eq(orgUnit.name, '区民政局'));
    const created = await admin.post('/api/admin/users', {
      username: 'audited1',
      displayName: '审计测试',
      role: 'unit_reporter',
      unitId: unit!.id,
      password: GOOD,
    });
    expect(created.statusCode, created.body).toBe(200);
    const id = created.json().user.id as number;
    const create = await latest('user.create', id);
    expect(create).toMatchObject({ username: 'admin', ip: '127.0.0.1', objectType: 'user', result: 'success' });
    expect(create.after).toMatchObject({ username: 'audited1', role: 'unit_reporter', unitId: unit!.id });
    expect(JSON.stringify(create.after)).not.toContain(GOOD);

    await admin.patch(`/api/admin/users/${id}`, { displayName: '审计测试（改）' });
    const update = await latest('user.update', id);
    expect(update.before).toMatchObject({ displayName: '审计测试' });
    expect(update.after).toEqual({ displayName: '审计测试（改）' });

    await admin.patch(`/api/admin/users/${id}`, { disabled: true });
    const disable = await latest('user.disable', id);
    expect(disable.before).toMatchObject({ disabled: false });
    expect(disable.after).toEqual({ disabled: true });
    await admin.patch(`/api/admin/users/${id}`, { disabled: false });

    // Lockout: five failures in a row.
    for (let i = 0; i < 5; i++) await loginResponse(t.app, 'audited1', 'Wrong#pass1');
    expect(await latest('auth.lockout', id)).toMatchObject({ username: 'audited1', ip: '127.0.0.1' });

    await admin.post(`/api/admin/users/${id}/unlock`);
    const unlock = await latest('user.unlock', id);
    expect(unlock).toMatchObject({ username: 'admin', result: 'success' });
    expect((unlock.before as { lockedUntil: string | null }).lockedUntil).not.toBeNull();

    await admin.post(`/api/admin/users/${id}/reset-password`, { password: 'Temp#2026x' });
    const reset = await latest('user.reset_password', id);
    expect(reset).toMatchObject({ username: 'admin', objectType: 'user' });
    expect(JSON.stringify(reset)).not.toContain('Temp#2026x');
  });

  it('records unit and area changes with before and after', async () => {
    const createdUnit = await office.post('/api/org/units', { code: 'audit_u', name: '审计测试单位' });
    expect(createdUnit.statusCode, createdUnit.body).toBe(200);
    const unitId = createdUnit.json().unit.id as number;
    expect((await latest('unit.create', unitId)).after).toMatchObject({ name: '审计测试单位' });

    await office.patch(`/api/org/units/${unitId}`, { name: '审计测试单位二', active: false });
    const update = await latest('unit.update', unitId);
    expect(update).toMatchObject({ username: 'office', unitName: '区妇儿工委办公室', ip: '127.0.0.1' });
    expect(update.before).toMatchObject({ name: '审计测试单位', active: true });
    expect(update.after).toMatchObject({ name: '审计测试单位二', active: false });

    await office.patch(`/api/org/units/${unitId}/contact`, { contactName: '赵联络', contactPhone: '022-1' });
    const contact = await latest('unit.contact', unitId);
    expect(contact.before).toMatchObject({ contactName: null });
    expect(contact.after).toMatchObject({ contactName: '赵联络', contactPhone: '022-1' });

    const createdArea = await office.post('/api/org/areas', { code: 'audit_a', name: '审计测试镇', kind: 'town' });
    expect(createdArea.statusCode, createdArea.body).toBe(200);
    const areaId = createdArea.json().area.id as number;
    expect((await latest('area.create', areaId)).after).toMatchObject({ name: '审计测试镇', kind: 'town' });
    await office.patch(`/api/org/areas/${areaId}`, { active: false });
    const areaUpdate = await latest('area.update', areaId);
    expect(areaUpdate.before).toMatchObject({ active: true });
    expect(areaUpdate.after).toMatchObject({ active: false });
    const [row] = await db().select().from(area).where(eq(area.id, areaId));
    expect(row!.active).toBe(false);
  });

  it('records denied access and audit exports', async () => {
    const stats = await login(t.app, 'stats');
    expect((await stats.get('/api/admin/users')).statusCode).toBe(403);
    const denied = await latest('access.denied');
    expect(denied).toMatchObject({
      username: 'stats',
      unitName: '区统计局',
      ip: '127.0.0.1',
      result: 'denied',
      objectType: 'route',
      objectId: 'GET /api/admin/users',
    });

    const exported = await office.get('/api/audit/export.xlsx?action=auth.');
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toContain('spreadsheetml');
    const entry = await latest('audit.export');
    expect(entry).toMatchObject({ username: 'office', result: 'success', ip: '127.0.0.1' });
    expect(entry.detail).toMatch(/导出 \d+ 条/);
  });

  it('filters by user, action prefix, result and time, and pages with hasMore', async () => {
    const denied = await admin.get('/api/audit?result=denied');
    expect((denied.json().entries as Entry[]).every((e) => e.result === 'denied')).toBe(true);
    const byUser = await admin.get('/api/audit?username=office&action=unit.');
    const entries = byUser.json().entries as Entry[];
    expect(entries.length).toBeGreaterThanOrEqual(2);
    expect(entries.every((e) => e.username === 'office' && e.action.startsWith('unit.'))).toBe(true);
    const future = await admin.get(`/api/audit?from=${new Date(Date.now() + 3_600_000).toISOString()}`);
    expect(future.json().entries).toEqual([]);
    const first = (await admin.get('/api/audit?pageSize=2')).json();
    expect(first.entries).toHaveLength(2);
    expect(first.hasMore).toBe(true);
    const second = (await admin.get('/api/audit?pageSize=2&page=2')).json();
    expect(second.entries[0].id).toBeLessThan(first.entries[1].id);
  });

  it('purges rows past the retention period, never younger than 180 days', async () => {
    const insertAged = async (days: number, action: string) => {
      const [row] = await rows<{ id: string | number }>(
        db(),
        sql`INSERT INTO audit_log (at, username, action, result)
            VALUES (now() - make_interval(days => ${days}), 'old', ${action}, 'success') RETURNING id`,
      );
      return Number(row!.id);
    };
    const old = await insertAged(400, 'test.old');
    const young = await insertAged(100, 'test.young');
    const exists = async (id: number) => (await db().select().from(auditLog).where(eq(auditLog.id, id))).length === 1;

    expect(await purgeAuditLog(db(), 365)).toBeGreaterThanOrEqual(1);
    expect(await exists(old)).toBe(false);
    expect(await exists(young)).toBe(true);

    // Asked for 0 days, the purge still keeps 180.
    await purgeAuditLog(db(), 0);
    expect(await exists(young)).toBe(true);

    // And the database itself refuses to delete or alter a young row, whoever asks.
    await expect(db().execute(sql`DELETE FROM audit_log WHERE id = ${young}`)).rejects.toThrow();
    await expect(db().execute(sql`UPDATE audit_log SET detail = 'forged' WHERE id = ${young}`)).rejects.toThrow();
    const [row] = await db().select().from(auditLog).where(eq(auditLog.id, young));
    expect(row!.detail).toBeNull();
  });
});
