// 规划目标 in a real browser: the tree, a domain's indicator table, an indicator's page, the search box.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEB_DIST } from '../../src/server/app.ts';
import type { ServerProcess } from '../helpers/server-process.ts';
import { artifactPath, launchBrowser } from './browser.ts';
import { startDemoServer } from './demo-server.ts';
import { signIn } from './login.ts';

describe('规划目标 in the browser', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tp-e2e-catalog-'));
  let server: ServerProcess;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;

  beforeAll(async () => {
    if (!fs.existsSync(path.join(WEB_DIST, 'index.html'))) throw new Error('web app not built: run npm run build');
    server = await startDemoServer(dataDir);
    browser = await launchBrowser();
    page = await signIn(browser.context, server.url, 'office');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('shows the plan tree with counts and a domain’s goals, measures and indicator table', async () => {
    await page.getByRole('menuitem', { name: '规划目标' }).click();
    await page.waitForURL(/\/catalog/);
    const tree = page.getByRole('tree');
    await tree.getByText('妇女发展规划', { exact: true }).waitFor();
    await tree.getByText('儿童发展规划', { exact: true }).waitFor();
    await tree.getByText('妇女与健康', { exact: true }).click();
    await page.waitForURL(/domain=W1/);
    // The selected domain opens: its three sections with their counts.
    await tree.getByText('主要目标（10）').waitFor();
    await tree.getByText('策略措施（11）').waitFor();
    await tree.getByText('策略措施（11）').click();
    await page.getByRole('tab', { name: '策略措施（11）', selected: true }).waitFor();
    await page.locator('#measure-4').getByText('保障孕产妇安全分娩。').waitFor();
    await page.waitForTimeout(500); // let the tab and tree selection finish animating
    await page.screenshot({ path: artifactPath('catalog-measures.png') });
    await tree.getByText('监测指标（28）').click();

    const table = page.getByTestId('indicator-table');
    const row = table.getByRole('row').filter({ hasText: '孕产妇死亡率' }).first();
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('≤ 8.5/10万');
    await expect(row.textContent()).resolves.toContain('主要目标 2');
    await page.locator('.ant-card-head-title').filter({ hasText: '妇女与健康' }).first().waitFor();
    await page.getByRole('tab', { name: '监测指标（28）', selected: true }).waitFor();
    await page.waitForTimeout(500);
    await page.screenshot({ path: artifactPath('catalog-tree.png') });

    await row.getByRole('link', { name: '孕产妇死亡率' }).click();
    await page.waitForURL(/\/catalog\/indicators\/\d+/);
  });

  it('shows an indicator with its target in words and the quote marked inside the source text', async () => {
    await page.getByRole('heading', { name: '孕产妇死亡率' }).waitFor();
    await expect(page.getByTestId('indicator-target').textContent()).resolves.toBe('≤ 8.5/10万（控制在8.5/10万以下）');
    const mark = page.getByTestId('indicator-source').locator('mark');
    await expect(mark.count()).resolves.toBe(1);
    await expect(mark.textContent()).resolves.toBe('孕产妇死亡率控制在8.5/10万以下');
    await expect(page.getByTestId('indicator-source').textContent()).resolves.toContain(
      '流动人口孕产妇死亡率得到有效控制',
    );
    const crumbs = page.locator('.ant-breadcrumb');
    await expect(crumbs.textContent()).resolves.toContain('妇女发展规划');
    await expect(crumbs.textContent()).resolves.toContain('妇女与健康');
    await page.getByText('孕产妇死亡数').first().waitFor(); // counts: numerator
    await page.screenshot({ path: artifactPath('catalog-indicator.png'), fullPage: true });
  });

  it('searches as one types, highlights the match and opens a result', async () => {
    await page.getByRole('menuitem', { name: '规划目标' }).click();
    await page.waitForURL(/\/catalog(\?|$)/);
    await page.getByLabel('查找规划目标').fill('筛查率');
    const results = page.getByTestId('catalog-search-result');
    await results.first().waitFor();
    const first = await results.first().textContent();
    expect(first).toContain('筛查率');
    expect(first).toContain('监测指标');
    await expect(results.first().locator('mark').textContent()).resolves.toBe('筛查率');
    await page.screenshot({ path: artifactPath('catalog-search.png') });
    await results.first().click();
    await page.waitForURL(/\/catalog\/indicators\/\d+/);
    await expect(page.getByTestId('indicator-source').locator('mark').textContent()).resolves.toContain('筛查率');
  });

  it('opens a goal found by search in its domain, and an indicator set inside a measure', async () => {
    await page.getByRole('menuitem', { name: '规划目标' }).click();
    await page.getByLabel('查找规划目标').fill('流动人口孕产妇');
    const goal = page.getByTestId('catalog-search-result').filter({ hasText: '主要目标第2条' });
    await goal.first().click();
    await page.waitForURL(/focus=goal-2/);
    await page.getByRole('tab', { name: '主要目标（10）', selected: true }).waitFor();
    await page
      .locator('#goal-2')
      .getByText(/流动人口孕产妇死亡率/)
      .waitFor();

    await page.getByLabel('查找规划目标').fill('孕产妇系统管理率');
    // The list still shows the previous query's results until the pause in typing has passed.
    await page
      .getByTestId('catalog-search-result')
      .filter({ hasText: 'W1-' })
      .filter({ hasText: '孕产妇系统管理率' })
      .first()
      .click();
    await page.waitForURL(/\/catalog\/indicators\/\d+/);
    await page.getByText('规划原文：妇女与健康 · 策略措施第4条').waitFor();
    await expect(page.getByTestId('indicator-source').locator('mark').textContent()).resolves.toBe(
      '孕产妇系统管理率达到90%以上',
    );
    await page.screenshot({ path: artifactPath('catalog-indicator-measure.png'), fullPage: true });
  });
});
