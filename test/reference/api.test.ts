// 对比数据 API: everyone signed in reads, the office writes; a statistic in both plans has one figure; bad input is
// refused with a Chinese message naming the field; an Excel import writes all of its figures or none, and a bad
// cell is named by sheet, row and column.
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, referenceValue } from '../../src/db/schema/index.ts';
import type { IndicatorResponse } from '../../src/features/analysis/contract.ts';
import type { ReferenceListResponse } from '../../src/features/reference/contract.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { ENGINES } from '../helpers/db.ts';
import { type Client, login } from '../helpers/session.ts';

const NATIONAL_2023 = '《2023年〈中国儿童发展纲要（2021—2030年）〉统计监测报告》';

function multipart(buffer: Buffer, fileName = '对比数据.xlsx') {
  const boundary = `----tianping${Date.now()}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${encodeURIComponent(fileName)}"\r\n` +
        'Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n',
    ),
    buffer,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe.each(ENGINES)('reference values API on %s', (engine) => {
  let t: TestApp;
  let office: Client;
  let stats: Client;
  let leader: Client;
  const db = () => t.db.database.db;

  beforeAll(async () => {
    t = await createTestApp(engine);
    office = await login(t.app, 'office');
    stats = await login(t.app, 'stats');
    leader = await login(t.app, 'leader');
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  const list = async (client: Client, query = '') => {
    const res = await client.get(`/api/reference-values${query}`);
    expect(res.statusCode).toBe(200);
    return res.json() as ReferenceListResponse;
  };
  const put = (client: Client, path: string, body: unknown) =>
    client.request({ method: 'PUT', url: `/api/reference-values/${path}`, payload: body as object });
  const importFile = (buffer: Buffer) =>
    office.request({ method: 'POST', url: '/api/reference-values/import', ...multipart(buffer) });
  const template = async () => {
    const res = await office.get('/api/reference-values/template.xlsx');
    expect(res.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    return workbook;
  };
  /** The template row of an indicator and year. */
  const rowOf = (sheet: ExcelJS.Worksheet, code: string, year: number) => {
    let found: ExcelJS.Row | undefined;
    sheet.eachRow((row) => {
      if (row.getCell(1).text === code && row.getCell(4).text === String(year)) found = row;
    });
    return found!;
  };

  it('records a figure once for a statistic in both plans, rounded to its decimals, and shows it under both', async () => {
    const res = await put(office, 'C3-03/national/2023', { value: 91.84, source: ` ${NATIONAL_2023} ` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().value).toMatchObject({ indicatorCode: 'W2-02', scope: 'national', year: 2023, value: 91.8 });
    const all = await list(leader, '?year=2023');
    expect(all.years).toEqual([2020, 2021, 2022, 2023, 2024, 2025]);
    for (const code of ['W2-02', 'C3-03']) {
      const ind = all.indicators.find((i) => i.code === code)!;
      expect(ind.series).toBe('W2-02');
      expect(ind.values).toEqual([
        expect.objectContaining({
          scope: 'national',
          year: 2023,
          value: 91.8,
          source: NATIONAL_2023,
          updatedBy: expect.any(String),
        }),
      ]);
    }
    expect((await list(stats, '?year=2024')).indicators.find((i) => i.code === 'W2-02')!.values).toEqual([]);
    const children = await list(stats, `?plan=${all.indicators.find((i) => i.code === 'C3-03')!.planId}`);
    expect(children.indicators.every((i) => i.code.startsWith('C'))).toBe(true);
    const rows = await db().select().from(referenceValue);
    expect(rows.map((r) => [r.indicatorCode, r.scope, r.year, r.value])).toEqual([['W2-02', 'national', 2023, 91.8]]);
    const log = await db().select().from(auditLog).where(eq(auditLog.action, 'reference.create'));
    expect(log.map((l) => [l.username, l.objectId])).toEqual([['office', 'wuqing-2021-2025/W2-02/national/2023']]);
  });

  it('lets only the office write', async () => {
    for (const client of [stats, leader]) {
      const res = await put(client, 'W1-03/national/2023', { value: 15.1, source: 'x' });
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('FORBIDDEN');
    }
  });

  it('refuses bad input with a stable code and a Chinese message naming the field, and writes nothing', async () => {
    const cases: [string, unknown, number, string, RegExp][] = [
      [
        'W2-02/national/2023',
        { value: 120, source: 'S' },
        400,
        'VALUE_OUT_OF_RANGE',
        /全国数值120\.0%大于该指标可能的最大值 100%/,
      ],
      ['W2-02/national/2023', { value: 90, source: '  ' }, 400, 'VALIDATION_FAILED', /请填写数据来源/],
      ['W2-02/national/2023', { value: '90', source: 'S' }, 400, 'VALIDATION_FAILED', /请填写数值/],
      ['W2-02/national/2019', { value: 90, source: 'S' }, 400, 'YEAR_OUT_OF_CYCLE', /年份应在 2020—2025 年之间/],
      ['W2-02/beijing/2023', { value: 90, source: 'S' }, 400, 'VALIDATION_FAILED', /对比范围应为/],
      ['W9-99/national/2023', { value: 90, source: 'S' }, 404, 'UNKNOWN_INDICATOR', /监测指标 W9-99 不存在/],
    ];
    for (const [path, body, status, code, message] of cases) {
      const res = await put(office, path, body);
      expect(res.statusCode, `${path} ${res.body}`).toBe(status);
      expect(res.json().code).toBe(code);
      expect(res.json().message).toMatch(message);
    }
    const rows = await db().select().from(referenceValue);
    expect(rows.map((r) => r.value)).toEqual([91.8]);
  });

  it('deletes a figure (audited) and answers 404 for one that is not there', async () => {
    expect((await put(office, 'C1-02/tianjin/2024', { value: 2.1, source: 'S' })).statusCode).toBe(200);
    const del = () => office.request({ method: 'DELETE', url: '/api/reference-values/C1-02/tianjin/2024' });
    expect((await del()).statusCode).toBe(204);
    const again = await del();
    expect(again.statusCode).toBe(404);
    expect(again.json().message).toBe('婴儿死亡率 2024年没有天津市对比数据');
    const deleted = await db().select().from(auditLog).where(eq(auditLog.action, 'reference.delete'));
    expect(deleted).toHaveLength(1);
  });

  it('downloads a template with the series indicators, the cycle years, both scopes and the stored figures', async () => {
    const workbook = await template();
    const women = workbook.worksheets[0]!;
    expect(women.getRow(2).values).toEqual([
      undefined,
      '编号',
      '指标',
      '单位',
      '年份',
      '天津市',
      '天津市数据来源',
      '全国',
      '全国数据来源',
    ]);
    const row = rowOf(women, 'W2-02', 2023);
    expect([row.getCell(2).text, row.getCell(3).text, row.getCell(7).value, row.getCell(8).text]).toEqual([
      '高中阶段毛入学率',
      '%',
      91.8,
      NATIONAL_2023,
    ]);
    const children = workbook.worksheets[1]!;
    // The shared statistic is listed once, under the indicator that holds its series.
    expect(rowOf(children, 'C3-03', 2023)).toBeUndefined();
    expect(rowOf(children, 'C1-02', 2020)).toBeDefined();
    expect(rowOf(children, 'C1-02', 2025)).toBeDefined();
  });

  it('imports a filled template in one go', async () => {
    const workbook = await template();
    const [women, children] = [workbook.worksheets[0]!, workbook.worksheets[1]!];
    const w = rowOf(women, 'W1-03', 2024);
    w.getCell(7).value = 14.3;
    w.getCell(8).value = '《2024年我国卫生健康事业发展统计公报》';
    const c = rowOf(children, 'C1-02', 2024);
    c.getCell(5).value = '2.35';
    c.getCell(6).value = '《2024年天津市妇女儿童发展规划统计监测报告》';
    const res = await importFile(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(res.statusCode, res.body).toBe(200);
    // W2-02 2023 came back as stored: unchanged.
    expect(res.json()).toEqual({ applied: 2, unchanged: 1 });
    const all = await list(stats, '?year=2024');
    expect(all.indicators.find((i) => i.code === 'W1-03')!.values.map((v) => [v.scope, v.value])).toEqual([
      ['national', 14.3],
    ]);
    expect(all.indicators.find((i) => i.code === 'C1-02')!.values.map((v) => [v.scope, v.value, v.source])).toEqual([
      ['tianjin', 2.35, '《2024年天津市妇女儿童发展规划统计监测报告》'],
    ]);
    const imports = await db().select().from(auditLog).where(eq(auditLog.action, 'reference.import'));
    expect(imports).toHaveLength(1);
  });

  it('refuses a file with a bad cell, names sheet, row and column, and writes none of its figures', async () => {
    const workbook = await template();
    const [women, children] = [workbook.worksheets[0]!, workbook.worksheets[1]!];
    const good = rowOf(women, 'W1-03', 2025);
    good.getCell(7).value = 14.0;
    good.getCell(8).value = 'S';
    const bad = rowOf(children, 'C1-03', 2024);
    bad.getCell(5).value = '约5';
    bad.getCell(6).value = 'S';
    const noSource = rowOf(children, 'C1-03', 2023);
    noSource.getCell(7).value = 6.2;
    const res = await importFile(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('INVALID_IMPORT');
    expect(body.message).toContain('未导入任何数据，文件中有 2 处问题');
    expect(body.message).toContain(`工作表“儿童发展规划”第 ${bad.number} 行 E 列（天津市）：应为数字，填写的是“约5”`);
    expect(body.message).toContain(
      `工作表“儿童发展规划”第 ${noSource.number} 行 H 列（全国数据来源）：全国数值为 6.2，请填写数据来源`,
    );
    expect(body.fields.map((f: { field: string }) => f.field)).toEqual([
      `儿童发展规划!H${noSource.number}`,
      `儿童发展规划!E${bad.number}`,
    ]);
    const stored = await db()
      .select()
      .from(referenceValue)
      .where(and(eq(referenceValue.indicatorCode, 'W1-03'), eq(referenceValue.year, 2025)));
    expect(stored).toEqual([]);
  });

  it('refuses a file that is not a workbook, and an empty one', async () => {
    const notXlsx = await importFile(Buffer.from('not a workbook'));
    expect(notXlsx.statusCode).toBe(400);
    expect(notXlsx.json().code).toBe('INVALID_FILE');
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('x').addRow(['编号', '年份', '天津市', '天津市数据来源', '全国', '全国数据来源']);
    const empty = await importFile(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(empty.statusCode).toBe(400);
    expect(empty.json().code).toBe('EMPTY_IMPORT');
  });

  it('shows the figures on the analysis indicator page of both linked indicators, fresh after a change', async () => {
    const ids = new Map((await list(leader)).indicators.map((i) => [i.code, i.id]));
    const page = async (code: string) => {
      // As of the cycle's last year: the chart's axis runs from the base year to the year asked for.
      const res = await leader.get(`/api/analysis/indicators/${ids.get(code)}?asOf=2025`);
      expect(res.statusCode).toBe(200);
      return res.json() as IndicatorResponse;
    };
    const before = await page('C3-03');
    expect(before.references).toEqual([{ scope: 'national', year: 2023, value: 91.8, source: NATIONAL_2023 }]);
    const national = (before.charts.trend.series as { name: string; data: (number | null)[] }[]).find(
      (s) => s.name === '全国',
    )!;
    expect(national.data).toEqual([null, null, null, 91.8, null, null]);
    // No 天津市 figure: no 天津市 line.
    expect((before.charts.trend.series as { name: string }[]).some((s) => s.name === '天津市')).toBe(false);
    // The analysis is cached between requests; the figures are not part of it, so a change shows at once.
    expect((await put(office, 'W2-02/tianjin/2023', { value: 95.2, source: 'T' })).statusCode).toBe(200);
    const after = await page('W2-02');
    expect(after.references.map((f) => [f.scope, f.value])).toEqual([
      ['national', 91.8],
      ['tianjin', 95.2],
    ]);
    expect((await page('W1-03')).references.map((f) => [f.year, f.value])).toEqual([[2024, 14.3]]);
  });
});
