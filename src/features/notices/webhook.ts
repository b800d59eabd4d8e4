import dns from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
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

/** A name's addresses (all of them): node's resolver, or a test's. */
export type Resolve = (host: string) => Promise<string[]>;

const systemResolve: Resolve = async (host) => (await dns.lookup(host, { all: true })).map((r) => r.address);

/** Why these addresses may not be called (Chinese), or null: an internal one not named by the allowlist. */
function internalProblem(host: string, addresses: readonly string[], allowedHosts: readonly string[]): string | null {
  return addresses.some((ip) => isInternalAddress(ip) && !allowedHosts.includes(ip))
    ? `机器人地址“${host}”解析到内网或本机地址，已拒绝`
    : null;
}

/**
 * Why a webhook address may not be called (Chinese), or null. Only hosts on the allowlist; and the addresses the
 * name resolves to must be public, unless the allowlist names that very address (tests list 127.0.0.1).
 */
export async function webhookTargetProblem(
  url: string,
  allowedHosts: readonly string[],
  resolve: Resolve = systemResolve,
): Promise<string | null> {
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
  try {
    return internalProblem(host, await resolve(host), allowedHosts);
  } catch {
    return `无法解析机器人地址的主机“${host}”`;
  }
}

/** Refused at connect time: the name resolved to an internal address by then. */
class InternalAddress extends Error {
  constructor(readonly problem: string) {
    super(problem);
  }
}

/**
 * The lookup the connection uses: the name is resolved once more and checked again, and the connection goes to
 * exactly the address checked. A name whose answer changes between the check and the call (DNS rebinding) cannot
 * reach an internal address.
 */
function checkedLookup(allowedHosts: readonly string[], resolve: Resolve): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname).then(
      (addresses) => {
        const problem = internalProblem(hostname, addresses, allowedHosts);
        const first = addresses[0];
        if (problem || !first) {
          callback(new InternalAddress(problem ?? `无法解析机器人地址的主机“${hostname}”`), '', 4);
          return;
        }
        const family = (ip: string) => (ip.includes(':') ? 6 : 4);
        if (options.all)
          callback(
            null,
            addresses.map((address) => ({ address, family: family(address) })),
          );
        else callback(null, first, family(first));
      },
      (error: NodeJS.ErrnoException) => callback(error, '', 4),
    );
  };
}

/** One POST with node's client (no redirects followed), through the checked lookup; at most 10,000 bytes read. */
function post(
  url: string,
  body: string,
  options: { allowedHosts: readonly string[]; resolve: Resolve; timeoutMs: number },
): Promise<{ status: number; text: string }> {
  const target = new URL(url);
  const request = target.protocol === 'https:' ? https.request : http.request;
  return new Promise((resolvePost, reject) => {
    const req = request(
      target,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) },
        lookup: checkedLookup(options.allowedHosts, options.resolve),
        signal: AbortSignal.timeout(options.timeoutMs),
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          if (text.length < 10_000) text += chunk;
        });
        res.on('end', () => resolvePost({ status: res.statusCode ?? 0, text: text.slice(0, 10_000) }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * Posts a message; never throws. A non-2xx answer, an `errcode` other than 0 (both robots answer
 * {"errcode":0,"errmsg":"ok"}), a network error or a 10-second timeout count as failures. The target must pass
 * webhookTargetProblem, before the call and again when connecting; redirects are not followed; the answer's body is
 * never passed on (only its status and errcode), so the test button cannot be used to read other servers.
 */
export async function postWebhook(
  settings: Pick<WebhookSettings, 'url' | 'kind'>,
  title: string,
  markdown: string,
  options: { allowedHosts?: readonly string[]; timeoutMs?: number; resolve?: Resolve } = {},
): Promise<WebhookResult> {
  const allowedHosts = options.allowedHosts ?? DEFAULT_WEBHOOK_HOSTS;
  const resolve = options.resolve ?? systemResolve;
  const problem = await webhookTargetProblem(settings.url, allowedHosts, resolve);
  if (problem) return { ok: false, message: problem };
  try {
    const response = await post(settings.url, JSON.stringify(webhookPayload(settings.kind, title, markdown)), {
      allowedHosts,
      resolve,
      timeoutMs: options.timeoutMs ?? 10_000,
    });
    if (response.status < 200 || response.status >= 300) {
      return { ok: false, message: `机器人接口返回 HTTP ${response.status}` };
    }
    try {
      const body = JSON.parse(response.text) as { errcode?: number };
      if (typeof body.errcode === 'number' && body.errcode !== 0) {
        return { ok: false, message: `机器人接口返回错误码 ${body.errcode}（请核对机器人地址与安全设置）` };
      }
    } catch {
      // Not JSON: a 2xx without a body is taken as delivered.
    }
    return { ok: true, message: '发送成功' };
  } catch (error) {
    if (error instanceof InternalAddress) return { ok: false, message: error.problem };
    const e = error as NodeJS.ErrnoException;
    const reason = e.name === 'TimeoutError' || e.name === 'AbortError' ? '超时' : (e.code ?? '网络错误');
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
