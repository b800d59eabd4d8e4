// Renders a ReportDocument as a .docx laid out per GB/T 9704-2012 (党政机关公文格式): A4, type area
// 156 × 225 mm, 22 lines of 28 characters, 仿宋_GB2312 三号 body, page numbers "— 1 —" in 四号宋体,
// on the right of odd pages and the left of even pages (7.5), as printed double-sided documents do.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  HeightRule,
  ImageRun,
  type ISectionOptions,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableAnchorType,
  TableCell,
  TableLayoutType,
  TableRow,
  TextDirection,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import JSZip from 'jszip';
import type { Block, Chart, ReportDocument, Table as TableBlock } from '../model.ts';
import { DOC_GRID, footerDistance, MARGIN_MM, mm, PAGE, PT, TYPE_AREA_MM, twipsFromPt } from './layout.ts';
import { HeadingCounter } from './numbering.ts';
import { OFF_GRID_STYLES, STYLE, styles } from './styles.ts';
import { renderTable, tableWidthMm } from './table.ts';

export const DEMO_HEADER = '演示数据 — 非正式统计结果';
export const DEMO_NOTE = '（本报告使用演示数据，非正式统计结果）';

const HEADING_LEVEL = {
  1: HeadingLevel.HEADING_1,
  2: HeadingLevel.HEADING_2,
  3: HeadingLevel.HEADING_3,
  4: HeadingLevel.HEADING_4,
} as const;
/** 1 px = 1/96 inch, the unit of docx image sizes. */
const PX_PER_MM = 96 / 25.4;

type Content = Paragraph | Table;

export async function renderDocx(doc: ReportDocument): Promise<Buffer> {
  const document = new Document({
    title: doc.title,
    creator: doc.issuer ?? '',
    description: doc.demo ? DEMO_HEADER : '',
    evenAndOddHeaderAndFooters: true,
    styles,
    sections: buildSections(doc),
  });
  return offGridParagraphs(await Packer.toBuffer(document));
}

/**
 * Marks the off-grid styles' paragraphs as not snapping to the document grid (w:pPr/w:snapToGrid), which docx
 * cannot write: Word honours the run-level flag, LibreOffice only the paragraph one, and without it lays
 * table cells and the 二号 title on 16 pt character cells ("2021年" wrapping in a 18 mm column).
 */
async function offGridParagraphs(docx: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(docx);
  const xml = await zip.file('word/styles.xml')!.async('string');
  const marked = xml.replace(/<w:style [^>]*w:styleId="([^"]+)".*?<\/w:style>/gs, (style, id: string) =>
    OFF_GRID_STYLES.includes(id) ? style.replace('<w:pPr>', '<w:pPr><w:snapToGrid w:val="0"/>') : style,
  );
  zip.file('word/styles.xml', marked);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/**
 * Cuts the document into sections: portrait, except an appendix table wider than the portrait type area,
 * which gets a landscape section of its own (the page turned, so the type area becomes 225 mm wide).
 */
function buildSections(doc: ReportDocument): ISectionOptions[] {
  const sections: ISectionOptions[] = [];
  let children: Content[] = titleBlock(doc);
  const counter = new HeadingCounter();
  let appendixNo = 0;

  for (const block of doc.blocks) {
    if (block.kind === 'table' && block.appendix) {
      appendixNo += 1;
      const landscape = tableWidthMm(block) > TYPE_AREA_MM.portraitWidth;
      if (landscape) {
        // Two wide appendix tables in a row must not leave an empty portrait page between them.
        if (children.length > 0) sections.push(section(doc.demo, 'portrait', children));
        sections.push(section(doc.demo, 'landscape', appendixTable(block, appendixNo, true)));
        children = [];
      } else {
        children.push(...appendixTable(block, appendixNo, false));
      }
      continue;
    }
    children.push(...renderBlock(block, counter));
  }
  if (children.length > 0 || sections.length === 0) sections.push(section(doc.demo, 'portrait', children));
  return sections;
}

function section(demo: boolean, orientation: 'portrait' | 'landscape', children: Content[]): ISectionOptions {
  const landscape = orientation === 'landscape';
  // A turned page keeps the type area's size: the binding edge (left, 28 mm) becomes the top.
  const { top, right, bottom, left } = landscape
    ? { top: MARGIN_MM.left, right: MARGIN_MM.top, bottom: MARGIN_MM.right, left: MARGIN_MM.bottom }
    : MARGIN_MM;
  return {
    properties: {
      page: {
        // docx swaps width and height itself for landscape.
        size: {
          width: PAGE.width,
          height: PAGE.height,
          orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
        },
        margin: {
          top: mm(top),
          right: mm(right),
          bottom: mm(bottom),
          left: mm(left),
          header: PAGE.header,
          footer: footerDistance(bottom),
        },
      },
      grid: DOC_GRID,
    },
    headers: demo ? { default: demoHeader(), even: demoHeader() } : undefined,
    footers: landscape
      ? { default: turnedPageNumberFooter('odd'), even: turnedPageNumberFooter('even') }
      : { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
    children,
  };
}

function titleBlock(doc: ReportDocument): Paragraph[] {
  // A "\n" in the title breaks the line there: 7.3.3 wants long titles broken between words, symmetrically,
  // which only the writer can judge.
  const titleRuns = doc.title.split('\n').map((text, i) => new TextRun({ text, break: i > 0 ? 1 : undefined }));
  const lines = [new Paragraph({ heading: HeadingLevel.TITLE, children: titleRuns })];
  if (doc.subtitle) lines.push(new Paragraph({ style: STYLE.subtitle, text: doc.subtitle }));
  lines.push(new Paragraph({ style: STYLE.subtitle, text: [doc.issuer, doc.date].filter(Boolean).join('　') }));
  if (doc.demo) lines.push(new Paragraph({ style: STYLE.note, text: DEMO_NOTE }));
  // One blank body line between the title block and the text.
  lines.push(new Paragraph({ style: STYLE.body }));
  return lines;
}

function renderBlock(block: Block, counter: HeadingCounter): Content[] {
  switch (block.kind) {
    case 'heading':
      return [new Paragraph({ heading: HEADING_LEVEL[block.level], text: counter.next(block.level) + block.text })];
    case 'paragraph':
      return [
        new Paragraph({
          style: STYLE.body,
          children: block.runs.map((run) => new TextRun({ text: run.text, bold: run.bold || undefined })),
        }),
      ];
    case 'table':
      return renderTable(block, TYPE_AREA_MM.portraitWidth);
    case 'chart':
      return chart(block);
    case 'pageBreak':
      return [new Paragraph({ style: STYLE.body, pageBreakBefore: true })];
  }
}

function appendixTable(table: TableBlock, n: number, landscape: boolean): Content[] {
  // 附表N stands at the top left in 黑体 三号, as attachments (附件) do in official documents.
  // A landscape section already starts on a new page; in the portrait flow the label breaks the page.
  const label = new Paragraph({
    heading: HeadingLevel.HEADING_1,
    indent: { firstLine: 0, firstLineChars: 0 },
    pageBreakBefore: !landscape,
    text: `附表${n}`,
  });
  return [label, ...renderTable(table, landscape ? TYPE_AREA_MM.landscapeWidth : TYPE_AREA_MM.portraitWidth)];
}

/** Charts fill at most the type-area width, keeping their proportions. */
function chart(block: Chart): Paragraph[] {
  const maxWidth = TYPE_AREA_MM.portraitWidth * PX_PER_MM;
  const scale = Math.min(1, maxWidth / block.width);
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      // Auto line height, so the picture is not clipped to one 28.95 pt line.
      spacing: { before: twipsFromPt(6), after: 0 },
      children: [
        new ImageRun({
          type: 'png',
          data: block.png,
          transformation: { width: Math.round(block.width * scale), height: Math.round(block.height * scale) },
          altText: { name: block.caption, title: block.caption, description: block.caption },
        }),
      ],
    }),
    new Paragraph({ style: STYLE.caption, text: block.caption }),
  ];
}

function demoHeader(): Header {
  return new Header({ children: [new Paragraph({ style: STYLE.pageHeader, text: DEMO_HEADER })] });
}

const pageNumberRun = () => new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'] });

/** "— 1 —", one character (四号, 14 pt) in from the outer edge: right on odd pages, left on even pages. */
function pageNumberFooter(page: 'odd' | 'even'): Footer {
  const inset = twipsFromPt(PT.si);
  return new Footer({
    children: [
      new Paragraph({
        style: STYLE.pageNumber,
        alignment: page === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: page === 'odd' ? { right: inset } : { left: inset },
        children: [pageNumberRun()],
      }),
    ],
  });
}

/**
 * GB/T 9704 §10.1 (横排表格): a turned table page keeps its page number where the other pages have it, and the
 * table's head faces the binding edge on odd pages and the outer edge on even ones — the sheet's left edge
 * either way. So the number stands on the landscape page's left margin (the sheet's bottom), written top to
 * bottom (tbRl turns the digits to read upright on the sheet), 7 mm off the type area, one character in from
 * the sheet's outer corner: the landscape page's bottom on odd pages, its top on even pages.
 * A one-cell floating table holds it, as Word and LibreOffice both place and turn table cells.
 */
function turnedPageNumberFooter(page: 'odd' | 'even'): Footer {
  const box = { across: mm(8), along: mm(30) };
  // The cell's centre line 7 mm (the dash) + half a line outside the type area, as on portrait pages.
  const x = mm(MARGIN_MM.bottom - 7) - box.across;
  const inset = mm(MARGIN_MM.right) + twipsFromPt(PT.si);
  const y = page === 'odd' ? PAGE.width - inset - box.along : mm(MARGIN_MM.left) + twipsFromPt(PT.si);
  const none = { style: BorderStyle.NONE, size: 0, color: 'auto' };
  return new Footer({
    children: [
      new Table({
        float: {
          horizontalAnchor: TableAnchorType.PAGE,
          verticalAnchor: TableAnchorType.PAGE,
          absoluteHorizontalPosition: x,
          absoluteVerticalPosition: y,
        },
        layout: TableLayoutType.FIXED,
        width: { size: box.across, type: WidthType.DXA },
        columnWidths: [box.across],
        borders: { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none },
        rows: [
          new TableRow({
            height: { value: box.along, rule: HeightRule.EXACT },
            children: [
              new TableCell({
                width: { size: box.across, type: WidthType.DXA },
                textDirection: TextDirection.TOP_TO_BOTTOM_RIGHT_TO_LEFT,
                verticalAlign: VerticalAlignTable.CENTER,
                children: [
                  new Paragraph({
                    style: STYLE.pageNumber,
                    alignment: page === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
                    children: [pageNumberRun()],
                  }),
                ],
              }),
            ],
          }),
        ],
      }),
      // A footer must end with a paragraph.
      new Paragraph({ style: STYLE.pageNumber }),
    ],
  });
}
