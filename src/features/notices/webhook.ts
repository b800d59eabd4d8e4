import dns from 'node:dns/promises';
import type { Db } from '../../db/connection.ts';
import { getSetting, setSetting } from '../../platform/settings.ts';
import type { UnitWebhook, WebhookKind, WebhookResult, WebhookSettings } from './contract.ts';

// The optional group robot (企业微信群机器人 / 钉钉群机器人) the reminders summary is posted to. The office sets
// it in the UI; it is kept in app_setting under `webhook`.

export const WEBHOOK_SETTING = 'webhook';

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

/** The robot hosts of WeCom and DingTalk: the default of WEBHOOK_ALLOWED_HOSTS. */
export const DEFAULT_WEBHOOK_HOSTS = ['qyapi.weixin.qq.com', 'oapi.dingtalk.com'];

/** Loopback, private, link-local, unspecified, multicast and other non-public addresses (IPv4 and IPv6). */
export function isInternalAddress(address: string): boolean {
  const a = address.toLowerCase().replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, '$1');
  const v4 = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(a);
  if (v4) {
    const [x, y] = [Number(v4[1]), Number(v4[2])];
    return (
      x === 0 ||
      x === 10 ||
      x === 127 ||
      x >= 224 ||
      (x === 100 && y >= 64 && y <= 127) ||
      (x === 169 && y === 254) ||
      (x === 172 && y >= 16 && y <= 31) ||
      (x === 192 && y === 168) ||
      (x === 198 && (y === 18 || y === 19))
    );
  }
  return (
    a === '::' || a === '::1' || /^f[cd]/.test(a) || /^fe[89ab]/.test(a) || /^ff/.test(a) || a.startsWith('::ffff:')
  );
}

/**
 * Why a webhook address may not be called (Chinese), or null. Only hosts on the allowlist; and the addresses the
 * name resolves to must be public, unless the allowlist names that very address (tests list 127.0.0.1).
 */
export async function webhookTargetProblem(url: string, allowedHosts: readonly string[]): Promise<string | null> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return '机器人地址格式不正确';
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return '机器人地址应以 http:// 或 https:// 开头';
  const host = parsed.hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (!allowedHosts.includes(host)) {
    return `机器人地址的主机“${host}”不在允许范围内（允许：${allowedHosts.join('、') || '无'}；可由管理员在 WEBHOOK_ALLOWED_HOSTS 中设置）`;
  }
  let addresses: string[];
  try {
    addresses = (await dns.lookup(host, { all: true })).map((r) => r.address);
  } catch {
    return `无法解析机器人地址的主机“${host}”`;
  }
  if (addresses.some((ip) => isInternalAddress(ip) && !allowedHosts.includes(ip))) {
    return `机器人地址“${host}”解析到内网或本机地址，已拒绝`;
  }
  return null;
}

/**
 * Posts a message; never throws. A non-2xx answer, an `errcode` other than 0 (both robots answer
 * {"errcode":0,"errmsg":"ok"}), a network error or a 10-second timeout count as failures. The target must pass
 * webhookTargetProblem; redirects are not followed; the answer's body is never passed on (only its status and
 * errcode), so the test button cannot be used to read other servers.
 */
export async function postWebhook(
  settings: Pick<WebhookSettings, 'url' | 'kind'>,
  title: string,
  markdown: string,
  options: { allowedHosts?: readonly string[]; timeoutMs?: number } = {},
): Promise<WebhookResult> {
  const problem = await webhookTargetProblem(settings.url, options.allowedHosts ?? DEFAULT_WEBHOOK_HOSTS);
  if (problem) return { ok: false, message: problem };
  try {
    const response = await fetch(settings.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify(webhookPayload(settings.kind, title, markdown)),
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      redirect: 'manual',
    });
    const text = (await response.text()).slice(0, 10_000);
    if (!response.ok) return { ok: false, message: `机器人接口返回 HTTP ${response.status}` };
    try {
      const body = JSON.parse(text) as { errcode?: number };
      if (typeof body.errcode === 'number' && body.errcode !== 0) {
        return { ok: false, message: `机器人接口返回错误码 ${body.errcode}（请核对机器人地址与安全设置）` };
      }
    } catch {
      // Not JSON: a 2xx without a body is taken as delivered.
    }
    return { ok: true, message: '发送成功' };
  } catch (error) {
    const e = error as Error & { cause?: { code?: string } };
    const reason = e.name === 'TimeoutError' ? '超时' : (e.cause?.code ?? '网络错误');
    return { ok: false, message: `无法连接机器人接口（${reason}）` };
  }
}

/** Member units' own group robots, by unit id (app_setting `unit_webhooks`); the office sets them. */
export const UNIT_WEBHOOKS_SETTING = 'unit_webhooks';

export async function getUnitWebhooks(db: Db): Promise<Record<string, UnitWebhook>> {
  return (await getSetting<Record<string, UnitWebhook>>(db, UNIT_WEBHOOKS_SETTING)) ?? {};
}

export async function setUnitWebhook(db: Db, unitId: number, value: UnitWebhook | null): Promise<void> {
  const all = await getUnitWebhooks(db);
  if (value?.url) all[String(unitId)] = value;
  else delete all[String(unitId)];
  await setSetting(db, UNIT_WEBHOOKS_SETTING, all);
}
