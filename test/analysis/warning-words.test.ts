// Warnings in the words people use (issue 14): the dashboard's and the 督办's reasons read as a sentence about the
// indicator's value and the plan's target; the method's numbers (Theil–Sen, APR, CS/E, bands) only behind 计算依据.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { ENGINES } from '../helpers/db.ts';
import { type Client, login } from '../helpers/session.ts';

const JARGON = /Theil|APR|CS=|E=|斜率|\[0\.67|下限|倍|均值/;

type Warning = { indicatorId: number; name: string; kinds: string[]; summary: string; reasons: string[] };

describe.each(ENGINES)('warnings in plain words on %s', (engine) => {
  let t: TestApp;
  let office: Client;
  let warnings: Warning[];
  beforeAll(async () => {
    t = await createTestApp(engine, {}, { demoData: true });
    office = await login(t.app, 'office');
    warnings = (await office.get('/api/analysis/overview?basis=preliminary')).json().warnings;
  });
  afterAll(() => t.close());

  it('every warning has a plain sentence without the method’s terms, and keeps the method’s reasons', () => {
    expect(warnings.length).toBeGreaterThan(5);
    for (const w of warnings) {
      expect(w.summary, w.name).toMatch(/。$/);
      expect(w.summary, w.name).not.toMatch(JARGON);
      expect(w.reasons.length, w.name).toBeGreaterThan(0);
    }
    // The method's reasons are still there to be shown under 计算依据.
    expect(warnings.some((w) => JARGON.test(w.reasons.join('')))).toBe(true);
  });

  it('says what the value is and what the plan asks for when a target looks hard to reach', () => {
    const hard = warnings.filter((w) => w.kinds.includes('预计达标困难'));
    expect(hard.length).toBeGreaterThan(0);
    for (const w of hard) expect(w.summary, w.name).toMatch(/^\d{4}年为.+(规划目标为|规划要求).+达标有困难/);
  });

  it('the indicator page says it in the same words', async () => {
    const w = warnings[0]!;
    const page = (await office.get(`/api/analysis/indicators/${w.indicatorId}?basis=preliminary`)).json();
    expect(page.warningSummary).toBe(w.summary);
  });

  it('a 督办 keeps the words as the office saw them', async () => {
    // The demo data have 督办 of their own: take a warned indicator without an open one.
    const open = await t.app.inject({ method: 'GET', url: '/api/supervision', headers: { cookie: office.cookie } });
    const busy = new Set(
      ((open.json().notices ?? []) as { indicatorId: number; status: string }[])
        .filter((n) => n.status !== 'closed')
        .map((n) => n.indicatorId),
    );
    const w = warnings.find((x) => !busy.has(x.indicatorId))!;
    const inDays = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
    const res = await office.post('/api/supervision', {
      indicatorId: w.indicatorId,
      requirement: '分析原因，提出整改措施',
      deadline: inDays,
      basis: 'preliminary',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().notice.warning.summary).toBe(w.summary);
  });
});
