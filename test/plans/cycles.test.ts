// Cycles in one database (issue 13): publishing the 2026–2030 plan folder into a running 2021–2025 system keeps
// the old cycle whole and readable — its catalog, rounds, analysis and reports answer exactly as before — while
// the new cycle becomes current: its own catalog, its own rounds (2026 allowed, 2025 not), its own responsibility.
// A page asks for a cycle with the header x-plan-cycle; an unknown one is refused.

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { and, count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, indicator, plan, planFolder, responsibility } from '../../src/db/schema/index.ts';
import { CLI_ACTOR } from '../../src/features/admin/index.ts';
import type { IndicatorResponse } from '../../src/features/analysis/contract.ts';
import type { CycleList } from '../../src/features/plans/contract.ts';
import { loadWholeFolder, publishFolder, type WholeFolder } from '../../src/features/plans/index.ts';
import { bootstrap } from '../../src/server/bootstrap.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { ENGINES } from '../helpers/db.ts';
import { type Client, login } from '../helpers/session.ts';

const NEXT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'plans', 'demo-2026-2030');
const OLD = 'wuqing-2021-2025';
const NEW = 'demo-2026-2030';

/** The pages of the 2021–2025 cycle a user reads, as JSON (or status and size for the Excel export). */
async function oldCyclePages(client: Client, headers: Record<string, string>) {
  const get = async (url: string) => {
    const res = await client.request({ method: 'GET', url, headers });
    expect(res.statusCode, url).toBe(200);
    return res.json();
  };
  const exported = await client.request({ method: 'GET', url: '/api/catalog/export.xlsx', headers });
  return {
    plans: await get('/api/catalog/plans'),
    rounds: await get('/api/rounds'),
    overview: await get('/api/analysis/overview?basis=approved'),
    preliminary: await get('/api/analysis/overview?basis=preliminary'),
    reports: await get('/api/reports'),
    responsibility: await get('/api/responsibility'),
    search: await get(`/api/catalog/search?q=${encodeURIComponent('孕产妇')}`),
    export: { status: exported.statusCode, type: exported.headers['content-type'] },
  };
}

describe.each(ENGINES)('plan cycles on %s', (engine) => {
  let t: TestApp;
  let office: Client;
  let reporter: Client;
  let next: WholeFolder;
  let before: Awaited<ReturnType<typeof oldCyclePages>>;
  const db = () => t.db.database.db;

  beforeAll(async () => {
    t = await createTestApp(engine, {}, { demoData: true });
    office = await login(t.app, 'office');
    reporter = await login(t.app, 'wjw');
    next = await loadWholeFolder(NEXT);
    before = await oldCyclePages(office, {});
  }, 240_000);
  afterAll(async () => {
    await t?.close();
  });

  it('publishes the next cycle beside the old one and makes it current', async () => {
    const summary = await publishFolder(db(), next, { actor: CLI_ACTOR });
    expect(summary).toMatchObject({ folderId: NEW, firstPublished: true, current: true, plans: 1 });
    expect(summary.assignedItems).toBeGreaterThan(0);
    const [logged] = await db().select().from(auditLog).where(eq(auditLog.action, 'plan.publish'));
    expect(logged).toMatchObject({ objectType: 'plan_folder', objectId: NEW, username: 'cli' });
    const { cycles } = (await office.get('/api/cycles')).json() as CycleList;
    expect(cycles.map((c) => [c.id, c.start, c.end, c.current])).toEqual([
      [OLD, 2021, 2025, false],
      [NEW, 2026, 2030, true],
    ]);
  });

  it('keeps every page of the old cycle exactly as it was', async () => {
    expect(await oldCyclePages(office, { 'x-plan-cycle': OLD })).toEqual(before);
    expect(before.export.status).toBe(200);
  });

  it('shows the new cycle by default: its plan only, no rounds yet, its own responsibility', async () => {
    const plans = (await office.get('/api/catalog/plans')).json() as { plans: { id: string }[] };
    expect(plans.plans.map((p) => p.id)).toEqual(['demo-women-2026-2030']);
    expect(((await office.get('/api/rounds')).json() as { rounds: unknown[] }).rounds).toEqual([]);
    const exported = await office.get('/api/catalog/export.xlsx');
    expect(exported.statusCode).toBe(200);
    // W1-01 exists in both cycles: each cycle's row has its own lead unit.
    const [leads] = await db()
      .select({ n: count() })
      .from(responsibility)
      .innerJoin(indicator, eq(indicator.id, responsibility.indicatorId))
      .innerJoin(plan, eq(plan.id, indicator.planId))
      .where(and(eq(plan.folderId, NEW), eq(responsibility.role, 'lead')));
    expect(leads?.n).toBeGreaterThan(0);
  });

  it('opens a 2026 round in the new cycle and refuses 2026 in the old one', async () => {
    const inOld = await office.request({
      method: 'POST',
      url: '/api/rounds',
      payload: { kind: 'annual', year: 2026, deadline: '2027-03-31' },
      headers: { 'x-plan-cycle': OLD },
    });
    expect(inOld.statusCode).toBe(400);
    expect(inOld.json().message).toContain('2020–2025');
    const opened = await office.post('/api/rounds', { kind: 'annual', year: 2026, deadline: '2027-03-31' });
    expect(opened.statusCode, opened.body).toBe(200);
    expect(opened.json().round).toMatchObject({ folderId: NEW, year: 2026 });
    // The old cycle's round list is untouched.
    const oldRounds = await office.request({ method: 'GET', url: '/api/rounds', headers: { 'x-plan-cycle': OLD } });
    expect(oldRounds.json()).toEqual(before.rounds);
  });

  it('refuses a cycle that does not exist, in Chinese, with a stable code', async () => {
    const res = await office.request({
      method: 'GET',
      url: '/api/catalog/plans',
      headers: { 'x-plan-cycle': 'x-2099' },
    });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'CYCLE_NOT_FOUND' });
    expect(res.json().message).toContain('规划周期');
  });

  it('refuses a folder whose plan ids belong to another cycle, and changes nothing', async () => {
    const clash: WholeFolder = {
      ...next,
      catalog: {
        ...next.catalog,
        folder: { ...next.catalog.folder, id: 'clash-2031-2035' },
        plans: next.catalog.plans.map((p) => ({ ...p, id: 'wuqing-women-2021-2025' })),
      },
    };
    await expect(publishFolder(db(), clash)).rejects.toMatchObject({ code: 'PLAN_ID_TAKEN' });
    const folders = await db().select({ id: planFolder.id }).from(planFolder);
    expect(folders.map((f) => f.id).sort()).toEqual([NEW, OLD]);
  });

  it('keeps the published cycle current across a restart with the old folder configured', async () => {
    await bootstrap(t.config, t.db.database, { demoData: false });
    const { cycles } = (await office.get('/api/cycles')).json() as CycleList;
    expect(cycles.find((c) => c.current)?.id).toBe(NEW);
    expect(await oldCyclePages(office, { 'x-plan-cycle': OLD })).toMatchObject({ plans: before.plans });
  });

  it('lets the office switch the current cycle, audited; a unit reporter may not', async () => {
    expect((await reporter.put('/api/cycles/current', { id: OLD })).statusCode).toBe(403);
    const res = await office.put('/api/cycles/current', { id: OLD });
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as CycleList).cycles.find((c) => c.current)?.id).toBe(OLD);
    const health = (await office.get('/api/health')).json() as { site?: { planTitles: string[] } };
    expect(health.site?.planTitles.some((title) => title.includes('十四五'))).toBe(true);
    expect((await office.put('/api/cycles/current', { id: 'nope' })).json()).toMatchObject({
      code: 'CYCLE_NOT_FOUND',
    });
  });

  it('continues a series from the previous cycle: 2025 of 2021–2025 is the base value of 2026–2030', async () => {
    const withLineage = (code: string): WholeFolder => ({
      ...next,
      catalog: {
        folder: { ...next.catalog.folder, predecessor: OLD },
        plans: next.catalog.plans.map((p) => ({
          ...p,
          domains: p.domains.map((d) => ({
            ...d,
            indicators: d.indicators.map((i) => (i.code === 'W1-01' ? { ...i, predecessor: code } : i)),
          })),
        })),
      },
    });
    const idOf = async (folderId: string, code: string) => {
      const [row] = await db()
        .select({ id: indicator.id })
        .from(indicator)
        .innerJoin(plan, eq(plan.id, indicator.planId))
        .where(and(eq(plan.folderId, folderId), eq(indicator.code, code)));
      return row?.id as number;
    };
    // 孕产妇死亡率 is W1-03 in 2021–2025 and W1-01 in 2026–2030; a code the old cycle lacks is refused whole.
    await expect(publishFolder(db(), withLineage('W1-99'))).rejects.toMatchObject({ code: 'PREDECESSOR_NOT_FOUND' });
    const unknownCycle: WholeFolder = {
      ...next,
      catalog: { ...next.catalog, folder: { ...next.catalog.folder, predecessor: 'nope-2016-2020' } },
    };
    await expect(publishFolder(db(), unknownCycle)).rejects.toMatchObject({ code: 'PREDECESSOR_NOT_FOUND' });
    await publishFolder(db(), withLineage('W1-03'));
    const page = async (folderId: string, id: number) => {
      const res = await office.request({
        method: 'GET',
        url: `/api/analysis/indicators/${id}?basis=preliminary`,
        headers: { 'x-plan-cycle': folderId },
      });
      expect(res.statusCode, res.body).toBe(200);
      const { indicator: i } = res.json() as { indicator: { years: number[]; values: (number | null)[] } };
      return (year: number) => i.values[i.years.indexOf(year)];
    };
    const old = await page(OLD, await idOf(OLD, 'W1-03'));
    const continued = await page(NEW, await idOf(NEW, 'W1-01'));
    expect(old(2025)).toEqual(expect.any(Number));
    expect(continued(2025)).toBe(old(2025));
    // Each page names the other cycle's indicator, with its cycle and target.
    const lineageOf = async (folderId: string, id: number) =>
      (
        (
          await office.request({
            method: 'GET',
            url: `/api/analysis/indicators/${id}`,
            headers: { 'x-plan-cycle': folderId },
          })
        ).json() as IndicatorResponse
      ).lineage;
    const forward = await lineageOf(NEW, await idOf(NEW, 'W1-01'));
    expect(forward.predecessor).toMatchObject({ code: 'W1-03', cycle: { id: OLD, start: 2021, end: 2025 } });
    expect(forward.predecessor?.target).toContain('/10万');
    const back = await lineageOf(OLD, await idOf(OLD, 'W1-03'));
    expect(back.successors.map((l) => [l.code, l.cycle.id])).toEqual([['W1-01', NEW]]);
    // A correction of the old cycle's 2025 value (here by plain SQL) reaches the new cycle at the next read.
    await db().execute(
      sql`update data_value set value = value + 1 where indicator_id = ${await idOf(OLD, 'W1-03')}
            and year = 2025 and area_id is null and sex = 'total'`,
    );
    const corrected = (await page(OLD, await idOf(OLD, 'W1-03')))(2025);
    expect(corrected).toBe((old(2025) as number) + 1);
    expect((await page(NEW, await idOf(NEW, 'W1-01')))(2025)).toBe(corrected);
    // Another 2026–2030 indicator without a predecessor has no 2025 value.
    expect((await page(NEW, await idOf(NEW, 'W1-02')))(2025) ?? null).toBeNull();
  });
});
