// 站内通知's response shapes, shared by the server and the web.

export interface Notice {
  id: number;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
  read: boolean;
}

/** GET /api/notices: the user's notices, newest first, and how many are unread. */
export interface NoticeList {
  notices: Notice[];
  unread: number;
}

export type WebhookKind = 'wecom' | 'dingtalk';

/** The office's group robot (催报群机器人). */
export interface WebhookSettings {
  url: string;
  kind: WebhookKind;
  enabled: boolean;
}

/** GET and PUT /api/settings/webhook */
export interface WebhookReply {
  webhook: WebhookSettings;
}

/** POST /api/settings/webhook/test, and each robot message 催报 sends. */
export interface WebhookResult {
  ok: boolean;
  /** Chinese description: 发送成功, or why it failed. */
  message: string;
}

/** A member unit's own group robot. */
export interface UnitWebhook {
  url: string;
  kind: WebhookKind;
}

/** GET /api/settings/unit-webhooks: by unit id. */
export interface UnitWebhooks {
  webhooks: Record<string, UnitWebhook>;
}

/** PUT /api/settings/unit-webhooks/:unitId: the unit's robot, null once cleared. */
export interface UnitWebhookReply {
  webhook: UnitWebhook | null;
}

/** POST /api/rounds/:id/remind */
export interface UrgeResult {
  reminded: { submissionId: number; reporterName: string }[];
  /** One line per robot message sent: the unit's own, or the office's group. */
  webhooks: { target: string; result: WebhookResult }[];
}
