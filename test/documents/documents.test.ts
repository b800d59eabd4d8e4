import crypto from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, unitDocumentHistory } from '../../src/db/schema/index.ts';
import { detectFileType } from '../../src/features/documents/filetype.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { ENGINES } from '../helpers/db.ts';
import { type Client, login } from '../helpers/session.ts';
import { fakeExe, multipart, plainZip, realDocx, tinyPdf, tinyPng } from './files.ts';

const FULL = {
  implementation: '全年孕产妇系统管理率 93.1%，开展妇女两癌筛查 2.1 万人。',
  problems: '基层妇幼保健人员不足。',
  causes: '编制有限，待遇偏低。',
  countermeasures: '争取编制，开展订单式培养。',
  nextYear: '推进妇幼保健机构标准化建设。',
};

describe('detectFileType', () => {
  it('judges by content, not by name', async () => {
    expect(detectFileType(tinyPdf())?.mime).toBe('application/pdf');
    expect(detectFileType(tinyPng)?.mime).toBe('image/png');
    expect(detectFileType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))?.mime).toBe('image/jpeg');
    expect(detectFileType(await realDocx())?.ext).toBe('docx');
    expect(detectFileType(await plainZip())).toBeNull();
    expect(detectFileType(fakeExe)).toBeNull();
    expect(detectFileType(Buffer.from('这是一段文字', 'utf8'))).toBeNull();
    const ole = Buffer.concat([
      Buffer.from('d0cf11e0a1b11ae1', 'hex'),
      Buffer.alloc(500),
      Buffer.from('WordDocument', 'utf16le'),
    ]);
    expect(detectFileType(ole)?.ext).toBe('doc');
    // An OLE file without a WordDocument stream (e.g. an .xls) is not accepted as Word.
    expect(detectFileType(Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(500)]))).toBeNull();
  });
});

describe.each(ENGINES)('unit documents on %s', (engine) => {
  let t: TestApp;
  let wjw: Client;
  let wjwLeader: Client;
  let jyj: Client;
  let office: Client;
  let reportId: number;

  beforeAll(async () => {
    t = await createTestApp(engine);
    [wjw, wjwLeader, jyj, office] = (await Promise.all(
      ['wjw', 'wjw_leader', 'jyj', 'office'].map((u) => login(t.app, u)),
    )) as [Client, Client, Client, Client];
  });
  afterAll(() => t.close());

  const upload = (client: Client, id: number, files: { name: string; bytes: Buffer }[]) =>
    client.request({ method: 'POST', url: `/api/documents/${id}/attachments`, ...multipart(files) });

  it('saves a draft annual work report and keeps history', async () => {
    const res = await wjw.put('/api/documents/annual_work_report/2025', {
      sections: { implementation: FULL.implementation, problems: FULL.problems },
      expectedVersion: 0,
    });
    expect(res.statusCode, res.body).toBe(200);
    const doc = res.json().document;
    reportId = doc.id;
    expect(doc).toMatchObject({ kind: 'annual_work_report', year: 2025, status: 'draft', version: 1 });
    expect(doc.sections.causes).toBe('');

    const again = await wjwLeader.put('/api/documents/annual_work_report/2025', {
      sections: { ...FULL, causes: '', countermeasures: '   ' },
      expectedVersion: 1,
    });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().document.version).toBe(2);
    const history = await t.db.database.db
      .select()
      .from(unitDocumentHistory)
      .where(eq(unitDocumentHistory.documentId, reportId));
    expect(history.map((h) => h.action)).toEqual(['create', 'save']);
    expect((history[1]!.oldSections as Record<string, string>).nextYear).toBe('');
    expect((history[1]!.newSections as Record<string, string>).nextYear).toBe(FULL.nextYear);
  });

  it('refuses a stale version with 409', async () => {
    const res = await wjw.put('/api/documents/annual_work_report/2025', { sections: FULL, expectedVersion: 1 });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('CONFLICT');
    expect(res.json().message).toContain('已被他人修改');
    expect(res.json().currentVersion).toBe(2);
  });

  it('refuses to submit with empty sections and names them', async () => {
    const res = await wjw.post(`/api/documents/${reportId}/submit`);
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('SECTIONS_EMPTY');
    expect(res.json().message).toBe('以下内容尚未填写，不能提交：原因分析、对策措施');
    expect(res.json().fields.map((f: { field: string }) => f.field)).toEqual([
      'sections.causes',
      'sections.countermeasures',
    ]);
  });

  it('keeps other units out: 404 for jyj on wjw documents, and lists only its own', async () => {
    expect((await jyj.get(`/api/documents/${reportId}`)).statusCode).toBe(404);
    expect((await jyj.post(`/api/documents/${reportId}/submit`)).statusCode).toBe(404);
    expect((await upload(jyj, reportId, [{ name: 'a.pdf', bytes: tinyPdf() }])).statusCode).toBe(404);
    const list = await jyj.get('/api/documents?year=2025');
    expect(list.statusCode).toBe(200);
    expect(list.json().documents).toEqual([]);
    const officeList = await office.get('/api/documents?year=2025&kind=annual_work_report');
    expect(officeList.json().documents.map((d: { id: number }) => d.id)).toEqual([reportId]);
    expect(
      (await office.put('/api/documents/annual_work_report/2025', { sections: {}, expectedVersion: 0 })).statusCode,
    ).toBe(403);
  });

  it('accepts a PDF and a PNG, detected by content', async () => {
    const res = await upload(wjw, reportId, [
      { name: '2025年度工作报告.pdf', bytes: tinyPdf() },
      { name: '现场照片.png', bytes: tinyPng },
    ]);
    expect(res.statusCode, res.body).toBe(200);
    const list = res.json().attachments;
    expect(list.map((a: { fileName: string; mimeType: string }) => [a.fileName, a.mimeType])).toEqual([
      ['2025年度工作报告.pdf', 'application/pdf'],
      ['现场照片.png', 'image/png'],
    ]);
    expect(list[0].sha256).toBe(crypto.createHash('sha256').update(tinyPdf()).digest('hex'));
    const docx = await upload(wjw, reportId, [{ name: '附表.docx', bytes: await realDocx() }]);
    expect(docx.statusCode, docx.body).toBe(200);
  });

  it('rejects an .exe renamed .pdf, a text file named .docx and a zip that is not a docx — and stores none', async () => {
    const cases: [string, Buffer][] = [
      ['报告.pdf', fakeExe],
      ['报告.docx', Buffer.from('只是一段文字，不是 Word 文档', 'utf8')],
      ['材料.docx', await plainZip()],
    ];
    for (const [name, bytes] of cases) {
      const res = await upload(wjw, reportId, [
        { name: 'ok.pdf', bytes: tinyPdf() },
        { name, bytes },
      ]);
      expect(res.statusCode, name).toBe(400);
      expect(res.json().code).toBe('UNSUPPORTED_FILE_TYPE');
      expect(res.json().message).toContain(`文件“${name}”的内容不是PDF、Word（.docx、.doc）或图片（PNG、JPEG）`);
    }
    const detail = await wjw.get(`/api/documents/${reportId}`);
    expect(detail.json().attachments).toHaveLength(3);
  });

  it('downloads with the original Chinese name, audited; the office may download too', async () => {
    const detail = await office.get(`/api/documents/${reportId}`);
    const pdf = detail.json().attachments[0];
    const res = await office.get(`/api/documents/attachments/${pdf.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('2025年度工作报告.pdf')}`,
    );
    expect(res.rawPayload.equals(tinyPdf())).toBe(true);
    const [entry] = await t.db.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'document.attachment.download'), eq(auditLog.objectId, String(pdf.id))));
    expect(entry).toMatchObject({ username: 'office', detail: '2025年度工作报告.pdf', result: 'success' });
    expect((await jyj.get(`/api/documents/attachments/${pdf.id}`)).statusCode).toBe(404);
  });

  it('submits when complete; then it is read-only until withdrawn', async () => {
    const filled = await wjw.put('/api/documents/annual_work_report/2025', { sections: FULL, expectedVersion: 2 });
    expect(filled.statusCode, filled.body).toBe(200);
    const res = await wjwLeader.post(`/api/documents/${reportId}/submit`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().document).toMatchObject({ status: 'submitted', version: 4 });
    const edit = await wjw.put('/api/documents/annual_work_report/2025', { sections: FULL, expectedVersion: 4 });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().code).toBe('DOCUMENT_SUBMITTED');
    const att = (await wjw.get(`/api/documents/${reportId}`)).json().attachments[1];
    expect((await wjw.request({ method: 'DELETE', url: `/api/documents/attachments/${att.id}` })).statusCode).toBe(409);
  });

  it('shows the office who has and has not submitted', async () => {
    await jyj.put('/api/documents/implementation_plan/2025', {
      sections: { summary: '教育局实施方案' },
      expectedVersion: 0,
    });
    const res = await office.get('/api/documents/overview?year=2025');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.kinds).toEqual(['implementation_plan', 'annual_work_report', 'evaluation_report']);
    const row = (name: string) => body.units.find((u: { unitName: string }) => u.unitName === name);
    expect(row('区卫生健康委').documents.annual_work_report.status).toBe('submitted');
    expect(row('区卫生健康委').documents.implementation_plan.status).toBe('missing');
    expect(row('区教育局').documents.implementation_plan.status).toBe('draft');
    expect(row('区教育局').documents.annual_work_report.status).toBe('missing');
    expect(body.units.some((u: { unitName: string }) => u.unitName === '区妇儿工委办公室')).toBe(false);
    expect(body.totals.annual_work_report.submitted).toBe(1);
    expect(body.totals.annual_work_report.missing).toBe(body.units.length - 1);
    // No 评估报告 column outside the final evaluation year.
    expect((await office.get('/api/documents/overview?year=2024')).json().kinds).toEqual([
      'implementation_plan',
      'annual_work_report',
    ]);
    expect((await jyj.get('/api/documents/overview?year=2025')).statusCode).toBe(403);
  });

  it('the office sends a submitted report back with its reasons; the unit is told, corrects it and submits again', async () => {
    const before = (await wjw.get(`/api/documents/${reportId}`)).json().document;
    // No reason, a unit's own user, or another unit: refused, nothing changes.
    const empty = await office.post(`/api/documents/${reportId}/return`, { comment: '  ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().message).toContain('退回理由');
    expect((await wjwLeader.post(`/api/documents/${reportId}/return`, { comment: '自己退回' })).statusCode).toBe(403);
    expect((await wjw.get(`/api/documents/${reportId}`)).json().document).toMatchObject({
      status: 'submitted',
      version: before.version,
    });

    const reason = '“存在的问题”未写原因分析，请补充后重新报送。';
    const returned = await office.post(`/api/documents/${reportId}/return`, { comment: reason });
    expect(returned.statusCode, returned.body).toBe(200);
    expect(returned.json().document).toMatchObject({ status: 'draft', returnComment: reason });
    expect((await office.post(`/api/documents/${reportId}/return`, { comment: reason })).json().code).toBe(
      'NOT_SUBMITTED',
    );
    const detail = (await wjw.get(`/api/documents/${reportId}`)).json();
    expect(detail.document.returnComment).toBe(reason);
    expect(detail.history.at(-1)).toMatchObject({ action: 'return', newStatus: 'draft', comment: reason });
    const bell = (await wjw.get('/api/notices')).json().notices as { kind: string; body: string; link: string }[];
    expect(bell.find((n) => n.kind === 'document_returned')).toMatchObject({ link: '/documents' });
    expect(bell.find((n) => n.kind === 'document_returned')?.body).toContain(reason);
    expect(
      (await jyj.get('/api/notices')).json().notices.some((n: { kind: string }) => n.kind === 'document_returned'),
    ).toBe(false);

    const again = await wjwLeader.post(`/api/documents/${reportId}/submit`);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().document).toMatchObject({ status: 'submitted', returnComment: null });
  });

  it('checks years against the cycle', async () => {
    const res = await wjw.put('/api/documents/evaluation_report/2024', { sections: {}, expectedVersion: 0 });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('规划末年 2025');
    expect(
      (await wjw.put('/api/documents/annual_work_report/2030', { sections: {}, expectedVersion: 0 })).statusCode,
    ).toBe(400);
  });
});
