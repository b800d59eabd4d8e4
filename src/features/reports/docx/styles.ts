// Word styles for a GB/T 9704 report. Every paragraph names its style, so a user who edits the
// document in Word or WPS keeps the look by picking the same style from the gallery.
import { AlignmentType, type IStylesOptions, LineRuleType } from 'docx';
import { FONT, runFont } from './fonts.ts';
import { BODY_LINE, halfPoints, PT, twipsFromPt } from './layout.ts';

export const STYLE = {
  body: 'GwBody',
  tableText: 'GwTableText',
  caption: 'Caption',
  subtitle: 'GwSubtitle',
  note: 'GwDemoNote',
  pageHeader: 'GwPageHeader',
  pageNumber: 'GwPageNumber',
} as const;

/** Exact line heights everywhere: the page then holds exactly 22 body lines, whatever the fonts' metrics. */
const exact = (pt: number) => ({ line: twipsFromPt(pt), lineRule: LineRuleType.EXACT, before: 0, after: 0 });
const bodyLine = { line: BODY_LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 };
/** 2 characters; firstLine is the fallback for readers that ignore the character-based value. */
const indent2 = { firstLineChars: 200, firstLine: twipsFromPt(2 * PT.san) };

/**
 * Body text sits on the 28-character grid (DOC_GRID), whose pitch is 0.21 pt narrower than a 三号 character.
 * Word squeezes characters to the pitch; LibreOffice puts a character wider than the pitch across two
 * grid cells, so 三号 text is condensed by 0.25 pt (5 twips) to fit one cell there too.
 */
const GRID_FIT = -5;
/** Text in other sizes (title, tables, page numbers) keeps its natural spacing, off the grid. */
const offGrid = { snapToGrid: false, characterSpacing: 0 } as const;

/** The styles of that text (Title and Caption are Word's built-in ids). */
export const OFF_GRID_STYLES: readonly string[] = ['Title', 'Caption', 'GwTableText', 'GwPageHeader', 'GwPageNumber'];

/** The red of the demo-data marks: visible on screen, still legible when printed in black and white. */
export const DEMO_COLOR = 'C00000';

export const styles: IStylesOptions = {
  default: {
    document: {
      run: {
        font: runFont(FONT.fang),
        size: halfPoints(PT.san),
        characterSpacing: GRID_FIT,
        language: { value: 'en-US', eastAsia: 'zh-CN' },
      },
    },
    title: {
      run: { font: runFont(FONT.title, FONT.title), size: halfPoints(PT.er), bold: false, color: '000000', ...offGrid },
      paragraph: { alignment: AlignmentType.CENTER, spacing: exact(36) },
    },
    heading1: {
      run: { font: runFont(FONT.hei, FONT.hei), size: halfPoints(PT.san), bold: false, color: '000000' },
      paragraph: { spacing: bodyLine, indent: indent2, keepNext: true, outlineLevel: 0 },
    },
    heading2: {
      run: { font: runFont(FONT.kai), size: halfPoints(PT.san), bold: false, italics: false, color: '000000' },
      paragraph: { spacing: bodyLine, indent: indent2, keepNext: true, outlineLevel: 1 },
    },
    heading3: {
      run: { font: runFont(FONT.fang), size: halfPoints(PT.san), bold: true, color: '000000' },
      paragraph: { spacing: bodyLine, indent: indent2, keepNext: true, outlineLevel: 2 },
    },
    // 7.3.3: the third and fourth levels in 仿宋; locally 1. is bold and （1） regular, so the two stay apart.
    heading4: {
      run: { font: runFont(FONT.fang), size: halfPoints(PT.san), bold: false, italics: false, color: '000000' },
      paragraph: { spacing: bodyLine, indent: indent2, keepNext: true, outlineLevel: 3 },
    },
    caption: {
      run: {
        font: runFont(FONT.hei, FONT.hei),
        size: halfPoints(PT.xiaosi),
        bold: false,
        italics: false,
        color: '000000',
        ...offGrid,
      },
      paragraph: { alignment: AlignmentType.CENTER, spacing: exact(22) },
    },
  },
  paragraphStyles: [
    {
      // Normal carries the body size itself, not only the document defaults: LibreOffice sizes the character
      // grid (DOC_GRID) from Normal's own East Asian size and, without it, takes 12 pt and lays 18–20 characters a line.
      id: 'Normal',
      name: 'Normal',
      quickFormat: true,
      run: { font: runFont(FONT.fang), size: halfPoints(PT.san) },
    },
    {
      id: STYLE.body,
      name: '公文正文',
      quickFormat: true,
      run: { font: runFont(FONT.fang), size: halfPoints(PT.san) },
      paragraph: { alignment: AlignmentType.JUSTIFIED, spacing: bodyLine, indent: indent2 },
    },
    {
      id: STYLE.subtitle,
      name: '公文副标题',
      run: { font: runFont(FONT.kai), size: halfPoints(PT.san) },
      paragraph: { alignment: AlignmentType.CENTER, spacing: bodyLine },
    },
    {
      id: STYLE.note,
      name: '演示数据说明',
      run: { font: runFont(FONT.kai), size: halfPoints(PT.san), bold: true, color: DEMO_COLOR },
      paragraph: { alignment: AlignmentType.CENTER, spacing: bodyLine },
    },
    {
      id: STYLE.tableText,
      name: '表格文字',
      run: { font: runFont(FONT.fang), size: halfPoints(PT.xiaosi), ...offGrid },
      paragraph: { spacing: exact(18) },
    },
    {
      id: STYLE.pageHeader,
      name: '演示数据页眉',
      run: { font: runFont(FONT.hei, FONT.hei), size: halfPoints(PT.wu), color: DEMO_COLOR, ...offGrid },
      paragraph: { alignment: AlignmentType.CENTER, spacing: exact(14) },
    },
    {
      id: STYLE.pageNumber,
      name: '公文页码',
      // 7.5: 4号半角宋体阿拉伯数字, with an em dash (一字线) on either side.
      run: { font: runFont(FONT.song, FONT.song), size: halfPoints(PT.si), ...offGrid },
      paragraph: { spacing: exact(PT.si * 1.25) },
    },
  ],
};
