import crypto from 'node:crypto';
import fastifyMultipart from '@fastify/multipart';
import { asc, eq, inArray } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { checkAssignment } from '../../core/responsibility.ts';
import type { Db } from '../../db/connection.ts';
import { orgUnit, plan } from '../../db/schema/index.ts';
import { AppError } from '../../kernel/errors.ts';
import { ROLE_SCOPE } from '../../kernel/roles.ts';
import { cycleOf } from '../../platform/cycles.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { sendXlsx } from '../../platform/download.ts';
import { actorOf, audit } from '../audit/index.ts';
import type { SessionUser } from '../auth/index.ts';
import { currentUser } from '../auth/index.ts';
import type {
  ImportConfirmResponse,
  ImportPreviewResponse,
  ResponsibilityList,
  ResponsibilitySummary,
} from './contract.ts';
import { buildPreview, type PlannedChange, type Preview, type UnitInfo } from './import.ts';
import {
  type Assignment,
  itemExists,
  listItems,
  type ResponsibilityItem,
  readAssignment,
  replaceAssignment,
  sameAssignment,
} from './store.ts';
import { buildResponsibilityWorkbook, parseResponsibilityWorkbook } from './xlsx.ts';

// 目标管理责任制: who leads and who partners on each indicator and measure. Everyone signed in can read it (unit
// roles only the items their unit leads or partners); the office and the administrator change it, one item at a
// time or by importing the exported Excel table after a preview.

const MANAGERS = ['office', 'admin'] as const;
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
export const PREVIEW_TTL_MS = 10 * 60 * 1000;

const ListQuery = z.object({
  plan: z.string().trim().min(1).optional(),
  domain: z.string().trim().min(1).optional(),
  unit: z.coerce.number().int().positive('单位编号应为正整数').optional(),
  missingLead: z.enum(['true', 'false'], { message: '应为 true 或 false' }).optional(),
});
const ItemParams = z.object({
  kind: z.enum(['indicator', 'measure'], { message: '类型应为 indicator（监测指标）或 measure（策略措施）' }),
  id: z.coerce.number().int().positive('编号应为正整数'),
});
const AssignmentBody = z.object({
  leadUnitId: z.number({ message: '请选择牵头单位' }).int().positive('请选择牵头单位'),
  partnerUnitIds: z.array(z.number().int().positive()).max(60, '配合单位过多').default([]),
});
const ConfirmBody = z.object({ previewToken: z.string().min(1, '缺少预览凭据').max(100) });

/** Unit roles see the items their unit leads or partners; everyone else sees all. */
function inScope(user: SessionUser) {
  if (ROLE_SCOPE[user.role] !== 'own_unit') return () => true;
  return (item: ResponsibilityItem) =>
    item.lead?.unitId === user.unitId || item.partners.some((p) => p.unitId === user.unitId);
}

async function allUnits(db: Db): Promise<(UnitInfo & { position: number })[]> {
  return db
    .select({
      id: orgUnit.id,
      code: orgUnit.code,
      name: orgUnit.name,
      active: orgUnit.active,
      position: orgUnit.position,
    })
    .from(orgUnit)
    .orderBy(asc(orgUnit.position));
}

/** The units of an assignment must exist and be active; problems name the field at fault. */
async function assertUnitsUsable(db: Db, leadUnitId: number, partnerUnitIds: readonly number[]): Promise<void> {
  const ids = [...new Set([leadUnitId, ...partnerUnitIds])];
  const found = new Map(
    (
      await db
        .select({ id: orgUnit.id, name: orgUnit.name, active: orgUnit.active })
        .from(orgUnit)
        .where(inArray(orgUnit.id, ids))
    ).map((u) => [u.id, u]),
  );
  const fields: { field: string; message: string }[] = [];
  const check = (id: number, field: string) => {
    const unit = found.get(id);
    if (!unit) fields.push({ field, message: `单位（编号 ${id}）不存在` });
    else if (!unit.active) fields.push({ field, message: `单位“${unit.name}”已停用` });
  };
  check(leadUnitId, 'body.leadUnitId');
  partnerUnitIds.forEach((id, i) => {
    check(id, `body.partnerUnitIds.${i}`);
  });
  if (fields.length > 0) {
    const unknown = fields.some((f) => f.message.includes('不存在'));
    throw new AppError(400, unknown ? 'UNKNOWN_UNIT' : 'INACTIVE_UNIT', fields.map((f) => f.message).join('；'), {
      fields,
    });
  }
}

function snapshot(a: Assignment) {
  return { lead: a.lead, partners: a.partners };
}

interface StoredPreview {
  userId: number;
  expiresAt: number;
  fileName: string;
  changes: PlannedChange[];
  counts: Preview['counts'];
}

export const responsibilityRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { database }) => {
  const { db } = database;
  // Uploads only here: one file of at most 5 MB.
  await app.register(fastifyMultipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } });

  // Import previews wait in memory for the user's confirmation, for 10 minutes, keyed by a random token.
  const previews = new Map<string, StoredPreview>();
  const sweep = () => {
    const now = Date.now();
    for (const [token, p] of previews) if (p.expiresAt <= now) previews.delete(token);
  };

  app.get(
    '/responsibility',
    {
      schema: { tags: ['责任分工'], summary: '策略措施和监测指标的牵头、配合单位', querystring: ListQuery },
      config: { access: { authenticated: true } },
    },
    async (request): Promise<ResponsibilityList> => {
      const { plan: planId, domain, unit, missingLead } = request.query;
      const visible = inScope(currentUser(request));
      const items = (await listItems(db, await cycleOf(db, request))).filter(
        (i) =>
          visible(i) &&
          (!planId || i.plan.id === planId) &&
          (!domain || i.domain.code === domain) &&
          (!unit || i.lead?.unitId === unit || i.partners.some((p) => p.unitId === unit)) &&
          (missingLead !== 'true' || i.lead === null),
      );
      return { items };
    },
  );

  app.get(
    '/responsibility/summary',
    {
      schema: { tags: ['责任分工'], summary: '各单位牵头、配合的指标和措施数，缺少牵头单位的条目数' },
      config: { access: { authenticated: true } },
    },
    async (request): Promise<ResponsibilitySummary> => {
      const user = currentUser(request);
      const visible = inScope(user);
      const items = (await listItems(db, await cycleOf(db, request))).filter(visible);
      const counts = new Map<
        number,
        { leadIndicators: number; partnerIndicators: number; leadMeasures: number; partnerMeasures: number }
      >();
      const bump = (
        unitId: number,
        key: 'leadIndicators' | 'partnerIndicators' | 'leadMeasures' | 'partnerMeasures',
      ) => {
        const c = counts.get(unitId) ?? {
          leadIndicators: 0,
          partnerIndicators: 0,
          leadMeasures: 0,
          partnerMeasures: 0,
        };
        c[key]++;
        counts.set(unitId, c);
      };
      for (const i of items) {
        const ind = i.kind === 'indicator';
        if (i.lead) bump(i.lead.unitId, ind ? 'leadIndicators' : 'leadMeasures');
        for (const p of i.partners) bump(p.unitId, ind ? 'partnerIndicators' : 'partnerMeasures');
      }
      const units = (await allUnits(db))
        .filter((u) => (ROLE_SCOPE[user.role] === 'own_unit' ? u.id === user.unitId : u.active || counts.has(u.id)))
        .map((u) => ({
          unitId: u.id,
          code: u.code,
          name: u.name,
          active: u.active,
          ...(counts.get(u.id) ?? { leadIndicators: 0, partnerIndicators: 0, leadMeasures: 0, partnerMeasures: 0 }),
        }));
      return {
        units,
        totals: {
          items: items.length,
          indicators: items.filter((i) => i.kind === 'indicator').length,
          measures: items.filter((i) => i.kind === 'measure').length,
          withoutLead: items.filter((i) => i.lead === null).length,
        },
      };
    },
  );

  app.put(
    '/responsibility/:kind/:id',
    {
      schema: { tags: ['责任分工'], summary: '修改一条的牵头、配合单位', params: ItemParams, body: AssignmentBody },
      config: { access: { roles: MANAGERS } },
    },
    async (request) => {
      const { kind, id } = request.params;
      const { leadUnitId, partnerUnitIds } = request.body;
      const problems = checkAssignment(leadUnitId, partnerUnitIds);
      if (problems.length > 0) {
        throw new AppError(400, 'INVALID_ASSIGNMENT', problems.join('；'), {
          fields: problems.map((message) => ({ field: 'body.partnerUnitIds', message })),
        });
      }
      if (!(await itemExists(db, kind, id))) {
        throw new AppError(404, 'NOT_FOUND', `${kind === 'indicator' ? '监测指标' : '策略措施'}不存在`);
      }
      await assertUnitsUsable(db, leadUnitId, partnerUnitIds);
      const after = await db.transaction(async (tx) => {
        const before = await readAssignment(tx, kind, id);
        await replaceAssignment(tx, kind, id, leadUnitId, partnerUnitIds);
        const changed = await readAssignment(tx, kind, id);
        await audit(tx, actorOf(request), {
          action: 'responsibility.update',
          objectType: kind,
          objectId: id,
          before: snapshot(before),
          after: snapshot(changed),
        });
        return changed;
      });
      const item = (await listItems(db, await cycleOf(db, request))).find((i) => i.kind === kind && i.id === id);
      return { item: item ?? { kind, id, ...after } };
    },
  );

  app.get(
    '/responsibility/export.xlsx',
    {
      schema: { tags: ['责任分工'], summary: '导出责任分工表（Excel，每个规划一个工作表）' },
      config: { access: { authenticated: true } },
    },
    async (request, reply) => {
      const items = (await listItems(db, await cycleOf(db, request))).filter(inScope(currentUser(request)));
      const plans = await db
        .select({ id: plan.id, title: plan.title, shortTitle: plan.shortTitle })
        .from(plan)
        .where(eq(plan.folderId, await cycleOf(db, request)))
        .orderBy(asc(plan.position));
      const workbook = buildResponsibilityWorkbook(plans, items);
      await audit(db, actorOf(request), {
        action: 'responsibility.export',
        objectType: 'responsibility',
        detail: `导出责任分工表，共 ${items.length} 条`,
      });
      return sendXlsx(reply, workbook, '目标管理责任分工表.xlsx');
    },
  );

  app.post(
    '/responsibility/import/preview',
    {
      schema: {
        tags: ['责任分工'],
        summary: '上传责任分工表，预览将要导入的变化（不写入）',
        consumes: ['multipart/form-data'],
      },
      config: { access: { roles: MANAGERS } },
    },
    async (request): Promise<ImportPreviewResponse> => {
      const { buffer, fileName } = await readUpload(request);
      const parsed = await parseResponsibilityWorkbook(buffer);
      if (!parsed.ok) throw new AppError(400, 'INVALID_FILE', parsed.message);
      const preview = buildPreview(parsed.rows, await listItems(db, await cycleOf(db, request)), await allUnits(db));
      sweep();
      const previewToken = crypto.randomBytes(24).toString('base64url');
      const expiresAt = Date.now() + PREVIEW_TTL_MS;
      previews.set(previewToken, {
        userId: currentUser(request).id,
        expiresAt,
        fileName,
        changes: preview.changes,
        counts: preview.counts,
      });
      return {
        previewToken,
        expiresAt: new Date(expiresAt).toISOString(),
        fileName,
        counts: preview.counts,
        rows: preview.rows,
      };
    },
  );

  app.post(
    '/responsibility/import/confirm',
    {
      schema: { tags: ['责任分工'], summary: '确认导入：一次性写入预览中的全部变化', body: ConfirmBody },
      config: { access: { roles: MANAGERS } },
    },
    async (request): Promise<ImportConfirmResponse> => {
      sweep();
      const user = currentUser(request);
      const stored = previews.get(request.body.previewToken);
      if (!stored) {
        throw new AppError(410, 'PREVIEW_EXPIRED', '导入预览不存在或已过期（10 分钟），请重新上传文件预览');
      }
      if (stored.userId !== user.id) {
        await audit(db, actorOf(request), {
          action: 'responsibility.import',
          objectType: 'responsibility',
          result: 'denied',
          detail: '使用他人的导入预览凭据',
        });
        throw new AppError(403, 'PREVIEW_NOT_YOURS', '该导入预览由其他用户创建，不能由您确认；请自行上传文件预览');
      }
      previews.delete(request.body.previewToken);
      const { changes } = stored;
      if (changes.length > 0) {
        const unitIds = [...new Set(changes.flatMap((c) => [c.leadUnitId, ...c.partnerUnitIds]))];
        await db.transaction(async (tx) => {
          const usable = new Set(
            (
              await tx
                .select({ id: orgUnit.id, active: orgUnit.active })
                .from(orgUnit)
                .where(inArray(orgUnit.id, unitIds))
            )
              .filter((u) => u.active)
              .map((u) => u.id),
          );
          const after: { code: string; lead: Assignment['lead']; partners: Assignment['partners'] }[] = [];
          for (const c of changes) {
            const current = await readAssignment(tx, c.kind, c.id);
            const expected = c.before;
            const unchangedSincePreview = sameAssignment(
              current,
              expected.lead?.unitId ?? null,
              expected.partners.map((p) => p.unitId),
            );
            if (!unchangedSincePreview || !(await itemExists(tx, c.kind, c.id))) {
              throw new AppError(
                409,
                'STALE_PREVIEW',
                `预览后 ${c.code} 的分工已被修改，未导入任何内容；请重新上传文件预览`,
              );
            }
            if (![c.leadUnitId, ...c.partnerUnitIds].every((u) => usable.has(u))) {
              throw new AppError(409, 'STALE_PREVIEW', `预览后 ${c.code} 涉及的单位已停用，未导入任何内容；请重新预览`);
            }
            await replaceAssignment(tx, c.kind, c.id, c.leadUnitId, c.partnerUnitIds);
            after.push({ code: c.code, ...snapshot(await readAssignment(tx, c.kind, c.id)) });
          }
          await audit(tx, actorOf(request), {
            action: 'responsibility.import',
            objectType: 'responsibility',
            before: changes.map((c) => ({ code: c.code, ...snapshot(c.before) })),
            after,
            detail: `从 ${stored.fileName} 导入，更新 ${changes.length} 条`,
          });
        });
      }
      return { applied: changes.length };
    },
  );
};

async function readUpload(request: FastifyRequest): Promise<{ buffer: Buffer; fileName: string }> {
  if (!request.isMultipart()) {
    throw new AppError(400, 'NO_FILE', '请以表单上传方式（multipart/form-data）选择一个 Excel 文件');
  }
  let file: Awaited<ReturnType<FastifyRequest['file']>>;
  try {
    file = await request.file();
  } catch (error) {
    throw uploadError(error);
  }
  if (!file) throw new AppError(400, 'NO_FILE', '没有收到文件，请选择一个 Excel（.xlsx）文件');
  try {
    return { buffer: await file.toBuffer(), fileName: file.filename || '未命名.xlsx' };
  } catch (error) {
    throw uploadError(error);
  }
}

function uploadError(error: unknown): unknown {
  const code = (error as { code?: string }).code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') {
    return new AppError(413, 'FILE_TOO_LARGE', `文件超过 ${MAX_UPLOAD_BYTES / 1024 / 1024} MB，请检查是否选错了文件`);
  }
  if (code === 'FST_FILES_LIMIT') return new AppError(400, 'TOO_MANY_FILES', '一次只能上传一个文件');
  return error;
}
