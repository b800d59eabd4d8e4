// The one place the web app talks to the server. Errors carry the server's stable code and Chinese message.
// State-changing requests carry the session's CSRF token; a 401 sends the user to the login page.

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly body: Record<string, unknown>,
  ) {
    super(message);
  }

  /** Field problems from the server ({ field: 'body.x', message }), keyed by the field name without its prefix. */
  get fields(): Record<string, string> {
    const list = (this.body.fields ?? []) as { field: string; message: string }[];
    return Object.fromEntries(list.map((f) => [f.field.replace(/^(body|query|params)\./, ''), f.message]));
  }
}

let csrfToken: string | undefined;
export function setCsrfToken(token: string | undefined) {
  csrfToken = token;
}

// The plan cycle (规划周期) the user picked in the header; every request asks for it (the server's default is the
// current cycle). Set before the first page request, from what the user picked last time (web/src/shell/cycle.tsx).
let cycleId: string | undefined;
export function setCycleHeader(id: string | undefined) {
  cycleId = id;
}

type UnauthorizedListener = (error: ApiError) => void;
let onUnauthorized: UnauthorizedListener | undefined;
export function setUnauthorizedListener(listener: UnauthorizedListener | undefined) {
  onUnauthorized = listener;
}

let lastRequestAt = Date.now();
/** When the server last heard from this page (the session's idle clock starts there). */
export const lastRequestTime = () => lastRequestAt;

export async function request(path: string, init: RequestInit = {}): Promise<Response> {
  lastRequestAt = Date.now();
  const headers = new Headers(init.headers);
  if (init.body && !(init.body instanceof FormData) && !headers.has('content-type')) {
    headers.set('content-type', 'application/json');
  }
  if (init.method && init.method !== 'GET' && csrfToken) headers.set('x-csrf-token', csrfToken);
  if (cycleId && !headers.has('x-plan-cycle')) headers.set('x-plan-cycle', cycleId);
  const response = await fetch(`/api${path}`, { ...init, headers, credentials: 'same-origin' });
  if (!response.ok) {
    const text = await response.text();
    let body: Record<string, unknown> = {};
    try {
      body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    } catch {
      body = { message: text };
    }
    const error = new ApiError(
      response.status,
      String(body.code ?? 'HTTP_ERROR'),
      String(body.message ?? `请求失败（${response.status}）`),
      body,
    );
    if (response.status === 401 && !path.startsWith('/auth/')) onUnauthorized?.(error);
    throw error;
  }
  return response;
}

export async function api<T>(path: string, init: RequestInit = {}): Promise<T> {
  const response = await request(path, init);
  const text = await response.text();
  return (text ? JSON.parse(text) : {}) as T;
}

export const post = <T>(path: string, body?: unknown) =>
  api<T>(path, { method: 'POST', ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
export const patch = <T>(path: string, body: unknown) => api<T>(path, { method: 'PATCH', body: JSON.stringify(body) });
export const put = <T>(path: string, body: unknown) => api<T>(path, { method: 'PUT', body: JSON.stringify(body) });
export const del = <T>(path: string) => api<T>(path, { method: 'DELETE' });

/**
 * A POST whose answer streams as NDJSON (Accept: application/x-ndjson): each `{ progress }` line goes to
 * `onProgress`, the `{ done }` line is the result, an `{ error }` line (the work failed after the answer began)
 * throws as the API's other errors do.
 */
export async function postStreaming<T, P>(path: string, body: unknown, onProgress: (progress: P) => void): Promise<T> {
  const response = await request(path, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { accept: 'application/x-ndjson' },
  });
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (value) buffer += decoder.decode(value, { stream: true });
    let end = buffer.indexOf('\n');
    while (end >= 0) {
      const line = buffer.slice(0, end).trim();
      buffer = buffer.slice(end + 1);
      end = buffer.indexOf('\n');
      if (!line) continue;
      const message = JSON.parse(line) as { progress?: P; done?: T; error?: { code: string; message: string } };
      if (message.progress !== undefined) onProgress(message.progress);
      if (message.error) throw new ApiError(500, message.error.code, message.error.message, message.error);
      if (message.done !== undefined) return message.done;
    }
    if (done) throw new ApiError(500, 'INCOMPLETE', '服务器未返回结果，请刷新页面查看是否已生成', {});
  }
}

/** Downloads a file from the API (with the session), keeping the server's file name. */
export async function download(path: string, fallbackName: string): Promise<void> {
  const response = await request(path);
  const disposition = response.headers.get('content-disposition') ?? '';
  const match = /filename\*=UTF-8''([^;]+)/.exec(disposition);
  const name = match ? decodeURIComponent(match[1] as string) : fallbackName;
  const url = URL.createObjectURL(await response.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  URL.revokeObjectURL(url);
}
