import { and, eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, dataValue, dataValueHistory, orgUnit, submission } from '../../src/db/schema/index.ts';
import { DATA_SHEET, KEY_SHEET, TEMPLATE_PASSWORD } from '../../src/features/collection/excel/template.ts';
import { saveValues } from '../../src/features/collection/values.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { ENGINES } from '../helpers/db.ts';
import { type Client, login } from '../helpers/session.ts';
import { assignLead } from './helpers.ts';

/** A multipart/form-data body with one file, as a browser sends it. */
function multipart(buffer: Buffer, fileName = '填报模板.xlsx') {
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

const SEED = { userId: null, username: 'seed', unitName: null, ip: null };

async function load(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  return wb;
}

const save = async (wb: ExcelJS.Workbook) => Buffer.from(await wb.xlsx.writeBuffer());

/** Column number of a label in the header's lower row (row 6). */
function column(ws: ExcelJS.Worksheet, label: string): number {
  const row = ws.getRow(6);
  for (let c = 1; c <= ws.columnCount; c++) if (String(row.getCell(c).value ?? '').startsWith(label)) return c;
  throw new Error(`no column ${label}`);
}

/** Row number of an indicator (by name) and sex label (合计 / 女 / 男). */
function rowOf(ws: ExcelJS.Worksheet, name: string, sex = '合计'): number {
  for (let r = 7; r <= ws.rowCount; r++) {
    if (ws.getCell(r, 2).value === name && ws.getCell(r, 3).value === sex) return r;
  }
  throw new Error(`no row ${name} ${sex}`);
}

describe.each(ENGINES)('the Excel round trip of a round on %s', (engine) => {
  let t: TestApp;
  let office: Client;
  let wjw: Client;
  let jyj: Client;
  let roundId: number;
  let finalRoundId: number;
  let ids: Record<string, number>;
  let template: Buffer;

  const db = () => t.db.database.db;
  const preview = (client: Client, buffer: Buffer, round = roundId, fileName?: string) =>
    client.request({ method: 'POST', url: `/api/rounds/${round}/upload/preview`, ...multipart(buffer, fileName) });
  const confirm = (client: Client, previewToken: string) =>
    client.post(`/api/rounds/${roundId}/upload/confirm`, { previewToken });
  const value = async (indicatorId: number, sex = 'total', year = 2025) =>
    (
      await db()
        .select()
        .from(dataValue)
        .where(and(eq(dataValue.indicatorId, indicatorId), eq(dataValue.year, year), eq(dataValue.sex, sex as 'total')))
    )[0];
  /** What a refused upload must leave untouched. */
  const snapshot = async () => {
    const [v] = await db()
      .select({ n: sql<number>`count(*)::int`, versions: sql<number>`coalesce(sum(version), 0)::int` })
      .from(dataValue);
    const [h] = await db().select({ n: sql<number>`count(*)::int` }).from(dataValueHistory);
    return { values: v?.n, versions: v?.versions, history: h?.n };
  };
  /** A copy of the downloaded template with `edit` applied. */
  const edited = async (edit: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void, from = template) => {
    const wb = await load(from);
    edit(wb.getWorksheet(DATA_SHEET) as ExcelJS.Worksheet, wb);
    return save(wb);
  };
  const expectRefused = async (res: LightMyRequestResponse, status: number, code: string, message: string) => {
    expect(res.statusCode, res.body).toBe(status);
    expect(res.json().code).toBe(code);
    expect(res.json().message).toContain(message);
  };

  beforeAll(async () => {
    t = await createTestApp(engine);
    const assigned = await assignLead(db(), '区卫生健康委', ['孕产妇死亡率', '孕产妇系统管理率', '5岁以下儿童贫血率']);
    ids = {
      mmr: assigned.indicators.孕产妇死亡率!.id,
      care: assigned.indicators.孕产妇系统管理率!.id,
      anaemia: assigned.indicators['5岁以下儿童贫血率']!.id,
    };
    const seed = (indicatorId: number, year: number, v: number, sex: 'total' | 'female' = 'total') =>
      saveValues(db(), [{ indicatorId, year, areaId: null, sex, value: v, expectedVersion: 0 }], {
        actor: SEED,
        unitId: null,
        roundId: null,
      });
    await seed(ids.care!, 2024, 95.2);
    await seed(ids.care!, 2025, 90.1);
    await seed(ids.anaemia!, 2025, 5.1, 'female');
    [office, wjw, jyj] = (await Promise.all(['office', 'wjw', 'jyj'].map((u) => login(t.app, u)))) as [
      Client,
      Client,
      Client,
    ];
    const res = await office.post('/api/rounds', { kind: 'annual', year: 2025, deadline: '2026-03-31' });
    expect(res.statusCode, res.body).toBe(200);
    roundId = res.json().round.id;
    const final = await office.post('/api/rounds', { kind: 'final', year: 2025, deadline: '2026-06-30' });
    expect(final.statusCode, final.body).toBe(200);
    finalRoundId = final.json().round.id;
  });
  afterAll(() => t?.close());

  it('generates the unit’s template as a statistical report form', async () => {
    const res = await wjw.get(`/api/rounds/${roundId}/template.xlsx`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain('区卫生健康委');
    template = res.rawPayload;
    const wb = await load(template);
    const ws = wb.getWorksheet(DATA_SHEET)!;
    const texts = (r: number) =>
      (ws.getRow(r).values as unknown[]).filter((v): v is string => typeof v === 'string').join('|');

    // Title and the header block.
    expect(ws.getCell('A1').value).toBe('武清区妇女儿童发展规划监测数据报表（2025年）');
    expect(texts(2)).toContain('表　　号：武妇儿监1表');
    expect(texts(3)).toContain('制表机关：区统计局');
    expect(texts(4)).toContain('批准文号：');
    expect(texts(4)).toContain('填报单位：区卫生健康委');
    // The two header rows.
    const labels = (ws.getRow(6).values as unknown[]).slice(1);
    expect(labels).toEqual([
      '指标编号',
      '指标名称',
      '性别',
      '计量单位',
      '目标值',
      '2020年',
      '2021年',
      '2022年',
      '2023年',
      '2024年',
      '数值',
      '分子',
      '分母',
      '资料来源',
      '口径说明',
      '备注',
      '说明（出现审核提示时必填）',
      '行标识',
    ]);
    expect(texts(5)).toContain('往年数据（只读）');
    expect(texts(5)).toContain('本年数据');
    // One row per indicator × sex, prefilled with earlier years and current values.
    expect(ws.getCell(rowOf(ws, '5岁以下儿童贫血率', '女'), column(ws, '数值')).value).toBe(5.1);
    const care = rowOf(ws, '孕产妇系统管理率');
    expect(ws.getCell(care, column(ws, '2024年')).value).toBe(95.2);
    expect(ws.getCell(care, column(ws, '数值')).value).toBe(90.1);
    expect(ws.getCell(care, column(ws, '计量单位')).value).toBe('%');
    expect([7, 8, 9, 10, 11].map((r) => ws.getCell(r, 3).value).sort()).toEqual(['合计', '合计', '合计', '女', '男']);

    // Protection: the sheet is protected with a password; only the input cells are unlocked and yellow.
    // exceljs reads the protection but does not type it.
    const protection = (ws as unknown as { sheetProtection?: { sheet?: boolean; hashValue?: string } }).sheetProtection;
    expect(protection?.sheet).toBe(true);
    expect(protection?.hashValue).toBeTruthy();
    expect(TEMPLATE_PASSWORD.length).toBeGreaterThan(0);
    const input = ws.getCell(care, column(ws, '数值'));
    expect(input.protection?.locked).toBe(false);
    expect((input.fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFF2CC');
    expect(ws.getCell(care, column(ws, '2024年')).protection?.locked).not.toBe(false);
    expect(ws.getCell(care, column(ws, '指标名称')).protection?.locked).not.toBe(false);
    for (const label of ['资料来源', '口径说明', '备注', '说明']) {
      expect(ws.getCell(care, column(ws, label)).protection?.locked).toBe(false);
    }
    // 分子 / 分母 are inputs only where the indicator is computed from counts; their names are in the notes.
    const mmr = rowOf(ws, '孕产妇死亡率');
    expect(ws.getCell(mmr, column(ws, '分子')).protection?.locked).toBe(false);
    expect(String(ws.getCell(mmr, column(ws, '分子')).note)).toContain('孕产妇死亡数');
    expect(String(ws.getCell(mmr, column(ws, '分母')).note)).toContain('活产数');
    expect(ws.getCell(care, column(ws, '分子')).protection?.locked).not.toBe(false);

    // Data validation: decimals with the hard range, whole numbers for counts, a list of sources.
    expect(input.dataValidation).toMatchObject({ type: 'decimal', operator: 'between', formulae: [0, 100] });
    expect(ws.getCell(mmr, column(ws, '数值')).dataValidation).toMatchObject({
      type: 'decimal',
      formulae: [0, 100000],
    });
    expect(ws.getCell(mmr, column(ws, '分母')).dataValidation).toMatchObject({ type: 'whole' });
    const source = ws.getCell(care, column(ws, '资料来源')).dataValidation;
    expect(source.type).toBe('list');
    expect(source.formulae[0]).toBe('"部门统计年报,行政记录,抽样调查,其他"');

    // The footer block.
    const footer = 7 + 5;
    expect(texts(footer)).toContain('单位负责人：');
    expect(texts(footer)).toContain('统计负责人：');
    expect(texts(footer)).toContain('填表人：');
    expect(texts(footer)).toContain('填表日期');

    // Hidden keys: a hidden key column and a very hidden sheet with round, unit, rows and versions.
    const keyCol = column(ws, '行标识');
    expect(ws.getColumn(keyCol).hidden).toBe(true);
    expect(ws.getCell(care, keyCol).value).toBe(`${ids.care}|2025|total`);
    const keys = wb.getWorksheet(KEY_SHEET)!;
    expect(keys.state).toBe('veryHidden');
    const meta = new Map<string, unknown>();
    for (let r = 1; r <= 14; r++) meta.set(String(keys.getCell(r, 1).value), keys.getCell(r, 2).value);
    expect(meta.get('roundId')).toBe(roundId);
    expect(meta.get('reporterKind')).toBe('unit');
    const [unit] = await db().select().from(orgUnit).where(eq(orgUnit.name, '区卫生健康委'));
    expect(meta.get('reporterId')).toBe(unit!.id);
    const table: unknown[][] = [];
    for (let r = 16; r <= keys.rowCount; r++) table.push((keys.getRow(r).values as unknown[]).slice(1));
    const version = (await value(ids.care!))!.version;
    expect(table).toContainEqual([care, ids.care, 2025, 'total', version, `${ids.care}|2025|total`]);
    expect(table).toContainEqual([mmr, ids.mmr, 2025, 'total', 0, `${ids.mmr}|2025|total`]);

    // Audited; other roles: office names the unit; a unit cannot fetch another unit's template.
    const audited = await db().select().from(auditLog).where(eq(auditLog.action, 'template.download'));
    expect(audited.some((a) => a.username === 'wjw')).toBe(true);
    expect((await office.get(`/api/rounds/${roundId}/template.xlsx`)).json().code).toBe('VALIDATION_FAILED');
    expect((await office.get(`/api/rounds/${roundId}/template.xlsx?unitId=${unit!.id}`)).statusCode).toBe(200);
    // A unit's user always gets its own unit's template, whatever it asks for.
    const own = await jyj.get(`/api/rounds/${roundId}/template.xlsx?unitId=${unit!.id}`);
    expect(decodeURIComponent(String(own.headers['content-disposition']))).toContain('区教育局');
  });

  it('lays out a final round with one row per year', async () => {
    const res = await wjw.get(`/api/rounds/${finalRoundId}/template.xlsx`);
    expect(res.statusCode, res.body).toBe(200);
    const ws = (await load(res.rawPayload)).getWorksheet(DATA_SHEET)!;
    expect(ws.getCell('A1').value).toBe('武清区妇女儿童发展规划终期评估数据报表（2020—2025年）');
    expect(ws.getCell(6, 4).value).toBe('年份');
    expect(ws.getCell(5, column(ws, '数值')).value).toBe('填报数据');
    // 5 rows × 6 years
    expect(
      ws.getColumn(column(ws, '行标识')).values.filter((v) => typeof v === 'string' && v.includes('|')),
    ).toHaveLength(30);
  });

  let filled: Buffer;

  it('previews a filled template without writing, then confirms it in one go', async () => {
    filled = await edited((ws) => {
      const set = (name: string, sex: string, label: string, v: string | number) => {
        ws.getCell(rowOf(ws, name, sex), column(ws, label)).value = v;
      };
      set('孕产妇系统管理率', '合计', '数值', 60.5); // changed, and a soft warning (> 30 % below last year)
      set('孕产妇死亡率', '合计', '数值', 17.54); // new, with its counts
      set('孕产妇死亡率', '合计', '分子', 1);
      set('孕产妇死亡率', '合计', '分母', 5700);
      set('孕产妇死亡率', '合计', '资料来源', '行政记录');
      set('5岁以下儿童贫血率', '男', '数值', 6.3); // new
      set('5岁以下儿童贫血率', '合计', '数值', 5.7); // new, between 女 5.1 (unchanged) and 男
    });
    const before = await snapshot();
    const res = await preview(wjw, filled, roundId, '卫健委2025.xlsx');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.counts).toEqual({ new: 3, changed: 1, unchanged: 1, invalid: 0, empty: 0, warnings: 1 });
    expect(body.fileName).toBe('卫健委2025.xlsx');
    const care = body.rows.find((r: { indicatorId: number }) => r.indicatorId === ids.care);
    expect(care).toMatchObject({ status: 'changed', old: { value: 90.1 }, new: { value: 60.5 } });
    expect(care.warnings[0]).toContain('超过 30%');
    const female = body.rows.find((r: { sex: string }) => r.sex === '女');
    expect(female.status).toBe('unchanged');
    expect(await snapshot()).toEqual(before);
    expect((await value(ids.care!))!.value).toBe(90.1);

    const done = await confirm(wjw, body.previewToken);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ written: 4, warnings: 1 });
    expect((await value(ids.care!))!.value).toBe(60.5);
    expect(await value(ids.mmr!)).toMatchObject({ value: 17.54, numerator: 1, denominator: 5700, source: '行政记录' });
    expect((await value(ids.anaemia!, 'male'))!.value).toBe(6.3);
    // History: who, why, old → new.
    const careRow = (await value(ids.care!))!;
    const history = await db().select().from(dataValueHistory).where(eq(dataValueHistory.valueId, careRow.id));
    const update = history.find((h) => h.action === 'update')!;
    expect(update.username).toBe('wjw');
    expect(update.reason).toBe('Excel 导入：卫健委2025.xlsx');
    expect((update.old as { value: number }).value).toBe(90.1);
    expect((update.new as { value: number }).value).toBe(60.5);
    const task = await wjw.get(`/api/rounds/${roundId}/task`);
    expect(task.json().submission.status).toBe('in_progress');
    const audited = await db().select().from(auditLog).where(eq(auditLog.action, 'upload.confirm'));
    expect(audited).toHaveLength(1);
    expect(audited[0]!.detail).toContain('卫健委2025.xlsx');
    expect(audited[0]!.detail).toContain('新增 3 条，修改 1 条');
    // A token works once.
    await expectRefused(await confirm(wjw, body.previewToken), 404, 'PREVIEW_NOT_FOUND', '请重新上传');
  });

  it('uploading the same file again changes nothing', async () => {
    const fresh = (await wjw.get(`/api/rounds/${roundId}/template.xlsx`)).rawPayload;
    const res = await preview(wjw, fresh);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().counts).toMatchObject({ new: 0, changed: 0, unchanged: 5, invalid: 0 });
    template = fresh;
  });

  describe('refuses malformed files with a clear message, writing nothing', () => {
    let before: Awaited<ReturnType<typeof snapshot>>;
    beforeAll(async () => {
      before = await snapshot();
    });
    const unchanged = async () => expect(await snapshot()).toEqual(before);

    it('a PDF renamed .xlsx', async () => {
      const pdf = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF\n');
      await expectRefused(await preview(wjw, pdf), 400, 'NOT_XLSX', '上传的是 PDF 文件，不是 Excel 工作簿');
      await unchanged();
    });

    it('a text file renamed .xlsx', async () => {
      const text = Buffer.from('指标,数值\n孕产妇系统管理率,93.5\n');
      await expectRefused(await preview(wjw, text), 400, 'NOT_XLSX', '不是 Excel 工作簿（.xlsx）');
      await unchanged();
    });

    it('a corrupt zip (a truncated download)', async () => {
      await expectRefused(
        await preview(wjw, filled.subarray(0, filled.length >> 1)),
        400,
        'CORRUPT_FILE',
        '文件已损坏',
      );
      await unchanged();
    });

    it('a zip whose contents are damaged', async () => {
      const damaged = Buffer.from(filled);
      for (let i = 200; i < damaged.length - 2000; i += 97) damaged[i] = damaged[i]! ^ 0xff;
      const res = await preview(wjw, damaged);
      expect(res.statusCode, res.body).toBe(400);
      expect(['CORRUPT_FILE', 'NOT_TEMPLATE']).toContain(res.json().code);
      await unchanged();
    });

    it('an empty file', async () => {
      await expectRefused(await preview(wjw, Buffer.alloc(0)), 400, 'EMPTY_FILE', '上传的文件是空的');
      await unchanged();
    });

    it('a file over 10 MB', async () => {
      const big = Buffer.concat([filled, Buffer.alloc(10 * 1024 * 1024 + 1, 0x20)]);
      await expectRefused(await preview(wjw, big), 413, 'FILE_TOO_LARGE', '文件超过 10 MB 上限');
      await unchanged();
    });

    it('a request without a file', async () => {
      await expectRefused(await wjw.post(`/api/rounds/${roundId}/upload/preview`, {}), 400, 'FILE_REQUIRED', 'Excel');
    });

    it('another unit’s template', async () => {
      const [other] = await db().select().from(orgUnit).where(eq(orgUnit.name, '区教育局'));
      const res = await office.get(`/api/rounds/${roundId}/template.xlsx?unitId=${other!.id}`);
      expect(res.statusCode, res.body).toBe(200);
      await expectRefused(
        await preview(wjw, res.rawPayload),
        400,
        'WRONG_REPORTER',
        '这是“区教育局”的模板，不是本单位（区卫生健康委）的',
      );
      await unchanged();
    });

    it('another round’s template', async () => {
      const res = await wjw.get(`/api/rounds/${finalRoundId}/template.xlsx`);
      await expectRefused(
        await preview(wjw, res.rawPayload),
        400,
        'WRONG_ROUND',
        '的模板，不是本轮“2025年度监测数据填报”的',
      );
      await unchanged();
    });

    it('a renamed header column', async () => {
      const file = await edited((ws) => {
        ws.getCell(6, column(ws, '数值')).value = '本年值';
      });
      await expectRefused(await preview(wjw, file), 400, 'LAYOUT_CHANGED', '第 6 行 K 列应为“数值”，现为“本年值”');
      await unchanged();
    });

    it('a deleted column', async () => {
      const file = await edited((ws) => {
        ws.spliceColumns(column(ws, '分子'), 1);
      });
      await expectRefused(await preview(wjw, file), 400, 'LAYOUT_CHANGED', '应为“分子”，现为“分母”');
      await unchanged();
    });

    it('removed hidden keys: the key sheet', async () => {
      const file = await edited((_ws, wb) => {
        wb.removeWorksheet(wb.getWorksheet(KEY_SHEET)!.id);
      });
      await expectRefused(await preview(wjw, file), 400, 'NOT_TEMPLATE', '不是本系统的填报模板');
      await unchanged();
    });

    it('removed hidden keys: the key column cleared', async () => {
      const file = await edited((ws) => {
        const keyCol = column(ws, '行标识');
        for (let r = 7; r <= 11; r++) ws.getCell(r, keyCol).value = null;
      });
      await expectRefused(await preview(wjw, file), 400, 'LAYOUT_CHANGED', '第 7 行缺少隐藏的“行标识”');
      await unchanged();
    });

    it('a text where a number belongs', async () => {
      const file = await edited((ws) => {
        ws.getCell(rowOf(ws, '孕产妇系统管理率'), column(ws, '数值')).value = '九十';
        ws.getCell(rowOf(ws, '5岁以下儿童贫血率', '男'), column(ws, '数值')).value = '93.5%';
      });
      const res = await preview(wjw, file);
      const care = rowOf((await load(file)).getWorksheet(DATA_SHEET)!, '孕产妇系统管理率');
      await expectRefused(res, 400, 'UPLOAD_INVALID', `第 ${care} 行“数值”列：应为数字，填写的是“九十”`);
      expect(res.json().message).toContain('填写的是“93.5%”（百分比请直接填写数值，不带 % 号）');
      expect(res.json().preview.counts.invalid).toBe(2);
      await unchanged();
    });

    it('a percentage over 100 (a hard rule)', async () => {
      const file = await edited((ws) => {
        ws.getCell(rowOf(ws, '孕产妇系统管理率'), column(ws, '数值')).value = 120;
      });
      const res = await preview(wjw, file);
      await expectRefused(res, 400, 'UPLOAD_INVALID', '“数值”列：百分比应在 0–100 之间，填报值为 120');
      const invalid = res.json().preview.rows.filter((r: { status: string }) => r.status === 'invalid');
      expect(invalid).toHaveLength(1);
      expect(invalid[0].indicatorId).toBe(ids.care);
      await unchanged();
    });

    it('a duplicated row', async () => {
      const file = await edited((ws) => {
        ws.duplicateRow(rowOf(ws, '孕产妇死亡率'), 1, true);
      });
      const res = await preview(wjw, file);
      await expectRefused(res, 400, 'UPLOAD_INVALID', '重复（同一指标、性别、年份）');
      await unchanged();
    });

    it('a value changed by someone else since the download is refused at preview', async () => {
      const file = await edited((ws) => {
        ws.getCell(rowOf(ws, '孕产妇系统管理率'), column(ws, '数值')).value = 70.5;
      });
      const current = (await value(ids.care!))!;
      const put = await wjw.put(`/api/rounds/${roundId}/values`, {
        values: [
          {
            indicatorId: ids.care,
            year: 2025,
            areaId: null,
            sex: 'total',
            value: 65.5,
            explanation: '口径调整',
            expectedVersion: current.version,
          },
        ],
      });
      expect(put.statusCode, put.body).toBe(200);
      before = await snapshot();
      await expectRefused(await preview(wjw, file), 409, 'CONFLICT', '下载模板后此数据已被他人修改（现为“65.5”）');
      await unchanged();
      template = (await wjw.get(`/api/rounds/${roundId}/template.xlsx`)).rawPayload;
    });

    it('a value changed by someone else between preview and confirm (409 at confirm)', async () => {
      const file = await edited((ws) => {
        ws.getCell(rowOf(ws, '孕产妇系统管理率'), column(ws, '数值')).value = 71.5;
        ws.getCell(rowOf(ws, '孕产妇系统管理率'), column(ws, '说明')).value = '统计口径调整';
        ws.getCell(rowOf(ws, '孕产妇死亡率'), column(ws, '备注')).value = '已核对';
      });
      const res = await preview(wjw, file);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().counts).toMatchObject({ changed: 2 });
      const current = (await value(ids.care!))!;
      const put = await wjw.put(`/api/rounds/${roundId}/values`, {
        values: [
          {
            indicatorId: ids.care,
            year: 2025,
            areaId: null,
            sex: 'total',
            value: 66.5,
            explanation: '口径调整',
            expectedVersion: current.version,
          },
        ],
      });
      expect(put.statusCode, put.body).toBe(200);
      before = await snapshot();
      await expectRefused(await confirm(wjw, res.json().previewToken), 409, 'CONFLICT', '已被他人修改');
      await unchanged();
      expect((await value(ids.care!))!.value).toBe(66.5);
      expect((await value(ids.mmr!))!.comment).toBeNull();
      template = (await wjw.get(`/api/rounds/${roundId}/template.xlsx`)).rawPayload;
    });

    it('a confirm with another user’s token', async () => {
      const file = await edited((ws) => {
        ws.getCell(rowOf(ws, '孕产妇死亡率'), column(ws, '备注')).value = '已核对';
      });
      const res = await preview(wjw, file);
      expect(res.statusCode, res.body).toBe(200);
      const token = res.json().previewToken;
      await expectRefused(await confirm(jyj, token), 404, 'PREVIEW_NOT_FOUND', '预览不存在或已过期');
      await expectRefused(await confirm(office, token), 403, 'FORBIDDEN', '');
      await unchanged();
      // The owner's token still works.
      const done = await confirm(wjw, token);
      expect(done.statusCode, done.body).toBe(200);
      expect((await value(ids.mmr!))!.comment).toBe('已核对');
    });

    it('an upload once the unit has submitted', async () => {
      const task = await wjw.get(`/api/rounds/${roundId}/task`);
      const id = task.json().submission.id;
      await db().update(submission).set({ status: 'submitted' }).where(eq(submission.id, id));
      before = await snapshot();
      await expectRefused(await preview(wjw, template), 409, 'SUBMISSION_NOT_EDITABLE', '不能修改');
      await unchanged();
      await db().update(submission).set({ status: 'in_progress' }).where(eq(submission.id, id));
    });
  });
});
