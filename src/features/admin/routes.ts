import { asc, eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { passwordProblems } from '../../core/auth/password-policy.ts';
import { backupDatabase } from '../../db/backup.ts';
import type { Db } from '../../db/connection.ts';
import { uniqueViolation } from '../../db/errors.ts';
import { appUser, area, orgUnit } from '../../db/schema/index.ts';
import { AppError, notFound } from '../../kernel/errors.ts';
import { asJson } from '../../kernel/json.ts';
import { ROLE_LABELS, ROLES, roleNeedsUnit } from '../../kernel/roles.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { sendFile } from '../../platform/download.ts';
import { actorOf, audit } from '../audit/index.ts';
import { clearLoginFailures, deleteUserSessions, hashPassword } from '../auth/index.ts';
import { NOTHING_TO_CHANGE, notEmpty } from '../organisation/index.ts';
import type { UserList, UserReply } from './contract.ts';
import { setTemporaryPassword } from './users.ts';

const IdParams = z.object({ id: z.coerce.number().int().positive('编号应为正整数') });
const Role = z.enum(ROLES, { message: `角色应为：${ROLES.map((r) => ROLE_LABELS[r]).join('、')}` });

const UserCreate = z.object({
  username: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_.-]{3,32}$/, '用户名为 3–32 位字母、数字、下划线、点或连字符'),
  displayName: z.string().trim().min(1, '姓名不能为空').max(30),
  role: Role,
  unitId: z.number().int().positive().nullable().default(null),
  areaId: z.number().int().positive().nullable().default(null),
  password: z.string().min(1, '请设置初始密码').max(256),
});
const UserPatch = z
  .object({
    displayName: z.string().trim().min(1).max(30).optional(),
    role: Role.optional(),
    unitId: z.number().int().positive().nullable().optional(),
    areaId: z.number().int().positive().nullable().optional(),
    disabled: z.boolean().optional(),
  })
  .refine(notEmpty, NOTHING_TO_CHANGE);
const ResetBody = z.object({ password: z.string().min(1, '请设置临时密码').max(256) });

/** What a user record may show: never the hash. */
const publicColumns = {
  id: appUser.id,
  username: appUser.username,
  displayName: appUser.displayName,
  role: appUser.role,
  unitId: appUser.unitId,
  areaId: appUser.areaId,
  disabled: appUser.disabled,
  mustChangePassword: appUser.mustChangePassword,
  lockedUntil: appUser.lockedUntil,
  failedAttempts: appUser.failedAttempts,
  isDemo: appUser.isDemo,
  lastLoginAt: appUser.lastLoginAt,
  createdAt: appUser.createdAt,
  unitName: orgUnit.name,
  areaName: area.name,
};

async function findUser(db: Db, id: number) {
  const [user] = await db
    .select(publicColumns)
    .from(appUser)
    .leftJoin(orgUnit, eq(orgUnit.id, appUser.unitId))
    .leftJoin(area, eq(area.id, appUser.areaId))
    .where(eq(appUser.id, id));
  if (!user) throw notFound('用户');
  return user;
}

/** A user belongs to one unit or one town, as the role requires. */
function membershipProblem(role: (typeof ROLES)[number], unitId: number | null, areaId: number | null): string | null {
  if (unitId !== null && areaId !== null) return '用户只能属于一个单位或一个镇街';
  if (roleNeedsUnit(role) && unitId === null) return `${ROLE_LABELS[role]}必须指定所属单位`;
  if (role === 'town_reporter' && areaId === null) return '镇街填报员必须指定所属镇街';
  return null;
}

export const userRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { config, database }) => {
  const { db } = database;
  const policy = { minLength: config.security.passwordMinLength, minClasses: config.security.passwordMinClasses };
  const admins = { roles: ['admin'] as const };

  function checkPassword(password: string, username: string) {
    const problems = passwordProblems(password, username, policy);
    if (problems.length > 0) {
      throw new AppError(400, 'PASSWORD_POLICY', `密码不符合要求：${problems.join('；')}`, {
        fields: problems.map((message) => ({ field: 'body.password', message })),
      });
    }
  }

  app.get(
    '/admin/users',
    { schema: { tags: ['用户管理'], summary: '用户列表' }, config: { access: admins } },
    async (): Promise<UserList> =>
      asJson({
        users: await db
          .select(publicColumns)
          .from(appUser)
          .leftJoin(orgUnit, eq(orgUnit.id, appUser.unitId))
          .leftJoin(area, eq(area.id, appUser.areaId))
          .orderBy(asc(appUser.id)),
      }),
  );

  app.post(
    '/admin/users',
    {
      schema: { tags: ['用户管理'], summary: '新建用户（首次登录须改密码）', body: UserCreate },
      config: { access: admins },
    },
    async (request): Promise<UserReply> => {
      const { password, ...fields } = request.body;
      const problem = membershipProblem(fields.role, fields.unitId, fields.areaId);
      if (problem)
        throw new AppError(400, 'VALIDATION_FAILED', problem, { fields: [{ field: 'body.unitId', message: problem }] });
      checkPassword(password, fields.username);
      const passwordHash = await hashPassword(password);
      const id = await db
        .transaction(async (tx) => {
          const [created] = await tx
            .insert(appUser)
            .values({ ...fields, passwordHash, mustChangePassword: true })
            .returning({ id: appUser.id });
          const createdId = created?.id as number;
          await audit(tx, actorOf(request), {
            action: 'user.create',
            objectType: 'user',
            objectId: createdId,
            after: fields,
          });
          return createdId;
        })
        .catch((error) => {
          if (uniqueViolation(error)) {
            throw new AppError(409, 'DUPLICATE', `用户名 ${fields.username} 已存在`, {
              fields: [{ field: 'body.username', message: '已存在，不能重复' }],
            });
          }
          throw error;
        });
      return asJson({ user: await findUser(db, id) });
    },
  );

  app.patch(
    '/admin/users/:id',
    {
      schema: { tags: ['用户管理'], summary: '修改用户、停用或启用', params: IdParams, body: UserPatch },
      config: { access: admins },
    },
    async (request): Promise<UserReply> => {
      const before = await findUser(db, request.params.id);
      const next = { role: before.role, unitId: before.unitId, areaId: before.areaId, ...request.body };
      const problem = membershipProblem(next.role, next.unitId, next.areaId);
      if (problem)
        throw new AppError(400, 'VALIDATION_FAILED', problem, { fields: [{ field: 'body.unitId', message: problem }] });
      await db.transaction(async (tx) => {
        await tx.update(appUser).set(request.body).where(eq(appUser.id, before.id));
        // A disabled user, or one whose role changed, signs in again.
        if (request.body.disabled || (request.body.role && request.body.role !== before.role)) {
          await deleteUserSessions(tx, before.id);
        }
        await audit(tx, actorOf(request), {
          action: request.body.disabled === true ? 'user.disable' : 'user.update',
          objectType: 'user',
          objectId: before.id,
          before,
          after: request.body,
        });
      });
      return asJson({ user: await findUser(db, before.id) });
    },
  );

  app.post(
    '/admin/users/:id/reset-password',
    {
      schema: { tags: ['用户管理'], summary: '重置密码（下次登录须修改）', params: IdParams, body: ResetBody },
      config: { access: admins },
    },
    async (request): Promise<UserReply> => {
      const user = await findUser(db, request.params.id);
      checkPassword(request.body.password, user.username);
      await setTemporaryPassword(db, user.id, request.body.password, actorOf(request), config.security.passwordHistory);
      return asJson({ user: await findUser(db, user.id) });
    },
  );

  app.post(
    '/admin/users/:id/unlock',
    { schema: { tags: ['用户管理'], summary: '解锁账号', params: IdParams }, config: { access: admins } },
    async (request): Promise<UserReply> => {
      const user = await findUser(db, request.params.id);
      await db.transaction(async (tx) => {
        await clearLoginFailures(tx, user.username);
        await audit(tx, actorOf(request), {
          action: 'user.unlock',
          objectType: 'user',
          objectId: user.id,
          before: { lockedUntil: user.lockedUntil },
        });
      });
      return asJson({ user: await findUser(db, user.id) });
    },
  );

  app.get(
    '/admin/backup',
    {
      schema: { tags: ['用户管理'], summary: '下载整个数据库的一致备份（运行中可用；tianping restore 恢复）' },
      config: { access: admins },
    },
    async (request, reply) => {
      const bytes = await backupDatabase(database);
      await audit(db, actorOf(request), { action: 'admin.backup', detail: `${bytes.length} 字节` });
      const stamp = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 16).replace(/[-:T]/g, '');
      return sendFile(reply, bytes, `天平备份-${stamp}.tianping.gz`, 'application/gzip');
    },
  );
};
