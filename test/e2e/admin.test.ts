import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEB_DIST } from '../../src/server/app.ts';
import type { ServerProcess } from '../helpers/server-process.ts';
import { artifactPath, launchBrowser } from './browser.ts';
import { startDemoServer } from './demo-server.ts';
import { signIn } from './login.ts';

describe('系统管理 in a real browser', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tp-e2e-admin-'));
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

  it('lets the administrator create a user and reset the password', async () => {
    const page = await signIn(browser.context, server.url, 'admin');
    await page.goto(`${server.url}/admin`);
    for (const card of ['成员单位', '镇街', '用户', '责任分工', '审计日志']) {
      await page.getByText(card, { exact: true }).first().waitFor();
    }
    await page.goto(`${server.url}/admin/users`);
    await page.getByRole('cell', { name: 'wjw_leader', exact: false }).first().waitFor();

    await page.getByRole('button', { name: '新建用户' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('用户名').fill('zhangsan');
    await dialog.getByLabel('姓名').fill('张三');
    await dialog.getByLabel('角色').click();
    await page.getByTitle('成员单位填报员').click();
    await dialog.getByLabel('所属单位').click();
    await dialog.getByLabel('所属单位').fill('卫生健康');
    await page.getByTitle('区卫生健康委').click();
    // A weak password: the server's policy message appears on the field.
    await dialog.getByLabel('初始密码').fill('abc');
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.getByText('密码长度至少 8 位').first().waitFor();
    await dialog.getByLabel('初始密码').fill('Zhang#2026x');
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.waitFor({ state: 'hidden' });

    const row = page.getByRole('row', { name: /zhangsan/ });
    await row.waitFor();
    await expect(row.getByText('须改密码').count()).resolves.toBe(1);
    await expect(row.getByText('区卫生健康委').count()).resolves.toBe(1);

    // Reset the password of a demo user who had none to change: the status changes to 须改密码.
    const stats = page.getByRole('row', { name: /stats/ });
    await expect(stats.getByText('正常').count()).resolves.toBe(1);
    await stats.getByRole('button', { name: '重置密码' }).click();
    const reset = page.getByRole('dialog');
    await reset.getByLabel('临时密码').fill('Temp#2026xy');
    await reset.getByRole('button', { name: '重置' }).click();
    await reset.waitFor({ state: 'hidden' });
    await stats.getByText('须改密码').waitFor();
    await page.locator('.ant-message-notice').first().waitFor({ state: 'detached' });
    await page.screenshot({ path: artifactPath('admin-users.png'), fullPage: true });
    await page.close();
  });

  it('lets the office open units and the audit log', async () => {
    // A second browser profile, so the administrator's session stays apart.
    const office = await launchBrowser();
    const page = await signIn(office.context, server.url, 'office');
    await page.goto(`${server.url}/admin`);
    await page.getByText('成员单位', { exact: true }).first().waitFor();
    await expect(page.getByText('用户', { exact: true }).count()).resolves.toBe(0);

    await page.goto(`${server.url}/admin/units`);
    await page.getByText('默认名单，请办公室确认').waitFor();
    await page.getByRole('cell', { name: '区卫生健康委' }).waitFor();
    await page.screenshot({ path: artifactPath('admin-units.png'), fullPage: true });

    await page.goto(`${server.url}/admin/audit`);
    await page.getByRole('cell', { name: '新建用户' }).first().waitFor();
    await page.getByRole('cell', { name: '重置密码' }).first().waitFor();
    // Expand the user.create row to see what was stored.
    const created = page.getByRole('row', { name: /新建用户/ }).first();
    await created.getByRole('button').first().click();
    await page.getByText('变更后').first().waitFor();
    await page.screenshot({ path: artifactPath('admin-audit.png'), fullPage: true });
    await office.close();
  });
});
