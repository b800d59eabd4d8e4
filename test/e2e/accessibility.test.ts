import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import axe from 'axe-core';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEB_DIST } from '../../src/server/app.ts';
import type { ServerProcess } from '../helpers/server-process.ts';
import { artifactPath, launchBrowser } from './browser.ts';
import { startDemoServer } from './demo-server.ts';
import { signIn } from './login.ts';

// Issue 14: axe-core over the main pages, each visited by the role that uses it, on the demo data. No page may have
// a critical or serious violation (an input a screen reader cannot name, a name that does not hold the visible
// label) and no text may fall below WCAG AA contrast. The
// table of counts per page and impact is printed for the record; the details go to artifacts/axe.json.

type Browser = Awaited<ReturnType<typeof launchBrowser>>;
type Impact = 'critical' | 'serious' | 'moderate' | 'minor';
const IMPACTS: Impact[] = ['critical', 'serious', 'moderate', 'minor'];

interface Violation {
  id: string;
  impact: Impact | null;
  help: string;
  nodes: { target: string; html: string; summary: string }[];
}

interface PageResult {
  role: string;
  page: string;
  url: string;
  violations: Violation[];
}

/** The WCAG 2.0 and 2.1 level A and AA rules. */
const AXE_OPTIONS = { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } };

/** A JSON request with the session's CSRF token, as the web app sends it. */
async function apiAs(context: BrowserContext, baseUrl: string, method: string, url: string, data?: unknown) {
  const me = await (await context.request.get(`${baseUrl}/api/auth/me`)).json();
  const res = await context.request.fetch(`${baseUrl}/api${url}`, {
    method,
    headers: { 'x-csrf-token': me.csrfToken, 'content-type': 'application/json' },
    ...(data === undefined ? {} : { data: JSON.stringify(data) }),
  });
  const body = await res.json();
  if (!res.ok()) throw new Error(`${method} ${url}: ${res.status()} ${JSON.stringify(body)}`);
  return body;
}

/** Waits until the page has its data: no request in flight, no spinner, and antd's fade-ins are over. */
async function settle(page: Page) {
  await page.waitForLoadState('networkidle');
  await page
    .locator('.ant-spin-spinning, .ant-skeleton-active')
    .first()
    .waitFor({ state: 'detached', timeout: 60_000 })
    .catch(() => undefined);
  await page.waitForTimeout(600);
}

/** Runs axe-core in the page. Injected through the debugging protocol, which the page's CSP does not govern. */
async function audit(page: Page): Promise<Violation[]> {
  await page.evaluate(axe.source);
  return page.evaluate(async (options) => {
    const win = globalThis as unknown as { axe: typeof axe };
    const result = await win.axe.run(options as axe.RunOptions); // the whole document
    return result.violations.map((v) => ({
      id: v.id,
      impact: (v.impact ?? null) as Impact | null,
      help: v.help,
      nodes: v.nodes.map((n) => ({
        target: n.target.join(' '),
        html: n.html.slice(0, 200),
        summary: (n.failureSummary ?? '').slice(0, 300),
      })),
    }));
  }, AXE_OPTIONS);
}

const nodeCount = (r: PageResult, impact: Impact) =>
  r.violations.filter((v) => v.impact === impact).reduce((n, v) => n + v.nodes.length, 0);

/** What the assertions refuse, as readable lines: page, rule, the first few elements. */
function refused(results: PageResult[]): string[] {
  return results.flatMap((r) =>
    r.violations
      .filter((v) => v.impact === 'critical' || v.impact === 'serious' || v.id === 'color-contrast')
      .map((v) => {
        const first = v.nodes.slice(0, 3).map((n) => n.target);
        return `${r.page} ${v.id} (${v.nodes.length}): ${first.join(' | ')}`;
      }),
  );
}

describe('accessibility (axe-core, WCAG 2 A/AA) of the main pages', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tp-e2e-axe-'));
  let server: ServerProcess;
  let browser: Browser | undefined;
  const results: PageResult[] = [];

  /** Signs in as the user in a fresh session; the pages of the previous role are closed. */
  const as = async (username: string) => {
    if (!browser) browser = await launchBrowser();
    const { context } = browser;
    for (const p of context.pages()) await p.close();
    await context.clearCookies();
    const page = await signIn(context, server.url, username);
    return { page, context };
  };

  /** Opens the page (or, with no url, audits the one already shown) and records its violations. */
  const visit = async (page: Page, role: string, name: string, url?: string) => {
    if (url) await page.goto(`${server.url}${url}`);
    await settle(page);
    // An error or "not found" page would pass for the wrong reason.
    expect(await page.locator('.ant-result-404, .ant-result-403, .ant-result-error').count(), name).toBe(0);
    const result = { role, page: name, url: new URL(page.url()).pathname, violations: await audit(page) };
    results.push(result);
    return result;
  };

  const check = (role: string) => {
    const mine = results.filter((r) => r.role === role);
    expect(refused(mine)).toEqual([]);
  };

  beforeAll(async () => {
    if (!fs.existsSync(path.join(WEB_DIST, 'index.html'))) throw new Error('web app not built: run npm run build');
    server = await startDemoServer(dataDir);
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
    if (results.length === 0) return;
    fs.writeFileSync(artifactPath('axe.json'), JSON.stringify(results, null, 2));
    const columns = [...IMPACTS, 'color-contrast'] as const;
    const counts = results.map((r) => [
      ...IMPACTS.map((i) => nodeCount(r, i)),
      r.violations.find((v) => v.id === 'color-contrast')?.nodes.length ?? 0,
    ]);
    const rows = results.map((r, k) => ({
      role: r.role,
      page: r.page,
      ...Object.fromEntries(columns.map((c, i) => [c, counts[k]?.[i] ?? 0])),
      rules: r.violations.map((v) => v.id).join(' '),
    }));
    const total = Object.fromEntries(columns.map((c, i) => [c, counts.reduce((n, row) => n + (row[i] ?? 0), 0)]));
    console.log(`axe-core ${axe.version}, ${results.length} pages, violating nodes per impact:`);
    console.table([...rows, { role: '', page: '合计', ...total, rules: '' }]);
  });

  it('the office: home, rounds, entry, analysis, 督办, documents, reports, catalog, responsibility, work', async () => {
    const { page, context } = await as('office');
    const role = 'office';
    await visit(page, role, '首页');

    const { rounds } = await apiAs(context, server.url, 'GET', '/rounds');
    const round = (rounds as { id: number; title: string }[]).find((r) => r.title === '2025年度监测数据填报');
    if (!round) throw new Error('the demo data have no open 2025 round');
    await visit(page, role, '填报轮次', '/collection');
    await visit(page, role, '填报进度', `/collection/rounds/${round.id}`);
    await visit(page, role, '填报（代单位）', `/collection/rounds/${round.id}/entry`);
    await visit(page, role, '数据审核', '/review');

    await visit(page, role, '监测分析', '/analysis');
    const domain = await page.locator('a[href^="/analysis/domains/"]').first().getAttribute('href');
    const indicator = await page.locator('a[href^="/analysis/indicators/"]').first().getAttribute('href');
    if (!domain || !indicator) throw new Error('the overview links no domain or indicator');
    await visit(page, role, '领域分析', domain);
    await visit(page, role, '指标分析', indicator);
    await visit(page, role, '对比数据', '/analysis/references');
    await visit(page, role, '预警', '/warnings');
    await visit(page, role, '督办任务', '/tasks');

    await visit(page, role, '资料', '/collection/documents');
    await visit(page, role, '报告', '/reports');
    const { draft } = await apiAs(context, server.url, 'POST', '/reports/drafts', {
      kind: 'annual_evaluation',
      year: 2025,
      scope: 'both',
    });
    await visit(page, role, '报告草稿', `/reports/drafts/${draft.id}`);

    await visit(page, role, '规划目标', '/catalog');
    await visit(page, role, '责任分工', '/admin/responsibility');
    await visit(page, role, '督导检查', '/inspections');
    await visit(page, role, '议事协调', '/meetings');
    check(role);
  }, 600_000);

  it('the administrator: users', async () => {
    const { page } = await as('admin');
    await visit(page, 'admin', '用户管理', '/admin/users');
    check('admin');
  }, 120_000);

  it('a unit reporter: home and the form', async () => {
    const { page, context } = await as('wjw');
    await visit(page, 'wjw', '首页（填报员）');
    const { rounds } = await apiAs(context, server.url, 'GET', '/rounds');
    const round = (rounds as { id: number; title: string }[]).find((r) => r.title === '2025年度监测数据填报');
    if (!round) throw new Error('the demo data have no open 2025 round');
    await visit(page, 'wjw', '填报（填报员）', `/collection/rounds/${round.id}/entry`);
    check('wjw');
  }, 180_000);

  it('the district leader: home', async () => {
    const { page } = await as('leader');
    await visit(page, 'leader', '首页（区领导）');
    check('leader');
  }, 120_000);
});
