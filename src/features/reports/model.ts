// The report model: what a monitoring or evaluation report says, with no opinion on how it looks.
// Builders in src/reports/docx and src/reports/xlsx turn it into files; the narrative code fills it.
// Headings carry no numbers: the renderer numbers them (一、 /（一）/ 1. /（1）) so that inserting or
// removing a section never leaves a gap in the numbering.

export interface ReportDocument {
  /** A "\n" breaks a long title where the writer wants it broken. */
  title: string;
  subtitle?: string;
  /** The body that issues the report, e.g. 示范区妇女儿童工作委员会办公室 */
  issuer?: string;
  /** As printed under the title, e.g. 2026年11月 */
  date: string;
  /** Generated data: every page is marked 演示数据 */
  demo: boolean;
  blocks: Block[];
}

export type Block = Heading | Paragraph | Table | Chart | PageBreak;

/** Level 1 is numbered 一、, level 2 （一）, level 3 1., level 4 （1）. */
export interface Heading {
  kind: 'heading';
  level: 1 | 2 | 3 | 4;
  text: string;
}

export interface Run {
  text: string;
  bold?: boolean;
}

export interface Paragraph {
  kind: 'paragraph';
  runs: Run[];
}

export type Align = 'left' | 'center' | 'right';

/** A cell of a table header; a spanned cell covers the cells to its right / below, which are not listed again. */
export interface HeaderCell {
  text: string;
  colSpan?: number;
  rowSpan?: number;
}

export type CellValue = string | number | null;

export interface Column {
  /** Width in millimetres; tables wider than the type area are scaled down to fit it. */
  width: number;
  /** Defaults to left for text, right for numbers. */
  align?: Align;
  /** Decimal places for numbers in this column; omitted prints the number as given. */
  decimals?: number;
}

export interface Table {
  kind: 'table';
  /** 表题, printed centred above the table, e.g. 表1 妇女健康主要指标监测情况 */
  caption: string;
  /** Printed at the top right, e.g. 单位：% */
  unit?: string;
  columns: Column[];
  header: HeaderCell[][];
  rows: CellValue[][];
  /** Printed under the table, e.g. 注：…… or 资料来源：…… */
  note?: string;
  /** An appendix table (附表N): starts on a new page, in landscape when wider than the portrait type area. */
  appendix?: boolean;
}

export interface Chart {
  kind: 'chart';
  png: Uint8Array;
  /** Display size in CSS pixels (1/96 inch); the PNG may hold more pixels (rendered at a scale) for print. */
  width: number;
  height: number;
  /** 图题, printed centred under the chart, e.g. 图1 孕产妇死亡率变化情况 */
  caption: string;
}

export interface PageBreak {
  kind: 'pageBreak';
}

// Small constructors so that report code reads like the report it writes.

export const heading = (level: Heading['level'], text: string): Heading => ({ kind: 'heading', level, text });

export const paragraph = (...runs: (string | Run)[]): Paragraph => ({
  kind: 'paragraph',
  runs: runs.map((r) => (typeof r === 'string' ? { text: r } : r)),
});

export const pageBreak = (): PageBreak => ({ kind: 'pageBreak' });

// Where each cell of a multi-level table header sits in the column grid. Header rows list only the cells
// that start in them, so a cell spanning rows from above pushes the next cells of the rows below to the right.
// The Word and Excel builders both need these absolute positions.

export interface PlacedCell {
  cell: HeaderCell;
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
}

export function placeHeader(header: HeaderCell[][], columnCount: number): PlacedCell[][] {
  const taken = header.map(() => new Array<boolean>(columnCount).fill(false));
  return header.map((cells, row) => {
    let col = 0;
    return cells.map((cell) => {
      while (taken[row]![col]) col++;
      const rowSpan = cell.rowSpan ?? 1;
      const colSpan = cell.colSpan ?? 1;
      if (col + colSpan > columnCount || row + rowSpan > header.length) {
        throw new RangeError(`表头单元格“${cell.text}”超出表格范围（第${row + 1}行第${col + 1}列）`);
      }
      for (let r = row; r < row + rowSpan; r++) for (let c = col; c < col + colSpan; c++) taken[r]![c] = true;
      const placed = { cell, row, col, rowSpan, colSpan };
      col += colSpan;
      return placed;
    });
  });
}

export interface RowCell {
  placed: PlacedCell;
  /** The cell is merged down from a row above: Word needs a vMerge="continue" cell in its place. */
  continued: boolean;
}

/** Every header row as Word writes it: left to right, one entry per cell, continuations of row-spanning cells included. */
export function headerRows(header: HeaderCell[][], columnCount: number): RowCell[][] {
  const cover = header.map(() => new Array<PlacedCell | undefined>(columnCount));
  for (const p of placeHeader(header, columnCount).flat()) {
    for (let r = p.row; r < p.row + p.rowSpan; r++) for (let c = p.col; c < p.col + p.colSpan; c++) cover[r]![c] = p;
  }
  return cover.map((row, r) => {
    const cells: RowCell[] = [];
    for (let c = 0; c < columnCount; ) {
      const placed = row[c];
      if (!placed) throw new RangeError(`表头第${r + 1}行第${c + 1}列没有单元格`);
      cells.push({ placed, continued: placed.row !== r });
      c += placed.colSpan;
    }
    return cells;
  });
}
