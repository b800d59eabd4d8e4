import fs from 'node:fs';
import path from 'node:path';
import { BackupError, backupDatabase, readBackup, restoreDatabase } from '../db/backup.ts';
import { openDatabase } from '../db/connection.ts';
import { DataDirLockedError } from '../db/lock.ts';
import { migrate } from '../db/migrate.ts';
import { loadConfig } from '../platform/config.ts';

// tianping backup / restore / migrate-to. The embedded data folder belongs to one process: while the server runs,
// `backup` cannot open it and says how to get a consistent backup from the running server instead (系统管理 →
// 备份, GET /api/admin/backup). Never copy a live data folder: see docs/administration.md.

const LIVE_HINT =
  '服务器正在运行，嵌入式数据库只能由它打开。请在网页“系统管理 → 下载备份”（或以管理员身份请求 GET /api/admin/backup）' +
  '取得运行中的一致备份；或先停止服务器再执行本命令。切勿直接复制正在运行的数据目录。';

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

export async function runBackup(options: { out: string }): Promise<void> {
  const config = loadConfig();
  let database: Awaited<ReturnType<typeof openDatabase>>;
  try {
    database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  } catch (error) {
    if (error instanceof DataDirLockedError) fail(`${error.message}\n${LIVE_HINT}`);
    throw error;
  }
  try {
    await migrate(database);
    const bytes = await backupDatabase(database);
    const out = path.resolve(options.out);
    const temp = `${out}.part`;
    fs.writeFileSync(temp, bytes);
    fs.renameSync(temp, out);
    console.log(`备份完成：${out}（${(bytes.length / 1024 / 1024).toFixed(1)} MB，${database.engine}）`);
  } finally {
    await database.close();
  }
}

export async function runRestore(file: string, target?: { databaseUrl?: string }): Promise<void> {
  const config = loadConfig();
  let backup: ReturnType<typeof readBackup>;
  try {
    backup = readBackup(fs.readFileSync(path.resolve(file)));
  } catch (error) {
    if (error instanceof BackupError) fail(error.message);
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') fail(`找不到备份文件 ${file}`);
    throw error;
  }
  const databaseUrl = target?.databaseUrl ?? config.databaseUrl;
  const database = await openDatabase({ databaseUrl, dataDir: config.dataDir });
  try {
    await migrate(database);
    const result = await restoreDatabase(database, backup);
    console.log(`恢复完成：${result.tables} 张表、${result.rows} 行（备份时间 ${backup.createdAt}）`);
  } catch (error) {
    if (error instanceof BackupError) fail(error.message);
    throw error;
  } finally {
    await database.close();
  }
}

/** Moves the embedded installation (TIANPING_DATA_DIR) into an empty PostgreSQL database. */
export async function runMigrateTo(databaseUrl: string): Promise<void> {
  if (!/^postgres(ql)?:\/\//.test(databaseUrl)) fail('目标应为 postgres://用户@主机:端口/数据库 形式的连接串');
  const config = loadConfig();
  let source: Awaited<ReturnType<typeof openDatabase>>;
  try {
    source = await openDatabase({ dataDir: config.dataDir });
  } catch (error) {
    if (error instanceof DataDirLockedError) fail(`${error.message}\n请先停止服务器再迁移。`);
    throw error;
  }
  let bytes: Buffer;
  try {
    await migrate(source);
    bytes = await backupDatabase(source);
  } finally {
    await source.close();
  }
  const target = await openDatabase({ databaseUrl });
  try {
    await migrate(target);
    const result = await restoreDatabase(target, readBackup(bytes));
    console.log(
      `已迁移到 PostgreSQL：${result.tables} 张表、${result.rows} 行。今后请设置 DATABASE_URL=${databaseUrl.replace(/:[^:@/]*@/, ':***@')} 启动服务器`,
    );
  } catch (error) {
    if (error instanceof BackupError) fail(error.message);
    throw error;
  } finally {
    await target.close();
  }
}
