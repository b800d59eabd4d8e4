import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { projectPath } from '../platform/paths.ts';
import type { Database, Db } from './connection.ts';
import { rows } from './rows.ts';

// Versioned plain-SQL migrations (docs/decisions/004-migrations.md): files NNNN_name.sql in ./migrations,
// applied in order, each in its own transaction together with its row in schema_migration. The same files
// serve PGlite and PostgreSQL. On a shared server an advisory lock keeps two starting instances apart.

export const MIGRATIONS_DIR = projectPath('src', 'db', 'migrations');
const MIGRATION_LOCK_KEY = 726_001;

export interface Migration {
  version: number;
  name: string;
  script: string;
}

export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  const migrations = fs
    .readdirSync(dir)
    .filter((file) => file.endsWith('.sql'))
    .map((file) => {
      const match = /^(\d{4})_([\w-]+)\.sql$/.exec(file);
      if (!match) throw new Error(`迁移文件名不合规：${file}（应为 0001_名称.sql）`);
      return {
        version: Number(match[1]),
        name: match[2] as string,
        script: fs.readFileSync(path.join(dir, file), 'utf8'),
      };
    })
    .sort((a, b) => a.version - b.version);
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`迁移版本不连续：缺少第 ${i + 1} 号，见到 ${m.version}_${m.name}`);
  });
  return migrations;
}

async function appliedVersions(db: Db): Promise<Set<number>> {
  // Asked first, so that the server's everyday role (docs/security.md: it may not create tables) starts on a
  // migrated database without trying to.
  const [known] = await rows<{ found: boolean }>(db, sql`select to_regclass('schema_migration') is not null as found`);
  if (!known?.found)
    await db.execute(sql`
    CREATE TABLE IF NOT EXISTS schema_migration (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
  const applied = await rows<{ version: number }>(db, sql`select version from schema_migration`);
  return new Set(applied.map((r) => Number(r.version)));
}

/** Applies every pending migration; returns the migration level reached. */
export async function migrate(database: Database, migrations = readMigrations()): Promise<number> {
  return database.withExclusiveLock(MIGRATION_LOCK_KEY, async () => {
    const applied = await appliedVersions(database.db);
    for (const m of migrations) {
      if (applied.has(m.version)) continue;
      try {
        await database.runScript(m.script, async (tx) => {
          await tx.execute(sql`insert into schema_migration (version, name) values (${m.version}, ${m.name})`);
        });
      } catch (error) {
        // 42501 insufficient_privilege: the server's everyday role met a migration only the owner may run.
        if ((error as { code?: string }).code === '42501') {
          throw new Error(
            `数据库角色无权执行迁移 ${m.version}_${m.name}：请先用表的所有者角色运行 tianping migrate（见 docs/security.md）`,
          );
        }
        throw error;
      }
    }
    return migrationLevel(database.db);
  });
}

export async function migrationLevel(db: Db): Promise<number> {
  const [row] = await rows<{ level: number | null }>(db, sql`select max(version) as level from schema_migration`);
  return Number(row?.level ?? 0);
}
