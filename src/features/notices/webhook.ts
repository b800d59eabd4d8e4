import type { Db } from '../../db/connection.ts';
import { getSetting, setSetting } from '../../platform/settings.ts';

// The optional group robot (企业微信群机器人 / 钉钉群机器人) the reminders summary is posted to. The office sets
// it in the UI; it is kept in app_setting under `webhook`.

export const WEBHOOK_SETTING = 'webhook';

export type WebhookKind = 'wecom' | 'dingtalk';

export interface WebhookSettings {
  url: string;
  kind: WebhookKind;
  enabled: boolean;
}

export const WEBHOOK_KIND_LABELS: Record<WebhookKind, string> = { wecom: '企业微信', dingtalk: '钉钉' };

export const DEFAULT_WEBHOOK: WebhookSettings = { url: '', kind: 'wecom', enabled: false };

export async function getWebhook(db: Db): Promise<WebhookSettings> {
  return { ...DEFAULT_WEBHOOK, ...((await getSetting<Partial<WebhookSettings>>(db, WEBHOOK_SETTING)) ?? {}) };
}

export async function setWebhook(db: Db, value: WebhookSettings): Promise<void> {
  await setSetting(db, WEBHOOK_SETTING, value);
}

/** The group robots' markdown message bodies. */
export function webhookPayload(kind: WebhookKind, title: string, markdown: string): object {
  // 企业微信: content at most 4096 bytes; 钉钉: title shown in the notification, text the body.
  if (kind === 'wecom') return { msgtype: 'markdown', markdown: { content: truncateBytes(markdown, 4000) } };
  return { msgtype: 'markdown', markdown: { title, text: truncateBytes(markdown, 18_000) } };
}

function truncateBytes(text: string, maxBytes: number): string {
  if (Buffer.byteLength(text) <= maxBytes) return text;
  let out = text;
  while (Buffer.byteLength(`${out}\n……`) > maxBytes) out = out.slice(0, Math.floor(out.length * 0.9));
  return `${out}\n……`;
}

export interface WebhookResult {
  ok: boolean;
  /** Chinese description: 发送成功, or why it failed. */
  message: string;
}

/**
 * Posts a message; never throws. A non-2xx answer, an `errcode` other than 0 (both robots answer
 * {"errcode":0,"errmsg":"ok"}), a network error or a 10-second timeout count as failures.
 */
export async function postWebhook(
  settings: Pick<WebhookSettings, 'url' | 'kind'>,
  title: string,
  markdown: string,
  timeoutMs = 10_000,
): Promise<WebhookResult> {
  try {
    const response = await fetch(settings.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify(webhookPayload(settings.kind, title, markdown)),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    if (!response.ok) return { ok: false, message: `机器人接口返回 HTTP ${response.status}：${text.slice(0, 200)}` };
    try {
      const body = JSON.parse(text) as { errcode?: number; errmsg?: string };
      if (typeof body.errcode === 'number' && body.errcode !== 0) {
        return { ok: false, message: `机器人接口返回错误 ${body.errcode}：${body.errmsg ?? ''}` };
      }
    } catch {
      // Not JSON: a 2xx without a body is taken as delivered.
    }
    return { ok: true, message: '发送成功' };
  } catch (error) {
    const e = error as Error & { cause?: { code?: string } };
    const reason = e.name === 'TimeoutError' ? '超时' : (e.cause?.code ?? e.message);
    return { ok: false, message: `无法连接机器人接口（${reason}）` };
  }
}

/** Member units' own group robots, by unit id (app_setting `unit_webhooks`); the office sets them. */
export const UNIT_WEBHOOKS_SETTING = 'unit_webhooks';

export async function getUnitWebhooks(db: Db): Promise<Record<string, { url: string; kind: WebhookKind }>> {
  return (await getSetting<Record<string, { url: string; kind: WebhookKind }>>(db, UNIT_WEBHOOKS_SETTING)) ?? {};
}

export async function setUnitWebhook(
  db: Db,
  unitId: number,
  value: { url: string; kind: WebhookKind } | null,
): Promise<void> {
  const all = await getUnitWebhooks(db);
  if (value?.url) all[String(unitId)] = value;
  else delete all[String(unitId)];
  await setSetting(db, UNIT_WEBHOOKS_SETTING, all);
}
