import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEB_DIST } from '../../src/server/app.ts';
import type { ServerProcess } from '../helpers/server-process.ts';
import { apiAs } from './api.ts';
import { artifactPath, launchBrowser } from './browser.ts';
import { startDemoServer } from './demo-server.ts';
import { signIn } from './login.ts';

// 监测分析 and 预警督办 in a real browser, on the demo data generated at first start: the office reads the
// overview and an indicator with a warning, issues a 督办单 from the warning list; the lead unit answers with
// its rectification; the office closes the notice.

type Browser = Awaited<ReturnType<typeof launchBrowser>>;

interface WarningJson {
  indicatorId: number;
  code: string;
  name: string;
  kinds: string[];
  leadUnit: { id: number; name: string } | null;
  statusReason: string;
}

/** Demo accounts of the two units we can sign in as. */
const UNIT_USERS: Record<string, string> = { 区教育局: 'jyj', 区卫生健康委: 'wjw' };

/** A JSON request with the session's CSRF token, as the web app sends it. */

/** antd puts a space between two Chinese characters of a button: 办 结. */
const CLOSE = /^办\s?结$/;

/** The warning table's row of the indicator, turning the table's pages until it shows. */
async function warningRow(page: Page, indicatorId: number) {
  const table = page.getByTestId('warning-table');
  await table.locator('tbody tr').first().waitFor();
  const link = table.locator(`a[href^="/analysis/indicators/${indicatorId}"]`);
  for (let i = 0; i < 10 && (await link.count()) === 0; i++) {
    await table.locator('.ant-pagination-next').click();
  }
  return table.locator('tbody tr').filter({ has: page.locator(`a[href^="/analysis/indicators/${indicatorId}"]`) });
}

const settle = (page: Page) => page.waitForLoadState('networkidle');

describe('监测分析 and 预警督办 in a real browser', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tp-e2e-analysis-'));
  let server: ServerProcess;
  let browser: Browser | undefined;
  let target: WarningJson;
  let unitUser: string;
  let noticeId: number;
  const requirement = '请分析该指标预计达标困难的原因，制定整改措施，于期限内书面反馈。';

  const as = async (username: string) => {
    if (!browser) browser = await launchBrowser();
    const { context } = browser;
    for (const p of context.pages()) await p.close();
    await context.clearCookies();
    const page = await signIn(context, server.url, username);
    return { page, context };
  };

  beforeAll(async () => {
    if (!fs.existsSync(path.join(WEB_DIST, 'index.html'))) throw new Error('web app not built: run npm run build');
    server = await startDemoServer(dataDir);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('the office reads the overview: 达标率 per plan, the domain chart and the warning list', async () => {
    const { page, context } = await as('office');
    await page.getByRole('menuitem', { name: '监测分析' }).click();
    await page.waitForURL(/\/analysis$/);
    const rate = page.getByTestId('plan-rate').first();
    await expect.poll(() => rate.textContent(), { timeout: 20_000 }).toMatch(/^\d{1,3}\.\d%$/);
    expect(await page.getByTestId('plan-rate').count()).toBe(2);
    await page.getByTestId('domain-chart').locator('svg').first().waitFor();
    const warnings = page.getByTestId('warning-table');
    await warnings.locator('tbody tr').first().waitFor();
    await expect.poll(() => warnings.getByText('预计达标困难').count()).toBeGreaterThan(0);
    expect(await page.getByText('演示数据').count()).toBeGreaterThan(0);
    expect(await page.getByText('口径：').count()).toBeGreaterThan(0);

    // The warning to follow through: 预计达标困难, led by a unit we have demo accounts for.
    const overview = await apiAs(context, server.url, 'GET', '/analysis/overview');
    // The demo data have 督办 of their own: follow a warning that has never been supervised.
    const { notices } = await apiAs(context, server.url, 'GET', '/supervision');
    const busy = new Set((notices as { indicatorId: number }[]).map((n) => n.indicatorId));
    const list = (overview.warnings as WarningJson[]).filter((w) => !busy.has(w.indicatorId));
    const found =
      list.find((w) => w.kinds.includes('预计达标困难') && w.leadUnit?.name === '区教育局') ??
      list.find((w) => w.kinds.includes('预计达标困难') && w.leadUnit?.name === '区卫生健康委');
    if (found) {
      target = found;
    } else {
      // None of the warnings belongs to those units: give the first one to 区教育局.
      const first = list.find((w) => w.kinds.includes('预计达标困难')) ?? list[0];
      if (!first) throw new Error('no warnings in the demo data');
      const { units } = await apiAs(context, server.url, 'GET', '/org/units');
      const jyj = (units as { id: number; name: string }[]).find((u) => u.name === '区教育局');
      if (!jyj) throw new Error('区教育局 missing');
      await apiAs(context, server.url, 'PUT', `/responsibility/indicator/${first.indicatorId}`, {
        leadUnitId: jyj.id,
        partnerUnitIds: [],
      });
      target = { ...first, leadUnit: { id: jyj.id, name: jyj.name } };
      await page.reload();
      await settle(page);
    }
    unitUser = UNIT_USERS[target.leadUnit?.name ?? ''] as string;

    await page.screenshot({ path: artifactPath('analysis-overview.png'), fullPage: true });
  });

  it('the office opens the indicator: status, the reason in words, the trend chart', async () => {
    const { page } = await as('office');
    await page.goto(`${server.url}/analysis`);
    const row = await warningRow(page, target.indicatorId);
    await row.locator(`a[href^="/analysis/indicators/${target.indicatorId}"]`).click();
    await page.waitForURL(new RegExp(`/analysis/indicators/${target.indicatorId}`));
    const reason = page.getByTestId('status-reason');
    await reason.waitFor();
    expect(await reason.textContent()).toContain(target.statusReason);
    await page.getByTestId('trend-chart').locator('svg').first().waitFor();
    expect(await page.getByTestId('warning-reasons').textContent()).toContain('预计达标困难');
    const figures = page.getByTestId('indicator-figures');
    for (const label of ['基期值', '最新值', '序时进度 CS / E', '预计达成度 APR', '证据等级']) {
      expect(await figures.getByText(label).count()).toBeGreaterThan(0);
    }
    await page.getByTestId('supervision-card').getByText('该预警指标尚未督办').waitFor();
    await settle(page);
    await page.screenshot({ path: artifactPath('analysis-indicator.png'), fullPage: true });
  });

  it('the office issues a 督办单 from the warning list, with requirement and deadline', async () => {
    const { page } = await as('office');
    await page.goto(`${server.url}/warnings`);
    const row = await warningRow(page, target.indicatorId);
    await row.getByRole('button', { name: '发起督办' }).click();
    const dialog = page.getByRole('dialog');
    await dialog
      .getByText(target.leadUnit?.name ?? '')
      .first()
      .waitFor();

    // Empty requirement: the field is marked, nothing is sent.
    await dialog.getByRole('button', { name: '发出督办单' }).click();
    await dialog.getByText('请填写督办要求').waitFor();

    await dialog.getByLabel('督办要求').fill(requirement);
    const deadline = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
    await dialog.getByLabel('整改期限').click();
    await dialog.getByLabel('整改期限').fill(deadline);
    // Tab leaves the field with the typed date taken (Enter would also send the form).
    await dialog.getByLabel('整改期限').press('Tab');
    await dialog.getByRole('button', { name: '发出督办单' }).click();
    await dialog.waitFor({ state: 'detached' });
    await row.getByRole('button', { name: '督办中' }).waitFor();

    await page.getByRole('tab', { name: '督办单' }).click();
    const notices = page.getByTestId('notice-table');
    await notices.getByText('待整改').first().waitFor();
    const href = await notices.locator('a[href^="/warnings/notices/"]').first().getAttribute('href');
    noticeId = Number(href?.split('/').pop());
    expect(noticeId).toBeGreaterThan(0);
    expect(await notices.getByText(deadline).count()).toBe(1);
  });

  it('the lead unit answers with causes, measures and expected effect', async () => {
    const { page } = await as(unitUser);
    await page.goto(`${server.url}/warnings`);
    const notices = page.getByTestId('notice-table');
    const row = notices.locator('tbody tr').filter({ has: page.locator(`a[href="/warnings/notices/${noticeId}"]`) });
    await row.getByRole('button', { name: '反馈整改情况' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('原因分析').fill('部分学校统计口径不一致，外出务工子女流动较大。');
    await dialog.getByLabel('整改措施').fill('统一统计口径；建立流动学生台账；每季度核对一次。');
    await dialog.getByLabel('预期效果').fill('2025年底前达到规划目标。');
    await dialog.getByRole('button', { name: '提交反馈' }).click();
    await dialog.waitFor({ state: 'detached' });
    await row.getByText('已反馈').waitFor();

    // The unit sees the thread but cannot close it.
    await row.locator(`a[href="/warnings/notices/${noticeId}"]`).click();
    await page.getByTestId('step-answer').waitFor();
    expect(await page.getByRole('button', { name: CLOSE }).count()).toBe(0);
  });

  it('the office closes the notice; the thread reads 督办要求 → 整改情况 → 办结', async () => {
    const { page } = await as('office');
    await page.goto(`${server.url}/warnings/notices/${noticeId}`);
    await page.getByTestId('step-answer').waitFor();
    await page.getByRole('button', { name: CLOSE }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('办结意见').fill('整改措施具体可行，同意办结，请持续跟踪。');
    await dialog.getByRole('button', { name: CLOSE }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByTestId('step-close').waitFor();
    const timeline = page.getByTestId('notice-timeline');
    const text = (await timeline.textContent()) ?? '';
    expect(text.indexOf('督办要求')).toBeLessThan(text.indexOf('整改情况'));
    expect(text.indexOf('整改情况')).toBeLessThan(text.indexOf('办结'));
    expect(text).toContain(requirement);
    expect(await page.getByText('已办结').count()).toBeGreaterThan(0);
    await settle(page);
    await page.screenshot({ path: artifactPath('supervision-thread.png'), fullPage: true });
  });
});
