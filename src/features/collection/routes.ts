import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { describeRule } from '../../core/catalog/index.ts';
import { SUBMISSION_STATUSES, type SubmissionStatus } from '../../core/collection/workflow.ts';
import type { Db } from '../../db/connection.ts';
import {
  appUser,
  area,
  dataValue,
  dataValueHistory,
  orgUnit,
  plan,
  reportingRound,
  responsibility,
  submission,
  submissionEvent,
} from '../../db/schema/index.ts';
import { AppError, notFound } from '../../kernel/errors.ts';
import { asJson } from '../../kernel/json.ts';
import { ROLE_SCOPE } from '../../kernel/roles.ts';
import { canSeeArea, canSeeUnit } from '../../kernel/scope.ts';
import { cycleOf } from '../../platform/cycles.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { refreshSettled, refreshSoon } from '../analysis/index.ts';
import { actorOf, audit } from '../audit/index.ts';
import { currentUser } from '../auth/index.ts';
import { readIndicatorNames } from '../catalog/index.ts';
import type {
  RoundChecksResponse,
  RoundDetail,
  RoundsResponse,
  SaveValuesResponse,
  SubmissionEvents,
  Task,
  ValueHistory,
} from './contract.ts';
import { carriedSeries } from './lineage.ts';
import { assertInTask, assertSubmissionInScope, editableTask, markInProgress, readableTask } from './scope.ts';
import {
  act,
  findSubmission,
  openRound,
  reporterName,
  reporterOf,
  roundChecks,
  type Submission,
  taskValues,
} from './submissions.ts';
import { findRound, roundYears, taskItems } from './tasks.ts';
import { keyOf, saveValues } from './values.ts';

const Id = z.coerce.number().int().positive('编号应为正整数');
const RoundParams = z.object({ id: Id });
const Num = z.number({ message: '应为数字' }).finite('应为有限数字').nullable();
const Text = z.string().max(500, '最多 500 字').nullable().optional();

const ValueInput = z.object({
  indicatorId: z.number().int().positive(),
  year: z.number().int().min(1990).max(2100),
  areaId: z.number().int().positive().nullable(),
  sex: z.enum(['total', 'female', 'male'], { message: '性别应为 total、female 或 male' }),
  value: Num,
  numerator: Num.optional(),
  denominator: Num.optional(),
  reference: Num.optional(),
  source: Text,
  caliberNote: Text,
  comment: Text,
  explanation: Text,
  expectedVersion: z.number().int().min(0),
});

const RoundCreate = z.object({
  kind: z.enum(['annual', 'final'], { message: '类型应为年度监测或终期评估' }),
  year: z.number().int().min(2000, '年份不正确').max(2100, '年份不正确'),
  deadline: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '截止日期格式应为 YYYY-MM-DD'),
  title: z.string().trim().max(60).optional(),
});

const Action = z.object({
  action: z.enum(['submit', 'confirm', 'send_back', 'return', 'approve', 'reopen']),
  reason: z.string().trim().max(1000).optional(),
  valueReturns: z
    .array(
      z.object({ valueId: z.number().int().positive(), reason: z.string().trim().min(1, '请填写退回原因').max(500) }),
    )
    .max(5000)
    .optional(),
});

const READERS = ['office', 'statistics', 'unit_reporter', 'unit_leader', 'town_reporter', 'district_leader'] as const;

async function progressOf(db: Db, roundId: number, s: Submission) {
  const round = await findRound(db, roundId);
  if (!round) return { expected: 0, filled: 0 };
  const items = await taskItems(db, round, reporterOf(s));
  const values = await taskValues(db, items);
  let expected = 0;
  let filled = 0;
  for (const item of items) {
    for (const year of item.years) {
      for (const sex of item.sexes) {
        expected++;
        const v = values.get(keyOf({ indicatorId: item.indicator.id, year, areaId: item.areaId, sex }));
        if (v && (v.value !== null || v.explanation)) filled++;
      }
    }
  }
  return { expected, filled };
}

export const collectionRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { database }) => {
  const { db } = database;
  // A background refresh (after saves here and uploads) must end before the database closes.
  app.addHook('onClose', () => refreshSettled(db));

  app.get(
    '/rounds',
    { schema: { tags: ['数据填报'], summary: '填报任务（轮次）列表' }, config: { access: { roles: READERS } } },
    async (request): Promise<RoundsResponse> => {
      const rounds = await db
        .select()
        .from(reportingRound)
        .where(eq(reportingRound.folderId, await cycleOf(db, request)))
        .orderBy(desc(reportingRound.year), asc(reportingRound.kind));
      const subs = await db.select({ roundId: submission.roundId, status: submission.status }).from(submission);
      return asJson({
        rounds: rounds.map((r) => {
          const counts = Object.fromEntries(SUBMISSION_STATUSES.map((st) => [st, 0])) as Record<
            SubmissionStatus,
            number
          >;
          for (const s of subs) if (s.roundId === r.id) counts[s.status]++;
          return { ...r, counts };
        }),
      });
    },
  );

  app.post(
    '/rounds',
    {
      schema: { tags: ['数据填报'], summary: '开启填报任务', body: RoundCreate },
      config: { access: { roles: ['office'] } },
    },
    async (request) => {
      // A round belongs to the cycle the office is looking at (the current one unless another is picked).
      const folderId = await cycleOf(db, request);
      const [cycle] = await db
        .select({ base: plan.baseYear, end: plan.cycleEnd })
        .from(plan)
        .where(eq(plan.folderId, folderId))
        .limit(1);
      const { year, kind } = request.body;
      if (cycle && (year < cycle.base || year > cycle.end)) {
        throw new AppError(400, 'VALIDATION_FAILED', `年份应在规划周期 ${cycle.base}–${cycle.end} 年之内`, {
          fields: [{ field: 'body.year', message: `应在 ${cycle.base}–${cycle.end} 之间` }],
        });
      }
      if (cycle && kind === 'final' && year !== cycle.end) {
        throw new AppError(400, 'VALIDATION_FAILED', `终期评估的年份应为规划末年 ${cycle.end} 年`, {
          fields: [{ field: 'body.year', message: `应为 ${cycle.end}` }],
        });
      }
      return { round: await openRound(db, actorOf(request), { folderId, ...request.body }) };
    },
  );

  app.get(
    '/rounds/:id',
    {
      schema: { tags: ['数据填报'], summary: '填报任务详情：各单位、镇街的报送状态与进度', params: RoundParams },
      config: { access: { roles: READERS } },
    },
    async (request): Promise<RoundDetail> => {
      const user = currentUser(request);
      const round = await findRound(db, request.params.id);
      if (!round) throw notFound('填报任务');
      const subs = await db
        .select()
        .from(submission)
        .where(eq(submission.roundId, round.id))
        .orderBy(asc(submission.id));
      const units = new Map(
        (await db.select({ id: orgUnit.id, name: orgUnit.name, position: orgUnit.position }).from(orgUnit)).map((u) => [
          u.id,
          u,
        ]),
      );
      const areas = new Map(
        (await db.select({ id: area.id, name: area.name, position: area.position }).from(area)).map((a) => [a.id, a]),
      );
      const visible = subs.filter((s) =>
        s.unitId !== null ? canSeeUnit(user, s.unitId) : canSeeArea(user, s.areaId as number),
      );
      const submissions = await Promise.all(
        visible.map(async (s) => ({
          ...s,
          reporterName: s.unitId !== null ? units.get(s.unitId)?.name : areas.get(s.areaId as number)?.name,
          reporterKind: s.unitId !== null ? ('unit' as const) : ('area' as const),
          position:
            s.unitId !== null
              ? (units.get(s.unitId)?.position ?? 0)
              : 1000 + (areas.get(s.areaId as number)?.position ?? 0),
          progress: await progressOf(db, round.id, s),
        })),
      );
      submissions.sort((a, b) => a.position - b.position);
      return asJson({ round, years: await roundYears(db, round), submissions });
    },
  );

  app.get(
    '/rounds/:id/checks',
    {
      schema: {
        tags: ['数据填报'],
        summary: '审核公式提示清单：本轮各单位、镇街报送中触发审核公式的数据行及填报说明（统计局、妇儿工委办）',
        params: RoundParams,
      },
      config: { access: { roles: ['statistics', 'office'] } },
    },
    async (request): Promise<RoundChecksResponse> => {
      const round = await findRound(db, request.params.id);
      if (!round) throw notFound('填报任务');
      return { checks: await roundChecks(db, round) };
    },
  );

  app.get(
    '/rounds/:id/task',
    {
      schema: {
        tags: ['数据填报'],
        summary: '本单位（或指定单位/镇街）的填报表：指标、目标、往年数据、本轮数据与提示',
        params: RoundParams,
        querystring: z.object({ unitId: Id.optional(), areaId: Id.optional() }),
      },
      config: { access: { roles: READERS } },
    },
    async (request): Promise<Task> => {
      const user = currentUser(request);
      const { round, reporter, submission: s, items } = await readableTask(db, user, request.params.id, request.query);
      const years = await roundYears(db, round);
      const [base] = await db
        .select({ baseYear: plan.baseYear })
        .from(plan)
        .where(eq(plan.folderId, round.folderId))
        .limit(1);
      const firstYear = Math.min(base?.baseYear ?? years[0] ?? round.year, ...years);
      const indicatorIds = items.map((i) => i.indicator.id);
      const areaId = reporter.kind === 'area' ? reporter.areaId : null;
      const all = indicatorIds.length
        ? await db
            .select()
            .from(dataValue)
            .where(
              and(
                inArray(dataValue.indicatorId, indicatorIds),
                areaId === null ? isNull(dataValue.areaId) : eq(dataValue.areaId, areaId),
              ),
            )
        : [];
      const byKey = new Map(all.map((v) => [keyOf(v), v]));
      const carried = await carriedSeries(db, items, [firstYear, Math.min(round.year, ...years) - 1]);
      const names = await readIndicatorNames(db, round.folderId);
      return asJson({
        round,
        submission: { ...s, reporterName: await reporterName(db, s) },
        baseYear: base?.baseYear ?? null,
        years,
        items: items.map((item) => {
          const ind = item.indicator;
          return {
            indicator: {
              id: ind.id,
              code: ind.code,
              name: ind.name,
              unit: ind.unit,
              planId: ind.planId,
              disaggregations: ind.disaggregations,
              counts: ind.counts,
              rule: ind.rule,
              limits: ind.limits,
              precision: ind.precision,
              target: describeRule(ind.rule, {
                unit: ind.unit,
                better: ind.better,
                baseYear: base?.baseYear ?? 2020,
                quote: ind.quote,
                referenceName: (reference) => names.get(reference)?.name,
              }),
            },
            areaId: item.areaId,
            sexes: item.sexes,
            years: item.years,
            values: item.sexes.flatMap((sex) => {
              const list = [];
              for (let y = firstYear; y <= Math.max(...item.years); y++) {
                const v = byKey.get(keyOf({ indicatorId: ind.id, year: y, areaId: item.areaId, sex }));
                if (v) list.push(v);
              }
              return list;
            }),
            predecessor: carried.get(ind.id) ?? null,
          };
        }),
      });
    },
  );

  app.put(
    '/rounds/:id/values',
    {
      schema: {
        tags: ['数据填报'],
        summary: '保存本单位数据（草稿）；硬性审核不通过则整批不保存',
        params: RoundParams,
        body: z.object({ values: z.array(ValueInput).min(1, '没有要保存的数据').max(20_000) }),
      },
      config: { access: { roles: ['unit_reporter', 'town_reporter'] } },
    },
    async (request): Promise<SaveValuesResponse> => {
      const user = currentUser(request);
      const { round, submission: s, items } = await editableTask(db, user, request.params.id);
      assertInTask(items, request.body.values);
      const actor = actorOf(request);
      // The values, the submission's first move to 填报中 and the audit row stand or fall together.
      const saved = await db.transaction(async (tx) => {
        const result = await saveValues(tx, request.body.values, {
          actor,
          unitId: user.unitId,
          roundId: round.id,
          fieldPrefix: 'values',
        });
        const changed = result.filter((v) => v.changed).length;
        if (changed > 0) {
          await markInProgress(tx, s, user.id);
          await audit(tx, actor, {
            action: 'value.save',
            objectType: 'submission',
            objectId: s.id,
            detail: `保存 ${changed} 条数据`,
          });
        }
        return result;
      });
      // The saved indicators' results, recomputed after the answer rather than in it (results.ts in analysis).
      refreshSoon(db, (error) => request.log.error({ err: error }, '分析结果刷新失败'));
      return { saved };
    },
  );

  app.post(
    '/submissions/:id/actions',
    {
      schema: {
        tags: ['数据填报'],
        summary: '提交、领导确认、审核退回、审核通过、重新打开',
        params: RoundParams,
        body: Action,
      },
      config: { access: { roles: ['unit_reporter', 'town_reporter', 'unit_leader', 'statistics'] } },
    },
    async (request) => {
      const user = currentUser(request);
      const s = await findSubmission(db, request.params.id);
      if (!s) throw notFound('填报任务');
      assertSubmissionInScope(user, s);
      const updated = await act(db, actorOf(request), user.role, s, request.body);
      return { submission: updated };
    },
  );

  app.get(
    '/submissions/:id',
    {
      schema: { tags: ['数据填报'], summary: '一个单位（镇街）在一轮中的报送：轮次、单位、状态', params: RoundParams },
      config: { access: { roles: READERS } },
    },
    async (request) => {
      const s = await findSubmission(db, request.params.id);
      if (!s) throw notFound('填报任务');
      assertSubmissionInScope(currentUser(request), s);
      const round = await findRound(db, s.roundId);
      return {
        submission: {
          ...s,
          reporterName: await reporterName(db, s),
          reporterKind: s.unitId !== null ? 'unit' : 'area',
        },
        round,
      };
    },
  );

  app.get(
    '/submissions/:id/events',
    {
      schema: { tags: ['数据填报'], summary: '报送流程记录', params: RoundParams },
      config: { access: { roles: READERS } },
    },
    async (request): Promise<SubmissionEvents> => {
      const s = await findSubmission(db, request.params.id);
      if (!s) throw notFound('填报任务');
      assertSubmissionInScope(currentUser(request), s);
      const events = await db
        .select({ event: submissionEvent, username: appUser.username, displayName: appUser.displayName })
        .from(submissionEvent)
        .leftJoin(appUser, eq(appUser.id, submissionEvent.userId))
        .where(eq(submissionEvent.submissionId, s.id))
        .orderBy(asc(submissionEvent.id));
      return asJson({
        events: events.map((e) => ({ ...e.event, username: e.username, displayName: e.displayName })),
      });
    },
  );

  app.get(
    '/values/:id/history',
    {
      schema: { tags: ['数据填报'], summary: '单个数据的修改记录', params: RoundParams },
      config: { access: { roles: READERS } },
    },
    async (request): Promise<ValueHistory> => {
      const user = currentUser(request);
      const [value] = await db.select().from(dataValue).where(eq(dataValue.id, request.params.id));
      if (!value) throw notFound('数据');
      const scope = ROLE_SCOPE[user.role];
      if (scope === 'own_area' && value.areaId !== user.areaId) throw notFound('数据');
      if (scope === 'own_unit') {
        const [lead] = await db
          .select()
          .from(responsibility)
          .where(
            and(eq(responsibility.indicatorId, value.indicatorId), eq(responsibility.unitId, user.unitId as number)),
          );
        if (!lead) throw notFound('数据');
      }
      const history = await db
        .select()
        .from(dataValueHistory)
        .where(eq(dataValueHistory.valueId, value.id))
        .orderBy(asc(dataValueHistory.id));
      return asJson({ value, history });
    },
  );
};
