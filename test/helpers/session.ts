import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { DEMO_PASSWORD } from '../../src/features/auth/demo-accounts.ts';

/** A signed-in client of an app under test: keeps the session cookie and sends the CSRF token. */
export class Client {
  constructor(
    readonly app: FastifyInstance,
    public cookie: string,
    public csrf: string,
  ) {}

  request(options: InjectOptions & { method: string; url: string }): Promise<LightMyRequestResponse> {
    return this.app.inject({
      ...options,
      headers: { cookie: this.cookie, 'x-csrf-token': this.csrf, ...(options.headers ?? {}) },
    });
  }

  get(url: string) {
    return this.request({ method: 'GET', url });
  }

  post(url: string, payload?: unknown) {
    return this.request({ method: 'POST', url, ...(payload === undefined ? {} : { payload: payload as object }) });
  }

  patch(url: string, payload: unknown) {
    return this.request({ method: 'PATCH', url, payload: payload as object });
  }

  put(url: string, payload: unknown) {
    return this.request({ method: 'PUT', url, payload: payload as object });
  }
}

export function sessionCookie(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((c) => c.name === 'tp_session');
  if (!cookie) throw new Error(`no session cookie in response ${response.statusCode}: ${response.body}`);
  return `tp_session=${cookie.value}`;
}

export async function loginResponse(app: FastifyInstance, username: string, password = DEMO_PASSWORD) {
  return app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
}

/** Signs in (demo password by default) and returns a client; fails the test when login fails. */
export async function login(app: FastifyInstance, username: string, password = DEMO_PASSWORD): Promise<Client> {
  const response = await loginResponse(app, username, password);
  if (response.statusCode !== 200) throw new Error(`login ${username} failed: ${response.statusCode} ${response.body}`);
  return new Client(app, sessionCookie(response), response.json().csrfToken);
}
