import { beforeAll, describe, expect, it } from 'vitest';
import { chineseNumber } from '../../src/core/narrative/format.ts';
import { DEMO_HEADER, renderDocx } from '../../src/features/reports/docx/gbt9704.ts';
import { HeadingCounter } from '../../src/features/reports/docx/numbering.ts';
import { keepUnitsTogether } from '../../src/features/reports/docx/table.ts';
import { headerRows, heading, paragraph, placeHeader } from '../../src/features/reports/model.ts';
import { type DocxParts, paragraphTexts, readDocx, styleXml } from './docx-xml.ts';
import { sampleReport, sampleTable } from './sample.ts';

// GB/T 9704 numbers in twips (1 mm = 56.693 twips, 1 pt = 20 twips).
const A4 = { w: 11906, h: 16838 };
const MARGINS = { top: 2098, bottom: 1984, left: 1587, right: 1474 };
const EXACT_28_95 = 'w:line="579" w:lineRule="exact"';

describe('GB/T 9704 .docx', () => {
  let demo: DocxParts;
  let plain: DocxParts;
  beforeAll(async () => {
    demo = await readDocx(await renderDocx(await sampleReport(true)));
    plain = await readDocx(await renderDocx(await sampleReport(false)));
  });

  it('lays out A4 portrait pages with the standard margins, and a landscape section for the wide appendix table', () => {
    const sections = [...demo.document.matchAll(/<w:sectPr>.*?<\/w:sectPr>/gs)].map((m) => m[0]);
    expect(sections).toHaveLength(2);
    const [portrait, landscape] = sections as [string, string];
    expect(portrait).toContain(`<w:pgSz w:w="${A4.w}" w:h="${A4.h}" w:orient="portrait"/>`);
    const m = MARGINS;
    expect(portrait).toMatch(
      new RegExp(`<w:pgMar w:top="${m.top}" w:right="${m.right}" w:bottom="${m.bottom}" w:left="${m.left}"`),
    );
    // Turned page: the same type area, binding edge on top.
    expect(landscape).toContain(`<w:pgSz w:w="${A4.h}" w:h="${A4.w}" w:orient="landscape"/>`);
    expect(landscape).toMatch(
      new RegExp(`<w:pgMar w:top="${m.left}" w:right="${m.top}" w:bottom="${m.right}" w:left="${m.bottom}"`),
    );
  });

  it('puts two wide appendix tables on consecutive landscape sections, with no empty page between them', async () => {
    // Twice as wide as the sample: wider than the portrait type area (156 mm), so each gets a landscape page.
    const wide = {
      ...sampleTable,
      appendix: true,
      columns: sampleTable.columns.map((c) => ({ ...c, width: c.width * 2 })),
    };
    const report = await sampleReport(false);
    const parts = await readDocx(
      await renderDocx({ ...report, blocks: [paragraph('正文。'), wide, { ...wide, caption: '第二张附表' }] }),
    );
    const sections = [...parts.document.matchAll(/<w:sectPr>.*?<\/w:sectPr>/gs)].map((m) => m[0]);
    expect(sections.map((x) => (x.includes('w:orient="landscape"') ? 'landscape' : 'portrait'))).toEqual([
      'portrait',
      'landscape',
      'landscape',
    ]);
  });

  it('names the official fonts and sizes in the styles', () => {
    const s = demo.styles;
    expect(s).toContain('<w:rFonts w:ascii="Times New Roman" w:eastAsia="仿宋_GB2312" w:hAnsi="Times New Roman"/>');
    expect(styleXml(s, 'Title')).toContain('w:eastAsia="方正小标宋简体"');
    expect(styleXml(s, 'Title')).toContain('<w:sz w:val="44"/>'); // 二号
    expect(styleXml(s, 'Heading1')).toContain('w:eastAsia="黑体"');
    expect(styleXml(s, 'Heading2')).toContain('w:eastAsia="楷体_GB2312"');
    expect(styleXml(s, 'Heading3')).toContain('w:eastAsia="仿宋_GB2312"');
    expect(styleXml(s, 'Heading3')).toMatch(/<w:b\/>|<w:b w:val="true"\/>/);
    // 7.3.3: the fourth level （1） in 仿宋 too, regular so that it stands apart from the bold 1.
    expect(styleXml(s, 'Heading4')).toContain('w:eastAsia="仿宋_GB2312"');
    expect(styleXml(s, 'Heading4')).toMatch(/<w:b w:val="false"\/>/);
    for (const id of ['Heading1', 'Heading2', 'Heading3', 'Heading4', 'GwBody']) {
      expect(styleXml(s, id)).toContain('<w:sz w:val="32"/>'); // 三号
    }
    expect(styleXml(s, 'GwTableText')).toContain('w:eastAsia="仿宋_GB2312"');
    expect(styleXml(s, 'GwTableText')).toContain('<w:sz w:val="24"/>'); // 小四
  });

  it('sets the body to an exact 28.95 pt line with a two-character first-line indent', () => {
    const body = styleXml(demo.styles, 'GwBody');
    expect(body).toContain(EXACT_28_95);
    expect(body).toContain('w:firstLineChars="200"');
    expect(styleXml(demo.styles, 'Heading1')).toContain(EXACT_28_95);
  });

  it("sets Word's document grid to 22 lines of 28 characters, and a 三号 character fits one grid cell", () => {
    const sections = [...demo.document.matchAll(/<w:sectPr>.*?<\/w:sectPr>/gs)].map((m) => m[0]);
    for (const sectPr of sections) {
      const grid = sectPr.match(/<w:docGrid ([^>]*)\/>/)?.[1] ?? '';
      expect(grid).toContain('w:type="linesAndChars"');
      const attr = (name: string) => Number(grid.match(new RegExp(`w:${name}="(-?\\d+)"`))?.[1]);
      // 22 lines: the type area's 225 mm (12756 twips) over the line pitch.
      expect(Math.floor(12756 / attr('linePitch'))).toBe(22);
      // 28 characters: the portrait text width over the pitch, which is the Normal size (三号) plus charSpace/4096 pt.
      const textWidthPt = (A4.w - MARGINS.left - MARGINS.right) / 20;
      const pitch = 16 + attr('charSpace') / 4096;
      expect(Math.floor(textWidthPt / pitch)).toBe(28);
      expect(Math.floor(textWidthPt / 16)).toBe(27); // without the grid, 16 pt characters would give 27
    }
    // The pitch is measured from Normal's size, which must therefore be 三号 itself.
    expect(styleXml(demo.styles, 'Normal')).toContain('<w:sz w:val="32"/>');
    // The body's characters, condensed, are no wider than the pitch (LibreOffice would give them two cells).
    const spacing = Number(demo.styles.match(/<w:docDefaults>.*?<w:spacing w:val="(-?\d+)"\/>/s)?.[1]);
    const charSpace = Number(demo.document.match(/w:charSpace="(-?\d+)"/)?.[1]);
    expect(16 + spacing / 20).toBeLessThanOrEqual(16 + charSpace / 4096);
    // Tables, captions, the title and page numbers are off the grid, or their characters would take 三号 cells.
    for (const id of ['Title', 'Caption', 'GwTableText', 'GwPageNumber']) {
      expect(styleXml(demo.styles, id)).toContain('<w:snapToGrid w:val="0"/>');
    }
    expect(styleXml(demo.styles, 'GwBody')).not.toContain('snapToGrid');
  });

  it("puts the turned table page's number on the sheet's bottom edge, upright on the sheet (§10.1)", () => {
    const [landscape] = [...demo.document.matchAll(/<w:sectPr>.*?<\/w:sectPr>/gs)].map((m) => m[0]).slice(1);
    expect(landscape).toContain('w:orient="landscape"');
    const ids = [...landscape!.matchAll(/<w:footerReference w:type="(default|even)" r:id="([^"]+)"/g)];
    expect(ids).toHaveLength(2);
    // The landscape footers hold a floating one-cell table with the number written top to bottom, on the left margin.
    const turned = demo.footers.filter((f) => f.includes('<w:tblpPr'));
    expect(turned).toHaveLength(2);
    for (const f of turned) {
      expect(f).toContain('<w:textDirection w:val="tbRl"/>');
      expect(f).toContain('PAGE');
      const x = Number(f.match(/w:tblpX="(\d+)"/)?.[1]);
      expect(x).toBeLessThan(MARGINS.bottom); // inside the left margin, which is the sheet's bottom margin
    }
    // Odd pages: towards the landscape page's bottom (the sheet's outer corner); even: towards its top.
    const ys = turned.map((f) => Number(f.match(/w:tblpY="(\d+)"/)?.[1])).sort((a, b) => a - b);
    expect(ys[0]).toBeLessThan(A4.w / 2);
    expect(ys[1]).toBeGreaterThan(A4.w / 2);
  });

  it('keeps years and rate units in one piece inside table cells', () => {
    expect(keepUnitsTogether('孕产妇死亡率（1/10万）')).toBe('孕产妇死亡率（1\u2060/\u20601\u20600\u2060万）');
    expect(keepUnitsTogether('2021年')).toBe('2\u20600\u20602\u20601\u2060年');
    expect(keepUnitsTogether('妇女常见病筛查率')).toBe('妇女常见病筛查率');
    expect(paragraphTexts(demo.document)).toContain('2\u20600\u20602\u20604\u2060年');
  });

  it('numbers the headings and keeps them in order', () => {
    expect(paragraphTexts(demo.document, /^Heading[1234]$/)).toEqual([
      '一、总体情况',
      '（一）妇女与健康',
      '1.孕产妇死亡率',
      '（1）户籍孕产妇',
      '2.妇女常见病筛查率',
      '（二）妇女与教育',
      '二、存在的问题',
      '三、下一步工作建议',
      '附表1',
    ]);
    expect(paragraphTexts(demo.document)[0]).toBe('武清区妇女发展规划（2021—2025年）2025年度监测报告');
  });

  it('writes the table with repeated bold header rows, merged cells and formatted numbers', () => {
    const doc = demo.document;
    expect(doc).toContain('表1　妇女与健康领域主要指标监测情况');
    expect(doc.match(/<w:tblHeader\/>/g)?.length).toBe(4); // 2 header rows in each of 2 tables
    expect(doc).toContain('<w:gridSpan w:val="3"/>');
    expect(doc).toContain('<w:vMerge w:val="restart"/>');
    expect(doc).toContain('<w:vMerge w:val="continue"/>');
    expect(doc).toContain('<w:tblLayout w:type="fixed"/>');
    // 1 mm cell margins (57 twips), so that three 小四 characters fit a 15 mm column.
    expect(doc).toContain(
      '<w:tblCellMar><w:left w:type="dxa" w:w="57"/><w:right w:type="dxa" w:w="57"/></w:tblCellMar>',
    );
    expect(doc).toMatch(/<w:insideV w:val="single"[^>]*w:sz="4"/);
    expect(paragraphTexts(doc)).toContain('17.5');
    expect(paragraphTexts(doc)).toContain('0.0'); // decimals: 1
    expect(paragraphTexts(doc)).toContain('—'); // null
    expect(paragraphTexts(doc)).toContain('附表1');
  });

  it('embeds the chart as a PNG with its caption', () => {
    expect(demo.document).toContain('<pic:pic');
    expect(paragraphTexts(demo.document)).toContain('图1　孕产妇死亡率变化情况');
  });

  it('prints "— n —" page numbers, right on odd pages and left on even pages', () => {
    expect(demo.settings).toContain('<w:evenAndOddHeaders/>');
    const footers = demo.footers.join('');
    expect(footers).toContain('<w:instrText xml:space="preserve">PAGE</w:instrText>');
    expect(footers).toContain('>— </w:t>');
    expect(footers).toContain('> —</w:t>');
    expect(footers).toContain('<w:jc w:val="right"/>');
    expect(footers).toContain('<w:jc w:val="left"/>');
    expect(styleXml(demo.styles, 'GwPageNumber')).toContain('w:eastAsia="宋体"');
    expect(styleXml(demo.styles, 'GwPageNumber')).toContain('<w:sz w:val="28"/>'); // 四号
  });

  it('marks every page of a demo document, and nothing in a real one', () => {
    expect(demo.headers.length).toBeGreaterThan(0);
    for (const header of demo.headers) expect(paragraphTexts(header)).toContain(DEMO_HEADER);
    expect(demo.document).toMatch(/<w:headerReference w:type="default"/);
    expect(demo.document).toMatch(/<w:headerReference w:type="even"/);
    expect(paragraphTexts(demo.document)).toContain('（本报告使用演示数据，非正式统计结果）');

    expect(plain.headers.join('')).not.toContain('演示数据');
    expect(plain.document).not.toContain('演示数据');
  });

  it('renders a document without blocks', async () => {
    const parts = await readDocx(await renderDocx({ title: '空报告', date: '2026年1月', demo: false, blocks: [] }));
    expect(paragraphTexts(parts.document)[0]).toBe('空报告');
  });

  it('restarts lower heading numbers under a new higher heading', async () => {
    const doc = { title: 't', date: 'd', demo: false };
    const blocks = [
      heading(1, 'a'),
      heading(2, 'b'),
      heading(3, 'c'),
      heading(1, 'd'),
      heading(2, 'e'),
      paragraph('x'),
    ];
    const texts = paragraphTexts((await readDocx(await renderDocx({ ...doc, blocks }))).document);
    expect(texts).toEqual(expect.arrayContaining(['一、a', '（一）b', '1.c', '二、d', '（一）e']));
  });
});

describe('heading numbers', () => {
  it('writes Chinese numerals', () => {
    expect([1, 9, 10, 11, 20, 35, 99].map(chineseNumber)).toEqual([
      '一',
      '九',
      '十',
      '十一',
      '二十',
      '三十五',
      '九十九',
    ]);
    expect(() => chineseNumber(0)).toThrow(RangeError);
  });

  it('counts per level', () => {
    const c = new HeadingCounter();
    expect([c.next(1), c.next(2), c.next(2), c.next(3), c.next(4), c.next(4), c.next(3), c.next(4)]).toEqual([
      '一、',
      '（一）',
      '（二）',
      '1.',
      '（1）',
      '（2）',
      '2.',
      '（1）',
    ]);
    expect([c.next(1), c.next(3)]).toEqual(['二、', '1.']);
  });
});

describe('header grid', () => {
  it('places cells after row-spanning cells from above', () => {
    const placed = placeHeader(sampleTable.header, 6);
    expect(placed[1]!.map((p) => p.col)).toEqual([2, 3, 4]);
    const rows = headerRows(sampleTable.header, 6);
    expect(rows[1]!.map((r) => [r.placed.cell.text, r.continued])).toEqual([
      ['指标', true],
      ['目标值', true],
      ['2020年', false],
      ['2024年', false],
      ['2025年', false],
      ['评估结果', true],
    ]);
  });

  it('rejects headers that do not fill the grid', () => {
    expect(() => placeHeader([[{ text: 'a', colSpan: 3 }]], 2)).toThrow(/超出表格范围/);
    expect(() => headerRows([[{ text: 'a' }]], 2)).toThrow(/没有单元格/);
  });
});
