import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../src/kernel/roles.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { type Access, apiRoutes, type RouteInfo, registerAccessControl } from '../../src/server/access.ts';
import { buildApp } from '../../src/server/app.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { ENGINES } from '../helpers/db.ts';
import { type Client, login } from '../helpers/session.ts';

// Every /api route × every role and an anonymous caller: the declared access is what the server enforces, and
// the declarations of the sensitive routes are what the issue asks for (so a wrong declaration fails here too).

/** One demo user per role. */
const USER_OF: Record<Role, string> = {
  office: 'office',
  statistics: 'stats',
  unit_reporter: 'wjw',
  unit_leader: 'wjw_leader',
  town_reporter: 'yangcun',
  district_leader: 'leader',
  admin: 'admin',
};

const ALL_SIGNED_IN = 'all signed-in';
const PUBLIC = 'public';
type Expected = typeof PUBLIC | typeof ALL_SIGNED_IN | Role[];

const WORK_READERS: Role[] = ['office', 'statistics', 'unit_reporter', 'unit_leader', 'district_leader'];

/** Who may call the sensitive routes, from the issue: admin manages users; office and admin the organisation; … */
const EXPECTED: Record<string, Expected> = {
  'GET /api/health': PUBLIC,
  'POST /api/auth/login': PUBLIC,
  'GET /api/auth/demo-accounts': PUBLIC,
  'GET /api/auth/me': ALL_SIGNED_IN,
  'POST /api/auth/logout': ALL_SIGNED_IN,
  'POST /api/auth/password': ALL_SIGNED_IN,
  'GET /api/admin/users': ['admin'],
  'POST /api/admin/users': ['admin'],
  'PATCH /api/admin/users/:id': ['admin'],
  'POST /api/admin/users/:id/reset-password': ['admin'],
  'POST /api/admin/users/:id/unlock': ['admin'],
  'GET /api/audit': ['admin', 'office'],
  'GET /api/audit/export.xlsx': ['admin', 'office'],
  'GET /api/org/units': ALL_SIGNED_IN,
  'GET /api/org/units/:id': ['office', 'statistics', 'unit_reporter', 'unit_leader', 'district_leader', 'admin'],
  'POST /api/org/units': ['office', 'admin'],
  'PATCH /api/org/units/:id': ['office', 'admin'],
  'PATCH /api/org/units/:id/contact': ['office', 'admin', 'unit_leader'],
  'GET /api/org/areas': ALL_SIGNED_IN,
  'POST /api/org/areas': ['office', 'admin'],
  'PATCH /api/org/areas/:id': ['office', 'admin'],
  // 督导检查, 议事协调 and the task list (issue 17): the office plans, records and issues; units answer their own;
  // statistics and district leaders read.
  'GET /api/inspections': WORK_READERS,
  'GET /api/inspections/:id': WORK_READERS,
  'POST /api/inspections': ['office'],
  'POST /api/inspections/:id/findings': ['office'],
  'POST /api/inspections/findings/:id/attachments': ['office'],
  'GET /api/inspections/attachments/:id': WORK_READERS,
  'POST /api/inspections/findings/:id/rectifications': ['office'],
  'GET /api/meetings': WORK_READERS,
  'GET /api/meetings/:id': WORK_READERS,
  'POST /api/meetings': ['office'],
  'POST /api/meetings/:id/decisions': ['office'],
  'GET /api/meetings/:id/minutes.docx': WORK_READERS,
  'GET /api/tasks': WORK_READERS,
  'GET /api/tasks/summary': ['office', 'statistics', 'district_leader'],
  'GET /api/tasks/link-options': ['office'],
  'GET /api/tasks/:id': WORK_READERS,
  'POST /api/tasks/:id/answer': ['unit_reporter', 'unit_leader'],
  'POST /api/tasks/:id/close': ['office'],
  'POST /api/tasks/:id/ask-again': ['office'],
  // 对比数据 (issue 12): everyone signed in reads them beside the district's values; the office records them.
  'GET /api/cycles': ALL_SIGNED_IN,
  'PUT /api/cycles/current': ['office', 'admin'],
  'GET /api/reference-values': ALL_SIGNED_IN,
  'GET /api/reference-values/template.xlsx': ALL_SIGNED_IN,
  'PUT /api/reference-values/:code/:scope/:year': ['office'],
  'DELETE /api/reference-values/:code/:scope/:year': ['office'],
  'POST /api/reference-values/import': ['office'],
  // 规划管理 (issue 13): the office and the administrator draft, curate, export and publish plan folders.
  'GET /api/plan-drafts': ['office', 'admin'],
  'POST /api/plan-drafts': ['office', 'admin'],
  'GET /api/plan-drafts/:id': ['office', 'admin'],
  'PATCH /api/plan-drafts/:id/candidates/:index': ['office', 'admin'],
  'POST /api/plan-drafts/:id/accept-domain': ['office', 'admin'],
  'PATCH /api/plan-drafts/:id/settings': ['office', 'admin'],
  'POST /api/plan-drafts/:id/organisation/import': ['office', 'admin'],
  'GET /api/plan-drafts/:id/problems': ['office', 'admin'],
  'GET /api/plan-drafts/:id/export.zip': ['office', 'admin'],
  'POST /api/plan-drafts/:id/publish': ['office', 'admin'],
  'DELETE /api/plan-drafts/:id': ['office', 'admin'],
  // Only the office sends a unit's document back (issue 14).
  'POST /api/documents/:id/return': ['office'],
  // The reviewer's list of 审核公式 hits across a round (issue 14).
  'GET /api/rounds/:id/checks': ['statistics', 'office'],
};

function allowedRoles(access: Access): Role[] | typeof PUBLIC {
  if ('public' in access) return PUBLIC;
  if ('authenticated' in access) return [...ROLES];
  return [...access.roles];
}

/** A concrete address for a route: every parameter becomes 1. */
const concrete = (url: string) => url.replace(/:[A-Za-z_]+/g, '1');

describe.each(ENGINES)('authorization matrix on %s', (engine) => {
  let t: TestApp;
  let routes: RouteInfo[];
  const clients = new Map<Role, Client>();

  beforeAll(async () => {
    const base = loadConfig({});
    t = await createTestApp(engine, { security: { ...base.security, loginRateLimitPerMinute: 10_000 } });
    routes = apiRoutes(t.app).filter((r) => r.method !== 'HEAD');
    for (const role of ROLES) clients.set(role, await login(t.app, USER_OF[role]));
  });
  afterAll(() => t?.close());

  it('knows the routes and every sensitive route is declared as the issue requires', () => {
    expect(routes.length).toBeGreaterThan(15);
    const declared = new Map(routes.map((r) => [`${r.method} ${r.url}`, r.access]));
    for (const [route, expected] of Object.entries(EXPECTED)) {
      const access = declared.get(route);
      expect(access, `${route} is not registered`).toBeDefined();
      const actual = allowedRoles(access as Access);
      if (expected === PUBLIC) expect(actual, route).toBe(PUBLIC);
      else if (expected === ALL_SIGNED_IN) expect(access, route).toHaveProperty('authenticated', true);
      else expect(new Set(actual), route).toEqual(new Set(expected));
    }
  });

  it('answers 401 to anonymous callers of every non-public route', async () => {
    for (const route of routes) {
      const res = await t.app.inject({ method: route.method as 'GET', url: concrete(route.url), payload: {} });
      const label = `${route.method} ${route.url}`;
      if ('public' in route.access) expect(res.statusCode, label).not.toBe(401);
      else {
        expect(res.statusCode, label).toBe(401);
        expect(res.json().code, label).toBe('UNAUTHENTICATED');
      }
    }
  });

  it('answers 403 FORBIDDEN to every role not allowed, and never 401/403 to an allowed one', async () => {
    for (const route of routes) {
      // Signing out would end the session the rest of the matrix uses; it gets its own check below.
      if (route.url === '/api/auth/logout') continue;
      const allowed = allowedRoles(route.access);
      for (const role of ROLES) {
        const client = clients.get(role) as Client;
        const res = await client.request({ method: route.method, url: concrete(route.url), payload: {} });
        const label = `${role} → ${route.method} ${route.url}: ${res.statusCode} ${res.body.slice(0, 200)}`;
        if (allowed === PUBLIC || allowed.includes(role)) {
          expect([401, 403], label).not.toContain(res.statusCode);
        } else {
          expect(res.statusCode, label).toBe(403);
          expect(res.json().code, label).toBe('FORBIDDEN');
        }
      }
    }
  });

  // An empty PATCH body would reach `db.update().set({})`, which Drizzle refuses: the schemas reject it first.
  it('answers an empty PATCH with 400 and a Chinese message, not 500', async () => {
    const admin = clients.get('admin') as Client;
    for (const url of ['/api/org/units/1', '/api/org/units/1/contact', '/api/org/areas/1', '/api/admin/users/1']) {
      const res = await admin.patch(url, {});
      expect(res.statusCode, url).toBe(400);
      expect(res.json().message, url).toContain('没有要修改的内容');
    }
  });

  it('lets every role sign out', async () => {
    for (const role of ROLES) {
      const client = await login(t.app, USER_OF[role]);
      expect((await client.post('/api/auth/logout')).statusCode, role).toBe(200);
      expect((await client.get('/api/auth/me')).statusCode, role).toBe(401);
    }
  });
});

describe('a route without an access declaration', () => {
  const config = loadConfig({});
  const database = {} as Parameters<typeof buildApp>[0]['database'];

  it('stops the server from starting', async () => {
    const app = Fastify({ logger: false });
    registerAccessControl(app, { config, database });
    app.register(
      async (api) => {
        api.get('/declared', { config: { access: { public: true } } }, async () => ({ ok: true }));
        api.get('/forgotten', async () => ({ ok: true }));
      },
      { prefix: '/api' },
    );
    await expect(app.ready()).rejects.toThrow(/GET \/api\/forgotten 未声明访问权限/);
    await app.close();
  });

  it('stops the real app too when a feature adds one', async () => {
    const t = await createTestApp(ENGINES[0] as 'pglite');
    try {
      const app = await buildApp({ config: t.config, database: t.db.database, logger: false });
      app.register(async (api) => api.post('/extra', async () => ({ ok: true })), { prefix: '/api' });
      await expect(app.ready()).rejects.toThrow(/POST \/api\/extra 未声明访问权限/);
      await app.close().catch(() => undefined);
    } finally {
      await t.close();
    }
  });
});
