// Statistical tables (统计报表) in Excel, laid out as Chinese statistical forms are: the title, the form's
// identity block at the top right (表号 / 制表机关 / 批准机关 / 批准文号 / 有效期至), 填报单位 at the left, a multi-level
// header, the body, and the signature line (单位负责人 / 统计负责人 / 填表人 / 填表日期) under the table.
import type ExcelJS from 'exceljs';
import { exceljs } from '../../../platform/exceljs.ts';
import { type Align, type CellValue, type HeaderCell, placeHeader } from '../model.ts';

export interface StatColumn {
  /** Width in Excel character units. */
  width: number;
  /** Excel number format of the column's numbers: '0', '0.0', '0.00' … */
  numFmt?: string;
  /** Defaults to left for text, right for numbers. */
  align?: Align;
}

export interface StatSheet {
  /** Sheet tab name: at most 31 characters, none of [ ] : * ? / \ */
  name: string;
  title: string;
  /** 报告期, e.g. 2025年 */
  period?: string;
  /** 计量单位, e.g. 人、% */
  unit?: string;
  columns: StatColumn[];
  header: HeaderCell[][];
  /** Missing values (null) stay empty cells, so that sums and formulas over the column still work. */
  rows: CellValue[][];
  /** 说明 lines printed under the signature line. */
  notes?: string[];
  /** 表号 of this table (each table has its own); defaults to the workbook's. */
  formNo?: string;
  /** Number format per body row (an indicator's published decimals), over the column's. */
  rowNumFmt?: (string | undefined)[];
}

export interface StatMeta {
  formNo: string;
  issuer: string;
  /** 批准机关; an empty string prints the label alone, to be filled in by hand; undefined leaves the line out. */
  approvedBy?: string;
  approvalNo: string;
  /** As approvedBy. */
  validUntil?: string;
  unitName: string;
  demo: boolean;
}

export const DEMO_MARK = '演示数据 — 非正式统计结果';
export const SIGNATURES = ['单位负责人：', '统计负责人：', '填表人：', '填表日期：　　年　月　日'];

const FONT = '宋体';
const DEMO_COLOR = 'FFC00000';
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

export function buildStatWorkbook(sheets: StatSheet[], meta: StatMeta): ExcelJS.Workbook {
  const workbook = new (exceljs().Workbook)();
  workbook.creator = meta.issuer;
  for (const sheet of sheets) addSheet(workbook, sheet, meta);
  return workbook;
}

function addSheet(workbook: ExcelJS.Workbook, sheet: StatSheet, meta: StatMeta): void {
  checkSheetName(sheet.name);
  const n = sheet.columns.length;
  const ws = workbook.addWorksheet(sheet.name);
  ws.columns = sheet.columns.map((c) => ({ width: c.width }));
  const font = (extra: Partial<ExcelJS.Font> = {}): Partial<ExcelJS.Font> => ({ name: FONT, size: 10.5, ...extra });
  const merge = (row: number, fromCol: number, toCol: number) => {
    if (toCol > fromCol) ws.mergeCells(row, fromCol, row, toCol);
  };

  // Title: merged over the table, with the demo mark in red inside the same cell so it cannot be lost.
  const title = ws.getCell(1, 1);
  title.value = meta.demo
    ? {
        richText: [
          { text: sheet.title, font: font({ size: 18, bold: true }) },
          { text: '（演示数据）', font: font({ size: 18, bold: true, color: { argb: DEMO_COLOR } }) },
        ],
      }
    : sheet.title;
  title.font = font({ size: 18, bold: true });
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 36;
  merge(1, 1, n);

  // The form's identity at the top right; 填报单位 and the period share the block's last line.
  const identity = [
    `表　　号：${sheet.formNo ?? meta.formNo}`,
    `制表机关：${meta.issuer}`,
    ...(meta.approvedBy !== undefined ? [`批准机关：${meta.approvedBy}`] : []),
    `批准文号：${meta.approvalNo}`,
    ...(meta.validUntil !== undefined ? [`有效期至：${meta.validUntil}`] : []),
  ];
  const { left, middle, right } = blockColumns(n);
  identity.forEach((text, i) => {
    const row = 2 + i;
    ws.getCell(row, right.from).value = text;
    ws.getCell(row, right.from).font = font();
    merge(row, right.from, right.to);
  });
  const lastBlockRow = 1 + identity.length;
  const period = [sheet.period, sheet.unit && `计量单位：${sheet.unit}`].filter(Boolean).join('　　');
  const unitCell = ws.getCell(lastBlockRow, left.from);
  unitCell.value = middle
    ? `填报单位：${meta.unitName}`
    : [`填报单位：${meta.unitName}`, period].filter(Boolean).join('　　');
  unitCell.font = font();
  merge(lastBlockRow, left.from, left.to);
  if (middle && period) {
    const cell = ws.getCell(lastBlockRow, middle.from);
    cell.value = period;
    cell.font = font();
    cell.alignment = { horizontal: 'center' };
    merge(lastBlockRow, middle.from, middle.to);
  }

  // Header: merged cells as the model places them; every cell of a merge gets the border, or Excel
  // draws the merged area with gaps in its outline.
  const headerStart = lastBlockRow + 1;
  const headerEnd = headerStart + sheet.header.length - 1;
  for (const p of placeHeader(sheet.header, n).flat()) {
    const row = headerStart + p.row;
    for (let r = row; r < row + p.rowSpan; r++) {
      for (let c = p.col + 1; c <= p.col + p.colSpan; c++) {
        const cell = ws.getCell(r, c);
        cell.border = THIN;
        cell.font = font({ bold: true });
        cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      }
    }
    ws.getCell(row, p.col + 1).value = p.cell.text;
    if (p.rowSpan > 1 || p.colSpan > 1) ws.mergeCells(row, p.col + 1, row + p.rowSpan - 1, p.col + p.colSpan);
  }

  // Body.
  sheet.rows.forEach((values, i) => {
    const row = headerEnd + 1 + i;
    sheet.columns.forEach((column, c) => {
      const value = values[c] ?? null;
      const cell = ws.getCell(row, c + 1);
      cell.value = value;
      cell.border = THIN;
      cell.font = font();
      const numFmt = sheet.rowNumFmt?.[i] ?? column.numFmt;
      if (numFmt && typeof value === 'number') cell.numFmt = numFmt;
      const horizontal = column.align ?? (typeof value === 'number' ? 'right' : 'left');
      cell.alignment = { horizontal, vertical: 'middle', wrapText: true };
    });
  });

  // Signature line, then the notes.
  const footerRow = headerEnd + sheet.rows.length + 1;
  signatureGroups(n).forEach(({ from, to }, i, groups) => {
    const cell = ws.getCell(footerRow, from);
    cell.value = groups.length === SIGNATURES.length ? SIGNATURES[i]! : SIGNATURES.join('　　　　');
    cell.font = font();
    merge(footerRow, from, to);
  });
  ws.getRow(footerRow).height = 24;
  (sheet.notes ?? []).forEach((note, i) => {
    const row = footerRow + 1 + i;
    const cell = ws.getCell(row, 1);
    cell.value = i === 0 ? `说明：${note}` : note;
    cell.font = font({ size: 9 });
    cell.alignment = { wrapText: true, vertical: 'top' };
    merge(row, 1, n);
  });

  // Header stays in view while scrolling, and is printed again on every page.
  ws.views = [{ state: 'frozen', ySplit: headerEnd, xSplit: 1, topLeftCell: ws.getCell(headerEnd + 1, 2).address }];
  ws.pageSetup = {
    paperSize: 9, // A4
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0, // as many pages tall as needed
    horizontalCentered: true,
    printTitlesRow: `${headerStart}:${headerEnd}`,
    margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
  };
  ws.headerFooter = {
    oddHeader: meta.demo ? `&C&"黑体,常规"&12&K${DEMO_COLOR.slice(2)}${DEMO_MARK}` : '',
    oddFooter: '&C第 &P 页，共 &N 页',
  };
}

interface Span {
  from: number;
  to: number;
}

/** Splits the columns (1-based) into the header block's left, middle and right parts; middle may be empty. */
function blockColumns(n: number): { left: Span; middle?: Span; right: Span } {
  if (n === 1) return { left: { from: 1, to: 1 }, right: { from: 1, to: 1 } };
  const rightWidth = Math.max(1, Math.ceil(n / 3));
  const leftWidth = Math.max(1, Math.min(Math.floor(n / 3), n - rightWidth));
  const right = { from: n - rightWidth + 1, to: n };
  const left = { from: 1, to: leftWidth };
  const middle = right.from - 1 > leftWidth ? { from: leftWidth + 1, to: right.from - 1 } : undefined;
  return { left, middle, right };
}

/** Four equal-ish groups of columns for the four signatures, or one merged cell when the table is narrower. */
function signatureGroups(n: number): Span[] {
  if (n < SIGNATURES.length) return [{ from: 1, to: n }];
  const groups: Span[] = [];
  let from = 1;
  for (let i = 0; i < SIGNATURES.length; i++) {
    const width = Math.floor(n / SIGNATURES.length) + (i < n % SIGNATURES.length ? 1 : 0);
    groups.push({ from, to: from + width - 1 });
    from += width;
  }
  return groups;
}

function checkSheetName(name: string): void {
  if (name.length === 0 || name.length > 31 || /[[\]:*?/\\]/.test(name)) {
    throw new Error(`工作表名称“${name}”不可用：须为1–31个字符，且不含 [ ] : * ? / \\`);
  }
}
