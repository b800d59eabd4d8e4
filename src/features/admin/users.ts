import { eq, or } from 'drizzle-orm';
import { passwordProblems } from '../../core/auth/password-policy.ts';
import type { Db } from '../../db/connection.ts';
import { appUser, area, orgUnit } from '../../db/schema/index.ts';
import { ROLE_LABELS, ROLES, type Role, roleNeedsUnit } from '../../kernel/roles.ts';
import type { Config } from '../../platform/config.ts';
import { type Actor, audit, purgeAuditLog } from '../audit/index.ts';
import { clearLoginFailures, deleteUserSessions, hashPassword, recordPasswordChange } from '../auth/index.ts';

// Account administration without the web UI (`tianping user …`, `tianping audit purge`): creating the first
// administrator of a real deployment, resets and unlocks when nobody can sign in. Same rules as the HTTP routes
// (password policy, one unit or one town, change at first login), and every action is audited as user 'cli'.

export const CLI_ACTOR: Actor = { userId: null, username: 'cli', unitName: null, ip: null };

/** A problem the operator can fix: the CLI prints the message and exits with status 2. */
export class AdminInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AdminInputError';
  }
}

export interface CreateUserInput {
  username: string;
  displayName: string;
  role: string;
  /** Unit name or code (e.g. 区卫生健康委 or wjw). */
  unit?: string | undefined;
  /** Area name or code (e.g. 杨村街道). */
  area?: string | undefined;
  password: string;
}

const USERNAME = /^[A-Za-z0-9_.-]{3,32}$/;

function checkPassword(config: Config, password: string, username: string): void {
  const problems = passwordProblems(password, username, {
    minLength: config.security.passwordMinLength,
    minClasses: config.security.passwordMinClasses,
  });
  if (problems.length > 0) throw new AdminInputError(`密码不符合要求：${problems.join('；')}`);
}

function parseRole(role: string): Role {
  const found = ROLES.find((r) => r === role || ROLE_LABELS[r] === role);
  if (!found) {
    throw new AdminInputError(`角色 ${role} 无效，应为：${ROLES.map((r) => `${r}（${ROLE_LABELS[r]}）`).join('、')}`);
  }
  return found;
}

async function findUnitId(db: Db, nameOrCode: string): Promise<number> {
  const [unit] = await db
    .select({ id: orgUnit.id })
    .from(orgUnit)
    .where(or(eq(orgUnit.name, nameOrCode), eq(orgUnit.code, nameOrCode)));
  if (!unit) throw new AdminInputError(`单位 ${nameOrCode} 不存在（请用单位全称或代码，如 区卫生健康委）`);
  return unit.id;
}

async function findAreaId(db: Db, nameOrCode: string): Promise<number> {
  const [row] = await db
    .select({ id: area.id })
    .from(area)
    .where(or(eq(area.name, nameOrCode), eq(area.code, nameOrCode)));
  if (!row) throw new AdminInputError(`镇街 ${nameOrCode} 不存在（请用全称或代码，如 杨村街道）`);
  return row.id;
}

async function findUser(db: Db, username: string) {
  const [user] = await db.select().from(appUser).where(eq(appUser.username, username));
  if (!user) throw new AdminInputError(`用户 ${username} 不存在`);
  return user;
}

/** Creates an account that must change its password at first login. Returns its id. */
export async function createUser(db: Db, config: Config, input: CreateUserInput): Promise<number> {
  const username = input.username.trim();
  if (!USERNAME.test(username)) throw new AdminInputError('用户名为 3–32 位字母、数字、下划线、点或连字符');
  const displayName = input.displayName.trim();
  if (!displayName || displayName.length > 30) throw new AdminInputError('姓名不能为空，最多 30 个字');
  const role = parseRole(input.role);
  if (input.unit && input.area)
    throw new AdminInputError('用户只能属于一个单位或一个镇街（--unit 与 --area 只能选一个）');
  const unitId = input.unit ? await findUnitId(db, input.unit) : null;
  const areaId = input.area ? await findAreaId(db, input.area) : null;
  if (roleNeedsUnit(role) && unitId === null)
    throw new AdminInputError(`${ROLE_LABELS[role]}必须用 --unit 指定所属单位`);
  if (role === 'town_reporter' && areaId === null) throw new AdminInputError('镇街填报员必须用 --area 指定所属镇街');
  const [existing] = await db.select({ id: appUser.id }).from(appUser).where(eq(appUser.username, username));
  if (existing) throw new AdminInputError(`用户名 ${username} 已存在`);
  checkPassword(config, input.password, username);
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(appUser)
      .values({ username, displayName, role, unitId, areaId, passwordHash, mustChangePassword: true })
      .returning({ id: appUser.id });
    const id = created?.id as number;
    await audit(tx, CLI_ACTOR, {
      action: 'user.create',
      objectType: 'user',
      objectId: id,
      after: { username, displayName, role, unitId, areaId },
    });
    return id;
  });
}

/** Sets a temporary password (changed at next login), clears a lock and ends the user's sessions. */
export async function resetPassword(db: Db, config: Config, username: string, password: string): Promise<void> {
  const user = await findUser(db, username);
  checkPassword(config, password, user.username);
  await setTemporaryPassword(db, user.id, password, CLI_ACTOR, config.security.passwordHistory);
}

/**
 * An administrator's reset, from the CLI or the API: a temporary password the user must change at next login;
 * the lockout is lifted and the user's sessions end. The caller has checked the password against the policy.
 */
export async function setTemporaryPassword(
  db: Db,
  userId: number,
  password: string,
  actor: Actor,
  passwordHistory: number,
): Promise<void> {
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    const [old] = await tx
      .select({ passwordHash: appUser.passwordHash, username: appUser.username })
      .from(appUser)
      .where(eq(appUser.id, userId));
    if (!old) throw new AdminInputError('用户不存在');
    await tx
      .update(appUser)
      .set({ passwordHash, mustChangePassword: true, failedAttempts: 0, lockedUntil: null })
      .where(eq(appUser.id, userId));
    await recordPasswordChange(tx, userId, old.passwordHash, passwordHistory);
    await clearLoginFailures(tx, old.username);
    await deleteUserSessions(tx, userId);
    await audit(tx, actor, { action: 'user.reset_password', objectType: 'user', objectId: userId });
  });
}

/** Lifts a lockout after too many failed logins. Returns whether the account was locked. */
export async function unlockUser(db: Db, username: string, now = new Date()): Promise<boolean> {
  const user = await findUser(db, username);
  const wasLocked = user.lockedUntil !== null && user.lockedUntil > now;
  await db.transaction(async (tx) => {
    await clearLoginFailures(tx, user.username);
    await audit(tx, CLI_ACTOR, {
      action: 'user.unlock',
      objectType: 'user',
      objectId: user.id,
      before: { lockedUntil: user.lockedUntil, failedAttempts: user.failedAttempts },
    });
  });
  return wasLocked;
}

/** Deletes audit rows older than the configured retention (never younger than 180 days), and audits that. */
export async function purgeAudit(db: Db, config: Config): Promise<number> {
  const deleted = await purgeAuditLog(db, config.security.auditRetentionDays);
  await audit(db, CLI_ACTOR, {
    action: 'audit.purge',
    detail: `删除 ${config.security.auditRetentionDays} 天前的日志 ${deleted} 条`,
  });
  return deleted;
}
