// 经济社会基本情况数据: the office enters a few context figures per plan cycle (base year and final year) on the
// reports page; the final evaluation report's 经济社会基本情况 is written from them. Bad input is refused naming
// the field and nothing is written; each save is audited; each cycle keeps its own figures.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/db/schema/index.ts';
import { CLI_ACTOR } from '../../src/features/admin/index.ts';
import { loadWholeFolder, publishFolder } from '../../src/features/plans/index.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { ENGINES } from '../helpers/db.ts';
import { type Client, login } from '../helpers/session.ts';
import { paragraphTexts, readDocx } from './docx-xml.ts';

const OLD = 'wuqing-2021-2025';
const NEXT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'plans', 'demo-2026-2030');

const FIGURES = {
  base: { population: 115.1, female: 56.5, children: 21.2, gdp: 1087.6, urbanIncome: 42150, ruralIncome: 27460 },
  final: {
    population: 115.3,
    female: 57.0,
    children: 21.6,
    gdp: 1268.4,
    budget: 181.5,
    livelihoodShare: 78.6,
    urbanIncome: 52380,
    ruralIncome: 35120,
  },
  source: '武清区统计公报',
};

/** The paragraphs of the generated 2021–2025 final evaluation report between 经济社会基本情况 and the next heading. */
async function contextParagraphs(office: Client): Promise<string[]> {
  const draft = (
    await office.post('/api/reports/drafts', { kind: 'final_evaluation', year: 2025, scope: 'both' })
  ).json().draft;
  const generated = await office.post(`/api/reports/drafts/${draft.id}/generate`, {});
  expect(generated.statusCode, generated.body).toBe(200);
  const docx = await readDocx((await office.get(`/api/reports/files/${generated.json().file.id}`)).rawPayload);
  const headings = paragraphTexts(docx.document, /^Heading1$/);
  const all = paragraphTexts(docx.document);
  const at = all.indexOf(headings.find((h) => h.endsWith('经济社会基本情况'))!);
  const next = all.indexOf(headings[headings.findIndex((h) => h.endsWith('经济社会基本情况')) + 1]!);
  return all.slice(at + 1, next);
}

describe.each(ENGINES)('经济社会基本情况数据 on %s', (engine) => {
  let t: TestApp;
  let office: Client;
  beforeAll(async () => {
    t = await createTestApp(engine);
    office = await login(t.app, 'office');
  }, 120_000);
  afterAll(() => t.close());

  it('starts empty for the cycle, and the report says what to enter and where', async () => {
    expect((await office.get('/api/reports/context-figures')).json()).toEqual({
      baseYear: 2020,
      finalYear: 2025,
      figures: { base: {}, final: {}, source: '' },
    });
    const [placeholder] = await contextParagraphs(office);
    expect(placeholder).toMatch(/^（待补充：/);
    expect(placeholder).toContain('“报告”页的“经济社会基本情况数据”卡片');
  }, 120_000);

  it('saves the figures, audits the save, and the final evaluation report writes the paragraph from them', async () => {
    const saved = await office.put('/api/reports/context-figures', FIGURES);
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await office.get('/api/reports/context-figures')).json().figures).toEqual(FIGURES);
    const [logged] = await t.db.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'settings.context_figures'), eq(auditLog.username, 'office')));
    expect(logged).toMatchObject({ objectId: `contextFigures:${OLD}`, after: FIGURES });

    expect(await contextParagraphs(office)).toEqual([
      '2025年末，全区常住人口115.3万人，比2020年末增加0.2万人，其中女性57.0万人，占49.4%；' +
        '0—17岁儿童21.6万人，占18.7%，比2020年末增加0.4万人。' +
        '2025年全区地区生产总值1268.4亿元，按现价计算比2020年增长16.6%；' +
        '一般公共预算支出181.5亿元，其中民生支出占78.6%。' +
        '城镇、农村居民人均可支配收入分别为52380元和35120元，比2020年分别增长24.3%和27.9%。' +
        '（数据来源：武清区统计公报）',
    ]);
  }, 120_000);

  it('refuses bad input with a Chinese message naming the field, and writes nothing', async () => {
    const before = (await office.get('/api/reports/context-figures')).json();
    const tooMany = await office.put('/api/reports/context-figures', {
      ...FIGURES,
      final: { ...FIGURES.final, female: 157 },
    });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: [{ field: 'body.final.female', message: '2025年女性人数（157万人）不能多于常住人口（115.3万人）' }],
    });
    const share = await office.put('/api/reports/context-figures', {
      ...FIGURES,
      base: { livelihoodShare: 175 },
    });
    expect(share.statusCode).toBe(400);
    expect(share.json().message).toContain('2020年民生支出占比（%）应大于0且不超过100');
    const text = await office.put('/api/reports/context-figures', { ...FIGURES, final: { gdp: '一千亿' } });
    expect(text.statusCode).toBe(400);
    expect(text.json().message).toContain('地区生产总值（亿元）应为数字');
    expect((await office.get('/api/reports/context-figures')).json()).toEqual(before);
  });

  it('lets the statistics bureau save them, district leaders read them, and no one else change them', async () => {
    const stats = await login(t.app, 'stats');
    const cleared = { base: {}, final: { population: null, gdp: 1268.4 }, source: '' };
    const saved = await stats.put('/api/reports/context-figures', cleared);
    expect(saved.statusCode, saved.body).toBe(200);
    // An emptied field is no figure: it is not kept as null or 0.
    expect(saved.json().figures).toEqual({ base: {}, final: { gdp: 1268.4 }, source: '' });
    const leader = await login(t.app, 'leader');
    expect((await leader.get('/api/reports/context-figures')).statusCode).toBe(200);
    expect((await leader.put('/api/reports/context-figures', FIGURES)).statusCode).toBe(403);
    const reporter = await login(t.app, 'wjw');
    expect((await reporter.put('/api/reports/context-figures', FIGURES)).statusCode).toBe(403);
  });

  it('keeps the figures per plan cycle', async () => {
    await publishFolder(t.db.database.db, await loadWholeFolder(NEXT), { actor: CLI_ACTOR });
    const next = (await office.get('/api/reports/context-figures')).json();
    expect(next).toEqual({ baseYear: 2025, finalYear: 2030, figures: { base: {}, final: {}, source: '' } });
    const saved = await office.put('/api/reports/context-figures', {
      base: { population: 115.3 },
      final: {},
      source: '',
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const old = await office.request({
      method: 'GET',
      url: '/api/reports/context-figures',
      headers: { 'x-plan-cycle': OLD },
    });
    expect(old.json().figures).toEqual({ base: {}, final: { gdp: 1268.4 }, source: '' });
  }, 120_000);
});
