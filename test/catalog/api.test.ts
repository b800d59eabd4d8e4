// The plan catalog API (GET /api/catalog/…): what signed-in users read, checked against the plan files.

import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Catalog } from '../../src/core/catalog/index.ts';
import { auditLog, indicator } from '../../src/db/schema/index.ts';
import type {
  IndicatorResponse,
  PlanResponse,
  PlansResponse,
  SearchResponse,
} from '../../src/features/catalog/contract.ts';
import { defaultPlanDir, loadPlanFolder } from '../../src/features/catalog/load.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { ENGINES } from '../helpers/db.ts';
import { type Client, login } from '../helpers/session.ts';

let catalog: Catalog;
beforeAll(async () => {
  catalog = await loadPlanFolder(defaultPlanDir());
});

describe.each(ENGINES)('plan catalog API on %s', (engine) => {
  let t: TestApp;
  let office: Client;
  let reporter: Client;

  beforeAll(async () => {
    t = await createTestApp(engine);
    office = await login(t.app, 'office');
    reporter = await login(t.app, 'yangcun');
  });
  afterAll(() => t.close());

  async function json<T>(client: Client, url: string): Promise<T> {
    const res = await client.get(url);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as T;
  }

  it('lists the plans with counts per domain that match the plan files', async () => {
    const { plans } = await json<PlansResponse>(reporter, '/api/catalog/plans');
    expect(plans.map((p) => p.id)).toEqual(catalog.plans.map((p) => p.id));
    for (const [n, plan] of catalog.plans.entries()) {
      const listed = plans[n]!;
      expect(listed.title).toBe(plan.title);
      expect(listed.domains.map((d) => [d.code, d.name])).toEqual(plan.domains.map((d) => [d.code, d.name]));
      for (const [k, d] of plan.domains.entries()) {
        const numeric = d.indicators.filter((i) => i.rule.kind !== 'direction_only').length;
        expect(listed.domains[k]!.counts).toEqual({
          goals: d.goals.length,
          measures: d.measures.length,
          indicators: d.indicators.length,
          numeric,
          directional: d.indicators.length - numeric,
        });
      }
    }
    // docs/catalog.md: 82 / 85 / 73 (39 + 34) and 72 / 75 / 55 (45 + 10).
    expect(plans.map((p) => p.counts)).toEqual([
      { goals: 82, measures: 85, indicators: 73, numeric: 39, directional: 34 },
      { goals: 72, measures: 75, indicators: 55, numeric: 45, directional: 10 },
    ]);
  });

  it('gives a plan with its sections, domains, goals, measures and indicators in document order', async () => {
    const source = catalog.plans[0]!;
    const { plan } = await json<PlanResponse>(office, `/api/catalog/plans/${source.id}`);
    expect(plan.sections.map((s) => s.title)).toEqual(source.sections.map((s) => s.title));
    expect(plan.domains).toHaveLength(source.domains.length);
    for (const [k, d] of source.domains.entries()) {
      const got = plan.domains[k]!;
      expect(got.goals).toEqual(d.goals);
      expect(got.measures).toEqual(d.measures);
      expect(got.indicators.map((i) => i.code)).toEqual(d.indicators.map((i) => i.code));
    }
    const health = plan.domains.find((d) => d.name === '妇女与健康')!;
    const mmr = health.indicators.find((i) => i.name === '孕产妇死亡率')!;
    expect(mmr).toMatchObject({
      unit: '/10万',
      ruleText: '≤ 8.5/10万（控制在8.5/10万以下）',
      ruleShort: '≤ 8.5/10万',
      source: { kind: 'goal', number: 2 },
    });
  });

  it('answers 404 in Chinese for an unknown plan or indicator, 400 for a bad id', async () => {
    const plan = await office.get('/api/catalog/plans/no-such-plan');
    expect(plan.statusCode).toBe(404);
    expect(plan.json()).toMatchObject({ code: 'PLAN_NOT_FOUND', message: '规划“no-such-plan”不存在' });
    const missing = await office.get('/api/catalog/indicators/999999');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().message).toContain('不存在');
    const bad = await office.get('/api/catalog/indicators/abc');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('VALIDATION_FAILED');
  });

  it("gives an indicator with its rule in words and its source item's full text, which contains the quote", async () => {
    const { plan } = await json<PlanResponse>(office, `/api/catalog/plans/${catalog.plans[0]!.id}`);
    const ids = plan.domains.flatMap((d) => d.indicators.map((i) => i.id));
    for (const id of ids) {
      const { indicator: i } = await json<IndicatorResponse>(office, `/api/catalog/indicators/${id}`);
      expect(i.sourceItem.text).toContain(i.quote);
      expect(i.sourceItem).toMatchObject(i.source);
    }
    const mmrId = plan.domains[0]!.indicators.find((i) => i.name === '孕产妇死亡率')!.id;
    const { indicator: mmr } = await json<IndicatorResponse>(office, `/api/catalog/indicators/${mmrId}`);
    expect(mmr).toMatchObject({
      code: 'W1-03',
      ruleText: '≤ 8.5/10万（控制在8.5/10万以下）',
      better: 'lower',
      quote: '孕产妇死亡率控制在8.5/10万以下',
      counts: { factor: 100000 },
      plan: { id: catalog.plans[0]!.id, shortTitle: '妇女发展规划' },
      domain: { code: 'W1', name: '妇女与健康' },
      sourceItem: { kind: 'goal', number: 2, title: null },
    });
    expect(mmr.sourceItem.text).toBe(catalog.plans[0]!.domains[0]!.goals[1]!.text);
  });

  it('names the reference of a relational target', async () => {
    const { plan } = await json<PlanResponse>(office, `/api/catalog/plans/${catalog.plans[0]!.id}`);
    const relational = plan.domains.flatMap((d) => d.indicators).find((i) => i.rule.kind === 'relational')!;
    const { indicator: i } = await json<IndicatorResponse>(office, `/api/catalog/indicators/${relational.id}`);
    if (i.rule.kind !== 'relational') throw new Error('expected a relational rule');
    if (/^[WC]\d-\d\d$/.test(i.rule.reference)) {
      expect(i.reference?.code).toBe(i.rule.reference);
      expect(i.ruleText).toContain(i.reference!.name);
    } else {
      expect(i.reference).toBeNull();
    }
  });

  it('searches Chinese text, indicator names first, with the match in a snippet', async () => {
    const { results, total } = await json<SearchResponse>(
      office,
      `/api/catalog/search?q=${encodeURIComponent('孕产妇')}`,
    );
    expect(total).toBeGreaterThan(3);
    expect(results[0]).toMatchObject({ kind: 'indicator', title: '孕产妇死亡率', code: 'W1-03', field: 'name' });
    // Every indicator-name hit comes before any other hit.
    const isName = results.map((r) => r.kind === 'indicator' && r.field === 'name');
    expect(isName.indexOf(false)).toBeGreaterThan(isName.lastIndexOf(true));
    for (const r of results) expect(r.snippet.match).toBe('孕产妇');
    expect(results.some((r) => r.kind === 'goal' && r.domain.name === '妇女与健康' && r.number === 2)).toBe(true);
    expect(results.some((r) => r.kind === 'measure')).toBe(true);
  });

  it('matches % and _ literally and refuses an empty query', async () => {
    const percent = await json<SearchResponse>(office, `/api/catalog/search?q=${encodeURIComponent('%')}`);
    expect(percent.total).toBeGreaterThan(0);
    for (const r of percent.results) expect(r.snippet.match).toBe('%');
    const underscore = await json<SearchResponse>(office, `/api/catalog/search?q=${encodeURIComponent('率_')}`);
    expect(underscore.total).toBe(0);
    const empty = await office.get('/api/catalog/search?q=%20');
    expect(empty.statusCode).toBe(400);
    expect(empty.json().message).toContain('请输入要查找的文字');
  });

  it('leaves retired indicators out', async () => {
    const db = t.db.database.db;
    const [row] = await db.select().from(indicator).where(eq(indicator.code, 'W1-03'));
    await db.update(indicator).set({ retiredAt: new Date() }).where(eq(indicator.id, row!.id));
    try {
      const { plans } = await json<PlansResponse>(office, '/api/catalog/plans');
      expect(plans[0]!.counts.indicators).toBe(72);
      const { plan } = await json<PlanResponse>(office, `/api/catalog/plans/${row!.planId}`);
      expect(plan.domains[0]!.indicators.map((i) => i.code)).not.toContain('W1-03');
      expect((await office.get(`/api/catalog/indicators/${row!.id}`)).statusCode).toBe(404);
      const found = await json<SearchResponse>(office, `/api/catalog/search?q=${encodeURIComponent('孕产妇死亡率')}`);
      expect(found.results.some((r) => r.kind === 'indicator' && r.code === 'W1-03')).toBe(false);
    } finally {
      await db.update(indicator).set({ retiredAt: null }).where(eq(indicator.id, row!.id));
    }
  });

  it('refuses anonymous callers with 401', async () => {
    for (const url of [
      '/api/catalog/plans',
      `/api/catalog/plans/${catalog.plans[0]!.id}`,
      '/api/catalog/indicators/1',
      '/api/catalog/search?q=a',
      '/api/catalog/export.xlsx',
    ]) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(401);
      expect(res.json().code).toBe('UNAUTHENTICATED');
    }
  });

  it('exports the workbook, readable by Excel, and records the export in the audit log', async () => {
    const res = await reporter.get('/api/catalog/export.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(String(res.headers['content-disposition'])).toContain(encodeURIComponent('规划目标与监测指标.xlsx'));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(catalog.plans.map((p) => p.shortTitle));
    const women = book.getWorksheet('妇女发展规划')!;
    const plan = catalog.plans[0]!;
    const items = plan.domains.reduce((n, d) => n + d.goals.length + d.measures.length + d.indicators.length, 0);
    expect(women.rowCount).toBe(2 + items);
    const texts: string[] = [];
    women.eachRow((row) => {
      texts.push(String(row.getCell(5).value ?? ''), String(row.getCell(6).value ?? ''));
    });
    expect(texts).toContain('孕产妇死亡率');
    expect(texts).toContain('≤ 8.5/10万（控制在8.5/10万以下）');
    const entries = await t.db.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'catalog.export'), eq(auditLog.username, 'yangcun')));
    expect(entries).toHaveLength(1);
    expect(entries[0]!.result).toBe('success');
  });
});
