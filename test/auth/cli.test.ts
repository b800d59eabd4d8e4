import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/connection.ts';
import { rows } from '../../src/db/rows.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { buildApp } from '../../src/server/app.ts';
import { bootstrap } from '../../src/server/bootstrap.ts';
import { REPO_ROOT } from '../helpers/server-process.ts';
import { loginResponse } from '../helpers/session.ts';

// `tianping user …` on a real data folder, as an operator would run it, then the result seen by the server.

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tp-cli-'));

function tianping(args: string[], input?: string) {
  const result = spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin/tianping.js'), ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, TIANPING_DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn' },
    input: input ?? '',
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Opens the folder after the CLI has exited (it holds the lock while it runs), like the server would. */
async function withApp<T>(fn: (app: Awaited<ReturnType<typeof buildApp>>) => Promise<T>): Promise<T> {
  const config = { ...loadConfig({ TIANPING_DATA_DIR: dataDir }, REPO_ROOT), demo: false };
  const database = await openDatabase({ dataDir });
  try {
    await bootstrap(config, database);
    const app = await buildApp({ config, database, logger: false });
    try {
      return await fn(app);
    } finally {
      await app.close();
    }
  } finally {
    await database.close();
  }
}

describe('tianping user / audit commands', () => {
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('creates the first administrator on a new data folder, password from stdin', { timeout: 120_000 }, async () => {
    const created = tianping(
      ['user', 'create', '--username', 'root', '--name', '管理员', '--role', 'admin'],
      'First#2026x\n',
    );
    expect(created.status, created.stderr).toBe(0);
    expect(created.stdout).toContain('已创建用户 root');

    const unit = tianping([
      'user',
      'create',
      '--username',
      'wjw01',
      '--name',
      '张三',
      '--role',
      'unit_reporter',
      '--unit',
      '区卫生健康委',
      '--password',
      'Unit#2026xy',
    ]);
    expect(unit.status, unit.stderr).toBe(0);

    await withApp(async (app) => {
      const res = await loginResponse(app, 'root', 'First#2026x');
      expect(res.statusCode, res.body).toBe(200);
      const me = await app.inject({
        method: 'GET',
        url: '/api/auth/me',
        headers: { cookie: `tp_session=${res.cookies.find((c) => c.name === 'tp_session')!.value}` },
      });
      expect(me.json().user).toMatchObject({ username: 'root', role: 'admin', mustChangePassword: true });
      const wjw = await loginResponse(app, 'wjw01', 'Unit#2026xy');
      expect(wjw.statusCode, wjw.body).toBe(200);
    });
  });

  it('refuses weak passwords, unknown units and duplicates, changing nothing', { timeout: 120_000 }, () => {
    const weak = tianping([
      'user',
      'create',
      '--username',
      'weak',
      '--name',
      '弱',
      '--role',
      'admin',
      '--password',
      'abc',
    ]);
    expect(weak.status).toBe(2);
    expect(weak.stderr).toContain('密码不符合要求');
    const noUnit = tianping([
      'user',
      'create',
      '--username',
      'nounit',
      '--name',
      '无',
      '--role',
      'unit_reporter',
      '--password',
      'Good#2026x',
    ]);
    expect(noUnit.status).toBe(2);
    expect(noUnit.stderr).toContain('--unit');
    const badUnit = tianping([
      'user',
      'create',
      '--username',
      'badunit',
      '--name',
      '无',
      '--role',
      'unit_leader',
      '--unit',
      '区不存在局',
      '--password',
      'Good#2026x',
    ]);
    expect(badUnit.status).toBe(2);
    expect(badUnit.stderr).toContain('区不存在局 不存在');
    const dup = tianping([
      'user',
      'create',
      '--username',
      'root',
      '--name',
      '重',
      '--role',
      'admin',
      '--password',
      'Good#2026x',
    ]);
    expect(dup.status).toBe(2);
    expect(dup.stderr).toContain('已存在');
  });

  it('resets a password and unlocks, audited as cli', { timeout: 120_000 }, async () => {
    // Lock wjw01 through the login page.
    await withApp(async (app) => {
      for (let i = 0; i < 5; i++) await loginResponse(app, 'wjw01', 'Wrong#pass1');
      expect((await loginResponse(app, 'wjw01', 'Unit#2026xy')).json().code).toBe('ACCOUNT_LOCKED');
    });
    const unlocked = tianping(['user', 'unlock', '--username', 'wjw01']);
    expect(unlocked.status, unlocked.stderr).toBe(0);
    expect(unlocked.stdout).toContain('已解锁 wjw01');

    const reset = tianping(['user', 'reset', '--username', 'root'], 'Reset#2026y\n');
    expect(reset.status, reset.stderr).toBe(0);
    const purge = tianping(['audit', 'purge']);
    expect(purge.status, purge.stderr).toBe(0);
    expect(purge.stdout).toContain('365 天');

    await withApp(async (app) => {
      expect((await loginResponse(app, 'wjw01', 'Unit#2026xy')).statusCode).toBe(200);
      expect((await loginResponse(app, 'root', 'First#2026x')).statusCode).toBe(401);
      expect((await loginResponse(app, 'root', 'Reset#2026y')).statusCode).toBe(200);
    });
    const database = await openDatabase({ dataDir });
    try {
      const actions = await rows<{ action: string }>(
        database.db,
        sql`SELECT action FROM audit_log WHERE username = 'cli' ORDER BY id`,
      );
      expect(actions.map((a) => a.action)).toEqual([
        'user.create',
        'user.create',
        'user.unlock',
        'user.reset_password',
        'audit.purge',
      ]);
    } finally {
      await database.close();
    }
  });

  it('refuses while a process holds the data folder', async () => {
    const database = await openDatabase({ dataDir });
    try {
      const res = tianping(['user', 'unlock', '--username', 'root']);
      expect(res.status).toBe(1);
      expect(res.stderr).toContain('正被另一个天平进程');
    } finally {
      await database.close();
    }
  });
});
