// Two plan cycles in one running system, in a real browser (issue 13): after `tianping plan publish` of the
// 2026–2030 folder, the header offers the cycles; picking one changes the catalog and the report years, the pick
// survives a reload, and the office can make the picked cycle current.

import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, type ServerProcess, startServerProcess } from '../helpers/server-process.ts';
import { artifactPath, launchBrowser } from './browser.ts';
import { startDemoServer } from './demo-server.ts';
import { signIn } from './login.ts';

const run = promisify(execFile);
const NEXT = path.join(REPO_ROOT, 'test', 'fixtures', 'plans', 'demo-2026-2030');

describe('plan cycles in the browser', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tp-e2e-cycles-'));
  let server: ServerProcess;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;

  beforeAll(async () => {
    // The running 2021–2025 system is stopped for the embedded database's CLI, the folder published, restarted.
    server = await startDemoServer(dataDir);
    await server.stop();
    const published = await run(process.execPath, ['bin/tianping.js', 'plan', 'publish', NEXT, '--no-current'], {
      cwd: REPO_ROOT,
      env: { ...process.env, TIANPING_DATA_DIR: dataDir },
    });
    expect(published.stdout).toContain('已发布规划周期 demo-2026-2030');
    server = await startServerProcess({ TIANPING_DATA_DIR: dataDir });
    browser = await launchBrowser();
    page = await signIn(browser.context, server.url, 'office');
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const switcher = () => page.getByRole('combobox', { name: '规划周期' });
  const pickCycle = async (label: RegExp) => {
    await switcher().click();
    await page.getByRole('option', { name: label }).click();
  };

  it('shows the current cycle first and switches the catalog to the next one', async () => {
    await page.goto(`${server.url}/catalog`);
    const tree = page.getByRole('tree');
    await tree.getByText('儿童发展规划', { exact: true }).waitFor();
    await page.getByText('2021—2025年（当前）').first().waitFor();
    await pickCycle(/^2026—2030年$/);
    await tree.getByText('妇女发展规划（演示）', { exact: true }).waitFor();
    expect(await tree.getByText('儿童发展规划', { exact: true }).count()).toBe(0);
    await page.screenshot({ path: artifactPath('cycles-catalog-2026.png') });
  });

  it('keeps the pick across a reload and offers the cycle’s years for reports', async () => {
    await page.goto(`${server.url}/reports`);
    await page.getByText('2026—2030年', { exact: true }).first().waitFor();
    const year = page.getByLabel('年度');
    await expect(year.inputValue()).resolves.toBe('2030');
    await expect(year.getAttribute('aria-valuemin')).resolves.toBe('2026');
  });

  it('lets the office make the picked cycle current, then go back to the old one', async () => {
    await page.getByRole('button', { name: '设为当前周期' }).click();
    await page.getByText('2026—2030年（当前）').first().waitFor();
    await pickCycle(/^2021—2025年$/);
    await page.goto(`${server.url}/catalog`);
    await page.getByRole('tree').getByText('儿童发展规划', { exact: true }).waitFor();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(300);
    // On a phone the switch shows the years only and nothing is wider than the screen.
    await page.getByText('2021—2025', { exact: true }).first().waitFor();
    const width = Number(await page.evaluate('document.documentElement.scrollWidth'));
    expect(width).toBeLessThanOrEqual(390);
    await page.screenshot({ path: artifactPath('cycles-catalog-phone.png') });
  });
});
