// 督导检查 and 议事协调 in a real browser (issue 17): the office plans an inspection of two units, records a finding
// with an attachment and issues a 整改 item; the unit answers it and the office closes it. The office records a
// 联络员会议 through its form with a decision for a unit, the unit closes it; the 会议纪要 .docx renders; the form fits
// a phone; the 2025 evaluation report counts both.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEB_DIST } from '../../src/server/app.ts';
import { tinyPdf } from '../documents/files.ts';
import type { ServerProcess } from '../helpers/server-process.ts';
import { paragraphTexts, readDocx } from '../reports/docx-xml.ts';
import { ARTIFACTS_DIR, artifactPath, launchBrowser, PHONE } from './browser.ts';
import { startDemoServer } from './demo-server.ts';
import { signIn } from './login.ts';

const FINDING = '部分镇街“两癌”筛查覆盖率低于目标，基层妇幼保健人员不足。';
const RECTIFY = '制定“两癌”筛查提升方案，年底前覆盖全部镇街';
const DECISION = '区教育局牵头完成学前教育毛入园率数据核实';
const AGENDA = '通报2025年度监测数据报送情况';

async function pick(page: Page, label: string, option: string) {
  // The option list is virtual: type to bring the option into it.
  await page.getByLabel(label, { exact: true }).click();
  await page.keyboard.type(option);
  await page.locator(`.ant-select-item-option-active[title="${option}"]`).first().waitFor();
  await page.keyboard.press('Enter');
}

async function toast(page: Page, text: string) {
  await page.locator('.ant-message-notice', { hasText: text }).waitFor();
}

describe('督导检查、议事协调 in the browser', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tp-e2e-work-'));
  let server: ServerProcess;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let taskPath = '';
  const others: Awaited<ReturnType<typeof launchBrowser>>[] = [];
  /** API calls as a user (session cookie and CSRF token), for what the browser part does not cover. */
  async function apiAs(username: string) {
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: 'Tianping@2025' }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    return (url: string, body?: object) =>
      fetch(`${server.url}${url}`, {
        method: body ? 'POST' : 'GET',
        headers: { cookie, 'x-csrf-token': csrfToken, ...(body ? { 'content-type': 'application/json' } : {}) },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
  }
  /** A fresh browser per person, as each signs in on their own machine. */
  async function as(username: string): Promise<Page> {
    const b = await launchBrowser();
    others.push(b);
    return signIn(b.context, server.url, username);
  }

  beforeAll(async () => {
    if (!fs.existsSync(path.join(WEB_DIST, 'index.html'))) throw new Error('web app not built: run npm run build');
    server = await startDemoServer(dataDir);
    browser = await launchBrowser();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    for (const b of others) await b.close();
    await server?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('the office plans an inspection of two units, records a finding with an attachment, issues a 整改 item', async () => {
    const page = await signIn(browser.context, server.url, 'office');
    await page.goto(`${server.url}/inspections`);
    await page.getByRole('button', { name: '制定检查计划' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('检查名称').fill('2025年度规划实施情况督导检查（E2E）');
    const range = dialog.locator('.ant-picker-range input');
    await range.nth(0).click();
    await range.nth(0).fill('2025-11-10');
    await range.nth(0).press('Enter');
    await range.nth(1).fill('2025-11-14');
    await range.nth(1).press('Enter');
    await dialog.getByLabel('检查人员').fill('区妇儿工委办公室 张三、李四');
    await pick(page, '被检查成员单位', '区卫生健康委');
    await pick(page, '被检查成员单位', '区教育局');
    await page.keyboard.press('Escape');
    await dialog.getByRole('button', { name: '保存' }).click();
    await toast(page, '检查计划已制定');
    await page.waitForURL(/\/inspections\/\d+$/);

    const wjw = page.getByTestId('target-区卫生健康委');
    await wjw.getByRole('button', { name: '记录检查发现' }).click();
    const findingDialog = page.getByRole('dialog');
    await findingDialog.getByLabel('检查发现').fill(FINDING);
    await findingDialog.getByRole('button', { name: '保存' }).click();
    await wjw.getByText(FINDING).waitFor();
    await wjw.locator('input[type=file]').setInputFiles({
      name: '现场检查记录表.pdf',
      mimeType: 'application/pdf',
      buffer: tinyPdf(),
    });
    await wjw.getByRole('button', { name: /现场检查记录表\.pdf/ }).waitFor();

    await wjw.getByRole('button', { name: '交办整改' }).click();
    const rectify = page.getByRole('dialog');
    await rectify.getByLabel('整改要求').fill(RECTIFY);
    await rectify.getByRole('button', { name: '交办' }).click();
    const link = wjw.getByRole('link', { name: RECTIFY });
    await link.waitFor();
    taskPath = (await link.getAttribute('href')) ?? '';
    expect(taskPath).toMatch(/^\/tasks\/\d+$/);
    await page.screenshot({ path: artifactPath('work-inspection.png'), fullPage: true });
    await page.close();
  }, 300_000);

  it('the unit answers the 整改 item from its task list; the office closes it', async () => {
    {
      const page = await as('wjw');
      await page.goto(`${server.url}/tasks`);
      await page.getByRole('link', { name: RECTIFY }).click();
      await page.getByRole('button', { name: '反馈整改情况' }).click();
      await page.getByRole('dialog').getByLabel('办理情况').fill('已制定筛查提升方案，新增筛查点 3 个，覆盖全部镇街。');
      await page.getByRole('dialog').getByRole('button', { name: '提交' }).click();
      await toast(page, '整改情况已反馈');
      await page.screenshot({ path: artifactPath('work-task-unit.png'), fullPage: true });
    }
    const page = await as('office');
    await page.goto(`${server.url}${taskPath}`);
    await page.getByRole('button', { name: '验收办结' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '验收办结' }).click();
    await toast(page, '已办结');
    await page.getByTestId('step-close').waitFor();
    await page.close();
  }, 300_000);

  it('the office records a 联络员会议 through the form with a decision for 区教育局: the 会议纪要 downloads and renders, the unit closes the decision', async () => {
    const page = await as('office');
    await page.goto(`${server.url}/meetings`);
    await page.getByRole('button', { name: '记录会议' }).click();
    await page.waitForURL(/\/meetings\/new$/);
    await page.getByLabel('会议类型').click();
    await page.locator('.ant-select-item-option[title="联络员会议"]').click();
    await page.getByLabel('会议名称').fill('2025年第四季度联络员会议');
    // A typed date confirmed with Enter: this once saved the half-filled form.
    const heldOn = page.getByLabel('日期', { exact: true });
    await heldOn.click();
    await heldOn.fill('2025-12-05');
    await heldOn.press('Enter');
    await page.getByLabel('地点').fill('区妇联三楼会议室');
    await page.getByLabel('主持人').fill('区妇儿工委办公室主任');
    await pick(page, '出席单位', '区卫生健康委');
    await pick(page, '出席单位', '区教育局');
    await page.keyboard.press('Escape');
    await page.getByLabel('其他出席人员').fill('各成员单位联络员');
    await page.getByRole('button', { name: '添加议题' }).click();
    await page.getByPlaceholder('议题 1').fill(AGENDA);
    await page
      .getByLabel('会议主要内容（纪要正文，每段一行）')
      .fill('会议通报了2025年度监测数据报送进度。\n会议要求各成员单位按时报送年度工作报告。');
    await page.getByRole('button', { name: '添加议定事项' }).click();
    const row = page.getByTestId('decision-row');
    await row.getByPlaceholder('议定事项 1').fill(DECISION);
    await pick(page, '责任单位', '区教育局');
    const deadline = new Date(Date.now() + 20 * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
    const due = row.getByPlaceholder('完成期限');
    await due.click();
    await due.fill(deadline);
    await due.press('Enter');
    await page.getByRole('button', { name: '保存并通知' }).click();
    await toast(page, '会议已记录');
    await page.waitForURL(/\/meetings\/\d+$/);
    const decisionRow = page.getByRole('row', { name: new RegExp(DECISION) });
    await decisionRow.getByRole('link', { name: DECISION }).waitFor();
    expect((await decisionRow.getByRole('cell').allTextContents()).slice(1)).toEqual([
      DECISION,
      '区教育局',
      deadline,
      '待办理',
    ]);
    const details = await page.locator('.ant-descriptions').textContent();
    for (const shown of ['2025-12-05', '区妇联三楼会议室', '区卫生健康委', '区教育局', AGENDA]) {
      expect(details).toContain(shown);
    }
    const meetingPath = new URL(page.url()).pathname;

    // The 会议纪要, as the office downloads it.
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '下载会议纪要' }).click(),
    ]);
    const docx = artifactPath('work-minutes.docx');
    await file.saveAs(docx);
    const text = paragraphTexts((await readDocx(fs.readFileSync(docx))).document).join('\n');
    expect(text).toContain('2025年第四季度联络员会议纪要');
    expect(text).toContain(AGENDA);
    expect(text).toContain(DECISION);
    if (fs.existsSync('/usr/bin/soffice')) {
      const out = path.join(ARTIFACTS_DIR, 'work-minutes');
      execFileSync('scripts/render-docx.sh', [docx, out], { stdio: 'pipe', timeout: 180_000 });
      expect(fs.existsSync(path.join(out, 'work-minutes-1.png'))).toBe(true);
    }
    await page.screenshot({ path: artifactPath('work-meeting.png'), fullPage: true });

    {
      const jyj = await as('jyj');
      await jyj.goto(`${server.url}/tasks`);
      await jyj.getByRole('link', { name: DECISION }).click();
      await jyj.getByRole('button', { name: '反馈落实情况并办结' }).click();
      await jyj.getByRole('dialog').getByLabel('办理情况').fill('已完成核实，数据已更正报送。');
      await jyj.getByRole('dialog').getByRole('button', { name: '提交' }).click();
      await toast(jyj, '已反馈并办结');
      await jyj.getByTestId('step-answer').waitFor();
      await jyj.getByText('已办结').first().waitFor();
      await jyj.screenshot({ path: artifactPath('work-decision-unit.png'), fullPage: true });
    }

    // The office sees the decision closed on the meeting.
    await page.goto(`${server.url}${meetingPath}`);
    await decisionRow.getByText('已办结').waitFor();
    await page.close();
  }, 600_000);

  it('the meeting form fits a phone', async () => {
    const phone = await launchBrowser(PHONE);
    others.push(phone);
    const page = await signIn(phone.context, server.url, 'office');
    await page.goto(`${server.url}/meetings/new`);
    await page.getByRole('button', { name: '添加议题' }).click();
    await page.getByRole('button', { name: '添加议定事项' }).click();
    expect(Number(await page.evaluate('document.documentElement.scrollWidth'))).toBeLessThanOrEqual(390);
    // The decision's unit, deadline and remove button share a line, inside the screen.
    const row = page.getByTestId('decision-row');
    const boxes = await Promise.all(
      [
        row.getByRole('combobox', { name: '责任单位' }),
        row.getByPlaceholder('完成期限'),
        row.getByRole('button', { name: '删除议定事项' }),
      ].map(async (l) => (await l.boundingBox()) as { x: number; y: number; width: number; height: number }),
    );
    for (const b of boxes) {
      expect(b.x).toBeGreaterThanOrEqual(0);
      expect(b.x + b.width).toBeLessThanOrEqual(390);
    }
    const middles = boxes.map((b) => b.y + b.height / 2);
    expect(Math.max(...middles) - Math.min(...middles)).toBeLessThan(8);
    // The header is sticky: from the top, so it heads the full-page shot.
    await page.evaluate('window.scrollTo(0, 0)');
    await page.screenshot({ path: artifactPath('work-meeting-form-phone.png'), fullPage: true });
    await page.close();
  }, 300_000);

  it('the 2025 annual evaluation report counts both', async () => {
    const call = await apiAs('office');
    const draft = (await (
      await call('/api/reports/drafts', { kind: 'annual_evaluation', year: 2025, scope: 'both' })
    ).json()) as {
      draft: { id: number };
    };
    const generated = (await (await call(`/api/reports/drafts/${draft.draft.id}/generate`, {})).json()) as {
      file: { id: number };
    };
    const bytes = Buffer.from(await (await call(`/api/reports/files/${generated.file.id}`)).arrayBuffer());
    const text = paragraphTexts((await readDocx(bytes)).document).join('\n');
    expect(text).toContain('督办督查和议事协调事项办理情况');
    const summary = /2025年，共交办(.*?)。/.exec(text)?.[0] ?? '';
    expect(summary).toMatch(/督导检查整改事项\d+项/);
    expect(summary).toMatch(/会议议定事项\d+项/);
  }, 600_000);
});
