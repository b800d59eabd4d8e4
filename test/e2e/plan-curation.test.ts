import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEB_DIST } from '../../src/server/app.ts';
import type { ServerProcess } from '../helpers/server-process.ts';
import { artifactPath, launchBrowser, PHONE } from './browser.ts';
import { startDemoServer } from './demo-server.ts';
import { signIn } from './login.ts';

// 规划管理 in a real browser (issue 13): the office uploads the 2026–2030 demo text, accepts the candidates of one
// domain with an edit, makes a slip the validator refuses (< for 以下), sees the problem beside the candidate and
// at the field, and fixes it.

const demoText = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  'fixtures',
  'plan-text',
  'demo-2026-2030.txt',
);

describe('规划管理 page in a real browser', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tp-e2e-curate-'));
  let server: ServerProcess;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;

  beforeAll(async () => {
    if (!fs.existsSync(path.join(WEB_DIST, 'index.html'))) throw new Error('web app not built: run npm run build');
    server = await startDemoServer(dataDir);
    browser = await launchBrowser({ viewport: { width: 1280, height: 800 } });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('uploads the plan text, curates a domain with an edit, sees a problem and fixes it', async () => {
    const page = await signIn(browser.context, server.url, 'office');
    await page.goto(`${server.url}/admin`);
    await page.getByText('规划管理').first().click();
    await page.getByRole('heading', { name: '规划管理' }).waitFor();
    await page.getByLabel('标识前缀').fill('demo');
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: /选择规划文件/ }).click();
    await (await chooser).setFiles(demoText);

    await page.getByRole('heading', { name: '整理规划草稿' }).waitFor({ timeout: 20_000 });
    await page.getByText('还没有采纳任何候选指标').waitFor();
    await expect(page.getByRole('button', { name: '发布' }).isDisabled()).resolves.toBe(true);
    const w1 = page.getByRole('tab', { name: /W1 妇女与健康/ });
    await expect.poll(() => w1.textContent()).toContain('0/4');
    await page.screenshot({ path: artifactPath('plan-curation-start.png'), fullPage: true });

    // Accept the whole first domain, then rename one candidate in the dialog.
    await page.getByRole('button', { name: '采纳本领域全部待定候选' }).click();
    await expect.poll(() => w1.textContent(), { timeout: 30_000 }).toContain('4/4');
    await page.getByRole('button', { name: '修改 W1-03' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('名称').fill('适龄妇女乳腺癌人群筛查率');
    await dialog.getByRole('button', { name: '保存并采纳' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const w103 = page.getByLabel('候选指标 W1-03');
    await w103.getByText('适龄妇女乳腺癌人群筛查率').waitFor();
    await w103.getByText('已修改').waitFor();
    await page.getByText('校验通过：4 个采纳的监测指标').waitFor();

    // A slip: 以下 is ≤, not <. The validator's message shows at the candidate and at the field.
    await page.getByRole('button', { name: '修改 W1-01' }).click();
    await dialog.getByLabel('比较符').click();
    await page.getByTitle('< 低于').click();
    await dialog.getByRole('button', { name: '保存并采纳' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const w101 = page.getByLabel('候选指标 W1-01');
    await w101.getByText(/比较符应写 "<="/).waitFor();
    await page.getByText('校验发现 1 个问题，改正后才能发布').waitFor();
    await expect(page.getByRole('button', { name: '发布' }).isDisabled()).resolves.toBe(true);
    await page.screenshot({ path: artifactPath('plan-curation-problem.png'), fullPage: true });

    await page.getByRole('button', { name: '修改 W1-01' }).click();
    await dialog
      .locator('.ant-form-item-explain-error')
      .getByText(/比较符应写/)
      .waitFor();
    await page.screenshot({ path: artifactPath('plan-curation-dialog.png') });
    await dialog.getByLabel('比较符').click();
    await page.getByTitle('≤ 不高于（以下）').click();
    await dialog.getByRole('button', { name: '保存并采纳' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('校验通过：4 个采纳的监测指标').waitFor();
    await expect.poll(() => w101.getByText(/比较符应写/).count()).toBe(0);
    await expect(page.getByRole('button', { name: '发布' }).isDisabled()).resolves.toBe(false);
    await page.screenshot({ path: artifactPath('plan-curation.png'), fullPage: true });

    // The folder's details, with the list of drafts.
    await page.getByText('规划目录：demo-2026-2030').click();
    await page.getByLabel('规划目录标识').waitFor();
    await page.screenshot({ path: artifactPath('plan-curation-folder.png'), fullPage: true });
    await page.goto(`${server.url}/admin/plans`);
    await page.getByText('已决定 4/8，采纳 4').waitFor();
    await page.locator('.ant-spin-blur').waitFor({ state: 'detached' });
    // The table fades in after loading: wait for the end of the fade, so the screenshot shows the page at rest.
    await expect
      .poll(() => page.evaluate<string>("getComputedStyle(document.querySelector('.ant-spin-container')).opacity"))
      .toBe('1');
    await page.screenshot({ path: artifactPath('plan-drafts.png'), fullPage: true });
    await page.goBack();

    // Stored on the server: a reload shows the decisions and the edit.
    await page.reload();
    await page.getByLabel('候选指标 W1-03').getByText('适龄妇女乳腺癌人群筛查率').waitFor();
    await expect.poll(() => page.getByRole('tab', { name: /W1 妇女与健康/ }).textContent()).toContain('4/4');

    // The same page on a phone.
    const phone = await launchBrowser(PHONE);
    try {
      const small = await signIn(phone.context, server.url, 'office');
      await small.goto(page.url());
      await small.getByLabel('候选指标 W1-03').waitFor();
      await small.screenshot({ path: artifactPath('plan-curation-phone.png'), fullPage: true });
      const width = await small.evaluate<number>('document.documentElement.scrollWidth');
      expect(width).toBeLessThanOrEqual(390);
      await small.getByRole('button', { name: '修改 W1-02' }).click();
      await small.getByRole('dialog').getByLabel('名称').waitFor();
      await small.screenshot({ path: artifactPath('plan-curation-phone-dialog.png') });
      await small.goto(`${server.url}/admin/plans`);
      await small.getByRole('link', { name: '示范区妇女发展“十五五”规划（演示）' }).waitFor();
      await small.screenshot({ path: artifactPath('plan-drafts-phone.png'), fullPage: true });
    } finally {
      await phone.close();
    }
  });
});
