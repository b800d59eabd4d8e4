import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/deps.ts';
import { sendFile } from '../../platform/download.ts';
import { actorOf, audit } from '../audit/index.ts';
import { currentUser } from '../auth/index.ts';
import { postToGroupRobot } from '../notices/index.ts';
import { checkDeadline } from '../tasks/index.ts';
import { AddDecision, MEETING_KIND_LABELS, RecordMeeting, type RecordMeetingResult } from './contract.ts';
import { addDecision, findMeeting, listMeetings, meetingDetail, recordMeeting } from './meetings.ts';
import { chineseDate, renderMinutes } from './minutes.ts';

// 议事协调: the office records meetings and their decisions; attendees and owner units read theirs and download the
// 会议纪要 (.docx, GB/T 9704).

const Id = z.object({ id: z.coerce.number().int().positive('编号应为正整数') });
const READERS = ['office', 'statistics', 'unit_reporter', 'unit_leader', 'district_leader'] as const;
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export const meetingRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { config, database }) => {
  const { db } = database;

  app.get(
    '/meetings',
    {
      schema: {
        tags: ['议事协调'],
        summary: '会议列表（成员单位只看本单位参加或有议定事项的）',
        querystring: z.object({
          year: z.coerce.number().int().min(2000, '年份不正确').max(2100, '年份不正确').optional(),
        }),
      },
      config: { access: { roles: READERS } },
    },
    async (request) => ({ meetings: await listMeetings(db, currentUser(request), request.query.year) }),
  );

  app.get(
    '/meetings/:id',
    {
      schema: { tags: ['议事协调'], summary: '会议详情：出席单位、议题、纪要和议定事项', params: Id },
      config: { access: { roles: READERS } },
    },
    async (request) => meetingDetail(db, currentUser(request), request.params.id),
  );

  app.post(
    '/meetings',
    {
      schema: {
        tags: ['议事协调'],
        summary: '记录会议（议题、纪要、议定事项），并通知出席单位和责任单位',
        body: RecordMeeting,
      },
      config: { access: { roles: ['office'] } },
    },
    async (request): Promise<RecordMeetingResult> => {
      for (const [i, d] of request.body.decisions.entries()) checkDeadline(d.deadline, `body.decisions.${i}.deadline`);
      const { meeting: row } = await recordMeeting(db, actorOf(request), request.body);
      // The group robot after the commit: a robot that is down must not lose the meeting.
      const markdown = [
        `**${MEETING_KIND_LABELS[row.kind]}：${row.title}**`,
        `时间：${chineseDate(row.heldOn)}${row.place ? `　地点：${row.place}` : ''}`,
        ...request.body.decisions.map((d, i) => `${i + 1}. ${d.content}（期限 ${d.deadline}）`),
        '会议纪要和议定事项请登录天平系统查看、反馈。',
      ].join('\n');
      const result = await postToGroupRobot(db, row.title, markdown, config.webhookAllowedHosts);
      return {
        meeting: { id: row.id },
        robot: result
          ? { status: result.ok ? 'sent' : 'failed', message: result.message }
          : { status: 'none', message: '未配置群机器人' },
      };
    },
  );

  app.post(
    '/meetings/:id/decisions',
    {
      schema: { tags: ['议事协调'], summary: '补充议定事项（责任单位、期限）', params: Id, body: AddDecision },
      config: { access: { roles: ['office'] } },
    },
    async (request) => {
      checkDeadline(request.body.deadline, 'body.deadline');
      const row = await findMeeting(db, currentUser(request), request.params.id);
      return { task: await addDecision(db, actorOf(request), row, request.body) };
    },
  );

  app.get(
    '/meetings/:id/minutes.docx',
    {
      schema: { tags: ['议事协调'], summary: '下载会议纪要（Word，GB/T 9704 格式）', params: Id },
      config: { access: { roles: READERS } },
    },
    async (request, reply) => {
      const row = await findMeeting(db, currentUser(request), request.params.id);
      const { bytes, fileName } = await renderMinutes(db, row.id);
      await audit(db, actorOf(request), {
        action: 'meeting.minutes.download',
        objectType: 'meeting',
        objectId: row.id,
        detail: fileName,
      });
      return sendFile(reply, bytes, fileName, DOCX);
    },
  );
};
