import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEB_DIST } from '../../src/server/app.ts';
import type { ServerProcess } from '../helpers/server-process.ts';
import { artifactPath, launchBrowser, PHONE } from './browser.ts';
import { startDemoServer } from './demo-server.ts';
import { signIn } from './login.ts';

// Daily use as the units work: 区卫生健康委's reporter fills in the whole 2025 form on a 390×844 phone and submits
// it; 区教育局's reporter (desktop) leaves the form with typed values and finds them again on return, and keeps
// them through an expired session.

type Browser = Awaited<ReturnType<typeof launchBrowser>>;

async function apiAs(context: BrowserContext, baseUrl: string, method: string, url: string) {
  const me = await (await context.request.get(`${baseUrl}/api/auth/me`)).json();
  const res = await context.request.fetch(`${baseUrl}/api${url}`, {
    method,
    headers: { 'x-csrf-token': me.csrfToken },
  });
  return res.json();
}

async function openRound(page: Page, context: BrowserContext, baseUrl: string): Promise<number> {
  const { rounds } = await apiAs(context, baseUrl, 'GET', '/rounds');
  const round = (rounds as { id: number; title: string }[]).find((r) => r.title === '2025年度监测数据填报');
  if (!round) throw new Error('the demo data have no open 2025 round');
  await page.goto(`${baseUrl}/collection/rounds/${round.id}/entry`);
  return round.id;
}

describe('daily use: entry on a phone, and nothing typed is lost', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tp-e2e-daily-'));
  let server: ServerProcess;
  let phone: Browser | undefined;
  let desktop: Browser | undefined;

  beforeAll(async () => {
    if (!fs.existsSync(path.join(WEB_DIST, 'index.html'))) throw new Error('web app not built: run npm run build');
    server = await startDemoServer(dataDir);
  }, 600_000);
  afterAll(async () => {
    await phone?.close();
    await desktop?.close();
    await server?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('on a 390×844 phone every input of the unit’s form can be tapped, filled, and the form submitted', async () => {
    phone = await launchBrowser(PHONE);
    const page = await signIn(phone.context, server.url, 'wjw');
    const roundId = await openRound(page, phone.context, server.url);
    await page.locator('.entry-cards').waitFor({ timeout: 120_000 });

    // Nothing wider than the screen; the bell and the account menu (logout) are on it.
    const width = Number(await page.evaluate('document.documentElement.scrollWidth'));
    expect(width).toBeLessThanOrEqual(390);
    for (const control of [
      page.getByRole('button', { name: /通知/ }),
      page.getByRole('button', { name: /退出登录/ }),
    ]) {
      const box = await control.boundingBox();
      expect(box && box.x >= 0 && box.x + box.width <= 390).toBe(true);
    }
    await page.screenshot({ path: artifactPath('phone-entry.png') });

    const numbers = page.locator(
      '.entry-cards input[aria-label$="数值"], .entry-cards input[aria-label$="分子"], .entry-cards input[aria-label$="分母"]',
    );
    const texts = page.locator('.entry-cards textarea');
    const numberCount = await numbers.count();
    const textCount = await texts.count();
    // 68 rows: C1-14 is the same statistic as W1-19 (sameAs) and is entered once, under W1-19.
    const rowCount = await page.locator('.entry-cards [data-row-key]').count();
    expect(rowCount).toBe(68);
    expect(numberCount).toBeGreaterThanOrEqual(rowCount);
    expect(textCount).toBe(rowCount * 4);
    // Each number is tapped (it must be the element under the finger: not covered by the bar at the bottom),
    // cleared and typed again; one value changes for real.
    let changed: string | undefined;
    for (let i = 0; i < numberCount; i++) {
      const input = numbers.nth(i);
      const label = (await input.getAttribute('aria-label')) ?? '';
      const value = await input.inputValue();
      await input.tap();
      await input.fill('');
      if (!changed && label.endsWith('数值') && /^\d+\.\d$/.test(value) && Number(value) > 50 && Number(value) < 99) {
        changed = label;
        await input.fill(String(Number(value) + 0.1));
      } else await input.fill(value);
    }
    for (let i = 0; i < textCount; i++) {
      const input = texts.nth(i);
      const label = (await input.getAttribute('aria-label')) ?? '';
      await input.tap();
      await input.fill(label.endsWith('说明') && !label.endsWith('口径说明') ? '已核实，与部门年报一致' : '手机填写');
    }
    expect(changed).toBeDefined();

    // 提交 sits at the bottom of the screen wherever the user is in the form.
    const submit = page.locator('.entry-actions-bottom').getByRole('button', { name: '提交' });
    const box = await submit.boundingBox();
    expect(box && box.y + box.height <= 844 && box.x + box.width <= 390).toBe(true);
    await page.screenshot({ path: artifactPath('phone-entry-filled.png') });
    await submit.tap();
    const dialog = page.getByRole('dialog').filter({ hasText: '确认提交本单位数据' });
    await dialog.getByRole('button', { name: '提交' }).tap();
    await page.getByText('已提交，等待本单位领导确认').first().waitFor();

    const task = await apiAs(phone.context, server.url, 'GET', `/rounds/${roundId}/task`);
    expect(task.submission.status).toBe('awaiting_confirmation');
    const all = (task.items as { values: { year: number; explanation: string | null; source: string | null }[] }[])
      .flatMap((i) => i.values)
      .filter((v) => v.year === 2025);
    expect(all.every((v) => v.source === '手机填写')).toBe(true);
  }, 900_000);

  it('values typed, the page left and opened again: still there; the session expires mid-form: nothing lost', async () => {
    desktop = await launchBrowser();
    const page = await signIn(desktop.context, server.url, 'jyj');
    const roundId = await openRound(page, desktop.context, server.url);
    await page.locator('.entry-table').waitFor({ timeout: 120_000 });
    const first = page.locator('.entry-table textarea[aria-label$=" 备注"]').first();
    const label = (await first.getAttribute('aria-label')) ?? '';
    // Typed into the middle of the text: each character lands at the caret (the field keeps it while the form
    // catches up with the keystroke).
    await first.fill('离开前的备注');
    for (const key of ['End', 'ArrowLeft', 'ArrowLeft', 'ArrowLeft']) await first.press(key);
    await page.keyboard.type('填写', { delay: 50 });
    await expect(first.inputValue()).resolves.toBe('离开前填写的备注');

    // Another menu item: the page warns; the user leaves without saving.
    await page.getByRole('menuitem', { name: '首页' }).click();
    const guard = page.getByRole('dialog').filter({ hasText: '有尚未保存的修改' });
    await guard.getByText('1 条数据尚未保存').waitFor();
    await page.screenshot({ path: artifactPath('unsaved-guard.png') });
    await guard.getByRole('button', { name: '不保存，离开' }).click();
    await page.waitForURL(`${server.url}/`);

    // Back on the form: the typed value is there, and the page says it was restored.
    await page.goto(`${server.url}/collection/rounds/${roundId}/entry`);
    await page
      .locator('.draft-restored')
      .getByText(/尚未保存的 1 条数据/)
      .waitFor();
    await expect(page.getByLabel(label).inputValue()).resolves.toBe('离开前填写的备注');

    // The session ends (idle timeout, or signed out elsewhere) while the user types.
    const second = page.locator('.entry-table textarea[aria-label$=" 备注"]').nth(1);
    await second.fill('超时前填写的备注');
    await desktop.context.clearCookies();
    await page.getByRole('button', { name: /保存草稿/ }).click();
    const again = page.getByRole('dialog').filter({ hasText: '登录已超时' });
    await again.waitFor();
    await page.screenshot({ path: artifactPath('session-expired.png') });
    await again.getByLabel('密码').fill('Tianping@2025');
    await again.getByRole('button', { name: '登录并继续' }).click();
    await again.waitFor({ state: 'hidden' });
    await expect(page.getByLabel(label).inputValue()).resolves.toBe('离开前填写的备注');
    await expect(second.inputValue()).resolves.toBe('超时前填写的备注');
    await page.getByRole('button', { name: /保存草稿（2）/ }).click();
    await page.getByText('已保存 2 条数据').waitFor();

    const task = await apiAs(desktop.context, server.url, 'GET', `/rounds/${roundId}/task`);
    const comments = (task.items as { values: { comment: string | null }[] }[])
      .flatMap((i) => i.values)
      .map((v) => v.comment);
    expect(comments).toContain('离开前填写的备注');
    expect(comments).toContain('超时前填写的备注');
  }, 200_000);

  it('催报 from the progress page reaches the unit’s bell; each role’s home answers "where are we?"', async () => {
    if (!desktop) desktop = await launchBrowser();
    const { context } = desktop;
    for (const p of context.pages()) await p.close();
    await context.clearCookies();
    const office = await signIn(context, server.url, 'office');
    await office.getByText(/2025年度：\d+\/\d+ 已通过/).waitFor({ timeout: 120_000 });
    await office.locator('.ant-spin-spinning').first().waitFor({ state: 'detached', timeout: 120_000 });
    await office.screenshot({ path: artifactPath('home-office.png'), fullPage: true });
    const { rounds } = await apiAs(context, server.url, 'GET', '/rounds');
    const round = (rounds as { id: number; title: string }[]).find((r) => r.title === '2025年度监测数据填报');
    await office.goto(`${server.url}/collection/rounds/${round?.id}`);
    const row = office.getByRole('row', { name: /区教育局/ });
    await row.getByRole('button', { name: '催报' }).click();
    const dialog = office.getByRole('dialog').filter({ hasText: '催报：区教育局' });
    await dialog.getByLabel('催报附言').fill('请于本周五前提交');
    await dialog.getByRole('button', { name: '发送催报' }).click();
    await office.getByText(/已催报 1 家/).waitFor();
    await office.screenshot({ path: artifactPath('round-progress-urge.png'), fullPage: true });
    const audit = await apiAs(context, server.url, 'GET', '/audit?action=submission.remind');
    expect(JSON.stringify(audit)).toContain('区教育局');

    const ready = { jyj: /项待办|没有待办/, stats: /待审核 \d+ 份/, leader: /达标率/, office: /已通过/ } as const;
    for (const [who, file] of [
      ['jyj', 'home-unit'],
      ['stats', 'home-statistics'],
      ['leader', 'home-leader'],
    ] as const) {
      for (const p of context.pages()) await p.close();
      await context.clearCookies();
      const page = await signIn(context, server.url, who);
      await page.locator('.home-headline', { hasText: ready[who] }).waitFor({ timeout: 120_000 });
      await page.locator('.ant-spin-spinning').first().waitFor({ state: 'detached', timeout: 120_000 });
      await page.screenshot({ path: artifactPath(`${file}.png`), fullPage: true });
      if (who === 'jyj') {
        // The reminder is in the unit's bell and on its home's task list.
        await page.getByRole('button', { name: /通知，[1-9]\d*\+? 条未读/ }).click();
        await page.getByText('催报：2025年度监测数据填报').first().waitFor();
      }
    }
    if (phone) {
      for (const who of ['office', 'leader'] as const) {
        for (const p of phone.context.pages()) await p.close();
        await phone.context.clearCookies();
        const page = await signIn(phone.context, server.url, who);
        await page.locator('.home-headline', { hasText: ready[who] }).waitFor({ timeout: 120_000 });
        await page.locator('.ant-spin-spinning').first().waitFor({ state: 'detached', timeout: 120_000 });
        expect(Number(await page.evaluate('document.documentElement.scrollWidth'))).toBeLessThanOrEqual(390);
        await page.screenshot({ path: artifactPath(`home-${who}-phone.png`), fullPage: true });
      }
    }
  }, 300_000);
  it('at 390×844 no page is wider than the phone (each role’s pages)', async () => {
    phone ??= await launchBrowser(PHONE);
    const browser = phone;
    const pages: Record<string, string[]> = {
      office: [
        '/',
        '/catalog',
        '/collection',
        '/collection/documents',
        '/review',
        '/analysis',
        '/analysis/references',
        '/warnings',
        '/tasks',
        '/inspections',
        '/meetings',
        '/reports',
        '/notices',
        '/admin/units',
        '/admin/responsibility',
      ],
      jyj: ['/', '/collection', '/collection/documents', '/warnings', '/tasks', '/notices'],
    };
    const wide: string[] = [];
    for (const [who, paths] of Object.entries(pages)) {
      for (const p of browser.context.pages()) await p.close();
      await browser.context.clearCookies();
      const page = await signIn(browser.context, server.url, who);
      for (const path of paths) {
        await page.goto(`${server.url}${path}`);
        await page.locator('main, .ant-layout-content').first().waitFor();
        await page.waitForLoadState('networkidle');
        await page.locator('.ant-spin-spinning').first().waitFor({ state: 'detached', timeout: 120_000 });
        const width = Number(await page.evaluate('document.documentElement.scrollWidth'));
        if (width > 390) {
          wide.push(`${who} ${path}: ${width}px`);
          await page.screenshot({ path: artifactPath(`phone-wide-${who}${path.replaceAll('/', '-')}.png`) });
        }
      }
    }
    expect(wide).toEqual([]);
  }, 600_000);
});
