// 单位文档 in a real browser: a unit writes and submits its annual work report with an attachment; the office
// sees it in the overview of who has and has not submitted, and sends it back with its reasons, which the unit
// reads on its report.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEB_DIST } from '../../src/server/app.ts';
import { tinyPdf } from '../documents/files.ts';
import type { ServerProcess } from '../helpers/server-process.ts';
import { artifactPath, launchBrowser, settled } from './browser.ts';
import { startDemoServer } from './demo-server.ts';
import { signIn } from './login.ts';

const SECTIONS: [string, string][] = [
  ['本年度实施情况', '孕产妇系统管理率达到 93.1%，完成妇女“两癌”筛查 2.1 万人，新建母婴室 12 个。'],
  ['存在问题', '基层妇幼保健人员不足，部分镇街筛查覆盖率偏低。'],
  ['原因分析', '编制有限、待遇偏低，人员流动较大。'],
  ['对策措施', '争取专项编制，开展订单式培养，加强绩效激励。'],
  ['下一年度工作安排', '推进妇幼保健机构标准化建设，筛查覆盖全部镇街。'],
];

const RETURN_REASON = '“存在问题”未分析镇街差异，请补充各镇街筛查覆盖率后重新报送。';

async function chooseYear(page: Page, year: number) {
  await page.getByLabel('年度', { exact: true }).click();
  await page.locator(`.ant-select-item-option[title="${year}年"]`).click();
  await page.locator('.ant-select-dropdown').waitFor({ state: 'hidden' });
}

describe('单位文档 in the browser', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tp-e2e-documents-'));
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

  it('wjw writes and submits the 2025 annual work report', async () => {
    const page = await signIn(browser.context, server.url, 'wjw');
    await page.goto(`${server.url}/collection/documents`);
    await chooseYear(page, 2025);
    await page.getByRole('tab', { name: /2025年年度工作报告/ }).waitFor();
    await page.getByText('先保存草稿，再上传附件。').first().waitFor();

    // A refused submit names the empty sections.
    await page.getByLabel('本年度实施情况').fill(SECTIONS[0]![1]);
    await page.getByRole('button', { name: '提交' }).click();
    await (await settled(page.locator('.ant-popconfirm'))).getByRole('button', { name: '提交' }).click();
    await page.getByText('以下内容尚未填写，不能提交：存在问题、原因分析、对策措施、下一年度工作安排').waitFor();

    for (const [label, text] of SECTIONS) await page.getByLabel(label).fill(text);
    await page.getByRole('button', { name: '保存草稿' }).click();
    await page.locator('.ant-message-notice', { hasText: '草稿已保存' }).waitFor();

    await page.locator('input[type=file]').setInputFiles({
      name: '2025年度工作报告（盖章版）.pdf',
      mimeType: 'application/pdf',
      buffer: tinyPdf(),
    });
    await page.getByRole('button', { name: /2025年度工作报告（盖章版）\.pdf/ }).waitFor();

    await page.getByRole('button', { name: '提交' }).click();
    await (await settled(page.locator('.ant-popconfirm'))).getByRole('button', { name: '提交' }).click();
    await page.locator('.ant-message-notice', { hasText: '2025年年度工作报告已提交' }).waitFor();
    await page.getByRole('button', { name: '撤回修改' }).waitFor();
    await expect(
      page
        .getByRole('tab', { name: /2025年年度工作报告/ })
        .getByText('已提交')
        .count(),
    ).resolves.toBe(1);
    await page.locator('.ant-message-notice').first().waitFor({ state: 'detached' });
    await page.screenshot({ path: artifactPath('documents-unit.png'), fullPage: true });
    await page.close();
  });

  it('the office sees it in the overview, with the units still missing', async () => {
    const office = await launchBrowser();
    try {
      const page = await signIn(office.context, server.url, 'office');
      await page.goto(`${server.url}/collection/documents`);
      await chooseYear(page, 2025);
      // Columns: 成员单位, 实施方案, 年度工作报告, 评估报告. The demo data have the units' 实施方案 and 评估报告 and
      // most units' 2025 report; 区教育局 (like 区卫生健康委 before) has yet to write its own.
      const row = page.getByRole('row', { name: /区卫生健康委/ });
      const annual = row.getByRole('cell').nth(2);
      await annual.getByText('已提交').waitFor();
      await expect(row.getByText('未提交').count()).resolves.toBe(0);
      const other = page.getByRole('row', { name: /区教育局/ });
      await other.getByRole('cell').nth(2).getByText('未提交').waitFor();
      await expect(other.getByText('未提交').count()).resolves.toBe(1);
      await page.getByText(/2025年年度工作报告：已提交 30，草稿 3，未提交 1/).waitFor();
      await page.screenshot({ path: artifactPath('documents.png'), fullPage: true });

      await annual.getByText('已提交').click();
      const drawer = page.locator('.ant-drawer');
      await drawer.getByText('区卫生健康委 · 2025年年度工作报告').waitFor();
      await drawer.getByText(SECTIONS[2]![1]).waitFor();
      await drawer.getByRole('button', { name: /盖章版/ }).waitFor();
      await page.screenshot({ path: artifactPath('documents-drawer.png') });

      // 退回修改: a reason is required; then the report is a draft again.
      await drawer.getByRole('button', { name: '退回修改' }).click();
      const dialog = page.getByRole('dialog', { name: /退回区卫生健康委2025年年度工作报告/ });
      await dialog.getByRole('button', { name: '退回' }).click();
      await dialog.getByText('请填写退回理由').waitFor();
      await dialog.getByLabel('退回理由').fill(RETURN_REASON);
      await page.screenshot({ path: artifactPath('documents-return.png') });
      await dialog.getByRole('button', { name: '退回' }).click();
      await page.locator('.ant-message-notice', { hasText: '单位将收到通知' }).waitFor();
      await drawer.getByText('已退回单位修改').waitFor();
      await drawer.getByRole('button', { name: '退回修改' }).waitFor({ state: 'detached' });
      await annual.getByText('草稿').waitFor();
    } finally {
      await office.close();
    }
  });

  it('the unit reads the reasons on its report and in its notices', async () => {
    const page = await browser.context.newPage(); // still signed in as wjw
    await page.goto(`${server.url}/collection/documents`);
    await chooseYear(page, 2025);
    await page.getByText('区妇儿工委办公室已退回，请修改后重新提交').waitFor();
    await page.getByText(RETURN_REASON).waitFor();
    await page.getByRole('button', { name: '保存草稿' }).waitFor();
    await page.screenshot({ path: artifactPath('documents-returned.png'), fullPage: true });
    await page.goto(`${server.url}/notices`);
    await page.getByText('文档退回').first().waitFor();
    await page.getByText('2025年年度工作报告被退回').waitFor();
    await page.close();
  });
});
