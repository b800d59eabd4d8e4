import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEB_DIST } from '../../src/server/app.ts';
import type { ServerProcess } from '../helpers/server-process.ts';
import { apiAs } from './api.ts';
import { artifactPath, launchBrowser, settled } from './browser.ts';
import { startDemoServer } from './demo-server.ts';
import { signIn } from './login.ts';

// 数据填报 and 数据审核 in a real browser: the office opens the 2025 round, 区卫生健康委 fills in and submits,
// its leader confirms, the statistics bureau approves. Each person uses a browser profile of their own.

type Browser = Awaited<ReturnType<typeof launchBrowser>>;

interface TaskJson {
  submission: { id: number; status: string };
  items: {
    indicator: { id: number; code: string };
    areaId: number | null;
    sexes: string[];
    years: number[];
    values: { year: number; sex: string; version: number }[];
  }[];
}

/** A JSON request with the session's CSRF token, as the web app sends it. */

async function waitForMessagesGone(page: Page) {
  await page.locator('.ant-message-notice').first().waitFor({ state: 'detached', timeout: 10_000 });
}

describe('数据填报 and 数据审核 in a real browser', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tp-e2e-collection-'));
  let server: ServerProcess;
  let browser: Browser | undefined;
  let roundId: number;

  /** Signs in as `username` in the one browser profile, after signing the previous person out. */
  const as = async (username: string) => {
    if (!browser) browser = await launchBrowser();
    const { context } = browser;
    for (const p of context.pages()) await p.close();
    await context.clearCookies();
    const page = await signIn(context, server.url, username);
    return { page, context, close: () => page.close() };
  };

  beforeAll(async () => {
    if (!fs.existsSync(path.join(WEB_DIST, 'index.html'))) throw new Error('web app not built: run npm run build');
    server = await startDemoServer(dataDir);
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('the office opens a round through the dialog and follows every unit’s progress', async () => {
    const { page, close } = await as('office');
    await page.goto(`${server.url}/collection`);
    const open = async (kind: '年度监测' | '终期评估') => {
      await page.getByRole('button', { name: '开启填报任务' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel(kind).check();
      await dialog.getByLabel('数据年度').fill('2025');
      await dialog.getByLabel('截止日期').click();
      await dialog.getByLabel('截止日期').fill('2026-03-31');
      await dialog.getByLabel('截止日期').press('Enter');
      await dialog.getByRole('button', { name: '开启' }).click();
      return dialog;
    };
    let dialog = await open('年度监测');
    const title = /2025年度监测数据填报|规划终期评估数据填报/;
    const duplicate = dialog.getByText('该年度的填报任务已存在');
    await Promise.race([dialog.waitFor({ state: 'hidden' }), duplicate.waitFor()]);
    if (await duplicate.isVisible()) {
      // The demo data have already opened the 2025 annual round (units are filling it in): the server says so at
      // the field, and the office opens the final evaluation instead.
      await dialog.getByText('2025年度监测数据填报已存在，不能重复开启').waitFor();
      await dialog.getByRole('button', { name: '取消' }).click();
      await dialog.waitFor({ state: 'hidden' });
      dialog = await open('终期评估');
      await dialog.waitFor({ state: 'hidden' });
      await page.getByRole('row', { name: /规划终期评估数据填报（截至2025年）/ }).waitFor();
    }
    const row = page.getByRole('row', { name: /2025年度监测数据填报/ });
    await row.waitFor();
    await expect(page.getByRole('row', { name: title }).count()).resolves.toBeGreaterThan(0);

    await row.getByRole('link', { name: '2025年度监测数据填报' }).click();
    await page.waitForURL(/\/collection\/rounds\/\d+$/);
    roundId = Number(/rounds\/(\d+)/.exec(page.url())?.[1]);
    await page.getByRole('row', { name: /区卫生健康委/ }).waitFor();
    await expect(page.getByRole('row', { name: /杨村街道/ }).count()).resolves.toBe(1);
    await page.screenshot({ path: artifactPath('collection-progress.png'), fullPage: true });
    await close();
  });

  it('区卫生健康委 fills in: a hard error at the field, a soft warning that needs 说明, then submits', async () => {
    const { page, context, close } = await as('wjw');
    // The task list: one row per open round, with status, progress and 填报.
    await page.goto(`${server.url}/collection`);
    const task = page.getByRole('row', { name: /2025年度监测数据填报/ });
    await task.getByRole('button', { name: '填报' }).waitFor();
    await page.screenshot({ path: artifactPath('collection-tasks.png'), fullPage: true });
    await task.getByRole('button', { name: '填报' }).click();
    await page.waitForURL(new RegExp(`/collection/rounds/${roundId}/entry$`));

    const value = page.getByLabel('W1-20 2025年 合计 数值');
    const care = page.getByRole('row').filter({ has: value });
    await value.fill('120');
    await page.getByRole('button', { name: /保存草稿/ }).click();
    // The server refuses the batch; its message is on the field, in Chinese.
    await page.getByText(/数据未保存，有 1 处错误/).waitFor();
    await care.locator('.entry-error').getByText('百分比应在 0–100 之间，填报值为 120').waitFor();
    await care.scrollIntoViewIfNeeded();
    await page.screenshot({ path: artifactPath('collection-entry-error.png') });

    // Last year's value, when there is one (the demo data have it): a change of more than 30% is saved with a
    // warning, and 说明 becomes required before the submission can go on.
    const lastYear = (
      await care
        .locator('td')
        .filter({ hasText: /^\d+(\.\d+)?$/ })
        .allTextContents()
    ).at(-1);
    const fixed = lastYear ? Number((Number(lastYear) * 0.6).toFixed(1)) : 93.6;
    await value.fill(String(fixed));
    await expect(care.locator('.entry-error').count()).resolves.toBe(0);
    await page.getByRole('button', { name: /保存草稿/ }).click();
    await page.getByText(/已保存 1 条数据/).waitFor();
    await waitForMessagesGone(page);
    if (lastYear) {
      await care
        .locator('.entry-warning')
        .getByText(new RegExp(`较上年（${lastYear}）变化 -40(\\.0)?%，超过 30%`))
        .waitFor();
      await expect(care.getByPlaceholder('须填写说明').count()).resolves.toBe(1);
      // Submitting is refused until the warning is explained (强制上报须填写说明).
      await page.getByRole('button', { name: '提交' }).click();
      await (await settled(page.locator('.ant-modal-confirm'))).getByRole('button', { name: '提交' }).click();
      await page.getByText(/还有 \d+ 处问题，不能提交/).waitFor();
      await expect(
        page.locator('.submit-problems li').filter({ hasText: 'W1-20' }).filter({ hasText: '须填写说明' }).count(),
      ).resolves.toBeGreaterThan(0);
    } // else: no earlier year, so the year-on-year rule cannot fire; nothing to assert.
    await page.getByLabel('W1-20 2025年 合计 说明').fill('统计口径调整：流动人口孕产妇纳入管理');
    await page.getByRole('button', { name: /保存草稿/ }).click();
    await page
      .getByText(/已保存 1 条数据/)
      .first()
      .waitFor();
    await waitForMessagesGone(page);

    // Indicators without any value yet (none with the demo data) are answered as a unit does when it has no data
    // this year: no value, with the reason. Sent through the API to keep the test short; the form reloads them.
    const current = (await apiAs(context, server.url, 'GET', `/rounds/${roundId}/task`)) as TaskJson;
    const missing = current.items.flatMap((item) =>
      item.sexes.flatMap((sex) =>
        item.years
          .filter((year) => !item.values.some((v) => v.year === year && v.sex === sex))
          .map((year) => ({
            indicatorId: item.indicator.id,
            year,
            areaId: item.areaId,
            sex,
            value: null,
            explanation: '本年度统计数据尚未发布',
            expectedVersion: 0,
          })),
      ),
    );
    if (missing.length > 0) {
      await apiAs(context, server.url, 'PUT', `/rounds/${roundId}/values`, { values: missing });
      await page.reload();
    }

    // The history of the value: the changes with old → new.
    await care.getByRole('button', { name: '修改记录' }).click();
    const drawer = page.getByRole('dialog').filter({ hasText: '修改记录 · W1-20' });
    await drawer.getByText(`→ ${fixed}`).first().waitFor();
    await page.screenshot({ path: artifactPath('collection-history.png') });
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });

    await page.getByRole('button', { name: '提交' }).click();
    await (await settled(page.locator('.ant-modal-confirm'))).getByRole('button', { name: '提交' }).click();
    await page.getByText('已提交，等待本单位领导确认。').waitFor();
    await expect(page.getByRole('button', { name: /保存草稿/ }).count()).resolves.toBe(0);
    await expect(page.getByLabel('W1-20 2025年 合计 数值').count()).resolves.toBe(0);
    await close();
  });

  it('the unit leader confirms', async () => {
    const { page, close } = await as('wjw_leader');
    await page.goto(`${server.url}/collection`);
    const task = page.getByRole('row', { name: /2025年度监测数据填报/ });
    await task.getByText('待领导确认').waitFor();
    await task.getByRole('button', { name: '审阅确认' }).click();
    await page.getByText('填报员已提交，请审阅后确认提交或退回修改。').waitFor();
    await page.getByRole('button', { name: '确认提交' }).click();
    await (await settled(page.locator('.ant-popconfirm'))).getByRole('button', { name: '确认提交' }).click();
    await page.getByText('已报送区统计局，等待审核。').waitFor();
    await close();
  });

  it('the statistics bureau reviews: awaiting review listed first, then approves', async () => {
    const { page, close } = await as('stats');
    await page.goto(`${server.url}/review`);
    await page.getByRole('link', { name: '2025年度监测数据填报' }).click();
    await page.waitForURL(/\/review\/rounds\/\d+$/);
    // The progress table's row (the list of 审核公式 hits below has rows of the unit too).
    const wjw = page.getByRole('row', { name: /区卫生健康委/ }).first();
    await wjw.getByText('已提交').waitFor();
    // Those awaiting review come first.
    const statuses = await page.locator('.ant-table-tbody tr.ant-table-row td:nth-child(3)').allTextContents();
    const submitted = statuses.filter((s) => s === '已提交').length;
    expect(statuses.slice(0, submitted).every((s) => s === '已提交')).toBe(true);
    await wjw.getByRole('link', { name: '审核' }).click();
    await page.waitForURL(/\/review\/submissions\/\d+/);
    await page.getByRole('button', { name: '审核通过' }).waitFor();
    await expect(page.getByLabel('W1-20 2025年 合计 数值').count()).resolves.toBe(0); // read-only
    await expect(page.getByText('统计口径调整：流动人口孕产妇纳入管理').count()).resolves.toBe(1);
    await page.getByText('领导确认').first().waitFor(); // the event log
    await page.screenshot({ path: artifactPath('review.png') });

    await page.getByRole('button', { name: '审核通过' }).click();
    await (await settled(page.locator('.ant-popconfirm'))).getByRole('button', { name: '审核通过' }).click();
    await page.getByText('审核通过，数据已锁定').first().waitFor();
    await page.locator('.ant-card-head').getByText('已通过').waitFor();
    await page.getByRole('button', { name: '重新打开' }).waitFor();
    await expect(page.getByLabel('已锁定').count()).resolves.toBeGreaterThan(0);
    await close();
  });
});
