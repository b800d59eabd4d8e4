// A report table as hand-made Chinese statistical tables look: caption centred above, unit at the top
// right, full grid of thin borders, bold centred header repeated on every page, numbers right-aligned.
import {
  AlignmentType,
  BorderStyle,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  VerticalMergeType,
  WidthType,
} from 'docx';
import { type Align, type CellValue, type Column, headerRows, type Table as TableBlock } from '../model.ts';
import { halfPoints, mm, PT } from './layout.ts';
import { STYLE } from './styles.ts';

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;
const THIN = { style: BorderStyle.SINGLE, size: 4, color: '000000' }; // 0.5 pt
const BORDERS = {
  top: THIN,
  bottom: THIN,
  left: THIN,
  right: THIN,
  insideHorizontal: THIN,
  insideVertical: THIN,
};

/** WORD JOINER: no line break between the characters it stands between, in Word, WPS and LibreOffice. */
const JOIN = '\u2060';
/** A year (2021年) and a rate's unit (1/10万, /10万, ‰) read as one word: a narrow cell must not break them. */
const UNBREAKABLE = /\d{4}年|1?\/10万|1?\/万|1?\/千|‰/g;

/** Glues the characters of years and rate units together; the rest of the text still wraps as usual. */
export function keepUnitsTogether(text: string): string {
  return text.replace(UNBREAKABLE, (word) => [...word].join(JOIN));
}

/** Marks a missing value, as Chinese statistical tables do. */
export const NO_DATA = '—';

export const tableWidthMm = (table: TableBlock): number => sum(table.columns.map((c) => c.width));

export function formatCell(value: CellValue, column: Column | undefined): string {
  if (value === null) return NO_DATA;
  if (typeof value === 'string') return value;
  return column?.decimals === undefined ? String(value) : value.toFixed(column.decimals);
}

/**
 * Paragraphs and the table for one table block, fitted to `availableMm` (the type-area width).
 * Appendix tables print in 五号 so that wide tables stay legible without wrapping every cell.
 */
export function renderTable(table: TableBlock, availableMm: number): (Paragraph | Table)[] {
  const size = halfPoints(table.appendix ? PT.wu : PT.xiaosi);
  const scale = Math.min(1, availableMm / tableWidthMm(table));
  const widths = table.columns.map((c) => mm(c.width * scale));
  const text = (value: string, bold?: boolean) => new TextRun({ text: keepUnitsTogether(value), bold, size });

  // Continuation cells of vertical merges are written here, not left to docx, so that they carry the
  // table style too: an unstyled cell would take the body line height and make its row too tall.
  const headRows = headerRows(table.header, table.columns.length).map(
    (cells) =>
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: cells.map(
          ({ placed: { cell, col, colSpan, rowSpan }, continued }) =>
            new TableCell({
              width: { size: sum(widths.slice(col, col + colSpan)), type: WidthType.DXA },
              columnSpan: colSpan,
              verticalMerge:
                rowSpan > 1 ? (continued ? VerticalMergeType.CONTINUE : VerticalMergeType.RESTART) : undefined,
              verticalAlign: VerticalAlignTable.CENTER,
              children: [
                new Paragraph({
                  style: STYLE.tableText,
                  alignment: AlignmentType.CENTER,
                  children: continued ? [] : [text(cell.text, true)],
                }),
              ],
            }),
        ),
      }),
  );

  const bodyRows = table.rows.map(
    (row) =>
      new TableRow({
        cantSplit: true,
        children: row.map((value, i) => {
          const column = table.columns[i];
          return new TableCell({
            width: { size: widths[i] ?? 0, type: WidthType.DXA },
            verticalAlign: VerticalAlignTable.CENTER,
            children: [
              new Paragraph({
                style: STYLE.tableText,
                alignment: ALIGN[cellAlign(value, column?.align)],
                children: [text(formatCell(value, column))],
              }),
            ],
          });
        }),
      }),
  );

  const before: Paragraph[] = [new Paragraph({ style: STYLE.caption, keepNext: true, text: table.caption })];
  if (table.unit) {
    before.push(
      new Paragraph({
        style: STYLE.tableText,
        alignment: AlignmentType.RIGHT,
        keepNext: true,
        children: [text(table.unit)],
      }),
    );
  }
  // The note, then a short gap so the next heading or paragraph does not stick to the table.
  const after = [
    ...(table.note ? [new Paragraph({ style: STYLE.tableText, children: [text(table.note)] })] : []),
    new Paragraph({ style: STYLE.tableText }),
  ];

  return [
    ...before,
    new Table({
      width: { size: sum(widths), type: WidthType.DXA },
      columnWidths: widths,
      // Fixed layout: Word and WPS keep the given widths instead of resizing columns to their content.
      layout: TableLayoutType.FIXED,
      // 1 mm either side, as printed statistical tables have: Word's 1.9 mm default breaks 已实现 in a 15 mm column.
      margins: { left: mm(1), right: mm(1) },
      alignment: AlignmentType.CENTER,
      borders: BORDERS,
      rows: [...headRows, ...bodyRows],
    }),
    ...after,
  ];
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

function cellAlign(value: CellValue, align: Align | undefined): Align {
  if (align) return align;
  if (value === null) return 'center';
  return typeof value === 'number' ? 'right' : 'left';
}
