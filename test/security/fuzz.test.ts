import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../src/db/rows.ts';
import type { Role } from '../../src/kernel/roles.ts';
import { projectPath } from '../../src/platform/paths.ts';
import { apiRoutes } from '../../src/server/access.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { ENGINES } from '../helpers/db.ts';
import { type Client, login } from '../helpers/session.ts';

// Every write route gets generated bad input built from its own schema (its body's field names, its path
// parameters): ids beyond 32 bits, NUL and lone surrogates, huge strings, wrong types, broken multipart. No
// answer may be ≥ 500, and a rejected request may change nothing (every table fingerprinted, except the ones
// refusals legitimately write: the audit log, sessions and login failures). FUZZ_RUNS per route: 8 here,
// `npm run fuzz` sends 200. The sign-in routes are fuzzed too: login without a session, logout with a session
// of its own (signed in again whenever a request did sign it out), the password change as a signed-in user.

const RUNS = Number(process.env.FUZZ_RUNS ?? 8);
/** A new seed each run unless FUZZ_SEED is given; printed, so that a failing run can be replayed exactly. */
const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const LOGIN = 'POST /api/auth/login';
const LOGOUT = 'POST /api/auth/logout';
/** The user whose sessions the logout fuzz ends (one no other request here uses). */
const LOGOUT_USER = 'leader';
const USER_OF: Record<Role, string> = {
  office: 'office',
  statistics: 'stats',
  unit_reporter: 'wjw',
  unit_leader: 'wjw_leader',
  town_reporter: 'yangcun',
  district_leader: 'leader',
  admin: 'admin',
};

const hostileScalar = fc.oneof(
  fc.constantFrom(
    2147483648,
    99999999999999,
    Number.MAX_SAFE_INTEGER,
    -1,
    0,
    1.5,
    '\u0000',
    'a\u0000b',
    '\ud800',
    'x\udfffy',
    '',
    null,
    true,
    [],
    {},
    '1e309',
    '2025-13-45',
    '<script>alert(1)</script>',
    '=HYPERLINK("http://x")',
    '[object Object]',
    'x'.repeat(20_000),
  ),
  fc.string({ maxLength: 40 }),
  fc.integer(),
  fc.double({ noNaN: true }),
);
const hostileId = fc.constantFrom(
  '0',
  '-1',
  '1',
  '2',
  '2147483647',
  '2147483648',
  '99999999999999999999',
  'abc',
  '1.5',
  '%00',
  '%F0%9F',
);

/** `app.post(` / put / patch / delete calls in src/features: the write routes as the code registers them. */
function writeRoutesInSource(): number {
  let n = 0;
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (file.endsWith('.ts'))
        n += fs.readFileSync(file, 'utf8').match(/\bapp\.(post|put|patch|delete)\(/g)?.length ?? 0;
    }
  };
  walk(projectPath('src', 'features'));
  return n;
}

function shapeKeys(schema: unknown): string[] {
  let s = schema as
    | { shape?: Record<string, unknown>; unwrap?: () => unknown; def?: { innerType?: unknown } }
    | undefined;
  for (let i = 0; i < 4 && s && !s.shape; i++) s = (s.unwrap?.() ?? s.def?.innerType) as typeof s;
  return s?.shape ? Object.keys(s.shape) : [];
}

function bodyArbitrary(schema: unknown) {
  const keys = shapeKeys(schema);
  const record = keys.length
    ? fc.dictionary(
        fc.constantFrom(...keys),
        fc.oneof(
          hostileScalar,
          fc.array(hostileScalar, { maxLength: 3 }),
          fc.dictionary(fc.string({ maxLength: 8 }), hostileScalar, { maxKeys: 3 }),
        ),
        { maxKeys: keys.length },
      )
    : fc.constant({});
  return fc.oneof(record, record, hostileScalar, fc.jsonValue({ maxDepth: 3 }));
}

describe.each(ENGINES)('fuzzing every write route on %s', (engine) => {
  let t: TestApp;
  const clients = new Map<string, Client>();
  beforeAll(async () => {
    t = await createTestApp(engine);
    for (const username of new Set(Object.values(USER_OF))) clients.set(username, await login(t.app, username));
  }, 300_000);
  afterAll(() => t?.close());

  const fingerprint = async () => {
    const tables = await rows<{ name: string }>(
      t.db.database.db,
      sql`select table_name as name from information_schema.tables where table_schema = 'public'
          and table_type = 'BASE TABLE' and table_name not in ('audit_log', 'user_session', 'login_failure')
          order by 1`,
    );
    const hashes = tables
      .map(
        ({ name }) =>
          `(select md5(coalesce(string_agg(x::text, ',' order by x::text), '')) from "${name}" x) as "${name}"`,
      )
      .join(', ');
    const [r] = await rows<Record<string, string>>(t.db.database.db, sql.raw(`select ${hashes}`));
    return JSON.stringify(r);
  };

  it(`sends ${RUNS} generated bad requests to each write route: no 5xx, nothing changed on reject`, async () => {
    const routes = apiRoutes(t.app).filter((r) => ['POST', 'PUT', 'PATCH', 'DELETE'].includes(r.method));
    // Every write route the features register is here: none left out by a filter or registered out of sight.
    expect(routes.length).toBe(writeRoutesInSource());
    let logoutClient: Client | undefined;
    const started = Date.now();
    let sent = 0;
    let changedOnReject = 0;
    const fiveHundreds: string[] = [];
    const perRoute = new Map<string, number>();
    const changes: string[] = [];
    let before = await fingerprint();
    for (const route of routes) {
      const role: Role = 'roles' in route.access ? (route.access.roles[0] as Role) : 'office';
      const key = `${route.method} ${route.url}`;
      const samples = fc.sample(
        fc.tuple(bodyArbitrary(route.schema?.body), hostileId, fc.integer({ min: 0, max: 9 })),
        { numRuns: RUNS, seed: SEED + routes.indexOf(route) },
      );
      for (const [body, id, variant] of samples) {
        const url = route.url.replace(/:(\w+)/g, (_m, name: string) =>
          name === 'id' || name.endsWith('Id') ? id : variant % 2 ? '2025' : 'x\u0000'.replace('\u0000', '%00'),
        );
        // One request in ten is a broken multipart body: without a boundary (8) or cut off after the file's
        // first bytes (9).
        const multipart = variant >= 8;
        const request = {
          method: route.method,
          url,
          ...(multipart
            ? {
                headers: {
                  'content-type': variant === 8 ? 'multipart/form-data' : 'multipart/form-data; boundary=zz',
                },
                payload: '--zz\r\nContent-Disposition: form-data; name="file"; filename="a.xlsx"\r\n\r\nPK',
              }
            : { headers: { 'content-type': 'application/json' }, payload: JSON.stringify(body) ?? 'null' }),
        };
        let res: Awaited<ReturnType<Client['request']>>;
        if (key === LOGIN) res = await t.app.inject(request);
        else if (key === LOGOUT) {
          if (!logoutClient) {
            logoutClient = await login(t.app, LOGOUT_USER);
            // Signing in writes (the user's last sign-in); the request under test is judged from here.
            before = await fingerprint();
          }
          res = await logoutClient.request(request);
          if (res.statusCode < 400) logoutClient = undefined;
        } else res = await (clients.get(USER_OF[role]) as Client).request(request);
        sent++;
        perRoute.set(key, (perRoute.get(key) ?? 0) + 1);
        if (res.statusCode >= 500)
          fiveHundreds.push(
            `${route.method} ${url} ${JSON.stringify(body)?.slice(0, 120)} → ${res.statusCode} ${res.body.slice(0, 120)}`,
          );
        const after = await fingerprint();
        if (res.statusCode >= 400 && after !== before) {
          changedOnReject++;
          const [b, a] = [JSON.parse(before), JSON.parse(after)] as Record<string, string>[];
          const tables = Object.keys(a ?? {}).filter((k) => a?.[k] !== b?.[k]);
          changes.push(`${route.method} ${url} ${JSON.stringify(body)?.slice(0, 120)} → ${res.statusCode}: ${tables}`);
        }
        before = after;
      }
    }
    console.info(
      `fuzz on ${engine} (FUZZ_SEED=${SEED}): ${routes.length} write routes, ${sent} requests, ${fiveHundreds.length} answers ≥ 500, ${changedOnReject} changes on reject, ${Math.round((Date.now() - started) / 1000)} s\n${[...fiveHundreds, ...changes].join('\n')}`,
    );
    expect(fiveHundreds, `FUZZ_SEED=${SEED}`).toEqual([]);
    expect(changes, `FUZZ_SEED=${SEED}`).toEqual([]);
    expect([...perRoute.values()].every((n) => n === RUNS) && perRoute.size === routes.length).toBe(true);
  }, 3_600_000);
});
