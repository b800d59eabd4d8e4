import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DEFAULT_SYSTEM_NAME, type Site } from '../../core/site.ts';
import { AppError, notFound } from '../../kernel/errors.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { getSetting, SITE } from '../../platform/settings.ts';
import { actorOf, audit } from '../audit/index.ts';
import { currentUser } from '../auth/index.ts';
import { listNotices, markAllRead, markRead } from './notices.ts';
import { getWebhook, postWebhook, setWebhook, WEBHOOK_KIND_LABELS, type WebhookSettings } from './webhook.ts';

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
    async (request) =>
      listNotices(db, currentUser(request), {
        unreadOnly: request.query.unread === 'true',
        limit: request.query.limit ?? 100,
      }),
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
    async () => ({ webhook: await getWebhook(db) }),
  );

  app.put(
    '/settings/webhook',
    {
      schema: { tags: ['通知'], summary: '保存催报群机器人设置', body: WebhookBody },
      config: { access: { roles: ['office'] } },
    },
    async (request) => {
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
    async (request) => {
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
};
