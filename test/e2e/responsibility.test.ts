import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultPlanDir } from '../../src/features/catalog/load.ts';
import { WEB_DIST } from '../../src/server/app.ts';
import { type ServerProcess, startServerProcess } from '../helpers/server-process.ts';
import { artifactPath, launchBrowser } from './browser.ts';
import { signIn } from './login.ts';

// The office opens 系统管理 › 责任分工 on a plan folder whose default leaves two items unassigned, finds them with
// the 缺少牵头单位 filter, and assigns one in the edit dialog.

describe('责任分工 page in a real browser', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tp-e2e-resp-'));
  const planDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tp-e2e-plan-'));
  let server: ServerProcess;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;

  beforeAll(async () => {
    if (!fs.existsSync(path.join(WEB_DIST, 'index.html'))) throw new Error('web app not built: run npm run build');
    for (const f of fs.readdirSync(defaultPlanDir())) {
      fs.copyFileSync(path.join(defaultPlanDir(), f), path.join(planDir, f));
    }
    const file = path.join(planDir, 'responsibility.yaml');
    const kept = fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => !/^\s+(W1-12|C6-06):/.test(line));
    fs.writeFileSync(file, kept.join('\n'));
    server = await startServerProcess({ TIANPING_DATA_DIR: dataDir, TIANPING_PLAN_DIR: planDir });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(planDir, { recursive: true, force: true });
  });

  it('filters the items without a lead and assigns one', async () => {
    const page = await signIn(browser.context, server.url, 'office');
    await page.goto(`${server.url}/admin/responsibility`);
    await page.getByRole('heading', { name: '责任分工' }).waitFor();
    await page.getByRole('cell', { name: 'W1-M1', exact: true }).waitFor();
    const missing = page.locator('.ant-statistic').filter({ hasText: '缺少牵头单位' });
    await expect
      .poll(() => missing.locator('.ant-statistic-content-value').textContent(), { timeout: 20_000 })
      .toBe('2');

    await page.getByRole('checkbox', { name: '仅显示缺少牵头单位' }).check();
    await page.getByRole('cell', { name: 'C6-06', exact: true }).waitFor();
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    await expect.poll(() => rows.count()).toBe(2);
    await expect(page.getByRole('cell', { name: 'W1-12', exact: true }).count()).resolves.toBe(1);

    await page.getByRole('button', { name: '编辑 W1-12' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('妇女心理健康素养水平').waitFor();
    await dialog.getByLabel('牵头单位').fill('区卫生健康委');
    await page.keyboard.press('Enter');
    await dialog.getByLabel('配合单位').fill('区妇联');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape'); // close the open menu, keep the dialog
    await expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0);
    await page.screenshot({ path: artifactPath('responsibility-edit.png') });
    await dialog.getByRole('button', { name: '保存' }).click();
    await page.getByText('责任分工已保存').waitFor();
    await dialog.waitFor({ state: 'hidden' });

    await expect.poll(() => rows.count()).toBe(1);
    await expect.poll(() => missing.locator('.ant-statistic-content-value').textContent()).toBe('1');
    await page.screenshot({ path: artifactPath('responsibility.png'), fullPage: true });

    // The edit is there for everyone: without the filter, W1-12 now has its lead and partner.
    await page.getByRole('checkbox', { name: '仅显示缺少牵头单位' }).uncheck();
    const row = page.locator('tr', { has: page.getByRole('cell', { name: 'W1-12', exact: true }) });
    await row.getByText('区卫生健康委').waitFor();
    await row.getByText('区妇联').waitFor();
    await page.screenshot({ path: artifactPath('responsibility-all.png') });
  });

  it('imports an edited Excel table after a preview', async () => {
    const page = await browser.context.newPage(); // same browser profile: still signed in as office
    await page.goto(`${server.url}/admin/responsibility`);
    await page.getByRole('cell', { name: 'W1-M1', exact: true }).waitFor();

    // The table as the office would download it, with two cells changed and one mistyped unit.
    const exported = await page.request.get(`${server.url}/api/responsibility/export.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await exported.body()) as unknown as ExcelJS.Buffer);
    const row = (code: string) => {
      for (const sheet of workbook.worksheets) {
        for (let r = 3; r <= sheet.rowCount; r++) if (sheet.getRow(r).getCell(3).text === code) return sheet.getRow(r);
      }
      throw new Error(code);
    };
    row('C6-06').getCell(5).value = '区教育局';
    row('C6-06').getCell(6).value = '区生态环境局';
    row('W1-M2').getCell(6).value = '区妇联、区总工会';
    row('W1-M3').getCell(5).value = '区卫健委';
    const file = path.join(planDir, '责任分工（修改）.xlsx');
    await workbook.xlsx.writeFile(file);

    await page.locator('input[type=file]').setInputFiles(file);
    const dialog = page.getByRole('dialog');
    await dialog.getByText('导入预览').waitFor();
    await dialog.getByText('单位“区卫健委”不存在').waitFor();
    await page.waitForTimeout(500); // let the dialog finish its opening animation before the screenshot
    await page.screenshot({ path: artifactPath('responsibility-import.png') });
    await dialog.getByRole('button', { name: /确认导入/ }).click();
    await page.getByText('已导入 2 条修改').waitFor();
    const missing = page.locator('.ant-statistic').filter({ hasText: '缺少牵头单位' });
    await expect
      .poll(() => missing.locator('.ant-statistic-content-value').textContent(), { timeout: 20_000 })
      .toBe('0');
    const c606 = page.locator('tr', { has: page.getByRole('cell', { name: 'W1-M2', exact: true }) });
    await c606.getByText('区总工会').waitFor();
  });
});
