import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchBrowser, PHONE } from '../test/e2e/browser.ts';
import { signIn } from '../test/e2e/login.ts';
import { startServerProcess } from '../test/helpers/server-process.ts';

// The entry form of 区卫生健康委 (68 rows, 2025) in Chromium, desktop and phone: time from navigation to the last input
// being on the page, and per keystroke the time from the key event to the next painted frame (Chromium's own
// performance clock). Needs `npm run build`. BENCH_DATA_TEMPLATE may name a prepared demo data folder (copied).

const REMARK = 'textarea[aria-label$=" 备注"]';

interface Figures {
  interactiveMs: number;
  keyMedianMs: number;
  keyMaxMs: number;
}

async function measure(baseUrl: string, device: 'desktop' | 'phone'): Promise<Figures> {
  const browser = await launchBrowser(device === 'phone' ? PHONE : undefined);
  try {
    const page = await signIn(browser.context, baseUrl, 'wjw');
    const me = await (await browser.context.request.get(`${baseUrl}/api/auth/me`)).json();
    const { rounds } = await (
      await browser.context.request.get(`${baseUrl}/api/rounds`, { headers: { 'x-csrf-token': me.csrfToken } })
    ).json();
    const round = (rounds as { id: number; title: string }[]).find((r) => r.title === '2025年度监测数据填报');
    // Warm the code chunks once, as a user who has used the app before.
    await page.goto(`${baseUrl}/collection/rounds/${round?.id}/entry`);
    await page.locator('textarea').nth(60).waitFor({ timeout: 120_000 });
    await page.waitForLoadState('networkidle');
    // The form's rows as they stand when everything has loaded: the timed visit waits for all of them.
    const rows = await page.locator(REMARK).count();
    await page.goto(`${baseUrl}/collection`);
    await page.waitForLoadState('networkidle');
    // In-app navigation (a click on 填报), as users reach the form.
    const t0 = Number(await page.evaluate('performance.now()'));
    await page.evaluate(
      `window.history.pushState({}, '', '/collection/rounds/${round?.id}/entry'); dispatchEvent(new PopStateEvent('popstate'))`,
    );
    type Doc = { document: { querySelectorAll(selector: string): { length: number } } };
    await page.waitForFunction(
      ([selector, n]) =>
        (globalThis as unknown as Doc).document.querySelectorAll(selector as string).length >= (n as number),
      [REMARK, rows],
      { timeout: 120_000, polling: 'raf' },
    );
    const interactiveMs = Number(await page.evaluate('performance.now()')) - t0;

    // Chinese text arrives as input events without key events (an input method, and Playwright's insertText).
    await page.evaluate(`
      window.__lat = [];
      document.addEventListener('input', (e) => {
        const t = e.timeStamp;
        requestAnimationFrame(() => setTimeout(() => window.__lat.push(performance.now() - t), 0));
      }, true);
    `);
    const field = page.locator(REMARK).nth(30);
    await field.click();
    await page.keyboard.type('已核实数据来源与口径一致无误', { delay: 120 });
    await page.waitForTimeout(500);
    const lat = ((await page.evaluate('window.__lat')) as number[]).sort((a, b) => a - b);
    return {
      interactiveMs,
      keyMedianMs: lat[Math.floor(lat.length / 2)] ?? Number.NaN,
      keyMaxMs: lat.at(-1) ?? Number.NaN,
    };
  } finally {
    await browser.close();
  }
}

export async function benchEntryForm(): Promise<{ lines: string[] }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tp-bench-entry-'));
  if (process.env.BENCH_DATA_TEMPLATE) fs.cpSync(process.env.BENCH_DATA_TEMPLATE, dataDir, { recursive: true });
  const server = await startServerProcess({ TIANPING_DATA_DIR: dataDir }, 600_000);
  try {
    const lines: string[] = [];
    for (const device of ['desktop', 'phone'] as const) {
      const f = await measure(server.url, device);
      lines.push(
        `entry form (${device}): interactive ${f.interactiveMs.toFixed(0)} ms after navigation; keystroke to paint median ${f.keyMedianMs.toFixed(0)} ms, max ${f.keyMaxMs.toFixed(0)} ms`,
      );
    }
    return { lines };
  } finally {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
