import { eq, sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { passwordProblems } from '../../core/auth/password-policy.ts';
import { appUser, area, orgUnit } from '../../db/schema/index.ts';
import { AppError } from '../../kernel/errors.ts';
import { ROLE_LABELS } from '../../kernel/roles.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { ANONYMOUS, actorOf, audit } from '../audit/index.ts';
import { DEMO_ACCOUNTS } from './demo-accounts.ts';
import { decoyHash, hashPassword, verifyPassword } from './passwords.ts';
import { createSession, currentUser, deleteSession, deleteUserSessions, SESSION_COOKIE } from './sessions.ts';

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
      const [row] = await db
        .select({ user: appUser, unitName: orgUnit.name, areaName: area.name })
        .from(appUser)
        .leftJoin(orgUnit, eq(orgUnit.id, appUser.unitId))
        .leftJoin(area, eq(area.id, appUser.areaId))
        .where(eq(appUser.username, username));
      const user = row?.user;
      const actor = { ...ANONYMOUS, username, unitName: row?.unitName ?? row?.areaName ?? null, ip: request.ip };
      const refuse = async (code: string, message: string, action = 'auth.login') => {
        await audit(db, { ...actor, userId: user?.id ?? null }, { action, result: 'failure', detail: message });
        throw new AppError(code === 'LOGIN_FAILED' ? 401 : 403, code, message);
      };
      if (!user) {
        await verifyPassword(password, await decoyHash());
        return refuse('LOGIN_FAILED', '用户名或密码错误');
      }
      if (user.disabled) return refuse('ACCOUNT_DISABLED', '账号已停用，请联系系统管理员');
      if (user.isDemo && !config.demo) return refuse('ACCOUNT_DISABLED', '演示账号仅在演示模式下可用');
      const now = new Date();
      if (user.lockedUntil && user.lockedUntil > now) {
        const until = user.lockedUntil.toLocaleTimeString('zh-CN', {
          hour: '2-digit',
          minute: '2-digit',
          hour12: false,
        });
        return refuse('ACCOUNT_LOCKED', `连续登录失败次数过多，账号已锁定至 ${until}，请稍后再试或联系管理员解锁`);
      }
      if (!(await verifyPassword(password, user.passwordHash))) {
        const failures = user.failedAttempts + 1;
        const locks = failures >= security.loginMaxFailures;
        await db
          .update(appUser)
          .set({
            failedAttempts: locks ? 0 : failures,
            lockedUntil: locks ? new Date(now.getTime() + security.loginLockMinutes * 60_000) : user.lockedUntil,
          })
          .where(eq(appUser.id, user.id));
        if (locks) {
          await audit(
            db,
            { ...actor, userId: user.id },
            { action: 'auth.lockout', objectType: 'user', objectId: user.id },
          );
          return refuse('ACCOUNT_LOCKED', `连续 ${failures} 次登录失败，账号已锁定 ${security.loginLockMinutes} 分钟`);
        }
        return refuse(
          'LOGIN_FAILED',
          `用户名或密码错误（再失败 ${security.loginMaxFailures - failures} 次将锁定账号）`,
        );
      }
      await db
        .update(appUser)
        .set({ failedAttempts: 0, lockedUntil: null, lastLoginAt: now })
        .where(eq(appUser.id, user.id));
      const { token, csrfToken } = await createSession(db, user.id, {
        ip: request.ip,
        userAgent: request.headers['user-agent'],
      });
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
    async (request) => {
      const user = currentUser(request);
      return {
        user,
        csrfToken: request.session?.csrfToken,
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
        // Every other session of this user ends; this client gets a fresh one.
        await deleteUserSessions(tx, user.id);
        await audit(tx, actorOf(request), { action: 'auth.password_change', objectType: 'user', objectId: user.id });
        return createSession(tx, user.id, { ip: request.ip, userAgent: request.headers['user-agent'] });
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
      return {
        accounts: DEMO_ACCOUNTS.map((a) => ({
          username: a.username,
          password: a.password,
          role: a.role,
          roleLabel: ROLE_LABELS[a.role],
          belongsTo: a.unitName ?? a.areaName ?? '',
        })),
      };
    },
  );
};
