import readline from 'node:readline';
import { count } from 'drizzle-orm';
import { type Database, openDatabase } from '../db/connection.ts';
import { migrate } from '../db/migrate.ts';
import { orgUnit } from '../db/schema/index.ts';
import { AdminInputError, createUser, purgeAudit, resetPassword, unlockUser } from '../features/admin/index.ts';
import { loadOrganisation, mergeOrganisation } from '../features/organisation/index.ts';
import { type Config, loadConfig } from '../platform/config.ts';

// The actions behind `tianping user …` and `tianping audit purge`. They open the database as `migrate` does
// (taking the data-folder lock, so they refuse while a server runs on it), bring it up to date, act, close.

async function withDatabase<T>(fn: (database: Database, config: Config) => Promise<T>): Promise<T | undefined> {
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    // A brand-new deployment: the first administrator may be created before the server ever ran.
    await migrate(database);
    const [units] = await database.db.select({ n: count() }).from(orgUnit);
    if ((units?.n ?? 0) === 0) await mergeOrganisation(database.db, loadOrganisation(config.planDir));
    return await fn(database, config);
  } catch (error) {
    if (!(error instanceof AdminInputError)) throw error;
    console.error(error.message);
    process.exitCode = 2;
    return undefined;
  } finally {
    await database.close();
  }
}

/** The password from the option, else typed without echo (twice) on a terminal, else the first stdin line. */
export async function passwordFrom(option: string | undefined, prompt = '密码：'): Promise<string> {
  if (option !== undefined) return option;
  if (process.stdin.isTTY) {
    const first = await readHidden(prompt);
    const second = await readHidden('再次输入：');
    if (first !== second) throw new AdminInputError('两次输入的密码不一致');
    return first;
  }
  const rl = readline.createInterface({ input: process.stdin, terminal: false });
  try {
    for await (const line of rl) return line.replace(/\r$/, '');
  } finally {
    rl.close();
  }
  throw new AdminInputError('未提供密码：请用 --password 指定，或从标准输入提供一行');
}

function readHidden(prompt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    process.stderr.write(prompt);
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    let value = '';
    const done = (error?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stderr.write('\n');
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return done();
        if (ch === '\u0003') return done(new AdminInputError('已取消'));
        if (ch === '\u007f' || ch === '\b') value = [...value].slice(0, -1).join('');
        else value += ch;
      }
    };
    stdin.on('data', onData);
  });
}

export interface UserCreateOptions {
  username: string;
  name: string;
  role: string;
  unit?: string;
  area?: string;
  password?: string;
}

export async function userCreate(options: UserCreateOptions): Promise<void> {
  const password = await passwordFrom(options.password, '初始密码（不回显）：').catch(reportInput);
  if (password === undefined) return;
  await withDatabase(async ({ db }, config) => {
    await createUser(db, config, {
      username: options.username,
      displayName: options.name,
      role: options.role,
      unit: options.unit,
      area: options.area,
      password,
    });
    console.log(`已创建用户 ${options.username}，首次登录须修改密码`);
  });
}

export async function userReset(options: { username: string; password?: string }): Promise<void> {
  const password = await passwordFrom(options.password, '临时密码（不回显）：').catch(reportInput);
  if (password === undefined) return;
  await withDatabase(async ({ db }, config) => {
    await resetPassword(db, config, options.username, password);
    console.log(`已重置 ${options.username} 的密码，并解除锁定；下次登录须修改密码`);
  });
}

export async function userUnlock(options: { username: string }): Promise<void> {
  await withDatabase(async ({ db }) => {
    const wasLocked = await unlockUser(db, options.username);
    console.log(wasLocked ? `已解锁 ${options.username}` : `${options.username} 未被锁定，已清零失败次数`);
  });
}

export async function auditPurge(): Promise<void> {
  await withDatabase(async ({ db }, config) => {
    const deleted = await purgeAudit(db, config);
    console.log(`已删除保存期（${Math.max(180, config.security.auditRetentionDays)} 天）以前的审计日志 ${deleted} 条`);
  });
}

function reportInput(error: unknown): undefined {
  if (!(error instanceof AdminInputError)) throw error;
  console.error(error.message);
  process.exitCode = 2;
  return undefined;
}
