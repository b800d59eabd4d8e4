// Two PostgreSQL roles (issue 15, docs/security.md): the owner migrates; the server runs every day as a role
// that does not own the tables. That role can do all the server's work, and cannot empty or rewrite the audit log,
// switch its triggers off, or change the schema.

import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../src/db/connection.ts';
import { migrate, readMigrations } from '../../src/db/migrate.ts';
import { grantAppRole } from '../../src/db/roles.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { buildApp } from '../../src/server/app.ts';
import { bootstrap } from '../../src/server/bootstrap.ts';
import { TEST_DATABASE_URL } from '../helpers/db.ts';
import { REPO_ROOT } from '../helpers/server-process.ts';
import { login } from '../helpers/session.ts';

const suffix = crypto.randomBytes(4).toString('hex');
const OWNER = `tianping_owner_${suffix}`;
const APP = `tianping_app_${suffix}`;
const NAME = `tianping_roles_${suffix}`;

const urlAs = (user: string) => {
  const u = new URL(TEST_DATABASE_URL as string);
  u.username = user;
  u.pathname = `/${NAME}`;
  return u.toString();
};

describe.skipIf(!TEST_DATABASE_URL)('the server as a role that does not own the tables (PostgreSQL)', () => {
  let admin: pg.Client;
  let app: pg.Client;
  let database: Database;

  beforeAll(async () => {
    admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE ROLE ${OWNER} LOGIN`);
    await admin.query(`CREATE ROLE ${APP} LOGIN`);
    await admin.query(`CREATE DATABASE ${NAME} OWNER ${OWNER}`);
    // PostgreSQL 15+: only the database owner may create in schema public; make it so on older servers too.
    const own = new pg.Client({ connectionString: urlAs('postgres') });
    await own.connect();
    await own.query(`ALTER SCHEMA public OWNER TO ${OWNER}`);
    await own.query('REVOKE CREATE ON SCHEMA public FROM PUBLIC');
    await own.end();
    const owner = await openDatabase({ databaseUrl: urlAs(OWNER) });
    await migrate(owner);
    await grantAppRole(owner, APP);
    await owner.close();
    database = await openDatabase({ databaseUrl: urlAs(APP) });
    app = new pg.Client({ connectionString: urlAs(APP) });
    await app.connect();
  }, 120_000);

  afterAll(async () => {
    await app?.end();
    await database?.close();
    await admin.query(`DROP DATABASE IF EXISTS ${NAME} WITH (FORCE)`);
    await admin.query(`DROP ROLE IF EXISTS ${APP}`);
    await admin.query(`DROP ROLE IF EXISTS ${OWNER}`);
    await admin.end();
  });

  it('starts, signs in, and writes the audit log as the everyday role', async () => {
    // What a server start does: migrations (none pending), the bundled plan and accounts, then requests.
    expect(await migrate(database)).toBeGreaterThan(0);
    const config = { ...loadConfig({ LOGIN_FAILURE_DELAY_MS: '0' }), demo: true };
    await bootstrap(config, database, { demoData: false });
    const server = await buildApp({ config, database, logger: false });
    try {
      const office = await login(server, 'office');
      expect((await office.get('/api/auth/me')).statusCode).toBe(200);
      const audited = await app.query(`select count(*)::int as n from audit_log where action = 'auth.login'`);
      expect(audited.rows[0].n).toBeGreaterThan(0);
    } finally {
      await server.close();
    }
  }, 120_000);

  it('cannot empty, rewrite or unguard the audit log, nor change the schema', async () => {
    const refused = async (statement: string) => {
      const error = await app.query(statement).then(
        () => null,
        (e: { code?: string; message: string }) => e,
      );
      expect(error, statement).not.toBeNull();
      return error as { code?: string; message: string };
    };
    expect((await refused('TRUNCATE audit_log')).code).toBe('42501');
    expect((await refused(`UPDATE audit_log SET detail = 'x'`)).code).toBe('42501');
    expect((await refused('ALTER TABLE audit_log DISABLE TRIGGER ALL')).code).toBe('42501');
    expect((await refused('DROP TABLE audit_log')).code).toBe('42501');
    expect((await refused('CREATE TABLE intruder (a int)')).code).toBe('42501');
    // A migration of a later release waits for the owner, and the server says so.
    const next = { version: 999, name: 'later_release', script: 'CREATE TABLE later_release (a int);' };
    await expect(migrate(database, [...readMigrations(), next])).rejects.toThrow(
      '数据库角色无权执行迁移 999_later_release：请先用表的所有者角色运行 tianping migrate',
    );
    // A young row cannot be deleted either: the trigger of migration 0003 still guards it.
    const young = await refused(`DELETE FROM audit_log WHERE at > now() - interval '1 day'`);
    expect(young.message).toMatch(/审计|audit/);
  });

  it('tianping migrate --app-role refuses a malformed role name with exit code 2', () => {
    const run = spawnSync(
      process.execPath,
      [path.join(REPO_ROOT, 'bin/tianping.js'), 'migrate', '--app-role', 'x; drop'],
      {
        env: { ...process.env, DATABASE_URL: urlAs(OWNER) },
        encoding: 'utf8',
      },
    );
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('角色名“x; drop”不合规');
  }, 60_000);
});
