// Remembered reads (src/db/changes.ts, migration 0015): sessions, settings and the analysis version are kept in
// memory between change notices. What a user would notice if this were wrong: a setting changed by the office, a
// session ended by logout or by an administrator, or data loaded by another server still shown afterwards.
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clockOf } from '../../src/db/changes.ts';
import { type Database, openDatabase } from '../../src/db/connection.ts';
import { rows } from '../../src/db/rows.ts';
import { appUser } from '../../src/db/schema/index.ts';
import { createSession, loadSession, modeOf } from '../../src/features/auth/sessions.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { getSetting, setSetting } from '../../src/platform/settings.ts';
import { createTestDatabase, ENGINES, type TestDatabase } from '../helpers/db.ts';

const policy = { security: loadConfig({}).security, mode: modeOf(true) };

async function eventually<T>(read: () => Promise<T>, expected: T, ms = 3000): Promise<T> {
  const until = Date.now() + ms;
  let value = await read();
  while (value !== expected && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 20));
    value = await read();
  }
  return value;
}

describe.each(ENGINES)('remembered reads on %s', (engine) => {
  let t: TestDatabase;
  let userId: number;
  beforeAll(async () => {
    t = await createTestDatabase(engine);
    const [user] = await t.database.db
      .insert(appUser)
      .values({ username: 'notice_test', displayName: '测试', role: 'district_leader', passwordHash: 'x' })
      .returning({ id: appUser.id });
    userId = user!.id;
  });
  afterAll(() => t.drop());

  it('a setting written through this connection is read back at once, and a repeated read is not a query', async () => {
    const db = t.database.db;
    await setSetting(db, 'noticeTest', { value: 1 });
    expect(await getSetting(db, 'noticeTest')).toEqual({ value: 1 });
    const clock = clockOf(db)!;
    const before = clock.now();
    await getSetting(db, 'noticeTest');
    expect(clock.now()).toBe(before);
    await setSetting(db, 'noticeTest', { value: 2 });
    expect(await getSetting(db, 'noticeTest')).toEqual({ value: 2 });
  });

  it('a copy is returned: a caller changing it does not change what the next caller reads', async () => {
    const db = t.database.db;
    await setSetting(db, 'noticeCopy', { names: ['甲'] });
    const first = await getSetting<{ names: string[] }>(db, 'noticeCopy');
    first!.names.push('乙');
    expect(await getSetting(db, 'noticeCopy')).toEqual({ names: ['甲'] });
  });

  it('plain SQL on a table of migration 0015 is seen at the next read (the notice arrives with the commit)', async () => {
    const db = t.database.db;
    await setSetting(db, 'noticeSql', 'before');
    expect(await getSetting(db, 'noticeSql')).toBe('before');
    await db.execute(sql`update app_setting set value = '"after"'::jsonb where key = 'noticeSql'`);
    // PGlite: one connection, the notice comes with the commit's answer; PostgreSQL: on the listening connection.
    const next = () => getSetting(db, 'noticeSql');
    expect(engine === 'pglite' ? await next() : await eventually(next, 'after')).toBe('after');
  });

  it('a session deleted behind the server’s back (an administrator, another instance) ends at the next request', async () => {
    const db = t.database.db;
    const { token } = await createSession(db, userId, { ip: '127.0.0.1', userAgent: undefined }, policy);
    expect((await loadSession(db, token, policy)).kind).toBe('ok');
    expect((await loadSession(db, token, policy)).kind).toBe('ok');
    await db.execute(sql`delete from user_session where user_id = ${userId}`);
    expect(await eventually(async () => (await loadSession(db, token, policy)).kind, 'none')).toBe('none');
  });

  it('a user disabled by plain SQL loses the session at once', async () => {
    const db = t.database.db;
    const { token } = await createSession(db, userId, { ip: '127.0.0.1', userAgent: undefined }, policy);
    expect((await loadSession(db, token, policy)).kind).toBe('ok');
    await db.execute(sql`update app_user set disabled = true where id = ${userId}`);
    expect(await eventually(async () => (await loadSession(db, token, policy)).kind, 'expired')).toBe('expired');
    await db.execute(sql`update app_user set disabled = false where id = ${userId}`);
  });

  it('every table a remembered read comes from sends change notices', async () => {
    const noticed = await rows<{ tbl: string }>(
      t.database.db,
      sql`select distinct tgrelid::regclass::text as tbl from pg_trigger t join pg_proc p on p.oid = t.tgfoid
          where p.proname = 'change_notice' order by 1`,
    );
    expect(noticed.map((r) => r.tbl)).toEqual([
      'analysis_dirty',
      'analysis_version',
      'app_setting',
      'app_user',
      'area',
      'org_unit',
      'org_unit_former_name',
      'plan_folder',
      'user_session',
    ]);
  });
});

describe.runIf(ENGINES.includes('postgresql'))('two connections to one PostgreSQL database', () => {
  let t: TestDatabase;
  let other: Database;
  beforeAll(async () => {
    t = await createTestDatabase('postgresql');
    other = await openDatabase({ databaseUrl: t.url });
  });
  afterAll(async () => {
    await other.close();
    await t.drop();
  });

  it('a setting written by another instance is seen after its notice, a rolled-back one never', async () => {
    const db = t.database.db;
    await setSetting(db, 'shared', 'one');
    expect(await getSetting(db, 'shared')).toBe('one');
    await setSetting(other.db, 'shared', 'two');
    expect(await eventually(() => getSetting(db, 'shared'), 'two')).toBe('two');
    await other.db
      .transaction(async (tx) => {
        await setSetting(tx, 'shared', 'three');
        throw new Error('rolled back');
      })
      .catch(() => undefined);
    await new Promise((r) => setTimeout(r, 200));
    expect(await getSetting(db, 'shared')).toBe('two');
  });

  it('while the listening connection is down nothing remembered is used; listening resumes by itself', async () => {
    const db = t.database.db;
    await setSetting(db, 'outage', 'before');
    expect(await getSetting(db, 'outage')).toBe('before');
    const admin = new pg.Client({ connectionString: t.url });
    await admin.connect();
    const killed = await admin.query(
      `select pg_terminate_backend(pid) from pg_stat_activity
       where datname = current_database() and query = 'LISTEN tianping_change' and pid <> pg_backend_pid()`,
    );
    expect(killed.rowCount).toBeGreaterThanOrEqual(2);
    // Written while no notice can reach the first instance: still seen at its next read.
    await new Promise((r) => setTimeout(r, 100));
    await admin.query(`update app_setting set value = '"during"'::jsonb where key = 'outage'`);
    expect(await getSetting(db, 'outage')).toBe('during');
    // After reconnecting (retried every second) reads are remembered again and notices arrive again.
    const clock = clockOf(db)!;
    const sure = async () => {
      const a = clock.now();
      return clock.now() === a;
    };
    expect(await eventually(sure, true, 5000)).toBe(true);
    await admin.query(`update app_setting set value = '"after"'::jsonb where key = 'outage'`);
    expect(await eventually(() => getSetting(db, 'outage'), 'after')).toBe('after');
    await admin.end();
  });
});
