import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATA_SHEET } from '../../src/features/collection/excel/template.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { ENGINES } from '../helpers/db.ts';
import { type Client, login } from '../helpers/session.ts';
import { assignLead } from './helpers.ts';

// A relational target (党员代表大会中女代表比例 不低于 女党员比例) is written in the plan file with the other
// indicator's code; the reporter must read the quantity's name on the entry form and in the Excel template.
describe.each(ENGINES)('a relational target as the reporter reads it on %s', (engine) => {
  let t: TestApp;
  let unit: Client;
  let roundId: number;

  beforeAll(async () => {
    t = await createTestApp(engine);
    await assignLead(t.db.database.db, '区卫生健康委', ['党员代表大会中女代表比例']);
    const office = await login(t.app, 'office');
    unit = await login(t.app, 'wjw');
    const res = await office.post('/api/rounds', { kind: 'annual', year: 2025, deadline: '2026-03-31' });
    expect(res.statusCode, res.body).toBe(200);
    roundId = res.json().round.id;
  });
  afterAll(() => t.close());

  it('names the indicator compared with on the entry form', async () => {
    const task = await unit.get(`/api/rounds/${roundId}/task`);
    expect(task.statusCode, task.body).toBe(200);
    const targets = task.json().items.map((i: { indicator: { target: string } }) => i.indicator.target);
    expect(targets).toEqual(['不低于 中国共产党女党员比例']);
  });

  it('names it in the Excel template', async () => {
    const res = await unit.get(`/api/rounds/${roundId}/template.xlsx`);
    expect(res.statusCode, res.body).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const cells: string[] = [];
    wb.getWorksheet(DATA_SHEET)!.eachRow((row) => {
      for (const v of row.values as unknown[]) if (typeof v === 'string') cells.push(v);
    });
    expect(cells).toContain('不低于 中国共产党女党员比例');
    expect(cells.join('|')).not.toMatch(/W4-01/);
  });
});
