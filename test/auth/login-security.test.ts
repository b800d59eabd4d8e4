import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appUser, loginFailure, orgUnit, userSession } from '../../src/db/schema/index.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { ENGINES } from '../helpers/db.ts';
import { type Client, login, loginResponse, sessionCookie } from '../helpers/session.ts';

const GOOD = 'Wuqing#2026a';

describe.each(ENGINES)('login security (等保2.0 二级) on %s', (engine) => {
  let t: TestApp;
  let admin: Client;
  let unitId: number;

  beforeAll(async () => {
    t = await createTestApp(engine);
    admin = await login(t.app, 'admin');
    const [unit] = await t.db.database.db.select().from(orgUnit).where(eq(orgUnit.name, '区民政局'));
    unitId = unit!.id;
  });
  afterAll(() => t.close());

  const db = () => t.db.database.db;
  let n = 0;
  async function newUser(password = GOOD) {
    const username = `user${++n}`;
    const res = await admin.post('/api/admin/users', {
      username,
      displayName: '测试',
      role: 'unit_reporter',
      unitId,
      password,
    });
    expect(res.statusCode, res.body).toBe(200);
    return { username, id: res.json().user.id as number };
  }
  async function changePassword(client: Client, currentPassword: string, newPassword: string) {
    const res = await client.post('/api/auth/password', { currentPassword, newPassword });
    if (res.statusCode === 200) {
      client.cookie = sessionCookie(res);
      client.csrf = res.json().csrfToken;
    }
    return res;
  }

  it('requires 8+ characters from 3 of 4 classes, without the username', async () => {
    for (const [password, reason] of [
      ['Ab1#', '长度至少 8 位'],
      ['abcdefgh1', '至少 3 类'],
      ['Xuser99x#A', '不能包含用户名'],
    ] as const) {
      const res = await admin.post('/api/admin/users', {
        username: 'user99x',
        displayName: '测试',
        role: 'unit_reporter',
        unitId,
        password,
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('PASSWORD_POLICY');
      expect(res.json().message).toContain(reason);
    }
    const users = await db().select().from(appUser).where(eq(appUser.username, 'user99x'));
    expect(users).toHaveLength(0);
  });

  it('forces a password change at first login; nothing else works until then', async () => {
    const { username } = await newUser();
    const client = await login(t.app, username, GOOD);
    const me = await client.get('/api/auth/me');
    expect(me.json().user.mustChangePassword).toBe(true);
    const blocked = await client.get('/api/org/units');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('PASSWORD_CHANGE_REQUIRED');
    const weak = await changePassword(client, GOOD, 'short');
    expect(weak.json().code).toBe('PASSWORD_POLICY');
    const same = await changePassword(client, GOOD, GOOD);
    expect(same.json().message).toContain('不能与当前密码相同');
    const ok = await changePassword(client, GOOD, 'Changed#2026');
    expect(ok.statusCode).toBe(200);
    expect((await client.get('/api/org/units')).statusCode).toBe(200);
  });

  it('locks the account for this client after 5 failures for 15 minutes, refuses even the right password, and unlocks', async () => {
    const { username, id } = await newUser();
    for (let i = 1; i <= 4; i++) {
      const res = await loginResponse(t.app, username, 'Wrong#pass1');
      expect(res.statusCode).toBe(401);
      // The answer does not say how many tries are left (nor, so, that the username exists).
      expect(res.json().message).toBe('用户名或密码错误');
    }
    const fifth = await loginResponse(t.app, username, 'Wrong#pass1');
    expect(fifth.statusCode).toBe(403);
    expect(fifth.json().code).toBe('ACCOUNT_LOCKED');
    const [locked] = await db().select().from(loginFailure).where(eq(loginFailure.username, username));
    const minutes = (locked!.lockedUntil!.getTime() - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(14);
    expect(minutes).toBeLessThanOrEqual(15);
    expect((await loginResponse(t.app, username, GOOD)).json().code).toBe('ACCOUNT_LOCKED');

    const unlock = await admin.post(`/api/admin/users/${id}/unlock`);
    expect(unlock.statusCode).toBe(200);
    expect((await loginResponse(t.app, username, GOOD)).statusCode).toBe(200);
  });

  it('lets a lock run out by itself', async () => {
    const { username } = await newUser();
    for (let i = 0; i < 5; i++) await loginResponse(t.app, username, 'Wrong#pass1');
    expect((await loginResponse(t.app, username, GOOD)).json().code).toBe('ACCOUNT_LOCKED');
    await db()
      .update(loginFailure)
      .set({ lockedUntil: new Date(Date.now() - 1000) })
      .where(eq(loginFailure.username, username));
    expect((await loginResponse(t.app, username, GOOD)).statusCode).toBe(200);
  });

  it('expires passwords after 90 days, warning in the last 7', async () => {
    const { username, id } = await newUser();
    const client = await login(t.app, username, GOOD);
    await changePassword(client, GOOD, 'Second#2026');
    await db().update(appUser).set({ passwordChangedAt: sql`now() - interval '85 days'` }).where(eq(appUser.id, id));
    const warned = await client.get('/api/auth/me');
    expect(warned.json().passwordExpiryWarning).toContain('天后过期');
    expect((await client.get('/api/org/units')).statusCode).toBe(200);

    await db().update(appUser).set({ passwordChangedAt: sql`now() - interval '91 days'` }).where(eq(appUser.id, id));
    const expired = await client.get('/api/org/units');
    expect(expired.json().code).toBe('PASSWORD_CHANGE_REQUIRED');
  });

  it('forces a change after an admin reset and ends the user’s sessions', async () => {
    const { username, id } = await newUser();
    const client = await login(t.app, username, GOOD);
    await changePassword(client, GOOD, 'Mine#2026x');
    const reset = await admin.post(`/api/admin/users/${id}/reset-password`, { password: 'Temp#2026x' });
    expect(reset.statusCode).toBe(200);
    expect((await client.get('/api/auth/me')).statusCode).toBe(401);
    const again = await login(t.app, username, 'Temp#2026x');
    expect((await again.get('/api/auth/me')).json().user.mustChangePassword).toBe(true);
  });

  it('ends a session after 30 idle minutes', async () => {
    const client = await login(t.app, 'office');
    await db().update(userSession).set({ lastSeenAt: sql`now() - interval '31 minutes'` });
    const res = await client.get('/api/auth/me');
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('SESSION_EXPIRED');
  });

  it('invalidates the session at logout', async () => {
    const client = await login(t.app, 'office');
    expect((await client.get('/api/auth/me')).statusCode).toBe(200);
    expect((await client.post('/api/auth/logout')).statusCode).toBe(200);
    const after = await client.get('/api/auth/me');
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('UNAUTHENTICATED');
  });

  it('rejects a state-changing request without the CSRF token, changing nothing', async () => {
    const office = await login(t.app, 'office');
    const units = (await office.get('/api/org/units')).json().units as { id: number; name: string }[];
    const target = units.find((u) => u.name === '区体育局')!;
    for (const token of [undefined, 'forged']) {
      const res = await t.app.inject({
        method: 'PATCH',
        url: `/api/org/units/${target.id}`,
        headers: { cookie: office.cookie, ...(token ? { 'x-csrf-token': token } : {}) },
        payload: { name: '被篡改' },
      });
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('CSRF_INVALID');
    }
    const [row] = await db().select().from(orgUnit).where(eq(orgUnit.id, target.id));
    expect(row!.name).toBe('区体育局');
  });

  it('sets the session cookie HttpOnly and SameSite=Strict; X-Forwarded-Proto from an unconfigured proxy is ignored', async () => {
    const plain = await loginResponse(t.app, 'office');
    const cookie = plain.cookies.find((c) => c.name === 'tp_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Strict');
    expect(cookie.secure).toBeFalsy();
    const https = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'x-forwarded-proto': 'https' },
      payload: { username: 'office', password: 'Tianping@2025' },
    });
    // TRUST_PROXY is unset: the header comes from the client itself and is not believed (see proxy tests).
    expect(https.cookies.find((c) => c.name === 'tp_session')!.secure).toBeFalsy();
  });

  it('sends security headers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('same-origin');
  });
});

describe.each(ENGINES)('login rate limit and demo accounts on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(() => t.close());

  it('limits login attempts per address', async () => {
    const limited = await createTestAppOn(t, { loginRateLimitPerMinute: 3 });
    const codes: number[] = [];
    for (let i = 0; i < 4; i++) codes.push((await loginResponse(limited, 'nobody', 'Wrong#pass1')).statusCode);
    expect(codes).toEqual([401, 401, 401, 429]);
    const res = await loginResponse(limited, 'nobody', 'Wrong#pass1');
    expect(res.json().code).toBe('RATE_LIMITED');
    await limited.close();
  });

  it('refuses demo accounts and hides their list outside demo mode', async () => {
    const real = await createTestAppOn(t, {}, false);
    const res = await loginResponse(real, 'office');
    expect(res.statusCode).toBe(403);
    expect(res.json().message).toContain('演示');
    expect((await real.inject({ method: 'GET', url: '/api/auth/demo-accounts' })).statusCode).toBe(404);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/auth/demo-accounts' })).json().accounts.length,
    ).toBeGreaterThan(6);
    await real.close();
  });
});

/** A second app over the same database with other settings. */
async function createTestAppOn(t: TestApp, security: Partial<TestApp['config']['security']>, demo = true) {
  const { buildApp } = await import('../../src/server/app.ts');
  const app = await buildApp({
    config: { ...t.config, demo, security: { ...t.config.security, ...security } },
    database: t.db.database,
    logger: false,
  });
  await app.ready();
  return app;
}
