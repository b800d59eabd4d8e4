// Generates the reports from demo data through the API and opens the files: the .docx XML (headings per domain,
// numbers equal to the engine's, page setup, fonts, demo header), the .xlsx read back with exceljs, versions
// with edits, and one report rendered with LibreOffice into artifacts/reports/annual/ to look at.
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { num } from '../../src/core/assessment/format.ts';
import { domainHeading, overall, percent } from '../../src/core/narrative/index.ts';
import {
  indicator,
  orgUnit,
  reportFile,
  supervisionNotice,
  supervisionStep,
  unitDocument,
} from '../../src/db/schema/index.ts';
import { type Analysis, analyse, warningsOf } from '../../src/features/analysis/analyse.ts';
import { MARGIN_MM, mm } from '../../src/features/reports/docx/layout.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { ENGINES } from '../helpers/db.ts';
import { type Client, login } from '../helpers/session.ts';
import { paragraphTexts, readDocx } from './docx-xml.ts';

const FOLDER = 'wuqing-2021-2025';
const OUT = 'artifacts/reports/annual';
const SLOW = 600_000;

function onPath(command: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe.each(ENGINES)('reports generated from demo data on %s', (engine) => {
  let t: TestApp;
  let office: Client;
  let leader: Client;
  let analysis: Analysis;
  let annualDraftId: number;
  let firstFileId: number;
  let annualDocx: Buffer;

  beforeAll(async () => {
    t = await createTestApp(engine, {}, { demoData: true });
    office = await login(t.app, 'office');
    leader = await login(t.app, 'leader');
    const db = t.db.database.db;
    analysis = await analyse(db, { folderId: FOLDER, asOf: 2025 });
    // A 督办 answer and a unit's work report, which 存在的问题 and 对策建议 quote.
    const [ind] = await db.select().from(indicator).where(eq(indicator.name, '孕产妇系统管理率'));
    const [unit] = await db.select().from(orgUnit).where(eq(orgUnit.name, '区卫生健康委'));
    const [notice] = await db
      .insert(supervisionNotice)
      .values({
        indicatorId: ind!.id,
        unitId: unit!.id,
        warning: { kinds: ['预计达标困难'], reasons: ['进度落后'], status: '预计达标困难', year: 2024 },
        requirement: '请分析原因并提出整改措施',
        deadline: '2026-03-31',
        status: 'answered',
      })
      .returning();
    await db.insert(supervisionStep).values({
      noticeId: notice!.id,
      kind: 'answer',
      content: { causes: '流动孕产妇早孕建册不及时', measures: '推行孕产妇全程电子化管理', effect: '2025年达到90%' },
    });
    await db.insert(unitDocument).values({
      folderId: FOLDER,
      unitId: unit!.id,
      kind: 'annual_work_report',
      year: 2025,
      status: 'submitted',
      sections: {
        implementation: '……',
        problems: '基层妇幼保健人员不足',
        causes: '编制紧张',
        countermeasures: '通过公开招聘补充妇幼保健人员',
        nextYear: '……',
      },
    });
  }, SLOW);
  afterAll(() => t.close());

  it(
    'drafts and generates the 2025 annual monitoring report for both plans',
    async () => {
      const created = await office.post('/api/reports/drafts', {
        kind: 'annual_monitoring',
        year: 2025,
        scope: 'both',
      });
      expect(created.statusCode, created.body).toBe(200);
      const { draft } = created.json();
      annualDraftId = draft.id;
      const headingKeys = draft.sections.filter((s: { key: string }) => s.key.endsWith('.heading'));
      expect(headingKeys).toHaveLength(15);
      // Opening it again returns the same draft.
      const again = await office.post('/api/reports/drafts', { kind: 'annual_monitoring', year: 2025, scope: 'both' });
      expect(again.json().draft.id).toBe(draft.id);

      expect((await leader.post(`/api/reports/drafts/${draft.id}/generate`, {})).statusCode).toBe(403);
      const generated = await office.post(`/api/reports/drafts/${draft.id}/generate`, {});
      expect(generated.statusCode, generated.body).toBe(200);
      const file = generated.json().file;
      expect(file).toMatchObject({ version: 1, format: 'docx', demo: true, basis: 'approved' });
      expect(file.fileName).toBe('天津市武清区妇女和儿童发展“十四五”规划2025年统计监测报告（第1版）.docx');
      firstFileId = file.id;

      const download = await leader.get(`/api/reports/files/${file.id}`);
      expect(download.statusCode).toBe(200);
      expect(download.headers['content-disposition']).toContain(encodeURIComponent(file.fileName));
      annualDocx = download.rawPayload;
      const docx = await readDocx(annualDocx);
      const body = paragraphTexts(docx.document);

      // A verdict heading per domain, derived from its roll-up, and each domain's paragraph naming it.
      const h2 = paragraphTexts(docx.document, /^Heading2$/);
      const domains = analysis.byDomain;
      expect(domains).toHaveLength(15);
      for (const d of domains) {
        const inds = analysis.indicators.filter((i) => i.planId === d.planId && i.domainCode === d.domainCode);
        expect(h2.some((h) => h.endsWith(domainHeading(d, inds, 'annual')))).toBe(true);
        expect(body.some((p) => p.startsWith(`${d.domainName}领域`))).toBe(true);
      }
      const h1 = paragraphTexts(docx.document, /^Heading1$/);
      expect(h1).toEqual(
        expect.arrayContaining([
          '一、妇女发展规划主要指标监测情况',
          '二、儿童发展规划主要指标监测情况',
          '三、监测预警情况',
          '四、存在的问题',
          '五、对策建议',
          '附表1',
          '附表2',
        ]),
      );

      // The opening paragraph carries the roll-up's 达标率, overall and per plan.
      const opening = body.find((p) => p.includes('达标率为'))!;
      expect(opening).toContain(`达标率为${percent(overall(analysis.byPlan).rate)}`);
      expect(opening).toContain(
        `妇女发展规划${analysis.byPlan[0]!.assessed}项中达标${analysis.byPlan[0]!.met}项（${percent(analysis.byPlan[0]!.rate)}）`,
      );
      expect(opening).toContain(
        `儿童发展规划${analysis.byPlan[1]!.assessed}项中达标${analysis.byPlan[1]!.met}项（${percent(analysis.byPlan[1]!.rate)}）`,
      );

      // An indicator's sentence carries the engine's latest value.
      const item = analysis.indicators.find((i) => i.name === '孕产妇死亡率')!;
      const [row] = await t.db.database.db.select().from(indicator).where(eq(indicator.id, item.id));
      // In a sentence of its year: a domain paragraph may hold several sentences, each opening with its own year.
      const sentence = new RegExp(
        `${item.result.year}年，([^。]*；)?孕产妇死亡率为${num(item.result.value!, row!.precision)}/10万`,
      );
      expect(body.some((p) => sentence.test(p))).toBe(true);

      // The warnings, and what the units said, in 存在的问题 / 对策建议.
      for (const w of warningsOf(analysis)) expect(body.some((p) => p.startsWith(`${w.name}（`))).toBe(true);
      expect(body.some((p) => p.includes('区卫生健康委分析原因为：流动孕产妇早孕建册不及时'))).toBe(true);
      expect(body.some((p) => p.includes('区卫生健康委反映基层妇幼保健人员不足'))).toBe(true);
      expect(body.some((p) => p.includes('推行孕产妇全程电子化管理'))).toBe(true);

      // Page setup (A4, GB/T 9704 margins), fonts, the demo header and the page-number field.
      expect(docx.document).toContain('<w:pgSz w:w="11906" w:h="16838"');
      expect(docx.document).toMatch(
        new RegExp(
          `<w:pgMar w:top="${mm(MARGIN_MM.top)}" w:right="${mm(MARGIN_MM.right)}" w:bottom="${mm(MARGIN_MM.bottom)}" w:left="${mm(MARGIN_MM.left)}"`,
        ),
      );
      for (const font of ['仿宋_GB2312', '黑体', '楷体_GB2312', '方正小标宋简体']) expect(docx.styles).toContain(font);
      expect(docx.headers.length).toBeGreaterThan(0);
      for (const h of docx.headers) expect(h).toContain('演示数据 — 非正式统计结果');
      expect(docx.footers.join('')).toContain('PAGE');

      // The 达标率 chart and a trend chart per warned indicator; the appendix rows.
      const zip = await JSZip.loadAsync(annualDocx);
      const images = Object.keys(zip.files).filter((f) => f.startsWith('word/media/'));
      expect(images.length).toBe(1 + warningsOf(analysis).length);
      expect(body).toContain(`图1　各领域监测指标达标率`);
      expect(docx.document).toContain(item.code);
    },
    SLOW,
  );

  it(
    'keeps edits per version: an edited section appears in the next version and the first still downloads unchanged',
    async () => {
      const { draft } = (await office.get(`/api/reports/drafts/${annualDraftId}`)).json();
      const edited = '一是办公室修改后的问题段落，用于检验编辑是否写入报告。';
      const saved = await office.put(`/api/reports/drafts/${annualDraftId}`, {
        sections: { problems: edited },
        version: draft.version,
      });
      expect(saved.statusCode, saved.body).toBe(200);
      const stale = await office.put(`/api/reports/drafts/${annualDraftId}`, {
        sections: { problems: '过时的修改' },
        version: draft.version,
      });
      expect(stale.statusCode).toBe(409);
      expect((await leader.put(`/api/reports/drafts/${annualDraftId}`, { sections: {}, version: 1 })).statusCode).toBe(
        403,
      );

      const second = (await office.post(`/api/reports/drafts/${annualDraftId}/generate`, {})).json().file;
      expect(second.version).toBe(2);
      expect(second.fileName).toBe('天津市武清区妇女和儿童发展“十四五”规划2025年统计监测报告（第2版）.docx');
      const v2 = await readDocx((await office.get(`/api/reports/files/${second.id}`)).rawPayload);
      expect(paragraphTexts(v2.document)).toContain(edited);

      const again = (await office.get(`/api/reports/files/${firstFileId}`)).rawPayload;
      expect(Buffer.compare(again, annualDocx)).toBe(0);
      const [stored] = await t.db.database.db.select().from(reportFile).where(eq(reportFile.id, firstFileId));
      expect(crypto.createHash('sha256').update(again).digest('hex')).toBe(stored!.sha256);
      expect(paragraphTexts((await readDocx(again)).document)).not.toContain(edited);

      const list = (await leader.get('/api/reports')).json();
      expect(list.files.filter((f: { draftId: number }) => f.draftId === annualDraftId)).toHaveLength(2);
    },
    SLOW,
  );

  it(
    'generates the final monitoring report and the evaluation report with their structure',
    async () => {
      const final = (
        await office.post('/api/reports/drafts', { kind: 'final_monitoring', year: 2025, scope: 'both' })
      ).json().draft;
      const file = (await office.post(`/api/reports/drafts/${final.id}/generate`, {})).json().file;
      expect(file.fileName).toBe('天津市武清区妇女和儿童发展“十四五”规划终期统计监测报告（第1版）.docx');
      const docx = await readDocx((await office.get(`/api/reports/files/${file.id}`)).rawPayload);
      const body = paragraphTexts(docx.document);
      expect(body.join('')).toContain('终期统计监测报告');
      expect(body.join('')).toContain('武清区统计局（监测组）');
      expect(body.some((p) => /^\d{4}年，.+比2020年/.test(p))).toBe(true);
      expect(paragraphTexts(docx.document, /^Heading2$/)).toHaveLength(15);

      const evaluation = (
        await office.post('/api/reports/drafts', {
          kind: 'annual_evaluation',
          year: 2025,
          scope: 'wuqing-women-2021-2025',
        })
      ).json().draft;
      const evalFile = (await office.post(`/api/reports/drafts/${evaluation.id}/generate`, {})).json().file;
      expect(evalFile.fileName).toBe('天津市武清区妇女发展“十四五”规划2025年度评估报告（第1版）.docx');
      const ev = await readDocx((await office.get(`/api/reports/files/${evalFile.id}`)).rawPayload);
      expect(paragraphTexts(ev.document, /^Heading1$/)).toEqual([
        '一、评估工作开展情况',
        '二、主要指标完成情况',
        // The demo data's 督办, inspections and meetings of 2025 (issue 17).
        '三、督办督查和议事协调事项办理情况',
        '四、存在的问题及原因',
        '五、对策建议',
        '附表1',
        // More units wrote than the body quotes: their points are in a table the body names.
        '附表2',
      ]);
      expect(paragraphTexts(ev.document, /^Heading2$/)).toHaveLength(8);
      const evBody = paragraphTexts(ev.document);
      expect(evBody).toContain('成员单位反映的主要问题和对策建议');
      expect(evBody.join('')).toMatch(/另有\d+家单位反映的具体问题和原因见附表“成员单位反映的主要问题和对策建议”/);
    },
    SLOW,
  );

  it(
    'streams the steps of a generation as they happen, then the file, on the basis asked for',
    async () => {
      const draft = (
        await office.post('/api/reports/drafts', { kind: 'annual_monitoring', year: 2024, scope: 'both' })
      ).json().draft;
      const res = await office.request({
        method: 'POST',
        url: `/api/reports/drafts/${draft.id}/generate`,
        payload: { basis: 'preliminary' },
        headers: { accept: 'application/x-ndjson' },
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toContain('application/x-ndjson');
      const lines = res.body
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
      const steps = lines.filter((l) => l.progress).map((l) => l.progress);
      // Data, texts, each warned indicator's chart, layout, saving: in order, the bar only moving forward.
      expect(steps[0].label).toBe('汇总监测数据');
      const charts = steps.filter((p: { label: string }) => p.label.startsWith('绘制图表'));
      expect(charts.length).toBeGreaterThan(3);
      expect(charts.at(-1).label).toBe(`绘制图表（${charts.length}/${charts.length}）`);
      expect(steps.map((p: { label: string }) => p.label)).toEqual(
        expect.arrayContaining(['起草报告文字', '排版生成 Word 文件', '保存报告文件']),
      );
      const percents = steps.map((p: { percent: number }) => p.percent);
      expect(percents).toEqual([...percents].sort((a, b) => a - b));
      expect(lines.at(-1).done.file).toMatchObject({ format: 'docx', basis: 'preliminary' });
      expect(lines.filter((l) => l.done)).toHaveLength(1);
      // What is refused before the work starts (no such draft) is a plain error status, not a stream.
      const stranger = await office.request({
        method: 'POST',
        url: '/api/reports/drafts/999999/generate',
        payload: {},
        headers: { accept: 'application/x-ndjson' },
      });
      expect(stranger.statusCode).toBe(404);
    },
    SLOW,
  );

  it(
    'generates the statistical tables with the form header and footer, a sheet per plan and the sex and town sheets',
    async () => {
      const draft = (
        await office.post('/api/reports/drafts', { kind: 'stat_tables', year: 2025, scope: 'both' })
      ).json().draft;
      const file = (await office.post(`/api/reports/drafts/${draft.id}/generate`, {})).json().file;
      expect(file.format).toBe('xlsx');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await office.get(`/api/reports/files/${file.id}`)).rawPayload as never);
      expect(wb.worksheets.map((w) => w.name)).toEqual(['妇女发展规划', '儿童发展规划', '分性别', '分镇街']);
      for (const ws of wb.worksheets) {
        const texts: string[] = [];
        ws.eachRow((row) =>
          row.eachCell((c) => {
            texts.push(typeof c.value === 'string' ? c.value : JSON.stringify(c.value));
          }),
        );
        const all = texts.join('\n');
        for (const label of [
          '表　　号：',
          '制表机关：',
          '批准文号：',
          '单位负责人：',
          '统计负责人：',
          '填表人：',
          '填表日期：',
        ]) {
          expect(all).toContain(label);
        }
        expect(all).toContain('演示数据');
      }
      // Every indicator's values equal the analysis.
      const women = wb.getWorksheet('妇女发展规划')!;
      const rows = new Map<string, ExcelJS.CellValue[]>();
      women.eachRow((row) => {
        const values = (row.values as ExcelJS.CellValue[]).slice(1);
        if (typeof values[0] === 'string') rows.set(values[0], values);
      });
      const items = analysis.indicators.filter((i) => i.planId === 'wuqing-women-2021-2025');
      for (const i of items) {
        const row = rows.get(i.code)!;
        expect(row[1]).toBe(i.name);
        expect(Array.from({ length: i.values.length }, (_, k) => row[3 + k] ?? null)).toEqual(i.values);
        expect(row[3 + i.values.length + 1]).toBe(i.result.status);
      }
      // One 表号 per table, a 栏号 row (甲 乙 丙 1 2 …), each value at its indicator's published decimals.
      const formNos = wb.worksheets.map((ws) => {
        let no = '';
        ws.eachRow((row) =>
          row.eachCell((c) => {
            if (typeof c.value === 'string' && c.value.startsWith('表　　号：')) no = c.value;
          }),
        );
        return no;
      });
      expect(new Set(formNos).size).toBe(wb.worksheets.length);
      let columnNumbers = false;
      women.eachRow((row) => {
        if (row.getCell(1).value === '甲' && row.getCell(2).value === '乙' && row.getCell(4).value === '1')
          columnNumbers = true;
      });
      expect(columnNumbers).toBe(true);
      women.eachRow((row) => {
        const code = row.getCell(1).value;
        if (code === 'W1-01') expect(row.getCell(4).numFmt).toBe('0.00');
        if (code === 'W1-05') expect(row.getCell(4).numFmt).toBe('0.0');
      });
      const sex = wb.getWorksheet('分性别')!;
      expect(sex.rowCount).toBeGreaterThan(10);
      sex.eachRow((row) => {
        if (/^[A-Z]+\d+-\d+$/.test(String(row.getCell(1).value ?? ''))) {
          expect(String(row.getCell(2).value)).not.toMatch(/差距/);
        }
      });
      const towns = wb.getWorksheet('分镇街')!;
      const townItem = analysis.indicators.find((i) => i.towns?.length)!;
      const first = townItem.towns!.find((x) => x.value !== null)!;
      let found = false;
      towns.eachRow((row) => {
        if (row.getCell(1).value === first.area) {
          found = (row.values as ExcelJS.CellValue[]).includes(first.value as number);
        }
      });
      expect(found).toBe(true);
    },
    SLOW,
  );

  it.skipIf(engine !== 'pglite' || !onPath('soffice'))(
    'renders the annual report with LibreOffice into artifacts/reports/annual/',
    async () => {
      await rm(OUT, { recursive: true, force: true });
      await mkdir(OUT, { recursive: true });
      const path = join(OUT, 'annual-2025.docx');
      await writeFile(path, annualDocx);
      execFileSync('scripts/render-docx.sh', [path, OUT], { stdio: 'pipe', timeout: 300_000 });
      const info = execFileSync('pdfinfo', [join(OUT, 'annual-2025.pdf')], { encoding: 'utf8' });
      const pages = Number(info.match(/^Pages:\s+(\d+)/m)?.[1]);
      expect(pages).toBeGreaterThan(5);
      expect((await readdir(OUT)).filter((f) => f.endsWith('.png'))).toHaveLength(pages);
    },
    SLOW,
  );
});
