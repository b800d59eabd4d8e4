import { and, count, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, indicator, measure, orgUnit, responsibility } from '../../src/db/schema/index.ts';
import { bootstrap } from '../../src/server/bootstrap.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { ENGINES } from '../helpers/db.ts';
import { type Client, login } from '../helpers/session.ts';

interface Item {
  kind: 'indicator' | 'measure';
  id: number;
  code: string;
  name: string;
  plan: { id: string };
  domain: { code: string };
  lead: { unitId: number; name: string } | null;
  partners: { unitId: number; name: string }[];
}

/** A multipart/form-data body with one file, as a browser sends it. */
function multipart(buffer: Buffer, fileName = '责任分工.xlsx') {
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

describe.each(ENGINES)('responsibility (目标管理责任制) on %s', (engine) => {
  let t: TestApp;
  let office: Client;
  let admin: Client;
  const db = () => t.db.database.db;
  const units = new Map<string, number>(); // name → id

  beforeAll(async () => {
    t = await createTestApp(engine);
    office = await login(t.app, 'office');
    admin = await login(t.app, 'admin');
    for (const u of await db().select().from(orgUnit)) units.set(u.name, u.id);
  });
  afterAll(() => t.close());

  async function items(query = ''): Promise<Item[]> {
    const res = await office.get(`/api/responsibility${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items;
  }
  const rowCount = async () => (await db().select({ n: count() }).from(responsibility))[0]!.n;
  const snapshotRows = () =>
    db()
      .select({
        i: responsibility.indicatorId,
        m: responsibility.measureId,
        u: responsibility.unitId,
        r: responsibility.role,
      })
      .from(responsibility)
      .orderBy(responsibility.id);

  it('seeds the default lead and partners for every indicator and measure', async () => {
    const all = await items();
    const [indicators] = await db().select({ n: count() }).from(indicator);
    const [measures] = await db().select({ n: count() }).from(measure);
    expect(all).toHaveLength(indicators!.n + measures!.n);
    expect(all.filter((i) => i.lead === null)).toEqual([]);
    const w103 = all.find((i) => i.code === 'W1-03');
    expect(w103?.lead?.name).toBe('区卫生健康委');
    const w1m5 = all.find((i) => i.code === 'W1-M5');
    expect(w1m5).toMatchObject({ kind: 'measure', name: '加大女性常见恶性疾病干预救治力度', domain: { code: 'W1' } });
    expect(w1m5?.partners.map((p) => p.name)).toEqual(expect.arrayContaining(['区妇联', '区医疗保障局']));

    const summary = (await office.get('/api/responsibility/summary')).json();
    expect(summary.totals.withoutLead).toBe(0);
    const wjw = summary.units.find((u: { name: string }) => u.name === '区卫生健康委');
    expect(wjw.leadIndicators).toBeGreaterThan(40);
  });

  it('filters by plan, domain, unit and missing lead', async () => {
    const women = await items('?plan=wuqing-women-2021-2025');
    expect(women.every((i) => i.plan.id === 'wuqing-women-2021-2025')).toBe(true);
    const c3 = await items('?domain=C3');
    expect(c3.length).toBe(12 + 6);
    const cl = units.get('区残联')!;
    const byCl = await items(`?unit=${cl}`);
    expect(byCl.length).toBeGreaterThan(0);
    expect(byCl.every((i) => i.lead?.unitId === cl || i.partners.some((p) => p.unitId === cl))).toBe(true);
    expect(await items('?missingLead=true')).toEqual([]);
  });

  it('keeps an office edit across a restart; a new item without assignment gets its default', async () => {
    const item = (await items()).find((i) => i.code === 'W2-03')!;
    const res = await office.put(`/api/responsibility/indicator/${item.id}`, {
      leadUnitId: units.get('区教育局'),
      partnerUnitIds: [units.get('区科协'), units.get('区妇联')],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().item.lead.name).toBe('区教育局');
    const [entry] = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'responsibility.update'), eq(auditLog.objectId, String(item.id))));
    expect(entry?.before).toMatchObject({ lead: { name: '区科协' } });
    expect(entry?.after).toMatchObject({ lead: { name: '区教育局' } });

    // An item whose rows were lost (as if newly added to the plan) is seeded again; the edit stays.
    const m = (await items()).find((i) => i.code === 'C7-M3')!;
    await db().delete(responsibility).where(eq(responsibility.measureId, m.id));
    await bootstrap(t.config, t.db.database);
    const after = await items();
    expect(after.find((i) => i.code === 'W2-03')?.lead?.name).toBe('区教育局');
    expect(after.find((i) => i.code === 'C7-M3')?.lead?.name).toBe('区人民法院');
  });

  it('refuses invalid edits and changes nothing', async () => {
    const item = (await items()).find((i) => i.code === 'W1-M1')!;
    const before = await snapshotRows();
    const wjw = units.get('区卫生健康委')!;
    const amongPartners = await office.put(`/api/responsibility/measure/${item.id}`, {
      leadUnitId: wjw,
      partnerUnitIds: [wjw, units.get('区妇联')],
    });
    expect(amongPartners.statusCode).toBe(400);
    expect(amongPartners.json()).toMatchObject({ code: 'INVALID_ASSIGNMENT' });
    expect(amongPartners.json().message).toContain('已是牵头单位');
    const unknown = await office.put(`/api/responsibility/measure/${item.id}`, {
      leadUnitId: wjw,
      partnerUnitIds: [99999],
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ code: 'UNKNOWN_UNIT', fields: [{ field: 'body.partnerUnitIds.0' }] });
    const noLead = await office.put(`/api/responsibility/measure/${item.id}`, { partnerUnitIds: [] });
    expect(noLead.statusCode).toBe(400);
    const missing = await office.put('/api/responsibility/measure/999999', { leadUnitId: wjw, partnerUnitIds: [] });
    expect(missing.statusCode).toBe(404);
    // A deactivated unit cannot be given work.
    const kx = units.get('区科协')!;
    await admin.patch(`/api/org/units/${kx}`, { active: false });
    const inactive = await office.put(`/api/responsibility/measure/${item.id}`, { leadUnitId: kx, partnerUnitIds: [] });
    expect(inactive.json().code).toBe('INACTIVE_UNIT');
    await admin.patch(`/api/org/units/${kx}`, { active: true });
    expect(await snapshotRows()).toEqual(before);
  });

  it('shows a unit reporter only the items of their unit and refuses their edits', async () => {
    const wjwUser = await login(t.app, 'wjw');
    const wjw = units.get('区卫生健康委')!;
    const res = await wjwUser.get('/api/responsibility');
    expect(res.statusCode).toBe(200);
    const mine: Item[] = res.json().items;
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((i) => i.lead?.unitId === wjw || i.partners.some((p) => p.unitId === wjw))).toBe(true);
    expect(mine.some((i) => i.code === 'C3-01')).toBe(false); // 学前三年毛入园率: 教育局 alone
    const summary = (await wjwUser.get('/api/responsibility/summary')).json();
    expect(summary.units.map((u: { name: string }) => u.name)).toEqual(['区卫生健康委']);
    const put = await wjwUser.put(`/api/responsibility/${mine[0]!.kind}/${mine[0]!.id}`, {
      leadUnitId: wjw,
      partnerUnitIds: [],
    });
    expect(put.statusCode).toBe(403);
    const preview = await wjwUser.request({
      method: 'POST',
      url: '/api/responsibility/import/preview',
      ...multipart(Buffer.from('x')),
    });
    expect(preview.statusCode).toBe(403);
  });

  async function exportWorkbook(client: Client = office): Promise<ExcelJS.Workbook> {
    const res = await client.get('/api/responsibility/export.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    return workbook;
  }
  function findRow(workbook: ExcelJS.Workbook, code: string): ExcelJS.Row {
    for (const sheet of workbook.worksheets) {
      for (let r = 3; r <= sheet.rowCount; r++) if (sheet.getRow(r).getCell(3).text === code) return sheet.getRow(r);
    }
    throw new Error(`row ${code} not found`);
  }
  async function preview(client: Client, buffer: Buffer) {
    return client.request({ method: 'POST', url: '/api/responsibility/import/preview', ...multipart(buffer) });
  }

  it('exports a sheet per plan laid out as civil servants do, and audits it', async () => {
    const workbook = await exportWorkbook();
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['妇女发展规划', '儿童发展规划']);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(2).values).toEqual([undefined, '领域', '类型', '编号', '内容/指标', '牵头单位', '配合单位']);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    const row = findRow(workbook, 'W1-M5');
    expect(row.getCell(1).text).toBe('妇女与健康');
    expect(row.getCell(2).text).toBe('策略措施');
    expect(row.getCell(5).text).toBe('区卫生健康委');
    expect(row.getCell(4).alignment?.wrapText).toBe(true);
    expect(row.getCell(6).border?.left?.style).toBe('thin');
    const [audited] = await db()
      .select({ n: count() })
      .from(auditLog)
      .where(eq(auditLog.action, 'responsibility.export'));
    expect(audited!.n).toBeGreaterThan(0);
  });

  it('export → change a cell → preview shows exactly that change → confirm applies it', async () => {
    const workbook = await exportWorkbook();
    findRow(workbook, 'C1-05').getCell(6).value = '区妇联、区教育局'; // 5岁以下儿童贫血率: add two partners
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    const before = await snapshotRows();

    const res = await preview(office, buffer);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.counts).toMatchObject({ changed: 1, invalid: 0, new: 0 });
    const changed = body.rows.filter((r: { status: string }) => r.status !== 'unchanged');
    expect(changed).toEqual([
      expect.objectContaining({
        code: 'C1-05',
        status: 'changed',
        before: { lead: '区卫生健康委', partners: [] },
        after: { lead: '区卫生健康委', partners: ['区妇联', '区教育局'] },
      }),
    ]);
    expect(await snapshotRows()).toEqual(before); // a preview writes nothing

    const other = await preview(admin, buffer);
    const stolen = await admin.post('/api/responsibility/import/confirm', { previewToken: body.previewToken });
    expect(stolen.statusCode).toBe(403);
    expect(stolen.json().code).toBe('PREVIEW_NOT_YOURS');
    expect(await snapshotRows()).toEqual(before);

    const confirm = await office.post('/api/responsibility/import/confirm', { previewToken: body.previewToken });
    expect(confirm.statusCode, confirm.body).toBe(200);
    expect(confirm.json()).toEqual({ applied: 1 });
    const item = (await items()).find((i) => i.code === 'C1-05')!;
    expect(item.partners.map((p) => p.name).sort()).toEqual(['区妇联', '区教育局'].sort());
    const [audited] = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'responsibility.import'), eq(auditLog.result, 'success')));
    expect(audited?.after).toEqual([expect.objectContaining({ code: 'C1-05' })]);

    // A token works once; the admin's own preview is stale now (the data changed since) and applies nothing.
    const again = await office.post('/api/responsibility/import/confirm', { previewToken: body.previewToken });
    expect(again.statusCode).toBe(410);
    const stale = await admin.post('/api/responsibility/import/confirm', { previewToken: other.json().previewToken });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('STALE_PREVIEW');
  });

  it('explains broken files and writes nothing', async () => {
    const before = await snapshotRows();
    const notXlsx = await preview(office, Buffer.from('领域,类型,编号\n妇女与健康,监测指标,W1-01\n'));
    expect(notXlsx.statusCode).toBe(400);
    expect(notXlsx.json()).toMatchObject({ code: 'INVALID_FILE' });
    expect(notXlsx.json().message).toContain('不是 Excel');

    const noFile = await office.post('/api/responsibility/import/preview');
    expect(noFile.statusCode).toBe(400);

    const empty = new ExcelJS.Workbook();
    empty.addWorksheet('Sheet1').addRow(['随便', '什么']);
    const noTable = await preview(office, Buffer.from(await empty.xlsx.writeBuffer()));
    expect(noTable.json().message).toContain('没有找到责任分工表');

    const workbook = await exportWorkbook();
    findRow(workbook, 'W1-01').getCell(5).value = '区卫健委'; // not the unit's name
    findRow(workbook, 'W1-02').getCell(5).value = null; // no lead
    findRow(workbook, 'W1-04').getCell(6).value = '区不存在局'; // unknown partner
    findRow(workbook, 'W1-03').getCell(6).value = '区卫生健康委'; // lead also partner
    const extra = findRow(workbook, 'W1-04');
    extra.worksheet.addRow(['妇女与健康', '监测指标', 'W1-99', '不存在的指标', '区卫生健康委', '']);
    const res = await preview(office, Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(res.statusCode, res.body).toBe(200);
    const rows: { code: string; status: string; reasons: string[] }[] = res.json().rows;
    const invalid = Object.fromEntries(rows.filter((r) => r.status === 'invalid').map((r) => [r.code, r.reasons]));
    expect(invalid).toEqual({
      'W1-01': ['牵头单位：单位“区卫健委”不存在，是否为“区卫生健康委”？'],
      'W1-02': ['缺少牵头单位'],
      'W1-03': ['“区卫生健康委”已是牵头单位，不能同时作为配合单位'],
      'W1-04': ['配合单位：单位“区不存在局”不存在，请使用单位名单中的全称'],
      'W1-99': ['编号“W1-99”不是本规划的策略措施或监测指标'],
    });
    expect(res.json().counts.changed).toBe(0);
    const confirm = await office.post('/api/responsibility/import/confirm', { previewToken: res.json().previewToken });
    expect(confirm.json()).toEqual({ applied: 0 });
    expect(await snapshotRows()).toEqual(before);
    expect(await rowCount()).toBe(before.length);
  });

  it('accepts uploads up to 5 MB and refuses larger ones', async () => {
    const big = Buffer.alloc(5 * 1024 * 1024 + 10, 0x50);
    const res = await preview(office, big);
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('FILE_TOO_LARGE');
    // Up to 5 MB is read (the 2 MB JSON body limit does not apply to uploads): this one is simply not a workbook.
    const corrupt = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(3 * 1024 * 1024, 1)]);
    const read = await preview(office, corrupt);
    expect(read.statusCode).toBe(400);
    expect(read.json().code).toBe('INVALID_FILE');
  });
});
