import type { BrowserContext } from 'playwright-core';

/**
 * Calls the API as the user signed in to `context` (the session cookie and its CSRF token), for what a test reads or
 * sets up beside the pages; `cycle` asks for another plan cycle than the current one, as the header switch does.
 */
export async function apiAs(
  context: BrowserContext,
  baseUrl: string,
  method: string,
  url: string,
  data?: unknown,
  cycle?: string,
) {
  const me = await (await context.request.get(`${baseUrl}/api/auth/me`)).json();
  const res = await context.request.fetch(`${baseUrl}/api${url}`, {
    method,
    headers: {
      'x-csrf-token': me.csrfToken ?? '',
      'content-type': 'application/json',
      ...(cycle ? { 'x-plan-cycle': cycle } : {}),
    },
    ...(data === undefined ? {} : { data: JSON.stringify(data) }),
  });
  const body = await res.json();
  if (!res.ok()) throw new Error(`${method} ${url}: ${res.status()} ${JSON.stringify(body)}`);
  return body;
}
