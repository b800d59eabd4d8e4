import { and, asc, desc, eq, lt, type SQL } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/connection.ts';
import { appUser, indicator, orgUnit, supervisionNotice, supervisionStep } from '../../db/schema/index.ts';
import { beijingDate } from '../../kernel/dates.ts';
import { AppError, notFound, outOfScope } from '../../kernel/errors.ts';
import { asJson } from '../../kernel/json.ts';
import { ROLE_SCOPE } from '../../kernel/roles.ts';
import { canSeeUnit } from '../../kernel/scope.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { actorOf } from '../audit/index.ts';
import type { SessionUser } from '../auth/index.ts';
import { currentUser } from '../auth/index.ts';
import type { SupervisionDetail, SupervisionList, SupervisionResponse } from './contract.ts';
import { issueNotice, type NoticeStepKind, stepNotice } from './supervision.ts';

// 预警督办: from a warning the office issues a supervision notice (督办单) to the indicator's lead unit; the unit
// answers with causes, measures and expected effect (整改情况); the office closes it or asks again. The steps
// themselves are in supervision.ts; here who may take them, and no deadline before today.

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
      if (request.body.deadline < beijingDate()) {
        throw new AppError(400, 'VALIDATION_FAILED', '整改期限不能早于今天', {
          fields: [{ field: 'body.deadline', message: '不能早于今天' }],
        });
      }
      return asJson({ notice: await issueNotice(db, actorOf(request), request.body) });
    },
  );

  /** One step of the thread, on a notice the user may see. */
  async function step(
    request: Parameters<typeof actorOf>[0],
    id: number,
    kind: NoticeStepKind,
    content: Record<string, string>,
    deadline?: string,
  ) {
    const notice = await findNotice(db, currentUser(request), id);
    return stepNotice(db, actorOf(request), notice, kind, content, deadline ? { deadline } : {});
  }

  app.post(
    '/supervision/:id/answer',
    {
      schema: { tags: ['预警督办'], summary: '牵头单位反馈整改情况', params: Id, body: Answer },
      config: { access: { roles: UNIT_ROLES } },
    },
    async (request): Promise<SupervisionResponse> =>
      asJson({ notice: await step(request, request.params.id, 'answer', request.body) }),
  );

  app.post(
    '/supervision/:id/close',
    {
      schema: { tags: ['预警督办'], summary: '办结督办单', params: Id, body: Close },
      config: { access: { roles: ['office'] } },
    },
    async (request): Promise<SupervisionResponse> =>
      asJson({
        notice: await step(request, request.params.id, 'close', {
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
        notice: await step(request, request.params.id, 'ask_again', { comment, deadline }, deadline),
      });
    },
  );
};
