// The web app's files (issue 16): precompressed at build (brotli and gzip), sent as the browser accepts;
// hashed assets cached for good (immutable), index.html revalidated every time (no-cache); what the login page
// loads first stays within 350 KB on the wire. Needs `npm run build` (npm test runs it first).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { REPO_ROOT } from '../helpers/server-process.ts';

const built = fs.existsSync(path.join(REPO_ROOT, 'dist/web/index.html'));

describe.runIf(built)('static files of the web app', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('pglite');
  }, 400_000);
  afterAll(() => t?.close());

  const get = (url: string, encoding = 'gzip, deflate, br') =>
    t.app.inject({ method: 'GET', url, headers: { 'accept-encoding': encoding } });

  it('sends index.html compressed and revalidated, also for a client-side route', async () => {
    for (const url of ['/', '/login']) {
      const res = await get(url);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-encoding']).toBe('br');
      expect(res.headers['cache-control']).toBe('no-cache');
    }
    const plain = await get('/', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toContain('<div id="root">');
  });

  it('caches hashed assets for good; the login page’s first load is ≤ 350 KB transferred', async () => {
    const html = (await get('/', 'identity')).body;
    // What the login page needs: the entry and its preloads, the login page's chunk, and every chunk they import.
    const dir = path.join(REPO_ROOT, 'dist/web/assets');
    const login = fs.readdirSync(dir).find((f) => /^LoginPage-.*\.js$/.test(f));
    const queue = [...html.matchAll(/(?:src|href)="\/assets\/([^"]+)"/g)].map((m) => m[1] as string);
    if (login) queue.push(login);
    const seen = new Set<string>();
    while (queue.length > 0) {
      const f = queue.pop() as string;
      if (seen.has(f)) continue;
      seen.add(f);
      const text = fs.readFileSync(path.join(dir, f), 'utf8');
      for (const m of text.matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g)) queue.push(m[1] as string);
    }
    const assets = [...seen].map((f) => `/assets/${f}`);
    expect(login).toBeDefined();
    expect(assets.length).toBeGreaterThan(1);
    let bytes = (await get('/')).rawPayload.length;
    for (const url of assets) {
      const res = await get(url);
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      bytes += res.rawPayload.length;
      // Files under 1 KB are not worth compressing and go as they are.
      if (!fs.existsSync(path.join(REPO_ROOT, 'dist/web', `${url}.br`))) continue;
      expect(res.headers['content-encoding']).toBe('br');
      const gz = await get(url, 'gzip');
      expect(gz.headers['content-encoding']).toBe('gzip');
      expect(gz.rawPayload.length).toBeGreaterThan(res.rawPayload.length);
    }
    expect(bytes).toBeLessThanOrEqual(350 * 1024);
  });
});
