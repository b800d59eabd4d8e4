import { and, asc, desc, eq, lt, ne, type SQL } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { plainWarning } from '../../core/narrative/index.ts';
import type { Db } from '../../db/connection.ts';
import {
  appUser,
  indicator,
  orgUnit,
  plan,
  responsibility,
  supervisionNotice,
  supervisionStep,
} from '../../db/schema/index.ts';
import { beijingDate } from '../../kernel/dates.ts';
import { AppError, notFound, outOfScope } from '../../kernel/errors.ts';
import { asJson } from '../../kernel/json.ts';
import { ROLE_SCOPE } from '../../kernel/roles.ts';
import { canSeeUnit } from '../../kernel/scope.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { analyse } from '../analysis/index.ts';
import { actorOf, audit } from '../audit/index.ts';
import type { SessionUser } from '../auth/index.ts';
import { currentUser } from '../auth/index.ts';
import { notify } from '../notices/index.ts';
import type { SupervisionDetail, SupervisionList, SupervisionResponse } from './contract.ts';

// 预警督办: from a warning the office issues a supervision notice (督办单) to the indicator's lead unit; the unit
// answers with causes, measures and expected effect (整改情况); the office closes it or asks again. Every step is
// kept (supervision_step) and audited.

const Id = z.object({ id: z.coerce.number().int().positive('编号应为正整数') });
const DateText = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const Long = (label: string) => z.string().trim().min(1, `请填写${label}`).max(4000, `${label}最多 4000 字`);

const Issue = z.object({
  indicatorId: z.number().int().positive(),
  requirement: Long('督办要求'),
  deadline: DateText,
  /** The 口径 the office was looking at when it saw the warning; the notice records the warning as seen there. */
  basis: z.enum(['approved', 'preliminary']).default('approved'),
});
const Answer = z.object({ causes: Long('原因分析'), measures: Long('整改措施'), expectedEffect: Long('预期效果') });
const Close = z.object({ comment: z.string().trim().max(2000).default('') });
const AskAgain = z.object({ comment: Long('再次督办意见'), deadline: DateText });
const ListQuery = z.object({
  status: z.enum(['issued', 'answered', 'closed']).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  indicatorId: z.coerce.number().int().positive().optional(),
});

const READERS = ['office', 'statistics', 'unit_reporter', 'unit_leader', 'district_leader'] as const;
const UNIT_ROLES = ['unit_reporter', 'unit_leader'] as const;

async function findNotice(db: Db, user: SessionUser, id: number) {
  const [row] = await db.select().from(supervisionNotice).where(eq(supervisionNotice.id, id));
  if (!row) throw notFound('督办单');
  if (!canSeeUnit(user, row.unitId)) throw outOfScope('督办单', { type: 'supervision_notice', id });
  return row;
}

export const supervisionRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { database }) => {
  const { db } = database;

  app.get(
    '/supervision',
    {
      schema: { tags: ['预警督办'], summary: '督办单列表（可按状态、逾期筛选）', querystring: ListQuery },
      config: { access: { roles: READERS } },
    },
    async (request): Promise<SupervisionList> => {
      const user = currentUser(request);
      const where: SQL[] = [];
      if (ROLE_SCOPE[user.role] === 'own_unit') where.push(eq(supervisionNotice.unitId, user.unitId as number));
      if (request.query.status) where.push(eq(supervisionNotice.status, request.query.status));
      if (request.query.indicatorId) where.push(eq(supervisionNotice.indicatorId, request.query.indicatorId));
      if (request.query.overdue === 'true')
        where.push(eq(supervisionNotice.status, 'issued'), lt(supervisionNotice.deadline, beijingDate()));
      const rows = await db
        .select({
          notice: supervisionNotice,
          indicatorName: indicator.name,
          indicatorCode: indicator.code,
          unitName: orgUnit.name,
        })
        .from(supervisionNotice)
        .innerJoin(indicator, eq(indicator.id, supervisionNotice.indicatorId))
        .innerJoin(orgUnit, eq(orgUnit.id, supervisionNotice.unitId))
        .where(where.length ? and(...where) : undefined)
        .orderBy(desc(supervisionNotice.id));
      const now = beijingDate();
      return asJson({
        notices: rows.map((r) => ({
          ...r.notice,
          indicatorName: r.indicatorName,
          indicatorCode: r.indicatorCode,
          unitName: r.unitName,
          overdue: r.notice.status === 'issued' && r.notice.deadline < now,
        })),
      });
    },
  );

  app.get(
    '/supervision/:id',
    {
      schema: { tags: ['预警督办'], summary: '督办单及其全部往来', params: Id },
      config: { access: { roles: READERS } },
    },
    async (request): Promise<SupervisionDetail> => {
      const notice = await findNotice(db, currentUser(request), request.params.id);
      const [ind] = await db
        .select({ name: indicator.name, code: indicator.code, unit: indicator.unit })
        .from(indicator)
        .where(eq(indicator.id, notice.indicatorId));
      const [unit] = await db.select({ name: orgUnit.name }).from(orgUnit).where(eq(orgUnit.id, notice.unitId));
      const steps = await db
        .select({ step: supervisionStep, displayName: appUser.displayName })
        .from(supervisionStep)
        .leftJoin(appUser, eq(appUser.id, supervisionStep.userId))
        .where(eq(supervisionStep.noticeId, notice.id))
        .orderBy(asc(supervisionStep.id));
      return asJson({
        notice: {
          ...notice,
          indicatorName: ind?.name,
          indicatorCode: ind?.code,
          unitName: unit?.name,
          overdue: notice.status === 'issued' && notice.deadline < beijingDate(),
        },
        steps: steps.map((s) => ({ ...s.step, displayName: s.displayName })),
      });
    },
  );

  app.post(
    '/supervision',
    {
      schema: { tags: ['预警督办'], summary: '就预警指标向牵头单位发出督办单', body: Issue },
      config: { access: { roles: ['office'] } },
    },
    async (request): Promise<SupervisionResponse> => {
      const { indicatorId, requirement, deadline, basis } = request.body;
      if (deadline < beijingDate()) {
        throw new AppError(400, 'VALIDATION_FAILED', '整改期限不能早于今天', {
          fields: [{ field: 'body.deadline', message: '不能早于今天' }],
        });
      }
      const [lead] = await db
        .select({ unitId: responsibility.unitId })
        .from(responsibility)
        .where(and(eq(responsibility.indicatorId, indicatorId), eq(responsibility.role, 'lead')));
      if (!lead) throw new AppError(409, 'NO_LEAD_UNIT', '该指标尚未确定牵头单位，请先在“责任分工”中指定');
      // The indicator's own cycle: a warning of 2021–2025 is supervised with 2021–2025's analysis.
      const [owner] = await db
        .select({ folderId: plan.folderId })
        .from(indicator)
        .innerJoin(plan, eq(plan.id, indicator.planId))
        .where(eq(indicator.id, indicatorId));
      const analysis = owner ? await analyse(db, { folderId: owner.folderId, basis, towns: () => false }) : undefined;
      const item = analysis?.indicators.find((i) => i.id === indicatorId);
      if (!item) throw notFound('指标');
      const warning = {
        kinds: item.result.warning?.kinds ?? [],
        ...(item.result.warning ? { summary: plainWarning(item, item.targetYear) } : {}),
        reasons: item.result.warning?.reasons ?? [],
        status: item.result.status,
        year: item.result.year,
      };
      const actor = actorOf(request);
      const notice = await db.transaction(async (tx) => {
        // One open 督办 per indicator: a second would split the unit's answers over two threads.
        const [open] = await tx
          .select({ id: supervisionNotice.id })
          .from(supervisionNotice)
          .where(and(eq(supervisionNotice.indicatorId, indicatorId), ne(supervisionNotice.status, 'closed')));
        if (open) {
          throw new AppError(
            409,
            'NOTICE_ALREADY_OPEN',
            `该指标已有未办结的督办单（编号 ${open.id}），请在原督办单中“再次督办”，办结后才能发出新的督办`,
            { noticeId: open.id },
          );
        }
        const [created] = await tx
          .insert(supervisionNotice)
          .values({ indicatorId, unitId: lead.unitId, warning, requirement, deadline, createdBy: actor.userId })
          .returning();
        const n = created as typeof supervisionNotice.$inferSelect;
        await tx.insert(supervisionStep).values({
          noticeId: n.id,
          userId: actor.userId,
          username: actor.username,
          kind: 'issue',
          content: { requirement, deadline },
        });
        await audit(tx, actor, { action: 'supervision.issue', objectType: 'supervision', objectId: n.id, after: n });
        await notify(
          tx,
          { unitId: n.unitId },
          {
            kind: 'supervision_issued',
            title: `督办：${item.code} ${item.name}`,
            body: `请于 ${deadline} 前反馈整改情况。${requirement}`,
            link: `/warnings/notices/${n.id}`,
          },
        );
        return n;
      });
      return asJson({ notice });
    },
  );

  /** One step of the thread: checks the status, records the step, moves the notice, audits. */
  async function step(
    request: Parameters<typeof actorOf>[0],
    id: number,
    kind: 'answer' | 'close' | 'ask_again',
    from: 'issued' | 'answered',
    to: 'issued' | 'answered' | 'closed',
    content: Record<string, string>,
    deadline?: string,
  ) {
    const user = currentUser(request);
    const notice = await findNotice(db, user, id);
    if (notice.status !== from) {
      const labels = { issued: '待整改', answered: '已反馈', closed: '已办结' } as const;
      throw new AppError(409, 'INVALID_TRANSITION', `督办单当前为“${labels[notice.status]}”，不能执行此操作`);
    }
    const actor = actorOf(request);
    return db.transaction(async (tx) => {
      const [updated] = await tx
        .update(supervisionNotice)
        .set({ status: to, updatedAt: new Date(), version: notice.version + 1, ...(deadline ? { deadline } : {}) })
        .where(and(eq(supervisionNotice.id, id), eq(supervisionNotice.version, notice.version)))
        .returning();
      if (!updated) throw new AppError(409, 'CONFLICT', '督办单已被他人处理，请刷新');
      await tx
        .insert(supervisionStep)
        .values({ noticeId: id, userId: actor.userId, username: actor.username, kind, content });
      await audit(tx, actor, {
        action: `supervision.${kind}`,
        objectType: 'supervision',
        objectId: id,
        before: { status: notice.status },
        after: { status: to, ...content },
      });
      const link = `/warnings/notices/${id}`;
      if (kind === 'answer')
        await notify(
          tx,
          { roles: ['office'] },
          {
            kind: 'supervision_answered',
            title: '督办已反馈，待办结',
            body: '成员单位已反馈整改情况，请审阅后办结或再次督办。',
            link,
          },
        );
      else if (kind === 'ask_again')
        await notify(
          tx,
          { unitId: notice.unitId },
          {
            kind: 'supervision_issued',
            title: '督办：请再次反馈',
            body: `办公室要求进一步整改${deadline ? `，请于 ${deadline} 前反馈` : ''}。`,
            link,
          },
        );
      return updated;
    });
  }

  app.post(
    '/supervision/:id/answer',
    {
      schema: { tags: ['预警督办'], summary: '牵头单位反馈整改情况', params: Id, body: Answer },
      config: { access: { roles: UNIT_ROLES } },
    },
    async (request): Promise<SupervisionResponse> =>
      asJson({ notice: await step(request, request.params.id, 'answer', 'issued', 'answered', request.body) }),
  );

  app.post(
    '/supervision/:id/close',
    {
      schema: { tags: ['预警督办'], summary: '办结督办单', params: Id, body: Close },
      config: { access: { roles: ['office'] } },
    },
    async (request): Promise<SupervisionResponse> =>
      asJson({
        notice: await step(request, request.params.id, 'close', 'answered', 'closed', {
          comment: request.body.comment,
        }),
      }),
  );

  app.post(
    '/supervision/:id/ask-again',
    {
      schema: { tags: ['预警督办'], summary: '再次督办（整改不到位）', params: Id, body: AskAgain },
      config: { access: { roles: ['office'] } },
    },
    async (request): Promise<SupervisionResponse> => {
      const { comment, deadline } = request.body;
      if (deadline < beijingDate()) {
        throw new AppError(400, 'VALIDATION_FAILED', '整改期限不能早于今天', {
          fields: [{ field: 'body.deadline', message: '不能早于今天' }],
        });
      }
      return asJson({
        notice: await step(
          request,
          request.params.id,
          'ask_again',
          'answered',
          'issued',
          { comment, deadline },
          deadline,
        ),
      });
    },
  );
};
