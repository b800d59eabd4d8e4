import { asc, eq, max } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/connection.ts';
import { uniqueViolation } from '../../db/errors.ts';
import { area, orgUnit, orgUnitFormerName } from '../../db/schema/index.ts';
import { AppError, notFound } from '../../kernel/errors.ts';
import { ROLE_SCOPE } from '../../kernel/roles.ts';
import { assertUnitInScope } from '../../kernel/scope.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { actorOf, audit } from '../audit/index.ts';
import { currentUser } from '../auth/index.ts';
import type { Area, AreaList, AreaReply, Unit, UnitList, UnitReply } from './contract.ts';

const IdParams = z.object({ id: z.coerce.number().int().positive('编号应为正整数') });
const Code = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,32}$/, '代码只能包含字母、数字、下划线和连字符（最多 32 位）');
const Name = z.string().trim().min(1, '名称不能为空').max(50, '名称最多 50 个字');
const Phone = z
  .string()
  .trim()
  .regex(/^[0-9+\-() ]{0,30}$/, '电话号码格式不正确');

const UnitCreate = z.object({ code: Code, name: Name });
/** A PATCH must change something: an empty body is a client error, not a no-op. */
export const notEmpty = (body: object) => Object.values(body).some((v) => v !== undefined);
export const NOTHING_TO_CHANGE = { message: '没有要修改的内容' };
const UnitPatch = z.object({
  name: Name.optional(),
  /**
   * With a new name: 机构更名 (default) keeps the old name for the finished cycles' pages and reports; false is a
   * correction (错别字), shown everywhere at once.
   */
  keepFormerName: z.boolean({ message: '是否保留原名称应为是或否' }).optional(),
  active: z.boolean().optional(),
  confirmed: z.boolean().optional(),
  contactName: z.string().trim().max(30).nullable().optional(),
  contactPhone: Phone.nullable().optional(),
});
const ContactPatch = UnitPatch.pick({ contactName: true, contactPhone: true }).refine(notEmpty, NOTHING_TO_CHANGE);
const AreaCreate = z.object({
  code: Code,
  name: Name,
  kind: z.enum(['street', 'town'], { message: '类型应为街道或镇' }),
});
const AreaPatch = z
  .object({ name: Name.optional(), active: z.boolean().optional() })
  .refine(notEmpty, NOTHING_TO_CHANGE);

const MANAGERS = ['office', 'admin'] as const;

async function findUnit(db: Db, id: number) {
  const [unit] = await db.select().from(orgUnit).where(eq(orgUnit.id, id));
  if (!unit) throw notFound('单位');
  return unit;
}

/** A duplicate code or name gets a message naming the field, not a database error. */
function duplicateAs(error: unknown, what: string): never {
  const constraint = uniqueViolation(error);
  if (constraint) {
    const field = constraint.includes('code') ? 'code' : 'name';
    throw new AppError(409, 'DUPLICATE', `${what}${field === 'code' ? '代码' : '名称'}已存在`, {
      fields: [{ field: `body.${field}`, message: '已存在，不能重复' }],
    });
  }
  throw error;
}

export const organisationRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { database }) => {
  const { db } = database;

  app.get(
    '/org/units',
    {
      schema: { tags: ['组织机构'], summary: '成员单位列表（全区范围的角色另见联络员）' },
      config: { access: { authenticated: true } },
    },
    async (request): Promise<UnitList> => {
      const units = await db.select().from(orgUnit).orderBy(asc(orgUnit.position));
      // Contacts are a unit's own business: only roles that see every unit get them in the list.
      const withContacts = ROLE_SCOPE[currentUser(request).role] === 'all';
      return {
        units: units.map(({ contactName, contactPhone, position: _position, ...u }) =>
          withContacts ? { ...u, contactName, contactPhone } : u,
        ),
      };
    },
  );

  app.get(
    '/org/units/:id',
    {
      schema: { tags: ['组织机构'], summary: '单位详情（含联络员）', params: IdParams },
      config: {
        access: { roles: ['office', 'statistics', 'unit_reporter', 'unit_leader', 'district_leader', 'admin'] },
      },
    },
    async (request): Promise<UnitReply> => {
      assertUnitInScope(currentUser(request), request.params.id, '单位');
      return { unit: await findUnit(db, request.params.id) };
    },
  );

  app.post(
    '/org/units',
    {
      schema: { tags: ['组织机构'], summary: '新增成员单位', body: UnitCreate },
      config: { access: { roles: MANAGERS } },
    },
    async (request): Promise<UnitReply> => {
      const [last] = await db.select({ position: max(orgUnit.position) }).from(orgUnit);
      const unit = await db
        .transaction(async (tx) => {
          const [created] = await tx
            .insert(orgUnit)
            .values({ ...request.body, kind: 'member', position: (last?.position ?? 0) + 1, confirmed: true })
            .returning();
          await audit(tx, actorOf(request), {
            action: 'unit.create',
            objectType: 'unit',
            objectId: created?.id,
            after: created,
          });
          return created;
        })
        .catch((e) => duplicateAs(e, '单位'));
      // RETURNING gives the row written (the unit exists: it was just inserted or read), as below.
      return { unit: unit as Unit };
    },
  );

  app.patch(
    '/org/units/:id',
    {
      schema: {
        tags: ['组织机构'],
        summary: '修改成员单位',
        params: IdParams,
        body: UnitPatch.refine(({ keepFormerName: _, ...changes }) => notEmpty(changes), NOTHING_TO_CHANGE),
      },
      config: { access: { roles: MANAGERS } },
    },
    async (request): Promise<UnitReply> => {
      const before = await findUnit(db, request.params.id);
      const { keepFormerName, ...changes } = request.body;
      const renamed = changes.name !== undefined && changes.name !== before.name;
      const unit = await db
        .transaction(async (tx) => {
          const [after] = await tx.update(orgUnit).set(changes).where(eq(orgUnit.id, before.id)).returning();
          if (renamed && keepFormerName !== false) {
            await tx.insert(orgUnitFormerName).values({ unitId: before.id, name: before.name });
          }
          await audit(tx, actorOf(request), {
            action: 'unit.update',
            objectType: 'unit',
            objectId: before.id,
            before,
            after,
          });
          return after;
        })
        .catch((e) => duplicateAs(e, '单位'));
      return { unit: unit as Unit };
    },
  );

  app.patch(
    '/org/units/:id/contact',
    {
      schema: { tags: ['组织机构'], summary: '修改本单位联络员', params: IdParams, body: ContactPatch },
      config: { access: { roles: ['office', 'admin', 'unit_leader'] } },
    },
    async (request): Promise<UnitReply> => {
      assertUnitInScope(currentUser(request), request.params.id, '单位');
      const before = await findUnit(db, request.params.id);
      const unit = await db.transaction(async (tx) => {
        const [after] = await tx.update(orgUnit).set(request.body).where(eq(orgUnit.id, before.id)).returning();
        await audit(tx, actorOf(request), {
          action: 'unit.contact',
          objectType: 'unit',
          objectId: before.id,
          before,
          after,
        });
        return after;
      });
      return { unit: unit as Unit };
    },
  );

  app.get(
    '/org/areas',
    { schema: { tags: ['组织机构'], summary: '镇街列表' }, config: { access: { authenticated: true } } },
    async (): Promise<AreaList> => ({ areas: await db.select().from(area).orderBy(asc(area.position)) }),
  );

  app.post(
    '/org/areas',
    { schema: { tags: ['组织机构'], summary: '新增镇街', body: AreaCreate }, config: { access: { roles: MANAGERS } } },
    async (request): Promise<AreaReply> => {
      const created = await db
        .transaction(async (tx) => {
          const [last] = await tx.select({ position: max(area.position) }).from(area);
          const [row] = await tx
            .insert(area)
            .values({ ...request.body, position: (last?.position ?? 0) + 1 })
            .returning();
          await audit(tx, actorOf(request), {
            action: 'area.create',
            objectType: 'area',
            objectId: row?.id,
            after: row,
          });
          return row;
        })
        .catch((e) => duplicateAs(e, '镇街'));
      return { area: created as Area };
    },
  );

  app.patch(
    '/org/areas/:id',
    {
      schema: { tags: ['组织机构'], summary: '修改镇街', params: IdParams, body: AreaPatch },
      config: { access: { roles: MANAGERS } },
    },
    async (request): Promise<AreaReply> => {
      const [before] = await db.select().from(area).where(eq(area.id, request.params.id));
      if (!before) throw notFound('镇街');
      const updated = await db
        .transaction(async (tx) => {
          const [after] = await tx.update(area).set(request.body).where(eq(area.id, before.id)).returning();
          await audit(tx, actorOf(request), {
            action: 'area.update',
            objectType: 'area',
            objectId: before.id,
            before,
            after,
          });
          return after;
        })
        .catch((e) => duplicateAs(e, '镇街'));
      return { area: updated as Area };
    },
  );
};
