// 统计报表批准信息: the office enters 批准机关 / 批准文号 / 有效期至 once; every sheet of the next statistical tables
// prints them, and nothing is invented before they are entered.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { ENGINES } from '../helpers/db.ts';
import { type Client, login } from '../helpers/session.ts';

async function identityLines(office: Client): Promise<string[][]> {
  const draft = (await office.post('/api/reports/drafts', { kind: 'stat_tables', year: 2025, scope: 'both' })).json()
    .draft;
  const generated = await office.post(`/api/reports/drafts/${draft.id}/generate`, {});
  expect(generated.statusCode, generated.body).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await office.get(`/api/reports/files/${generated.json().file.id}`)).rawPayload as never);
  return wb.worksheets.map((ws) => {
    const lines: string[] = [];
    ws.eachRow((row) =>
      row.eachCell((c) => {
        if (typeof c.value === 'string' && /^(批准机关|批准文号|有效期至)：/.test(c.value)) lines.push(c.value);
      }),
    );
    return [...new Set(lines)];
  });
}

describe.each(ENGINES)('统计报表批准信息 on %s', (engine) => {
  let t: TestApp;
  let office: Client;
  beforeAll(async () => {
    t = await createTestApp(engine);
    office = await login(t.app, 'office');
  }, 120_000);
  afterAll(() => t.close());

  it('prints blank lines to fill in by hand until the office has entered them', async () => {
    expect((await office.get('/api/reports/stat-form')).json().statForm).toEqual({
      approvedBy: '',
      approvalNo: '',
      validUntil: '',
    });
    for (const lines of await identityLines(office)) {
      expect(lines).toEqual(['批准机关：', '批准文号：', '有效期至：']);
    }
  }, 120_000);

  it('saves what the office entered and prints it on every sheet', async () => {
    const statForm = { approvedBy: '天津市武清区统计局', approvalNo: '武统制〔2021〕5号', validUntil: '2026年12月' };
    const saved = await office.put('/api/reports/stat-form', statForm);
    expect(saved.statusCode, saved.body).toBe(200);
    const sheets = await identityLines(office);
    expect(sheets.length).toBeGreaterThanOrEqual(2);
    for (const lines of sheets) {
      expect(lines).toEqual(['批准机关：天津市武清区统计局', '批准文号：武统制〔2021〕5号', '有效期至：2026年12月']);
    }
  }, 120_000);

  it('refuses a malformed 有效期至 naming the field, and keeps the saved values', async () => {
    const bad = await office.put('/api/reports/stat-form', { approvedBy: 'x', approvalNo: 'y', validUntil: '明年' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('有效期至');
    expect((await office.get('/api/reports/stat-form')).json().statForm.approvalNo).toBe('武统制〔2021〕5号');
  });

  it('lets only the office and the statistics bureau change them', async () => {
    const leader = await login(t.app, 'leader');
    const body = { approvedBy: '', approvalNo: '', validUntil: '' };
    expect((await leader.put('/api/reports/stat-form', body)).statusCode).toBe(403);
  });
});
