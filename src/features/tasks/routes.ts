import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../kernel/errors.ts';
import { cycleOf } from '../../platform/cycles.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { actorOf } from '../audit/index.ts';
import { currentUser } from '../auth/index.ts';
import { TaskAnswer, TaskAskAgain, TaskClose, TaskListQuery } from './contract.ts';
import { checkDeadline, findTask, linkOptions, listTasks, stepTask, summariseTasks, taskDetail } from './tasks.ts';

// 工作任务: one list of 督办单, 督导检查整改 items and meeting decisions (a unit sees its own), and the steps of
// 整改 items and decisions (督办单 keep their own routes under /supervision).

const Id = z.object({ id: z.coerce.number().int().positive('编号应为正整数') });
const Years = z
  .object({
    from: z.coerce.number().int().min(2000, '年份不正确').max(2100, '年份不正确'),
    to: z.coerce.number().int().min(2000, '年份不正确').max(2100, '年份不正确'),
  })
  .refine((q) => q.to >= q.from && q.to - q.from <= 20, { message: '年份范围不正确', path: ['to'] });

export const TASK_READERS = ['office', 'statistics', 'unit_reporter', 'unit_leader', 'district_leader'] as const;
const UNIT_ROLES = ['unit_reporter', 'unit_leader'] as const;

export const taskRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { database }) => {
  const { db } = database;

  app.get(
    '/tasks',
    {
      schema: {
        tags: ['工作任务'],
        summary: '督办、整改事项和会议议定事项（成员单位只看本单位）',
        querystring: TaskListQuery,
      },
      config: { access: { roles: TASK_READERS } },
    },
    async (request) => {
      const q = request.query;
      const tasks = await listTasks(db, currentUser(request), {
        source: q.source,
        status: q.status,
        year: q.year,
        ...(q.overdue ? { overdue: q.overdue === 'true' } : {}),
      });
      return { tasks };
    },
  );

  app.get(
    '/tasks/summary',
    {
      schema: { tags: ['工作任务'], summary: '各年度交办、按期反馈、办结情况（供评估报告）', querystring: Years },
      config: { access: { roles: ['office', 'statistics', 'district_leader'] } },
    },
    async (request) => ({ summary: await summariseTasks(db, request.query) }),
  );

  app.get(
    '/tasks/link-options',
    {
      schema: { tags: ['工作任务'], summary: '可关联的主要目标、策略措施、监测指标和督办单' },
      config: { access: { roles: ['office'] } },
    },
    async (request) => linkOptions(db, await cycleOf(db, request)),
  );

  app.get(
    '/tasks/:id',
    {
      schema: { tags: ['工作任务'], summary: '整改事项或议定事项及其全部往来', params: Id },
      config: { access: { roles: TASK_READERS } },
    },
    async (request) => taskDetail(db, currentUser(request), request.params.id),
  );

  app.post(
    '/tasks/:id/answer',
    {
      schema: { tags: ['工作任务'], summary: '责任单位反馈办理情况（议定事项即办结）', params: Id, body: TaskAnswer },
      config: { access: { roles: UNIT_ROLES } },
    },
    async (request) => {
      const task = await findTask(db, currentUser(request), request.params.id);
      return { task: await stepTask(db, actorOf(request), task, 'answer', { report: request.body.report }) };
    },
  );

  app.post(
    '/tasks/:id/close',
    {
      schema: { tags: ['工作任务'], summary: '验收办结整改事项', params: Id, body: TaskClose },
      config: { access: { roles: ['office'] } },
    },
    async (request) => {
      const task = await findTask(db, currentUser(request), request.params.id);
      if (task.kind === 'decision') {
        throw new AppError(409, 'INVALID_TRANSITION', '会议议定事项由责任单位反馈落实情况后办结');
      }
      return { task: await stepTask(db, actorOf(request), task, 'close', { comment: request.body.comment }) };
    },
  );

  app.post(
    '/tasks/:id/ask-again',
    {
      schema: { tags: ['工作任务'], summary: '再次督办（整改不到位或议定事项未落实）', params: Id, body: TaskAskAgain },
      config: { access: { roles: ['office'] } },
    },
    async (request) => {
      const { comment, deadline } = request.body;
      checkDeadline(deadline, 'body.deadline');
      const task = await findTask(db, currentUser(request), request.params.id);
      return {
        task: await stepTask(db, actorOf(request), task, 'ask_again', { comment, deadline }, { deadline }),
      };
    },
  );
};
