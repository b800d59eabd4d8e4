// 往年数据 of an indicator that continues the previous cycle's (issue 13, lineage): in a 2026 round of the 2026–2030
// cycle the entry form, the review page (the same task) and the Excel template show the predecessor's approved 2025
// value where the indicator has none of its own, in the same sex rows, marked with where it comes from.

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataValue, indicator, plan } from '../../src/db/schema/index.ts';
import type { Task } from '../../src/features/collection/contract.ts';
import { DATA_SHEET } from '../../src/features/collection/excel/template.ts';
import { loadWholeFolder, publishFolder, type WholeFolder } from '../../src/features/plans/index.ts';
import { previousValue, rowsOf, savedOf } from '../../web/src/features/collection/entryModel.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { ENGINES } from '../helpers/db.ts';
import { type Client, login } from '../helpers/session.ts';

const NEXT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'plans', 'demo-2026-2030');
const OLD = 'wuqing-2021-2025';
const NEW = 'demo-2026-2030';

/** The 2026–2030 fixture with three indicators continuing 2021–2025 ones; 宫颈癌筛查 reported by sex here. */
function withLineage(next: WholeFolder): WholeFolder {
  const links: Record<string, string> = { 'W1-01': 'W1-03', 'W1-02': 'W1-05', 'W1-03': 'W1-06' };
  return {
    ...next,
    catalog: {
      folder: { ...next.catalog.folder, predecessor: OLD },
      plans: next.catalog.plans.map((p) => ({
        ...p,
        domains: p.domains.map((d) => ({
          ...d,
          indicators: d.indicators.map((i) =>
            links[i.code]
              ? {
                  ...i,
                  predecessor: links[i.code],
                  ...(i.code === 'W1-02' ? { disaggregations: ['sex' as const] } : {}),
                }
              : i,
          ),
        })),
      })),
    },
  };
}

describe.each(ENGINES)('往年数据 from the predecessor on %s', (engine) => {
  let t: TestApp;
  let wjw: Client;
  let roundId: number;
  let task: Task;
  const db = () => t.db.database.db;

  const idOf = async (folderId: string, code: string) => {
    const [row] = await db()
      .select({ id: indicator.id })
      .from(indicator)
      .innerJoin(plan, eq(plan.id, indicator.planId))
      .where(and(eq(plan.folderId, folderId), eq(indicator.code, code)));
    return row?.id as number;
  };
  const put = async (
    folderId: string,
    code: string,
    sex: 'total' | 'female' | 'male',
    value: number,
    locked: boolean,
    year = 2025,
  ) =>
    db()
      .insert(dataValue)
      .values({ indicatorId: await idOf(folderId, code), year, areaId: null, sex, value, locked });
  const item = (code: string) => task.items.find((i) => i.indicator.code === code) as Task['items'][number];

  beforeAll(async () => {
    t = await createTestApp(engine);
    await publishFolder(db(), withLineage(await loadWholeFolder(NEXT)));
    // 2021–2025: 孕产妇死亡率 approved; 宫颈癌筛查率 approved for women, still a draft in total; 乳腺癌筛查率 approved.
    await put(OLD, 'W1-03', 'total', 8.1, true);
    // Before the new base year: not a year of the 2026 form's 往年数据.
    await put(OLD, 'W1-03', 'total', 9.4, true, 2024);
    await put(OLD, 'W1-05', 'female', 86.5, true);
    await put(OLD, 'W1-05', 'total', 85.2, false);
    await put(OLD, 'W1-06', 'total', 60, true);
    // The successor's own 2025 value wins over its predecessor's.
    await put(NEW, 'W1-03', 'total', 70.4, true);
    const office = await login(t.app, 'office');
    const opened = await office.post('/api/rounds', { kind: 'annual', year: 2026, deadline: '2027-03-31' });
    expect(opened.statusCode, opened.body).toBe(200);
    roundId = opened.json().round.id;
    wjw = await login(t.app, 'wjw');
    const res = await wjw.get(`/api/rounds/${roundId}/task`);
    expect(res.statusCode, res.body).toBe(200);
    task = res.json() as Task;
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it('sends the predecessor and its approved values with the task', () => {
    expect(task.round.folderId).toBe(NEW);
    expect(item('W1-01').predecessor).toEqual({
      code: 'W1-03',
      name: '孕产妇死亡率',
      cycle: '2021–2025',
      values: [{ year: 2025, sex: 'total', value: 8.1 }],
    });
    // The draft total of 宫颈癌筛查率 stays out; its approved value for women comes.
    expect(item('W1-02').predecessor?.values).toEqual([{ year: 2025, sex: 'female', value: 86.5 }]);
    // An indicator without a predecessor has none.
    expect(item('W1-04').predecessor).toBeNull();
  });

  it('shows the entry form’s 2025 column from the predecessor, marked, the indicator’s own value first', () => {
    const saved = savedOf(task);
    const at = (code: string, sex = 'total') => {
      const row = rowsOf(task).find((r) => r.item.indicator.code === code && r.sex === sex);
      if (!row) throw new Error(`no row ${code} ${sex}`);
      return previousValue(row, 2025, saved);
    };
    expect(at('W1-01')).toEqual({ value: 8.1, note: '上一周期（2021–2025）指标 W1-03 的数值' });
    expect(at('W1-02', 'female')).toEqual({ value: 86.5, note: '上一周期（2021–2025）指标 W1-05 的数值' });
    expect(at('W1-02', 'total')).toEqual({ value: null, note: null });
    expect(at('W1-02', 'male')).toEqual({ value: null, note: null });
    expect(at('W1-03')).toEqual({ value: 70.4, note: null });
    expect(at('W1-04')).toEqual({ value: null, note: null });
  });

  it('checks the first year against the predecessor’s last: a 2026 value 40% off its approved 2025 value is flagged', async () => {
    const id = await idOf(NEW, 'W1-02');
    const save = (sex: 'female' | 'total', value: number) =>
      wjw.put(`/api/rounds/${roundId}/values`, {
        values: [{ indicatorId: id, year: 2026, areaId: null, sex, value, expectedVersion: 0 }],
      });
    const female = await save('female', 50);
    expect(female.statusCode, female.body).toBe(200);
    expect(female.json().saved[0].warnings.map((w: { message: string }) => w.message)).toContain(
      '较上年（86.5）变化 -42.2%，超过 30%，请说明原因',
    );
    // The predecessor's total is a draft: nothing to compare with, as on the form.
    const total = await save('total', 50);
    expect(total.statusCode, total.body).toBe(200);
    expect(total.json().saved[0].warnings.map((w: { code: string }) => w.code)).not.toContain('S_CHANGE_30');
    // The reviewer's list of 审核提示 says the same.
    const stats = await login(t.app, 'stats');
    const checks = await stats.get(`/api/rounds/${roundId}/checks`);
    expect(checks.statusCode, checks.body).toBe(200);
    const flagged = checks
      .json()
      .checks.filter((c: { code: string; rule: string }) => c.code === 'W1-02' && c.rule === 'S_CHANGE_30');
    expect(flagged.map((c: { sex: string }) => c.sex)).toEqual(['female']);
  });

  it('fills the template’s 2025 column the same way, with a note on each carried cell', async () => {
    const res = await wjw.get(`/api/rounds/${roundId}/template.xlsx`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet(DATA_SHEET) as ExcelJS.Worksheet;
    let col2025 = 0;
    for (let c = 1; c <= ws.columnCount; c++) if (ws.getCell(6, c).value === '2025年') col2025 = c;
    expect(col2025).toBeGreaterThan(0);
    const cell = (code: string, sex = '合计') => {
      for (let r = 7; r <= ws.rowCount; r++) {
        if (ws.getCell(r, 1).value === code && ws.getCell(r, 3).value === sex) {
          const c = ws.getCell(r, col2025);
          return { value: c.value, note: typeof c.note === 'string' ? c.note : (c.note?.texts?.[0]?.text ?? null) };
        }
      }
      throw new Error(`no row ${code} ${sex}`);
    };
    expect(cell('W1-01')).toEqual({ value: 8.1, note: '上一周期（2021–2025）指标 W1-03 的数值' });
    expect(cell('W1-02', '女')).toEqual({ value: 86.5, note: '上一周期（2021–2025）指标 W1-05 的数值' });
    expect(cell('W1-02')).toEqual({ value: null, note: null });
    expect(cell('W1-03')).toEqual({ value: 70.4, note: null });
    // The sheet's notes say what the marked cells are.
    const texts: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => texts.push(String(c.value ?? ''))));
    expect(texts.some((s) => s.includes('往年数据中带批注的数值取自上一周期规划的对应指标'))).toBe(true);
  });
});
