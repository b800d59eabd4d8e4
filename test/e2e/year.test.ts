import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { HEADER_ROWS } from '../../src/features/collection/excel/template.ts';
import { WEB_DIST } from '../../src/server/app.ts';
import type { ServerProcess } from '../helpers/server-process.ts';
import { apiAs } from './api.ts';
import { artifactPath, launchBrowser, settled } from './browser.ts';
import { startDemoServer } from './demo-server.ts';
import { signInAlone } from './login.ts';

// A whole year in a real browser, as the real roles: the office opens the 2025 round; 区体育局 reports through
// the form (and meets a validation rule), 区科协 by Excel upload and sends its 年度工作报告; the leaders confirm;
// the statistics bureau returns one submission, then approves both; warnings appear; the office issues a 督办
// and the unit answers; the office generates the annual report and downloads it.
// The server starts with demo data through 2024 (every earlier round approved), so 2025 is walked from its start.

const PASSWORD = 'Wuqing#2026x';
type Browser = Awaited<ReturnType<typeof launchBrowser>>;

interface TaskJson {
  submission: { id: number; status: string };
  items: {
    indicator: { id: number; code: string; counts: unknown };
    sexes: string[];
    values: { year: number; sex: string; value: number | null; numerator: number | null; denominator: number | null }[];
  }[];
}

const SEX_LABEL: Record<string, string> = { total: '合计', female: '女', male: '男' };

describe('a whole year through the UI, as the real roles', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tp-e2e-year-'));
  let server: ServerProcess;
  let browser: Browser | undefined;
  let roundId: number;

  /** Signs in as `username` in one browser profile, after signing the previous person out. */
  const as = async (username: string, password?: string): Promise<{ page: Page; context: BrowserContext }> => {
    if (!browser) browser = await launchBrowser();
    const { context } = browser;
    return { page: await signInAlone(context, server.url, username, password), context };
  };

  beforeAll(async () => {
    if (!fs.existsSync(path.join(WEB_DIST, 'index.html'))) throw new Error('web app not built: run npm run build');
    server = await startDemoServer(dataDir, { TIANPING_DEMO_THROUGH: '2024' });
    // Accounts for the two reporting units, as the administrator creates them; each sets its own password.
    const { context } = await as('admin');
    const { units } = await apiAs(context, server.url, 'GET', '/org/units');
    const unitId = (name: string) => (units as { id: number; name: string }[]).find((u) => u.name === name)!.id;
    const accounts = [
      ['tyj_tb', '区体育局', 'unit_reporter'],
      ['tyj_ld', '区体育局', 'unit_leader'],
      ['kx_tb', '区科协', 'unit_reporter'],
      ['kx_ld', '区科协', 'unit_leader'],
    ] as const;
    for (const [username, unit, role] of accounts) {
      await apiAs(context, server.url, 'POST', '/admin/users', {
        username,
        displayName: `${unit}${role === 'unit_leader' ? '分管领导' : '填报员'}`,
        role,
        unitId: unitId(unit),
        password: 'Initial#2026a',
      });
    }
    for (const [username] of accounts) {
      const { context: c } = await as(username, 'Initial#2026a');
      await apiAs(c, server.url, 'POST', '/auth/password', { currentPassword: 'Initial#2026a', newPassword: PASSWORD });
    }
  }, 240_000);
  // A failed step leaves a screenshot of what the user saw (artifacts/year-failed-*.png), for whoever reads CI.
  afterEach(async ({ task }) => {
    const page = browser?.context.pages().at(-1);
    if (task.result?.state === 'fail' && page) {
      await page.screenshot({ path: artifactPath(`year-failed-${task.name.slice(0, 12)}.png`), fullPage: true });
    }
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('the office opens the 2025 annual round', async () => {
    const { page } = await as('office');
    await page.goto(`${server.url}/collection`);
    await page.getByRole('button', { name: '开启填报任务' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('年度监测').check();
    await dialog.getByLabel('数据年度').fill('2025');
    await dialog.getByLabel('截止日期').click();
    await dialog.getByLabel('截止日期').fill('2026-03-31');
    await dialog.getByLabel('截止日期').press('Enter');
    await dialog.getByRole('button', { name: '开启' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const row = page.getByRole('row', { name: /2025年度监测数据填报/ });
    await row.getByRole('link', { name: '2025年度监测数据填报' }).click();
    await page.waitForURL(/\/collection\/rounds\/\d+$/);
    roundId = Number(/rounds\/(\d+)/.exec(page.url())?.[1]);
    await page
      .getByRole('row', { name: /区体育局/ })
      .getByText('未开始')
      .waitFor();
  });

  it('区体育局 reports through the form: a percentage over 100 is refused at the field, then it submits', async () => {
    const { page, context } = await as('tyj_tb', PASSWORD);
    await page.goto(`${server.url}/collection`);
    await page
      .getByRole('row', { name: /2025年度监测数据填报/ })
      .getByRole('button', { name: '填报' })
      .click();
    await page.waitForURL(new RegExp(`/collection/rounds/${roundId}/entry$`));
    const task = (await apiAs(context, server.url, 'GET', `/rounds/${roundId}/task`)) as TaskJson;
    expect(task.items.map((i) => i.indicator.code).sort()).toEqual(['W1-17', 'W1-18']);

    const first = page.getByLabel('W1-17 2025年 合计 数值');
    await first.fill('120');
    await page.getByRole('button', { name: /保存草稿/ }).click();
    await page.getByText('百分比应在 0–100 之间，填报值为 120').first().waitFor();

    // This year's values: last year's, a little better (no 30% swing, so no explanation needed).
    for (const item of task.items) {
      for (const sex of item.sexes) {
        const last = item.values.find((v) => v.year === 2024 && v.sex === sex);
        const value = Math.min(100, Number(((last?.value ?? 50) + 0.3).toFixed(1)));
        await page.getByLabel(`${item.indicator.code} 2025年 ${SEX_LABEL[sex]} 数值`).fill(String(value));
      }
    }
    await page.getByRole('button', { name: /保存草稿/ }).click();
    await page
      .getByText(/已保存 \d+ 条数据/)
      .first()
      .waitFor();
    await page.getByRole('button', { name: '提交' }).click();
    await (await settled(page.locator('.ant-modal-confirm'))).getByRole('button', { name: '提交' }).click();
    await page.getByText('已提交，等待本单位领导确认。').waitFor();
  });

  it('区科协 reports by Excel: downloads its template, fills it offline, previews and confirms the upload', async () => {
    const { page } = await as('kx_tb', PASSWORD);
    await page.goto(`${server.url}/collection/rounds/${roundId}/entry`);
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '下载Excel模板' }).click(),
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(fs.readFileSync((await file.path()) as string) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets.find((w) => w.state === 'visible')!;
    const header = sheet.getRow(HEADER_ROWS[1]);
    let valueColumn = 0;
    header.eachCell((cell, col) => {
      if (cell.value === '数值') valueColumn = col;
    });
    expect(valueColumn).toBeGreaterThan(0);
    let filled = 0;
    sheet.eachRow((row, n) => {
      if (n <= HEADER_ROWS[1]) return;
      const code = String(row.getCell(1).value ?? '');
      if (/^W2-03$/.test(code)) {
        row.getCell(valueColumn).value = 4.4; // the gap narrows (2024: 4.7)
        filled++;
      }
    });
    expect(filled).toBeGreaterThan(0);
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer()) as Buffer;

    await page.locator('input[type=file]').setInputFiles({
      name: '区科协2025年填报.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer,
    });
    const preview = page.getByRole('dialog').filter({ hasText: '导入预览' });
    await preview.getByText(`新增 ${filled}`).waitFor();
    await preview.getByRole('cell', { name: /W2-03/ }).first().waitFor();
    await page.waitForTimeout(500); // the dialog's opening animation
    await page.screenshot({ path: artifactPath('upload-preview.png') });
    await preview.getByRole('button', { name: /确认导入/ }).click();
    await page
      .getByText(/已导入 \d+ 条数据/)
      .first()
      .waitFor();
    // The form reloads the imported values.
    await expect.poll(() => page.getByLabel('W2-03 2025年 合计 数值').inputValue()).toBe('4.4');

    // The unit's 年度工作报告 for 2025, with the five sections the plan requires.
    await page.goto(`${server.url}/collection/documents`);
    await page.getByRole('tab', { name: /2025年年度工作报告/ }).click();
    for (const [label, text] of [
      ['本年度实施情况', '开展女性科学素质提升行动，举办科普讲座 36 场。'],
      ['存在问题', '农村妇女参与科普活动比例偏低。'],
      ['原因分析', '基层科普阵地覆盖不足。'],
      ['对策措施', '依托新时代文明实践站开设女性科普课堂。'],
      ['下一年度工作安排', '实现镇街女性科普课堂全覆盖。'],
    ] as const) {
      await page.getByLabel(label).fill(text);
    }
    await page.getByRole('button', { name: '提交' }).click();
    await (await settled(page.locator('.ant-popconfirm'))).getByRole('button', { name: '提交' }).click();
    await page.locator('.ant-message-notice', { hasText: '年度工作报告已提交' }).waitFor();

    await page.goto(`${server.url}/collection/rounds/${roundId}/entry`);
    await page.getByRole('button', { name: '提交' }).click();
    await (await settled(page.locator('.ant-modal-confirm'))).getByRole('button', { name: '提交' }).click();
    await page.getByText('已提交，等待本单位领导确认。').waitFor();
  });

  it('the two leaders confirm', async () => {
    for (const leader of ['tyj_ld', 'kx_ld']) {
      const { page } = await as(leader, PASSWORD);
      await page.goto(`${server.url}/collection/rounds/${roundId}/entry`);
      await page.getByRole('button', { name: '确认提交' }).click();
      await (await settled(page.locator('.ant-popconfirm'))).getByRole('button', { name: '确认提交' }).click();
      await page.getByText('已报送区统计局，等待审核。').waitFor();
    }
  });

  it('the statistics bureau returns 区体育局 with a reason, the unit resubmits, then both are approved', async () => {
    const review = async (unit: string) => {
      const { page } = await as('stats');
      await page.goto(`${server.url}/review/rounds/${roundId}`);
      await page
        .getByRole('row', { name: new RegExp(unit) })
        .getByRole('link', { name: '审核' })
        .click();
      await page.waitForURL(/\/review\/submissions\/\d+/);
      return page;
    };
    let page = await review('区体育局');
    await page.getByRole('button', { name: /退回$/ }).click();
    await page.getByLabel('退回原因').fill('请补充资料来源并核实体质测定口径');
    await page.getByRole('dialog').getByRole('button', { name: '退回' }).click();
    await page.getByText('已退回').first().waitFor();

    ({ page } = await as('tyj_tb', PASSWORD));
    await page.goto(`${server.url}/collection/rounds/${roundId}/entry`);
    await page.getByText('请补充资料来源并核实体质测定口径').first().waitFor();
    await page.getByRole('button', { name: '提交' }).click();
    await (await settled(page.locator('.ant-modal-confirm'))).getByRole('button', { name: '提交' }).click();
    await page.getByText('已提交，等待本单位领导确认。').waitFor();
    ({ page } = await as('tyj_ld', PASSWORD));
    await page.goto(`${server.url}/collection/rounds/${roundId}/entry`);
    await page.getByRole('button', { name: '确认提交' }).click();
    await (await settled(page.locator('.ant-popconfirm'))).getByRole('button', { name: '确认提交' }).click();
    await page.getByText('已报送区统计局，等待审核。').waitFor();

    for (const unit of ['区体育局', '区科协']) {
      page = await review(unit);
      await page.getByRole('button', { name: '审核通过' }).click();
      await (await settled(page.locator('.ant-popconfirm'))).getByRole('button', { name: '审核通过' }).click();
      await page.getByText('审核通过，数据已锁定').first().waitFor();
    }
  });

  it('warnings appear; the office issues a 督办 and the lead unit answers', async () => {
    const { page, context } = await as('office');
    await page.goto(`${server.url}/analysis`);
    await page
      .getByText(/\d+(\.\d)?%/)
      .first()
      .waitFor();
    const overview = await apiAs(context, server.url, 'GET', '/analysis/overview');
    const warning = (
      overview.warnings as { indicatorId: number; kinds: string[]; leadUnit: { name: string } | null }[]
    ).find((w) => w.leadUnit?.name === '区卫生健康委');
    expect(warning, 'a warning led by 区卫生健康委').toBeDefined();

    // The office issues the notice from the indicator's own page.
    await page.goto(`${server.url}/analysis/indicators/${warning!.indicatorId}`);
    await page.getByTestId('trend-chart').locator('svg').first().waitFor();
    await page.getByRole('button', { name: '发起督办' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('督办要求').fill('请分析原因、制定整改措施，于期限内书面反馈。');
    await dialog.getByLabel('整改期限').click();
    await dialog.getByLabel('整改期限').fill(new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10));
    await dialog.getByLabel('整改期限').press('Tab');
    await dialog.getByRole('button', { name: '发出督办单' }).click();
    await dialog.waitFor({ state: 'detached' });

    const unit = await as('wjw');
    await unit.page.goto(`${server.url}/warnings`);
    const row = unit.page.getByTestId('notice-table').locator('tbody tr').first();
    await row.getByRole('button', { name: '反馈整改情况' }).click();
    const answer = unit.page.getByRole('dialog');
    await answer.getByLabel('原因分析').fill('基层服务能力不足。');
    await answer.getByLabel('整改措施').fill('加强基层培训，按月通报进度。');
    await answer.getByLabel('预期效果').fill('2026年达到规划目标。');
    await answer.getByRole('button', { name: '提交反馈' }).click();
    await answer.waitFor({ state: 'detached' });
    await row.getByText('已反馈').waitFor();
  });

  it('the office generates the 2025 annual monitoring report and downloads it', async () => {
    const { page } = await as('office');
    await page.goto(`${server.url}/reports`);
    await page.getByRole('button', { name: '起草 / 打开' }).click();
    await page.waitForURL(/\/reports\/drafts\/\d+/);
    const started = Date.now();
    await page.getByRole('button', { name: '生成报告' }).click();
    const link = page.getByRole('button', { name: /2025年统计监测报告.*\.docx$/ }).first();
    await link.waitFor({ timeout: 120_000 });
    console.log(`report generated and listed in ${Date.now() - started} ms`);
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toMatch(/2025年统计监测报告.*\.docx$/);
    const docx = await JSZip.loadAsync(fs.readFileSync((await download.path()) as string));
    const body = await docx.file('word/document.xml')!.async('string');
    expect(body).toContain('妇女与健康');
    expect(body).toContain('科学素质');
    expect(body).toContain('体育锻炼');
    await page.screenshot({ path: artifactPath('report-generated.png'), fullPage: true });
  }, 240_000);
});
