import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, loginFailure, orgUnit, unitDocument, userSession } from '../../src/db/schema/index.ts';
import { saveValues } from '../../src/features/collection/values.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { buildApp } from '../../src/server/app.ts';
import { assignLead } from '../collection/helpers.ts';
import { multipart, tinyPdf } from '../documents/files.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { ENGINES } from '../helpers/db.ts';
import { type Client, login, loginResponse, sessionCookie } from '../helpers/session.ts';
import { startReceiver } from '../notices/receiver.ts';

// The Medium findings of the security probe (issue 15), one test each; every one failed before its fix.

const GOOD = 'Wuqing#2026a';
const from = (remoteAddress: string, username: string, password: string, headers: Record<string, string> = {}) => ({
  method: 'POST' as const,
  url: '/api/auth/login',
  remoteAddress,
  headers,
  payload: { username, password },
});

describe.each(ENGINES)('security probe findings on %s', (engine) => {
  let t: TestApp;
  let admin: Client;
  beforeAll(async () => {
    // The default login rate limit (20 a minute per address): finding 2 is about it.
    t = await createTestApp(engine, { security: loadConfig({ LOGIN_FAILURE_DELAY_MS: '0' }).security });
    admin = await login(t.app, 'admin');
  });
  afterAll(() => t.close());
  const db = () => t.db.database.db;
  const auditRows = (action: string) =>
    db().select().from(auditLog).where(eq(auditLog.action, action)).orderBy(auditLog.id);

  it('1. five wrong passwords from one client lock that client only: the real user and the admin still sign in', async () => {
    for (let i = 0; i < 6; i++) await t.app.inject(from('10.9.9.9', 'admin', 'Wrong#pass1'));
    const attacker = await t.app.inject(from('10.9.9.9', 'admin', 'Tianping@2025'));
    expect(attacker.json().code).toBe('ACCOUNT_LOCKED');
    expect(attacker.json().message).toMatch(/^登录失败次数过多/);
    const real = await t.app.inject(from('10.1.1.1', 'admin', 'Tianping@2025'));
    expect(real.statusCode, real.body).toBe(200);
    expect((await auditRows('auth.lockout')).at(-1)?.detail).toContain('10.9.9.9');
    // Progressive: the same client's next lock lasts twice as long.
    await db()
      .update(loginFailure)
      .set({ lockedUntil: new Date(Date.now() - 1000) })
      .where(eq(loginFailure.client, '10.9.9.9'));
    for (let i = 0; i < 5; i++) await t.app.inject(from('10.9.9.9', 'admin', 'Wrong#pass1'));
    const [row] = await db().select().from(loginFailure).where(eq(loginFailure.client, '10.9.9.9'));
    expect(row!.locks).toBe(2);
    const minutes = (row!.lockedUntil!.getTime() - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(29);
    // An admin unlock ends it.
    const [adminRow] = await db().select().from(loginFailure).where(eq(loginFailure.username, 'admin'));
    expect(adminRow).toBeDefined();
    const users = (await admin.get('/api/admin/users')).json().users as { id: number; username: string }[];
    const adminId = users.find((u) => u.username === 'admin')!.id;
    expect((await admin.post(`/api/admin/users/${adminId}/unlock`)).statusCode).toBe(200);
    expect((await t.app.inject(from('10.9.9.9', 'admin', 'Tianping@2025'))).statusCode).toBe(200);
  });

  it('1b. unknown usernames answer exactly like known ones (no enumeration)', async () => {
    const known = await t.app.inject(from('10.2.2.2', 'office', 'Wrong#pass1'));
    const unknown = await t.app.inject(from('10.2.2.2', 'nobody_here', 'Wrong#pass1'));
    expect(unknown.statusCode).toBe(known.statusCode);
    expect(unknown.json()).toEqual(known.json());
    for (let i = 0; i < 5; i++) await t.app.inject(from('10.2.2.3', 'nobody_here', 'Wrong#pass1'));
    expect((await t.app.inject(from('10.2.2.3', 'nobody_here', 'x'))).json().code).toBe('ACCOUNT_LOCKED');
  });

  it('2. a client-sent X-Forwarded-For is not believed: the login rate limit holds and the audit log has the real address', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 25; i++) {
      const res = await t.app.inject(
        from('10.3.3.3', `probe${i}`, 'Wrong#pass1', { 'x-forwarded-for': `198.51.100.${i}` }),
      );
      codes.push(res.statusCode);
    }
    expect(codes).toContain(429);
    const rows = await db().select().from(auditLog).where(eq(auditLog.username, 'probe3'));
    expect(rows[0]?.ip).toBe('10.3.3.3');
  }, 180_000);

  it('3. a demo session does not survive a restart without demo mode', async () => {
    const demoAdmin = await login(t.app, 'admin');
    const production = await buildApp({ config: { ...t.config, demo: false }, database: t.db.database, logger: false });
    await production.ready();
    try {
      const me = await production.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: demoAdmin.cookie } });
      expect(me.statusCode).toBe(401);
      const create = await production.inject({
        method: 'POST',
        url: '/api/admin/users',
        headers: { cookie: demoAdmin.cookie, 'x-csrf-token': demoAdmin.csrf },
        payload: { username: 'intruder', displayName: '入侵', role: 'admin', password: GOOD },
      });
      expect(create.statusCode).toBe(401);
      const sessions = await db().select().from(userSession).where(eq(userSession.mode, 'demo'));
      expect(sessions.length).toBeGreaterThanOrEqual(0);
    } finally {
      await production.close();
    }
    // Back in demo mode, a session opened in production mode is not accepted either.
    await db().update(userSession).set({ mode: 'production' });
    expect((await demoAdmin.get('/api/auth/me')).statusCode).toBe(401);
    admin = await login(t.app, 'admin');
  });

  it('4. TRUNCATE audit_log is refused', async () => {
    const before = await db().select({ n: sql<number>`count(*)::int` }).from(auditLog);
    await expect(db().execute(sql`truncate audit_log`)).rejects.toThrow();
    const after = await db().select({ n: sql<number>`count(*)::int` }).from(auditLog);
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it('5. attachment names: the extension follows the content, bidi and control characters go, downloads are attachments', async () => {
    const wjw = await login(t.app, 'wjw');
    const doc = await wjw.put('/api/documents/annual_work_report/2025', {
      sections: { implementation: '情况' },
      expectedVersion: 0,
    });
    const id = doc.json().document.id as number;
    const names = ['x.bat', '年度报告\u202efdp.hta', 'page.html', 'a\u0007b.pdf'];
    const res = await wjw.request({
      method: 'POST',
      url: `/api/documents/${id}/attachments`,
      ...multipart(names.map((name) => ({ name, bytes: tinyPdf() }))),
    });
    expect(res.statusCode, res.body).toBe(200);
    const stored = (res.json().attachments as { fileName: string; id: number }[]).map((a) => a.fileName);
    expect(stored).toEqual(['x.pdf', '年度报告fdp.pdf', 'page.pdf', 'ab.pdf']);
    const first = res.json().attachments[0].id as number;
    const download = await wjw.get(`/api/documents/attachments/${first}`);
    expect(download.headers['content-disposition']).toMatch(/^attachment;/);
  });

  it('6. out-of-scope ids and CSRF failures are audited, rate-limited', async () => {
    const [doc] = await db()
      .select({ id: unitDocument.id })
      .from(unitDocument)
      .innerJoin(orgUnit, eq(orgUnit.id, unitDocument.unitId))
      .where(eq(orgUnit.name, '区卫生健康委'));
    const jyj = await login(t.app, 'jyj');
    const probe = await jyj.get(`/api/documents/${doc!.id}`);
    expect(probe.statusCode).toBe(404);
    const missing = await jyj.get('/api/documents/999999');
    expect(missing.json()).toEqual({ ...probe.json(), message: missing.json().message });
    const rows = await auditRows('access.out_of_scope');
    expect(rows.at(-1)).toMatchObject({ username: 'jyj', result: 'denied', objectId: String(doc!.id) });

    for (let i = 0; i < 40; i++)
      await jyj.request({ method: 'POST', url: '/api/auth/logout', headers: { 'x-csrf-token': 'forged' } });
    const csrf = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'access.csrf_failed'), eq(auditLog.username, 'jyj')));
    expect(csrf.length).toBeGreaterThan(0);
    expect(csrf.length).toBeLessThanOrEqual(20);
  });

  it('7. preliminary values of other units are seen only by the office and the statistics bureau', async () => {
    const { unit, indicators } = await assignLead(db(), '区卫生健康委', ['孕产妇系统管理率']);
    const care = indicators.孕产妇系统管理率!;
    await saveValues(
      db(),
      [{ indicatorId: care.id, year: 2025, areaId: null, sex: 'total', value: 91.5, expectedVersion: 0 }],
      { actor: { userId: null, username: 'seed', unitName: null, ip: null }, unitId: unit.id, roundId: null },
    );
    const seen = async (username: string) => {
      const c = await login(t.app, username);
      const res = await c.get(`/api/analysis/indicators/${care.id}?basis=preliminary`);
      expect(res.statusCode, res.body).toBe(200);
      return JSON.stringify(res.json().indicator).includes('91.5');
    };
    expect(await seen('office')).toBe(true);
    expect(await seen('stats')).toBe(true);
    expect(await seen('wjw')).toBe(true); // its own unit's
    expect(await seen('jyj')).toBe(false);
    expect(await seen('yangcun')).toBe(false);
    expect(await seen('leader')).toBe(false);
  }, 180_000);

  it('9. NUL, lone surrogates, ids beyond 32 bits and multipart without a boundary answer 400, not 500', async () => {
    const nul = await t.app.inject(from('10.4.4.4', 'ad\u0000min', 'x'));
    expect(nul.statusCode).toBe(400);
    expect(nul.json().message).toContain('空字符');
    const wjw = await login(t.app, 'wjw');
    for (const url of ['/api/documents/2147483648', '/api/documents/99999999999999999999']) {
      const res = await wjw.get(url);
      expect(res.statusCode, url).toBe(400);
    }
    const surrogate = await wjw.request({
      method: 'PUT',
      url: '/api/documents/annual_work_report/2024',
      headers: { 'content-type': 'application/json' },
      payload: '{"sections":{"implementation":"\\ud800"},"expectedVersion":0}',
    });
    expect(surrogate.statusCode, surrogate.body).toBe(400);
    const noBoundary = await wjw.request({
      method: 'POST',
      url: '/api/rounds/1/upload/preview',
      headers: { 'content-type': 'multipart/form-data' },
      payload: 'garbage',
    });
    expect(noBoundary.statusCode, noBoundary.body).toBeGreaterThanOrEqual(400);
    expect(noBoundary.statusCode, noBoundary.body).toBeLessThan(500);
  });

  it('Low: the webhook test calls only allowed hosts and never echoes the answer', async () => {
    const receiver = await startReceiver({ status: 500, body: 'SECRET-INTERNAL-PAGE' });
    try {
      const office = await login(t.app, 'office');
      const loopbackByName = await office.post('/api/settings/webhook/test', {
        url: receiver.url.replace('127.0.0.1', 'localhost'),
        kind: 'wecom',
      });
      expect(loopbackByName.json().ok).toBe(false);
      expect(loopbackByName.json().message).toContain('不在允许范围内');
      const metadata = await office.post('/api/settings/webhook/test', {
        url: 'http://169.254.169.254/latest/meta-data',
        kind: 'wecom',
      });
      expect(metadata.json().message).toContain('不在允许范围内');
      expect(receiver.received).toHaveLength(0);
      // Allowed (the tests list 127.0.0.1): the call is made, but the body is not passed on.
      const allowed = await office.post('/api/settings/webhook/test', { url: receiver.url, kind: 'wecom' });
      expect(allowed.json()).toEqual({ ok: false, message: '机器人接口返回 HTTP 500' });
      expect(JSON.stringify(allowed.json())).not.toContain('SECRET');
    } finally {
      await receiver.close();
    }
  });

  it('Low: API answers are not cached; /api/docs needs a login in production', async () => {
    const res = await admin.get('/api/auth/me');
    expect(res.headers['cache-control']).toBe('no-store');
    const production = await buildApp({ config: { ...t.config, demo: false }, database: t.db.database, logger: false });
    await production.ready();
    try {
      const docs = await production.inject({ method: 'GET', url: '/api/docs/json' });
      expect(docs.statusCode).toBe(401);
    } finally {
      await production.close();
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/docs/json' })).statusCode).toBe(200);
  });

  it('Low: common passwords are refused and the last 5 cannot be reused; sessions per user are capped', async () => {
    const [unit] = await db().select().from(orgUnit).where(eq(orgUnit.name, '区民政局'));
    for (const password of ['Password1', '12345678Aa']) {
      const res = await admin.post('/api/admin/users', {
        username: 'weakling',
        displayName: '测试',
        role: 'unit_reporter',
        unitId: unit!.id,
        password,
      });
      expect(res.json().code).toBe('PASSWORD_POLICY');
      expect(res.json().message).toContain('过于常见');
    }
    const created = await admin.post('/api/admin/users', {
      username: 'histuser',
      displayName: '测试',
      role: 'unit_reporter',
      unitId: unit!.id,
      password: GOOD,
    });
    expect(created.statusCode, created.body).toBe(200);
    const c = await login(t.app, 'histuser', GOOD);
    const change = async (from: string, to: string) => {
      const res = await c.post('/api/auth/password', { currentPassword: from, newPassword: to });
      if (res.statusCode === 200) {
        c.cookie = sessionCookie(res);
        c.csrf = res.json().csrfToken;
      }
      return res;
    };
    expect((await change(GOOD, 'Second#2026x')).statusCode).toBe(200);
    const back = await change('Second#2026x', GOOD);
    expect(back.statusCode).toBe(400);
    expect(back.json().message).toContain('最近 5 次');
    // Six logins: only five sessions stay open.
    for (let i = 0; i < 6; i++) await loginResponse(t.app, 'histuser', 'Second#2026x');
    const userId = created.json().user.id as number;
    const open = await db().select().from(userSession).where(eq(userSession.userId, userId));
    expect(open).toHaveLength(5);
  }, 180_000);
});
