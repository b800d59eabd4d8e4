import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEB_DIST } from '../../src/server/app.ts';
import type { ServerProcess } from '../helpers/server-process.ts';
import { artifactPath, launchBrowser } from './browser.ts';
import { startDemoServer } from './demo-server.ts';
import { signIn } from './login.ts';

describe('the built system in a real browser', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tp-e2e-'));
  let server: ServerProcess;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;

  beforeAll(async () => {
    if (!fs.existsSync(path.join(WEB_DIST, 'index.html'))) throw new Error('web app not built: run npm run build');
    server = await startDemoServer(dataDir);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('sends a visitor to the login page, which lists the demo accounts in demo mode', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url);
    await page.waitForURL(/\/login/);
    await page.getByText('演示账号').first().waitFor();
    await expect(page.getByRole('cell', { name: 'office', exact: true }).count()).resolves.toBe(1);
    await page.screenshot({ path: artifactPath('login.png') });
    await page.close();
  });

  it('renders the home page in Chinese with the system name and the section menu after login', async () => {
    const page = await signIn(browser.context, server.url, 'office');
    await page.getByRole('heading', { name: '武清区妇女儿童发展规划监测评估系统' }).first().waitFor();
    for (const section of ['规划目标', '数据填报', '数据审核', '监测分析', '预警督办', '报告', '系统管理']) {
      await expect(page.getByRole('menuitem', { name: section }).count()).resolves.toBe(1);
    }
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('zh-CN');
    await page.screenshot({ path: artifactPath('home.png'), fullPage: true });
  });

  it('shows a 404 page for an unknown address, inside the application shell', async () => {
    const page = await browser.context.newPage(); // same browser profile: still signed in
    await page.goto(`${server.url}/no/such/page`);
    await page.getByText('页面不存在', { exact: true }).waitFor();
    await expect(page.getByRole('menuitem', { name: '规划目标' }).count()).resolves.toBe(1);
    await page.screenshot({ path: artifactPath('not-found.png') });
  });
});
