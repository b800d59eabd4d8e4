import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SUBMISSION_STATUS_LABELS } from '../../core/collection/workflow.ts';
import { DEFAULT_SYSTEM_NAME, type Site } from '../../core/site.ts';
import { AppError, notFound } from '../../kernel/errors.ts';
import { asJson } from '../../kernel/json.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { sendXlsx } from '../../platform/download.ts';
import { exceljs } from '../../platform/exceljs.ts';
import { getSetting, SITE } from '../../platform/settings.ts';
import { actorOf, audit } from '../audit/index.ts';
import { currentUser } from '../auth/index.ts';
import type {
  NoticeList,
  UnitWebhookReply,
  UnitWebhooks,
  UrgeResult,
  WebhookReply,
  WebhookResult,
  WebhookSettings,
} from './contract.ts';
import { listNotices, markAllRead, markRead } from './notices.ts';
import { lateSubmissions, urgeLate } from './urge.ts';
import {
  getUnitWebhooks,
  getWebhook,
  postWebhook,
  setUnitWebhook,
  setWebhook,
  WEBHOOK_KIND_LABELS,
} from './webhook.ts';

// 站内通知 (the bell) and the office's group-robot setting for deadline reminders.

const Id = z.coerce.number().int().positive('编号应为正整数');

const WebhookUrl = z
  .string()
  .trim()
  .max(1000, '地址过长')
  .refine((url) => {
    if (!/^https?:\/\//i.test(url)) return false;
    try {
      new URL(url);
      return true;
    } catch {
      return false;
    }
  }, '请填写以 http:// 或 https:// 开头的完整地址');

const WebhookBody = z
  .object({
    url: z.union([WebhookUrl, z.literal('')]),
    kind: z.enum(['wecom', 'dingtalk'], { message: '机器人类型应为企业微信或钉钉' }),
    enabled: z.boolean(),
  })
  .refine((b) => !b.enabled || b.url !== '', { message: '启用前请填写机器人地址', path: ['url'] });

const TestBody = z.object({ url: WebhookUrl.optional(), kind: z.enum(['wecom', 'dingtalk']).optional() }).optional();

export const noticeRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { config, database }) => {
  const { db } = database;

  app.get(
    '/notices',
    {
      schema: {
        tags: ['通知'],
        summary: '我的通知（发给本人、本单位或本镇街的），含未读数',
        querystring: z.object({
          unread: z.enum(['true', 'false']).optional(),
          limit: z.coerce.number().int().min(1).max(500).optional(),
        }),
      },
      config: { access: { authenticated: true } },
    },
    async (request): Promise<NoticeList> =>
      asJson(
        await listNotices(db, currentUser(request), {
          unreadOnly: request.query.unread === 'true',
          limit: request.query.limit ?? 100,
        }),
      ),
  );

  app.post(
    '/notices/:id/read',
    {
      schema: { tags: ['通知'], summary: '标为已读', params: z.object({ id: Id }) },
      config: { access: { authenticated: true } },
    },
    async (request) => {
      if (!(await markRead(db, currentUser(request), request.params.id))) throw notFound('通知');
      return { ok: true };
    },
  );

  app.post(
    '/notices/read-all',
    {
      schema: { tags: ['通知'], summary: '全部标为已读' },
      config: { access: { authenticated: true } },
    },
    async (request) => ({ marked: await markAllRead(db, currentUser(request)) }),
  );

  app.get(
    '/settings/webhook',
    {
      schema: { tags: ['通知'], summary: '催报群机器人设置（企业微信 / 钉钉）' },
      config: { access: { roles: ['office'] } },
    },
    async (): Promise<WebhookReply> => ({ webhook: await getWebhook(db) }),
  );

  app.put(
    '/settings/webhook',
    {
      schema: { tags: ['通知'], summary: '保存催报群机器人设置', body: WebhookBody },
      config: { access: { roles: ['office'] } },
    },
    async (request): Promise<WebhookReply> => {
      const before = await getWebhook(db);
      const after: WebhookSettings = request.body;
      await db.transaction(async (tx) => {
        await setWebhook(tx, after);
        await audit(tx, actorOf(request), {
          action: 'settings.webhook',
          objectType: 'setting',
          objectId: 'webhook',
          before,
          after,
        });
      });
      return { webhook: after };
    },
  );

  app.post(
    '/settings/webhook/test',
    {
      schema: {
        tags: ['通知'],
        summary: '发送测试消息（给出地址时用表单中尚未保存的地址，否则用已保存的）',
        body: TestBody,
      },
      config: { access: { roles: ['office'] } },
    },
    async (request): Promise<WebhookResult> => {
      const saved = await getWebhook(db);
      const url = request.body?.url ?? saved.url;
      const kind = request.body?.kind ?? saved.kind;
      if (!url)
        throw new AppError(400, 'VALIDATION_FAILED', '请先填写机器人地址', {
          fields: [{ field: 'body.url', message: '请填写机器人地址' }],
        });
      const user = currentUser(request);
      const result = await postWebhook(
        { url, kind },
        '天平测试消息',
        `### 天平测试消息\n这是${(await getSetting<Site>(db, SITE))?.systemName ?? DEFAULT_SYSTEM_NAME}发送的测试消息（${user.displayName}）。收到即说明${WEBHOOK_KIND_LABELS[kind]}群机器人设置正确。`,
        { allowedHosts: config.webhookAllowedHosts },
      );
      await audit(db, actorOf(request), {
        action: 'notice.webhook.test',
        objectType: 'webhook',
        objectId: kind,
        result: result.ok ? 'success' : 'failure',
        detail: result.message,
      });
      return result;
    },
  );

  app.post(
    '/rounds/:id/remind',
    {
      schema: {
        tags: ['通知'],
        summary: '催报：提醒逾期未报的单位（站内通知、单位群机器人或工作群机器人），记入流程记录和审计日志',
        params: z.object({ id: Id }),
        body: z.object({
          submissionIds: z.array(Id).min(1, '请选择要催报的单位').max(500).optional(),
          note: z.string().trim().max(200, '附言不超过 200 字').optional(),
        }),
      },
      config: { access: { roles: ['office'] } },
    },
    async (request): Promise<UrgeResult> =>
      urgeLate(
        db,
        actorOf(request),
        request.params.id,
        request.body.submissionIds,
        request.body.note || undefined,
        config.webhookAllowedHosts,
      ),
  );

  app.get(
    '/rounds/:id/late-contacts.xlsx',
    {
      schema: { tags: ['通知'], summary: '逾期未报单位联系人（Excel，电话催报用）', params: z.object({ id: Id }) },
      config: { access: { roles: ['office'] } },
    },
    async (request, reply) => {
      const { round, late } = await lateSubmissions(db, request.params.id);
      const workbook = new (exceljs().Workbook)();
      const sheet = workbook.addWorksheet('未报单位联系人');
      sheet.mergeCells('A1:F1');
      sheet.getCell('A1').value = `${round.title}（截止 ${round.deadline}）未报单位联系人`;
      sheet.getCell('A1').font = { bold: true, size: 14 };
      sheet.getCell('A1').alignment = { horizontal: 'center' };
      sheet.addRow(['序号', '单位/镇街', '状态', '联系人', '联系电话', '系统用户']).font = { bold: true };
      for (const [i, l] of late.entries())
        sheet.addRow([
          i + 1,
          l.reporterName,
          SUBMISSION_STATUS_LABELS[l.status],
          l.contactName ?? '',
          l.contactPhone ?? '',
          l.people.join('、'),
        ]);
      for (const [i, width] of [6, 24, 12, 12, 16, 36].entries()) sheet.getColumn(i + 1).width = width;
      await audit(db, actorOf(request), {
        action: 'submission.remind_export',
        objectType: 'round',
        objectId: round.id,
        detail: `导出 ${late.length} 家未报单位联系人`,
      });
      return sendXlsx(reply, workbook, `${round.title}-未报单位联系人.xlsx`);
    },
  );

  app.get(
    '/settings/unit-webhooks',
    {
      schema: { tags: ['通知'], summary: '各成员单位自己的群机器人（催报发到单位群）' },
      config: { access: { roles: ['office'] } },
    },
    async (): Promise<UnitWebhooks> => ({ webhooks: await getUnitWebhooks(db) }),
  );

  app.put(
    '/settings/unit-webhooks/:unitId',
    {
      schema: {
        tags: ['通知'],
        summary: '设置或清除一个成员单位的群机器人',
        params: z.object({ unitId: Id }),
        body: z.object({
          url: z.union([WebhookUrl, z.literal('')]),
          kind: z.enum(['wecom', 'dingtalk'], { message: '机器人类型应为企业微信或钉钉' }),
        }),
      },
      config: { access: { roles: ['office'] } },
    },
    async (request): Promise<UnitWebhookReply> => {
      const before = (await getUnitWebhooks(db))[String(request.params.unitId)] ?? null;
      const after = request.body.url ? request.body : null;
      await db.transaction(async (tx) => {
        await setUnitWebhook(tx, request.params.unitId, after);
        await audit(tx, actorOf(request), {
          action: 'settings.unit_webhook',
          objectType: 'org_unit',
          objectId: request.params.unitId,
          before,
          after,
        });
      });
      return { webhook: after };
    },
  );
};
