// The one place the web app talks to the server. Errors carry the server's stable code and Chinese message.

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly body: Record<string, unknown>,
  ) {
    super(message);
  }
}

export async function api<T>(path: string, init: RequestInit = {}): Promise<T> {
  const headers = new Headers(init.headers);
  if (init.body && !(init.body instanceof FormData)) headers.set('content-type', 'application/json');
  const response = await fetch(`/api${path}`, { ...init, headers, credentials: 'same-origin' });
  const text = await response.text();
  const body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  if (!response.ok) {
    throw new ApiError(
      response.status,
      String(body.code ?? 'HTTP_ERROR'),
      String(body.message ?? `请求失败（${response.status}）`),
      body,
    );
  }
  return body as T;
}

export interface Health {
  status: 'ok';
  name: string;
  version: string;
  engine: 'pglite' | 'postgresql';
  migrationLevel: number;
  migrationsAvailable: number;
  demo: boolean;
}
