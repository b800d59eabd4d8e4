import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WEB_DIST } from '../../src/server/app.ts';
import { REPO_ROOT, type ServerProcess } from '../helpers/server-process.ts';
import { apiAs } from './api.ts';
import { artifactPath, launchBrowser, settled } from './browser.ts';
import { startDemoServer } from './demo-server.ts';
import { signInAlone } from './login.ts';

// The next cycle on a running Wuqing demo system, as its users do it (issue 13): the office uploads the 2026–2030
// plan text in 规划管理, curates its first domain (rejects one candidate, accepts the rest, edits one to continue
// 2021–2025's 孕产妇死亡率 with 区卫生健康委 leading) and publishes it as the current cycle; opens the 2026 round;
// 区卫生健康委 reports, its leader confirms, the statistics bureau approves; the indicator page shows 2026 beside
// 2025 as its base with the 跨规划周期 card; the 2026 annual report is generated. The 2021–2025 cycle's rounds,
// analysis and final evaluation read the same before and after.

const DEMO_TEXT = path.join(REPO_ROOT, 'test', 'fixtures', 'plan-text', 'demo-2026-2030.txt');
const OLD = 'wuqing-2021-2025';

interface TaskJson {
  items: { indicator: { id: number; code: string } }[];
}
interface IndicatorJson {
  indicator: { code: string; years: number[]; values: (number | null)[] };
  lineage: { predecessor: { id: number } | null; successors: { id: number; cycle: { start: number } }[] };
}

describe('the next plan cycle, from its text to its first annual report', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tp-e2e-next-'));
  let server: ServerProcess;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let roundId: number;
  let indicatorId: number;

  const as = async (username: string): Promise<{ page: Page; context: BrowserContext }> => ({
    page: await signInAlone(browser.context, server.url, username),
    context: browser.context,
  });

  /** What a reader of 2021–2025 sees: its rounds, its overview and the final evaluation as drafted from its data. */
  const oldCycle = async (context: BrowserContext) => {
    const get = (url: string) => apiAs(context, server.url, 'GET', url, undefined, OLD);
    const final = await apiAs(
      context,
      server.url,
      'POST',
      '/reports/drafts',
      { kind: 'final_evaluation', year: 2025 },
      OLD,
    );
    return {
      rounds: await get('/rounds'),
      overview: await get('/analysis/overview'),
      final: final.draft.sections,
    };
  };
  let before: Awaited<ReturnType<typeof oldCycle>>;

  beforeAll(async () => {
    if (!fs.existsSync(path.join(WEB_DIST, 'index.html'))) throw new Error('web app not built: run npm run build');
    // The 2021–2025 cycle has ended: every round through 2025 approved.
    server = await startDemoServer(dataDir, { TIANPING_DEMO_THROUGH: '2025' });
    browser = await launchBrowser({ viewport: { width: 1280, height: 800 } });
    before = await oldCycle((await as('office')).context);
    // What is compared is the old cycle: its plans, the 2025 rounds, an evaluation written from its figures.
    expect(before.overview.byPlan.map((p: { group: string }) => p.group)).toContain('wuqing-women-2021-2025');
    expect(before.overview.asOf).toBe(2025);
    expect(JSON.stringify(before.final)).toMatch(/\d+(\.\d+)?%/);
  }, 180_000);
  // A failed step leaves a screenshot of what the user saw, for whoever reads CI.
  afterEach(async ({ task }) => {
    const page = browser?.context.pages().at(-1);
    if (task.result?.state === 'fail' && page) {
      await page.screenshot({ path: artifactPath(`next-cycle-failed-${task.name.slice(0, 16)}.png`), fullPage: true });
    }
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('the office drafts the 2026–2030 folder from its text, curates a domain and publishes it', async () => {
    const { page } = await as('office');
    await page.goto(`${server.url}/admin/plans`);
    await page.getByRole('heading', { name: '规划管理' }).waitFor();
    await page.getByLabel('标识前缀').fill('demo');
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: /选择规划文件/ }).click();
    await (await chooser).setFiles(DEMO_TEXT);
    await page.getByRole('heading', { name: '整理规划草稿' }).waitFor({ timeout: 30_000 });

    // The folder continues 2021–2025.
    await page.getByText('规划目录：demo-2026-2030').click();
    await page.getByLabel('上一周期', { exact: true }).fill(OLD);
    await page.getByRole('button', { name: '保存规划目录信息' }).click();
    await page.getByText('规划目录信息已保存').waitFor();

    // W1: one candidate rejected, the others accepted, one of them edited to continue 2021–2025's W1-03.
    const w1 = page.getByRole('tab', { name: /W1 妇女与健康/ });
    await page.getByRole('button', { name: '不采纳 W1-04' }).click();
    await expect.poll(() => w1.textContent(), { timeout: 30_000 }).toContain('1/4');
    await page.getByRole('button', { name: '采纳本领域全部待定候选' }).click();
    await expect.poll(() => w1.textContent(), { timeout: 30_000 }).toContain('4/4');
    await page.getByRole('button', { name: '修改 W1-01' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('上一周期指标').fill('W1-03');
    await dialog.getByLabel('牵头单位').fill('卫生健康委');
    await page.getByTitle('区卫生健康委（本系统）').click();
    await dialog.getByRole('button', { name: '保存并采纳' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const w101 = page.getByLabel('候选指标 W1-01');
    await w101.getByText('已修改').waitFor();
    await w101.getByText('延续 W1-03').waitFor();
    await page.getByText('校验通过：3 个采纳的监测指标').waitFor();

    await page.getByRole('button', { name: '发布' }).click();
    const confirm = page.locator('.ant-modal-confirm');
    await confirm.getByText('设为当前规划周期').waitFor();
    await settled(confirm);
    await confirm.getByRole('button', { name: '发布' }).click();
    await confirm.waitFor({ state: 'hidden', timeout: 60_000 });
    await page.getByText('已发布规划目录 demo-2026-2030，并设为当前规划周期').waitFor({ timeout: 60_000 });
  }, 180_000);

  it('the office opens the 2026 round of the new cycle', async () => {
    const { page } = await as('office');
    await page.goto(`${server.url}/collection`);
    await page.getByText('2026—2030年（当前）').first().waitFor();
    await page.getByRole('button', { name: '开启填报任务' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('年度监测').check();
    await dialog.getByLabel('数据年度').fill('2026');
    await dialog.getByLabel('截止日期').click();
    await dialog.getByLabel('截止日期').fill('2027-03-31');
    await dialog.getByLabel('截止日期').press('Enter');
    await dialog.getByRole('button', { name: '开启' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('link', { name: '2026年度监测数据填报' }).click();
    await page.waitForURL(/\/collection\/rounds\/\d+$/);
    roundId = Number(/rounds\/(\d+)/.exec(page.url())?.[1]);
    await page
      .getByRole('row', { name: /区卫生健康委/ })
      .getByText('未开始')
      .waitFor();
  });

  it('区卫生健康委 reports 2026, its leader confirms, the statistics bureau approves', async () => {
    let { page, context } = await as('wjw');
    await page.goto(`${server.url}/collection`);
    await page
      .getByRole('row', { name: /2026年度监测数据填报/ })
      .getByRole('button', { name: '填报' })
      .click();
    await page.waitForURL(new RegExp(`/collection/rounds/${roundId}/entry$`));
    const task = (await apiAs(context, server.url, 'GET', `/rounds/${roundId}/task`)) as TaskJson;
    expect(task.items.map((i) => i.indicator.code)).toEqual(['W1-01']);
    indicatorId = task.items[0]!.indicator.id;
    await page.getByLabel('W1-01 2026年 合计 数值').fill('3.2');
    // Far below 2021–2025's approved 2025 value, which the 审核公式 compare with (lineage): the unit explains it.
    await page.getByLabel('W1-01 2026年 合计 说明').fill('已核实：2026年全区仅1例孕产妇死亡');
    await page.getByRole('button', { name: '提交' }).click();
    await (await settled(page.locator('.ant-modal-confirm'))).getByRole('button', { name: '提交' }).click();
    await page.getByText('已提交，等待本单位领导确认。').waitFor();

    ({ page } = await as('wjw_leader'));
    await page.goto(`${server.url}/collection/rounds/${roundId}/entry`);
    await page.getByRole('button', { name: '确认提交' }).click();
    await (await settled(page.locator('.ant-popconfirm'))).getByRole('button', { name: '确认提交' }).click();
    await page.getByText('已报送区统计局，等待审核。').waitFor();

    ({ page } = await as('stats'));
    await page.goto(`${server.url}/review/rounds/${roundId}`);
    await page
      .getByRole('row', { name: /区卫生健康委/ })
      .getByRole('link', { name: '审核' })
      .click();
    await page.waitForURL(/\/review\/submissions\/\d+/);
    await page.getByRole('button', { name: '审核通过' }).click();
    await (await settled(page.locator('.ant-popconfirm'))).getByRole('button', { name: '审核通过' }).click();
    await page.getByText('审核通过，数据已锁定').first().waitFor();
  });

  it('the 2026 analysis continues 2025: the base is 2021–2025’s last value, the page names the predecessor', async () => {
    const { page, context } = await as('office');
    const now = (await apiAs(context, server.url, 'GET', `/analysis/indicators/${indicatorId}`)) as IndicatorJson;
    const was = (await apiAs(
      context,
      server.url,
      'GET',
      `/analysis/indicators/${now.lineage.predecessor!.id}`,
      undefined,
      OLD,
    )) as IndicatorJson;
    expect(was.indicator.code).toBe('W1-03');
    const final2025 = was.indicator.values[was.indicator.years.indexOf(2025)];
    expect(final2025).not.toBeNull();
    expect(now.indicator.years).toEqual([2025, 2026]);
    expect(now.indicator.values).toEqual([final2025, 3.2]);
    expect(was.lineage.successors.map((l) => [l.id, l.cycle.start])).toEqual([[indicatorId, 2026]]);
    await page.goto(`${server.url}/analysis/indicators/${indicatorId}`);
    const lineage = page.locator('.ant-card').filter({ hasText: '跨规划周期' });
    await lineage.getByText('W1-03 孕产妇死亡率').waitFor();
    await lineage.getByText(/2021—2025年，目标/).waitFor();
    await lineage.getByText('2025年的数值即本周期的基期值').waitFor();
    await page.getByTestId('trend-chart').locator('svg').first().waitFor();

    await page.screenshot({ path: artifactPath('next-cycle-indicator.png'), fullPage: true });
  });

  it('the office generates the 2026 annual monitoring report', async () => {
    const { page } = await as('office');
    await page.goto(`${server.url}/reports`);
    await page.getByLabel('年度').fill('2026');
    await page.getByRole('button', { name: '起草 / 打开' }).click();
    await page.waitForURL(/\/reports\/drafts\/\d+/);
    await page.getByRole('button', { name: '生成报告' }).click();
    const link = page.getByRole('button', { name: /2026年统计监测报告.*\.docx$/ }).first();
    await link.waitFor({ timeout: 120_000 });
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const docx = await JSZip.loadAsync(fs.readFileSync((await download.path()) as string));
    const body = await docx.file('word/document.xml')!.async('string');
    expect(body).toContain('孕产妇死亡率');
    expect(body).toContain('3.2');
  }, 180_000);

  it('leaves the 2021–2025 cycle’s rounds, analysis and final evaluation as they were', async () => {
    const { context } = await as('office');
    const after = await oldCycle(context);
    expect(after.rounds).toEqual(before.rounds);
    expect(after.overview).toEqual(before.overview);
    expect(after.final).toEqual(before.final);
  });
});
