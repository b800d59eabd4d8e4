import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { passwordProblems } from '../../core/auth/password-policy.ts';
import { appUser, area, loginFailure, orgUnit } from '../../db/schema/index.ts';
import { AppError } from '../../kernel/errors.ts';
import { ROLE_LABELS } from '../../kernel/roles.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { ANONYMOUS, actorOf, audit } from '../audit/index.ts';
import type { MeResponse } from './contract.ts';
import { DEMO_ACCOUNTS } from './demo-accounts.ts';
import { recordPasswordChange, usedRecently } from './password-history.ts';
import { decoyHash, hashPassword, verifyPassword } from './passwords.ts';
import { createSession, currentUser, deleteSession, deleteUserSessions, modeOf, SESSION_COOKIE } from './sessions.ts';

const Credentials = z.object({
  username: z.string().trim().min(1, '请输入用户名').max(64),
  password: z.string().min(1, '请输入密码').max(256),
});

const PasswordChange = z.object({
  currentPassword: z.string().min(1, '请输入当前密码').max(256),
  newPassword: z.string().min(1, '请输入新密码').max(256),
});

export const authRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { config, database }) => {
  const { db } = database;
  const security = config.security;
  const policy = { minLength: security.passwordMinLength, minClasses: security.passwordMinClasses };
  const sessionPolicy = { security, mode: modeOf(config.demo) };

  function setSessionCookie(reply: import('fastify').FastifyReply, secure: boolean, token: string) {
    reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'strict', secure });
  }

  app.post(
    '/auth/login',
    {
      schema: { tags: ['登录'], summary: '登录', body: Credentials },
      config: {
        access: { public: true },
        rateLimit: { max: security.loginRateLimitPerMinute, timeWindow: 60_000 },
      },
    },
    async (request, reply) => {
      const { username, password } = request.body;
      const client = request.ip;
      const now = new Date();
      const [row] = await db
        .select({ user: appUser, unitName: orgUnit.name, areaName: area.name })
        .from(appUser)
        .leftJoin(orgUnit, eq(orgUnit.id, appUser.unitId))
        .leftJoin(area, eq(area.id, appUser.areaId))
        .where(eq(appUser.username, username));
      const user = row?.user;
      const actor = { ...ANONYMOUS, username, unitName: row?.unitName ?? row?.areaName ?? null, ip: client };
      const refuse = async (code: string, message: string, action = 'auth.login') => {
        await audit(db, { ...actor, userId: user?.id ?? null }, { action, result: 'failure', detail: message });
        throw new AppError(code === 'LOGIN_FAILED' ? 401 : 403, code, message);
      };
      // Failures count per username (as typed, known or not) and client address: a lock stops this client only,
      // so nobody can lock the real user out from elsewhere, and the answers are the same for unknown names.
      const [record] = await db
        .select()
        .from(loginFailure)
        .where(and(eq(loginFailure.username, username), eq(loginFailure.client, client)));
      if (record?.lockedUntil && record.lockedUntil > now) {
        return refuse('ACCOUNT_LOCKED', lockedMessage(record.lockedUntil));
      }
      const verified = user
        ? await verifyPassword(password, user.passwordHash)
        : await verifyPassword(password, await decoyHash()).then(() => false);
      if (!verified) {
        const stale = !record || now.getTime() - record.lastFailureAt.getTime() > 86_400_000;
        const failures = (stale ? 0 : record.failures) + 1;
        const previousLocks = stale ? 0 : (record?.locks ?? 0);
        const locks = failures >= security.loginMaxFailures;
        // Each further lock of the same client lasts twice as long as the one before, at most a day.
        const lockMs = Math.min(security.loginLockMinutes * 60_000 * 2 ** previousLocks, 86_400_000);
        const lockedUntil = locks ? new Date(now.getTime() + lockMs) : null;
        const values = {
          failures: locks ? 0 : failures,
          locks: previousLocks + (locks ? 1 : 0),
          lockedUntil,
          lastFailureAt: now,
        };
        await db
          .insert(loginFailure)
          .values({ username, client, ...values })
          .onConflictDoUpdate({ target: [loginFailure.username, loginFailure.client], set: values });
        await db.delete(loginFailure).where(lt(loginFailure.lastFailureAt, new Date(now.getTime() - 7 * 86_400_000)));
        // Progressive delay: each failure from this client waits twice as long before its answer (≤ 8 s).
        const delay = Math.min(security.loginFailureDelayMs * 2 ** (failures - 1), 8_000);
        if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
        if (locks && lockedUntil) {
          if (user) await db.update(appUser).set({ lockedUntil }).where(eq(appUser.id, user.id));
          await audit(
            db,
            { ...actor, userId: user?.id ?? null },
            {
              action: 'auth.lockout',
              objectType: 'user',
              objectId: user?.id ?? username,
              result: 'failure',
              detail: `来自 ${client} 的连续 ${failures} 次登录失败，该地址暂停登录此账号至 ${lockedUntil.toISOString()}（第 ${previousLocks + 1} 次）`,
            },
          );
          return refuse('ACCOUNT_LOCKED', lockedMessage(lockedUntil));
        }
        return refuse('LOGIN_FAILED', '用户名或密码错误');
      }
      // Only a caller who knows the password learns that the account is disabled.
      if (!user) return refuse('LOGIN_FAILED', '用户名或密码错误');
      if (user.disabled) return refuse('ACCOUNT_DISABLED', '账号已停用，请联系系统管理员');
      if (user.isDemo && !config.demo) return refuse('ACCOUNT_DISABLED', '演示账号仅在演示模式下可用');
      await db.delete(loginFailure).where(and(eq(loginFailure.username, username), eq(loginFailure.client, client)));
      await db
        .update(appUser)
        .set({ failedAttempts: 0, lockedUntil: null, lastLoginAt: now })
        .where(eq(appUser.id, user.id));
      const { token, csrfToken } = await createSession(
        db,
        user.id,
        { ip: client, userAgent: request.headers['user-agent'] },
        sessionPolicy,
      );
      setSessionCookie(reply, request.protocol === 'https', token);
      await audit(db, { ...actor, userId: user.id }, { action: 'auth.login', objectType: 'user', objectId: user.id });
      return { csrfToken, username: user.username };
    },
  );

  app.post(
    '/auth/logout',
    {
      schema: { tags: ['登录'], summary: '退出登录' },
      config: { access: { authenticated: true, duringPasswordChange: true } },
    },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await deleteSession(db, token);
      await audit(db, actorOf(request), { action: 'auth.logout' });
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true };
    },
  );

  app.get(
    '/auth/me',
    {
      schema: { tags: ['登录'], summary: '当前用户' },
      config: { access: { authenticated: true, duringPasswordChange: true } },
    },
    async (request): Promise<MeResponse> => {
      const user = currentUser(request);
      return {
        user,
        csrfToken: request.session?.csrfToken ?? '',
        passwordExpiryWarning:
          user.passwordExpiresInDays <= security.passwordExpiryWarningDays && !user.mustChangePassword
            ? `您的密码将在 ${Math.max(0, user.passwordExpiresInDays)} 天后过期，请及时修改`
            : null,
        passwordPolicy: policy,
        // The web app warns before the idle timeout ends the session.
        sessionIdleMinutes: security.sessionIdleMinutes,
      };
    },
  );

  app.post(
    '/auth/password',
    {
      schema: { tags: ['登录'], summary: '修改本人密码', body: PasswordChange },
      config: { access: { authenticated: true, duringPasswordChange: true } },
    },
    async (request, reply) => {
      const user = currentUser(request);
      const { currentPassword, newPassword } = request.body;
      const [row] = await db.select().from(appUser).where(eq(appUser.id, user.id));
      if (!row || !(await verifyPassword(currentPassword, row.passwordHash))) {
        await audit(db, actorOf(request), {
          action: 'auth.password_change',
          result: 'failure',
          detail: '当前密码错误',
        });
        throw new AppError(400, 'VALIDATION_FAILED', '当前密码不正确', {
          fields: [{ field: 'body.currentPassword', message: '当前密码不正确' }],
        });
      }
      const problems = passwordProblems(newPassword, user.username, policy);
      if (newPassword === currentPassword) problems.push('新密码不能与当前密码相同');
      else if (
        problems.length === 0 &&
        (await usedRecently(db, user.id, row.passwordHash, newPassword, security.passwordHistory))
      ) {
        problems.push(`新密码不能与最近 ${security.passwordHistory} 次使用过的密码相同`);
      }
      if (problems.length > 0) {
        throw new AppError(400, 'PASSWORD_POLICY', `新密码不符合要求：${problems.join('；')}`, {
          fields: problems.map((message) => ({ field: 'body.newPassword', message })),
        });
      }
      const passwordHash = await hashPassword(newPassword);
      const { token, csrfToken } = await database.db.transaction(async (tx) => {
        await tx
          .update(appUser)
          .set({ passwordHash, mustChangePassword: false, passwordChangedAt: sql`now()` })
          .where(eq(appUser.id, user.id));
        await recordPasswordChange(tx, user.id, row.passwordHash, security.passwordHistory);
        // Every other session of this user ends; this client gets a fresh one.
        await deleteUserSessions(tx, user.id);
        await audit(tx, actorOf(request), { action: 'auth.password_change', objectType: 'user', objectId: user.id });
        return createSession(tx, user.id, { ip: request.ip, userAgent: request.headers['user-agent'] }, sessionPolicy);
      });
      setSessionCookie(reply, request.protocol === 'https', token);
      return { csrfToken };
    },
  );

  app.get(
    '/auth/demo-accounts',
    { schema: { tags: ['登录'], summary: '演示账号（仅演示模式）' }, config: { access: { public: true } } },
    async () => {
      if (!config.demo) throw new AppError(404, 'NOT_FOUND', '非演示模式，无演示账号');
      // Only the demo accounts that exist in this database (another plan folder has other units and towns, so
      // some are never created), with the unit or town they really belong to.
      const rows = await db
        .select({ username: appUser.username, unitName: orgUnit.name, areaName: area.name })
        .from(appUser)
        .leftJoin(orgUnit, eq(orgUnit.id, appUser.unitId))
        .leftJoin(area, eq(area.id, appUser.areaId))
        .where(
          and(
            eq(appUser.isDemo, true),
            inArray(
              appUser.username,
              DEMO_ACCOUNTS.map((a) => a.username),
            ),
          ),
        );
      const present = new Map(rows.map((r) => [r.username, r]));
      return {
        accounts: DEMO_ACCOUNTS.filter((a) => present.has(a.username)).map((a) => {
          const row = present.get(a.username);
          return {
            username: a.username,
            password: a.password,
            role: a.role,
            roleLabel: ROLE_LABELS[a.role],
            belongsTo: row?.unitName ?? row?.areaName ?? '',
          };
        }),
      };
    },
  );
};

function lockedMessage(until: Date): string {
  const time = until.toLocaleString('zh-CN', {
    timeZone: 'Asia/Shanghai',
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  });
  return `登录失败次数过多，本机已暂停登录该账号至 ${time}。请稍后再试，或联系系统管理员解锁`;
}
