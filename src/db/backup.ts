import zlib from 'node:zlib';
import { sql } from 'drizzle-orm';
import type { Database, Db } from './connection.ts';
import { migrationLevel } from './migrate.ts';
import { rows } from './rows.ts';

// Logical backup in one format for both engines: every table of the public schema as JSON rows (row_to_json;
// bytea as hex, timestamps with their zone), read in one read-only repeatable-read transaction, so the dump is
// consistent while the server keeps running; gzip-compressed. A restore goes into an empty database migrated to
// the same level: rows are inserted table by table in foreign-key order with json_populate_recordset, then the
// sequences are set past the highest ids. The same two steps move an embedded installation to PostgreSQL.

export const BACKUP_FORMAT = 'tianping-backup';
export const BACKUP_VERSION = 1;

export interface BackupFile {
  format: typeof BACKUP_FORMAT;
  version: number;
  migrationLevel: number;
  engine: string;
  createdAt: string;
  /** Table name → its rows (row_to_json), tables in foreign-key order. */
  tables: { name: string; rows: unknown[] }[];
}

export class BackupError extends Error {}

/** Tables of the public schema, parents before children (foreign keys), schema_migration first. */
async function tablesInOrder(db: Db): Promise<string[]> {
  const names = (
    await rows<{ name: string }>(
      db,
      sql`select table_name as name from information_schema.tables
          where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
    )
  ).map((r) => r.name);
  const edges = await rows<{ child: string; parent: string }>(
    db,
    sql`select c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent
        from pg_constraint c join pg_namespace n on n.oid = c.connamespace
        where c.contype = 'f' and n.nspname = 'public'`,
  );
  const parents = new Map(names.map((n) => [n, new Set<string>()]));
  for (const e of edges) if (e.child !== e.parent) parents.get(e.child)?.add(e.parent);
  const ordered: string[] = [];
  const done = new Set<string>();
  const visit = (name: string, path: Set<string>) => {
    if (done.has(name) || path.has(name)) return;
    path.add(name);
    for (const p of parents.get(name) ?? []) visit(p, path);
    done.add(name);
    ordered.push(name);
  };
  for (const n of names) visit(n, new Set());
  return ordered;
}

const ident = (name: string) => sql.raw(`"${name.replace(/"/g, '""')}"`);

/** A consistent dump of the whole database (gzip JSON). Safe while the server runs. */
export async function backupDatabase(database: Database): Promise<Buffer> {
  const file = await database.db.transaction(
    async (tx) => {
      const names = await tablesInOrder(tx);
      const tables: BackupFile['tables'] = [];
      for (const name of names) {
        const [row] = await rows<{ data: string | null }>(
          tx,
          sql`select json_agg(t)::text as data from ${ident(name)} t`,
        );
        const data = row?.data ? (JSON.parse(row.data) as { id?: unknown }[]) : [];
        // By id where there is one, so rows referring to earlier rows of the same table come after them.
        data.sort((a, b) => (typeof a.id === 'number' && typeof b.id === 'number' ? a.id - b.id : 0));
        tables.push({ name, rows: data });
      }
      return {
        format: BACKUP_FORMAT,
        version: BACKUP_VERSION,
        migrationLevel: await migrationLevel(tx),
        engine: database.engine,
        createdAt: new Date().toISOString(),
        tables,
      } satisfies BackupFile;
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
  return zlib.gzipSync(Buffer.from(JSON.stringify(file)));
}

export function readBackup(bytes: Buffer): BackupFile {
  let file: BackupFile;
  try {
    file = JSON.parse(zlib.gunzipSync(bytes).toString('utf8')) as BackupFile;
  } catch {
    throw new BackupError('该文件不是天平备份文件（无法解压或解析）');
  }
  if (file.format !== BACKUP_FORMAT || !Array.isArray(file.tables)) {
    throw new BackupError('该文件不是天平备份文件（格式标识不符）');
  }
  if (file.version !== BACKUP_VERSION) throw new BackupError(`备份文件版本 ${file.version} 不受支持`);
  return file;
}

/** Tables rebuilt from the others (issue 16's stored assessment results): never user data. */
export const DERIVED_TABLES: readonly string[] = [
  'analysis_dirty',
  'assessment_result',
  'analysis_version',
  'catalog_version',
];

/**
 * Restores a backup into `database`, which must be migrated to the backup's level and hold no data (a new data
 * folder, or an empty PostgreSQL database). All or nothing: one transaction.
 */
export async function restoreDatabase(database: Database, file: BackupFile): Promise<{ tables: number; rows: number }> {
  const level = await migrationLevel(database.db);
  if (level !== file.migrationLevel) {
    throw new BackupError(
      `备份来自迁移级别 ${file.migrationLevel}，目标数据库为 ${level}。请用同一版本的天平恢复，或先升级后再备份`,
    );
  }
  let total = 0;
  await database.db.transaction(async (tx) => {
    for (const { name } of file.tables) {
      if (name === 'schema_migration' || DERIVED_TABLES.includes(name)) continue;
      const [row] = await rows<{ n: number }>(tx, sql`select count(*)::int as n from ${ident(name)}`);
      if ((row?.n ?? 0) > 0) {
        throw new BackupError(`目标数据库不是空的（表 ${name} 已有数据）。请恢复到新的数据目录或空的数据库`);
      }
    }
    for (const { name, rows: data } of file.tables) {
      if (name === 'schema_migration' || DERIVED_TABLES.includes(name) || data.length === 0) continue;
      // In chunks, so one statement's parameter stays well below any size limit.
      for (let i = 0; i < data.length; i += 2000) {
        const chunk = JSON.stringify(data.slice(i, i + 2000));
        await tx.execute(
          sql`insert into ${ident(name)} select * from json_populate_recordset(null::${ident(name)}, ${chunk}::json)`,
        );
      }
      total += data.length;
    }
    // Derived analysis results are not restored but rebuilt from the restored values: the queue asks for a full
    // rebuild, which the first analysis read performs.
    for (const name of DERIVED_TABLES) await tx.execute(sql`delete from ${ident(name)}`);
    await tx.execute(sql`insert into analysis_dirty (indicator_id) values (null)`);
    // A catalog version of its own: nothing remembered of another database's catalog applies (migration 0022).
    await tx.execute(sql`insert into catalog_version (id, version) values (true, gen_random_uuid())`);
    // Sequences past the highest restored ids.
    const serials = await rows<{ table_name: string; column_name: string }>(
      tx,
      sql`select table_name, column_name from information_schema.columns
          where table_schema = 'public' and column_default like 'nextval(%'`,
    );
    for (const s of serials) {
      await tx.execute(
        sql`select setval(pg_get_serial_sequence(${s.table_name}, ${s.column_name}),
              coalesce((select max(${ident(s.column_name)}) from ${ident(s.table_name)}), 1),
              (select max(${ident(s.column_name)}) from ${ident(s.table_name)}) is not null)`,
      );
    }
  });
  return { tables: file.tables.length, rows: total };
}
