import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, readMigrations } from '../../src/db/migrate.ts';
import { rows } from '../../src/db/rows.ts';
import { createTestDatabase, ENGINES, type TestDatabase } from '../helpers/db.ts';

describe.each(ENGINES)('migrations on %s', (engine) => {
  let t: TestDatabase | undefined;
  afterEach(async () => {
    await t?.drop();
    t = undefined;
  });

  it('applies every migration once; a second run changes nothing', async () => {
    t = await createTestDatabase(engine, { migrate: false });
    const level = await migrate(t.database);
    expect(level).toBe(readMigrations().length);
    expect(await migrate(t.database)).toBe(level);
    const applied = await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from schema_migration`);
    expect(applied[0]?.n).toBe(level);
  });

  it('rolls back a failing migration whole, leaving the level where it was', async () => {
    t = await createTestDatabase(engine);
    const level = readMigrations().length;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tp-mig-'));
    for (const m of readMigrations())
      fs.writeFileSync(path.join(dir, `${String(m.version).padStart(4, '0')}_${m.name}.sql`), m.script);
    const broken = `CREATE TABLE half_done (id int);\nSELECT no_such_function();`;
    fs.writeFileSync(path.join(dir, `${String(level + 1).padStart(4, '0')}_broken.sql`), broken);
    await expect(migrate(t.database, readMigrations(dir))).rejects.toThrow();
    const tables = await rows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from information_schema.tables where table_name = 'half_done'`,
    );
    expect(tables[0]?.n).toBe(0);
    const [row] = await rows<{ level: number }>(t.database.db, sql`select max(version) as level from schema_migration`);
    expect(Number(row?.level)).toBe(level);
  });

  it('refuses migration files with a gap in their numbers', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tp-mig-'));
    fs.writeFileSync(path.join(dir, '0001_a.sql'), 'select 1;');
    fs.writeFileSync(path.join(dir, '0003_c.sql'), 'select 1;');
    expect(() => readMigrations(dir)).toThrow(/不连续/);
  });
});
