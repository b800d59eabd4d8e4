// Several server processes on one PostgreSQL database (issue 16): nothing the API answers lives in one process's
// memory. A value saved through one instance is in the other's analysis at once; values loaded by plain SQL and a
// `tianping analysis rebuild` run while both serve are seen too.
import { spawn } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/features/auth/demo-accounts.ts';
import { createTestDatabase, TEST_DATABASE_URL, type TestDatabase } from '../helpers/db.ts';
import { REPO_ROOT, type ServerProcess, startServerProcess } from '../helpers/server-process.ts';

async function login(base: string, username: string) {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.getSetCookie().find((h) => h.startsWith('tp_session=')) ?? '').split(';')[0] as string;
  const csrf = ((await res.json()) as { csrfToken: string }).csrfToken;
  return async <T>(url: string, init: RequestInit = {}): Promise<T> => {
    const r = await fetch(`${base}${url}`, {
      ...init,
      headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json', ...(init.headers ?? {}) },
    });
    const text = await r.text();
    if (r.status !== 200) throw new Error(`${url}: ${r.status} ${text.slice(0, 300)}`);
    return JSON.parse(text) as T;
  };
}

type IndicatorPage = { indicator: { years: number[]; values: (number | null)[] } };

describe.runIf(TEST_DATABASE_URL)('two server processes on one PostgreSQL database', () => {
  let db: TestDatabase | undefined;
  const servers: ServerProcess[] = [];
  afterAll(async () => {
    for (const s of servers) await s.stop();
    await db?.drop();
  });

  it('a write through one instance is in the other’s answers at once', async () => {
    db = await createTestDatabase('postgresql', { migrate: false });
    const env = { DATABASE_URL: db.url as string, TIANPING_DEMO: 'true', TIANPING_DEMO_DATA: 'true' };
    servers.push(await startServerProcess(env, 240_000));
    servers.push(await startServerProcess(env, 240_000));
    const [a, b] = servers as [ServerProcess, ServerProcess];
    const unitOnA = await login(a.url, 'wjw');
    // The statistics bureau: district leaders see only approved values (preliminary scope, issue 15).
    const statsOnB = await login(b.url, 'stats');

    const { rounds } = await unitOnA<{ rounds: { id: number; status: string; year: number }[] }>('/api/rounds');
    const round = rounds.find((r) => r.status === 'open')!;
    const task = await unitOnA<{
      items: {
        indicator: { id: number; precision: number };
        values: { year: number; sex: string; value: number | null; version: number }[];
      }[];
    }>(`/api/rounds/${round.id}/task`);
    const item = task.items.find((i) =>
      i.values.some((v) => v.year === round.year && v.sex === 'total' && v.value !== null),
    )!;
    const current = item.values.find((v) => v.year === round.year && v.sex === 'total')!;
    const page = (id: number) =>
      statsOnB<IndicatorPage>(`/api/analysis/indicators/${id}?basis=preliminary`).then(
        (p) => p.indicator.values[p.indicator.years.indexOf(round.year)],
      );
    expect(await page(item.indicator.id)).toBe(current.value);

    const changed = Number(((current.value as number) * 1.01).toFixed(item.indicator.precision));
    await unitOnA(`/api/rounds/${round.id}/values`, {
      method: 'PUT',
      body: JSON.stringify({
        values: [
          {
            indicatorId: item.indicator.id,
            year: round.year,
            areaId: null,
            sex: 'total',
            value: changed,
            explanation: '核实后更正',
            expectedVersion: current.version,
          },
        ],
      }),
    });
    expect(await page(item.indicator.id)).toBe(changed);

    // Loaded by plain SQL behind both servers' backs: the next read on either catches up.
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    await client.query(
      `update data_value set value = 42 where indicator_id = $1 and year = $2 and area_id is null and sex = 'total'`,
      [item.indicator.id, round.year],
    );
    await client.end();
    expect(await page(item.indicator.id)).toBe(42);

    // A full rebuild while both serve.
    const rebuild = spawn(process.execPath, [path.join(REPO_ROOT, 'bin/tianping.js'), 'analysis', 'rebuild'], {
      cwd: REPO_ROOT,
      env: { ...process.env, ...env },
    });
    let out = '';
    rebuild.stdout.on('data', (c) => {
      out += c;
    });
    rebuild.stderr.on('data', (c) => {
      out += c;
    });
    const code = await new Promise<number | null>((resolve) => rebuild.on('exit', resolve));
    expect(code, out).toBe(0);
    expect(out).toMatch(/已重算 \d+ 个指标的评估结果/);
    expect(await page(item.indicator.id)).toBe(42);
  }, 600_000);
});
