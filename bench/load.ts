// npm run bench load: 50 connections on loopback against `tianping serve` with demo data, on PGlite and (when
// TEST_DATABASE_URL is set) PostgreSQL, with a bare Fastify route (the floor) measured in the same run.
// Scenarios: the dashboard (监测分析 overview), an indicator page, saves of a value, and saves while the
// dashboard loads (fairness: p99 of saves). Figures with the load average, since the machine is shared.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { DEMO_PASSWORD } from '../src/features/auth/demo-accounts.ts';
import { REPO_ROOT, type ServerProcess, startServerProcess } from '../test/helpers/server-process.ts';
import { fmt, load, type Shot } from './http-load.ts';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const loadNow = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(', ');

async function session(base: string, username: string) {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status}`);
  const cookie = (res.headers.getSetCookie().find((h) => h.startsWith('tp_session=')) ?? '').split(';')[0] as string;
  const csrf = ((await res.json()) as { csrfToken: string }).csrfToken;
  return { cookie, 'x-csrf-token': csrf };
}

async function floor(): Promise<{ url: string; stop: () => Promise<unknown> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'bench/floor.ts')], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve) => {
    let out = '';
    child.stdout.on('data', (c) => {
      out += c;
      const m = /天平已启动：(\S+)/.exec(out);
      if (m) resolve(m[1] as string);
    });
  });
  return { url, stop: () => new Promise((r) => child.once('exit', r).kill('SIGTERM')) };
}

async function scenarios(server: ServerProcess, label: string, lines: string[]) {
  const base = server.url;
  const leader = await session(base, 'leader');
  const unit = await session(base, 'wjw');
  const get =
    (url: string, headers: Record<string, string>): Shot =>
    async () => {
      const r = await fetch(`${base}${url}`, { headers });
      await r.arrayBuffer();
      return r.status === 200;
    };
  const overview = await (await fetch(`${base}/api/analysis/overview`, { headers: leader })).json();
  const anyIndicator = (overview as { warnings: { indicatorId: number }[] }).warnings[0]?.indicatorId ?? 1;
  const rounds = (await (await fetch(`${base}/api/rounds`, { headers: unit })).json()) as {
    rounds: { id: number; status: string; year: number }[];
  };
  const round = rounds.rounds.find((r) => r.status === 'open');
  if (!round) throw new Error('no open round');
  type TaskValue = { year: number; sex: string; value: number | null; version: number };
  type Task = {
    items: { indicator: { id: number; counts: unknown; precision: number }; sexes: string[]; values: TaskValue[] }[];
  };
  // The indicators of the two units still filling in (区卫生健康委, 区教育局), each saved by one connection at a
  // time (a pool; with fewer indicators than connections a connection waits for a free one, and the wait counts in
  // its latency): concurrent saves of different values, as many people at once would make them, so a 409 is a
  // real conflict. Each save writes all of an indicator's rows (total, female, male) moved by the same small
  // factor from last year's (a real write with history rows; no 30% swing; the total stays between the sexes).
  type Entry = { headers: Record<string, string>; item: Task['items'][number]; n: number };
  const pool: Entry[] = [];
  for (const headers of [unit, await session(base, 'jyj')]) {
    const task = (await (await fetch(`${base}/api/rounds/${round.id}/task`, { headers })).json()) as Task;
    for (const item of task.items) {
      const last = (sex: string) => item.values.find((v) => v.year === round.year - 1 && v.sex === sex)?.value;
      if (!item.indicator.counts && item.sexes.every((sex) => (last(sex) ?? 0) > 0)) pool.push({ headers, item, n: 0 });
    }
  }
  const waiting: ((entry: Entry) => void)[] = [];
  const take = () => pool.shift() ?? new Promise<Entry>((resolve) => waiting.push(resolve));
  const give = (entry: Entry) => {
    const next = waiting.shift();
    if (next) next(entry);
    else pool.push(entry);
  };
  const poolSize = pool.length;
  const refused = new Map<string, number>(); // why saves failed: status and error code
  const save: Shot = async () => {
    const entry = await take();
    const { item } = entry;
    try {
      const factor = 1 - (entry.n++ % 3) / 100;
      const current = (sex: string) => item.values.find((v) => v.year === round.year && v.sex === sex);
      const values = item.sexes.map((sex) => ({
        indicatorId: item.indicator.id,
        year: round.year,
        areaId: null,
        sex,
        value: Number(
          ((item.values.find((v) => v.year === round.year - 1 && v.sex === sex)?.value as number) * factor).toFixed(
            item.indicator.precision,
          ),
        ),
        explanation: '压测',
        expectedVersion: current(sex)?.version ?? 0,
      }));
      const r = await fetch(`${base}/api/rounds/${round.id}/values`, {
        method: 'PUT',
        headers: { ...entry.headers, 'content-type': 'application/json' },
        body: JSON.stringify({ values }),
      });
      const body = (await r.json()) as { saved?: { sex: string; version: number }[]; code?: string };
      if (r.status === 200) {
        for (const saved of body.saved ?? []) {
          const row = current(saved.sex);
          if (row) row.version = saved.version;
          else item.values.push({ year: round.year, sex: saved.sex, value: null, version: saved.version });
        }
      } else refused.set(`${r.status} ${body.code}`, (refused.get(`${r.status} ${body.code}`) ?? 0) + 1);
      return r.status === 200;
    } finally {
      give(entry);
    }
  };
  const dash = get('/api/analysis/overview', leader);
  const page = get(`/api/analysis/indicators/${anyIndicator}`, leader);
  const [d] = await load(CONNECTIONS, SECONDS, [dash]);
  lines.push(fmt(`${label} dashboard`, d!));
  const [p] = await load(CONNECTIONS, SECONDS, [page]);
  lines.push(fmt(`${label} indicator page`, p!));
  const [s] = await load(CONNECTIONS, SECONDS, [save]);
  lines.push(fmt(`${label} save (one indicator's rows, ${poolSize} indicators)`, s!));
  // Fairness: 45 connections on the dashboard, 5 saving; the saves' p99 is the figure.
  const mixed = await load(CONNECTIONS, SECONDS, [...Array(9).fill(dash), save]);
  const saves = mixed[9]!;
  lines.push(fmt(`${label} saves while dashboards load`, saves));
  if (refused.size > 0) lines.push(`${label} refused saves: ${[...refused].map(([k, n]) => `${k} ×${n}`).join(', ')}`);
  return { dashboard: d!, page: p! };
}

export async function benchLoad(): Promise<{ lines: string[] }> {
  const lines = [`load: ${CONNECTIONS} connections, ${SECONDS} s each; load average before ${loadNow()}`];
  const f = await floor();
  const [floorResult] = await load(CONNECTIONS, SECONDS, [
    async () => {
      const r = await fetch(f.url);
      await r.arrayBuffer();
      return r.status === 200;
    },
  ]);
  await f.stop();
  lines.push(fmt('floor: bare Fastify JSON', floorResult!));
  const engines: { label: string; env: () => Promise<{ env: Record<string, string>; done: () => Promise<void> }> }[] = [
    {
      label: 'PGlite',
      env: async () => {
        const dir = fs.mkdtempSync(path.join(tmpdir(), 'tp-bench-load-'));
        return {
          env: { TIANPING_DATA_DIR: dir, TIANPING_DEMO: 'true' },
          done: async () => fs.rmSync(dir, { recursive: true, force: true }),
        };
      },
    },
  ];
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    engines.push({
      label: 'PostgreSQL',
      env: async () => {
        const name = `tianping_bench_${Date.now()}`;
        const admin = new pg.Client({ connectionString: url });
        await admin.connect();
        await admin.query(`CREATE DATABASE ${name}`);
        await admin.end();
        const u = new URL(url);
        u.pathname = `/${name}`;
        return {
          env: { DATABASE_URL: u.toString(), TIANPING_DEMO: 'true', TIANPING_DEMO_DATA: 'true' },
          done: async () => {
            const c = new pg.Client({ connectionString: url });
            await c.connect();
            await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
            await c.end();
          },
        };
      },
    });
  }
  for (const e of engines) {
    const { env, done } = await e.env();
    const server = await startServerProcess(env, 600_000);
    try {
      const r = await scenarios(server, e.label, lines);
      lines.push(
        `${e.label}: dashboard at ${((r.dashboard.perSecond / floorResult!.perSecond) * 100).toFixed(1)}% of the floor, indicator page ${((r.page.perSecond / floorResult!.perSecond) * 100).toFixed(1)}%`,
      );
    } finally {
      await server.stop();
      await done();
    }
  }
  lines.push(`load average after ${loadNow()}`);
  return { lines };
}
