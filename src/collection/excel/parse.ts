import ExcelJS from 'exceljs';
import type { Sex } from '../../core/collection/entry.ts';
import { AppError } from '../../server/errors.ts';
import {
  DATA_SHEET,
  FIRST_DATA_ROW,
  HEADER_ROWS,
  KEY_SHEET,
  KEY_TABLE_HEADER,
  MAX_TEXT,
  type RoundKind,
  type RowContent,
  TEMPLATE_FORMAT,
  TEMPLATE_FORMAT_VERSION,
  type TemplateColumn,
  templateColumns,
} from './template.ts';

// Reading an uploaded template (pure: a buffer in, rows or a Chinese error out; no database). The checks, in
// order: the bytes are an xlsx (zip magic, a readable zip directory, a sane unpacked size, then exceljs), it is
// a Tianping template (the very hidden key sheet), its layout is intact (header labels, every row's hidden key),
// and every input cell holds what its column takes. File-level problems throw AppError; cell-level ones are
// returned per row, so the preview can show them beside the rows that are fine.

/** Unpacked size above which a file is refused before exceljs inflates it (a 10 MB zip can unpack to GBs). */
export const MAX_UNPACKED_BYTES = 200 * 1024 * 1024;

export interface TemplateMeta {
  roundId: number;
  roundTitle: string;
  roundKind: RoundKind;
  reporterKind: 'unit' | 'area';
  reporterId: number;
  reporterName: string;
  areaId: number | null;
  previousYears: number[];
}

export interface CellProblem {
  row: number;
  column: string;
  message: string;
}

export interface ParsedRow {
  /** The Excel row number, for messages. */
  row: number;
  indicatorId: number;
  year: number;
  sex: Sex;
  /** The version the value had when the template was downloaded. */
  version: number;
  content: RowContent;
  /** Nothing entered in any input cell. */
  blank: boolean;
  /** Cell problems of this row (bad number, text too long, duplicate); the row is invalid when any. */
  problems: CellProblem[];
}

export interface ParsedTemplate {
  meta: TemplateMeta;
  rows: ParsedRow[];
}

const fail = (status: number, code: string, message: string) => new AppError(status, code, message);
const RELOAD = '请重新下载本轮模板，只在黄色单元格中填写后再上传。';

/** Checks the bytes before any parsing: refuses what is not a zip, a damaged zip, and zip bombs. */
export function checkXlsxBytes(buffer: Buffer): void {
  if (buffer.length === 0) throw fail(400, 'EMPTY_FILE', '上传的文件是空的（0 字节），请重新选择填好的 Excel 文件');
  const head = buffer.subarray(0, 8);
  if (head.subarray(0, 4).toString('latin1') === '%PDF') {
    throw fail(400, 'NOT_XLSX', '上传的是 PDF 文件，不是 Excel 工作簿。请上传从本系统下载并填好的 .xlsx 模板');
  }
  if (head.equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) {
    throw fail(
      400,
      'NOT_XLSX',
      '上传的是旧版 Excel（.xls）或加密的文件。请在 Excel 中“另存为”Excel 工作簿（.xlsx）、不设打开密码后上传',
    );
  }
  if (head[0] !== 0x50 || head[1] !== 0x4b || head[2] !== 0x03 || head[3] !== 0x04) {
    throw fail(
      400,
      'NOT_XLSX',
      '上传的文件不是 Excel 工作簿（.xlsx），可能是文本、图片或改了扩展名的其他文件。请上传从本系统下载并填好的模板',
    );
  }
  const unpacked = zipUnpackedSize(buffer);
  if (unpacked === null) {
    throw fail(
      400,
      'CORRUPT_FILE',
      '文件已损坏（压缩结构不完整），无法作为 Excel 工作簿打开。请在 Excel 中重新保存后上传',
    );
  }
  if (unpacked > MAX_UNPACKED_BYTES) {
    throw fail(413, 'FILE_TOO_LARGE', `文件解压后超过 ${MAX_UNPACKED_BYTES / 1024 / 1024} MB，不是本系统的填报模板`);
  }
}

/** Sum of the entries' unpacked sizes from the zip's central directory; null when the directory is unreadable. */
export function zipUnpackedSize(buffer: Buffer): number | null {
  // End of central directory record: signature 0x06054b50, at least 22 bytes from the end (plus a comment ≤ 64 KB).
  const min = Math.max(0, buffer.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = buffer.length - 22; i >= min; i--) {
    if (buffer.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const entries = buffer.readUInt16LE(eocd + 10);
  const size = buffer.readUInt32LE(eocd + 12);
  const offset = buffer.readUInt32LE(eocd + 16);
  if (offset === 0xffffffff || offset + size > eocd || entries === 0) return null;
  let total = 0;
  let p = offset;
  for (let k = 0; k < entries; k++) {
    if (p + 46 > buffer.length || buffer.readUInt32LE(p) !== 0x02014b50) return null;
    const unpacked = buffer.readUInt32LE(p + 24);
    if (unpacked === 0xffffffff) return Number.POSITIVE_INFINITY; // ZIP64: far beyond any template
    total += unpacked;
    p += 46 + buffer.readUInt16LE(p + 28) + buffer.readUInt16LE(p + 30) + buffer.readUInt16LE(p + 32);
  }
  return total;
}

/** The text of a cell as a person sees it (rich text joined, formula results, hyperlinks' text). */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
    if ('error' in value) return String(value.error);
  }
  return String(value);
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** A numeric input cell: a number, a number typed as text, or empty. Percent-formatted cells are refused. */
export function readNumber(cell: ExcelJS.Cell): Parsed<number | null> {
  let v: ExcelJS.CellValue = cell.value;
  if (v !== null && typeof v === 'object' && !(v instanceof Date) && 'result' in v) {
    v = (v.result ?? null) as ExcelJS.CellValue;
  }
  if (v === null || v === undefined) return { ok: true, value: null };
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return { ok: false, message: `应为数字，填写的是“${cellText(v)}”` };
    if (typeof cell.numFmt === 'string' && cell.numFmt.includes('%')) {
      const shown = `${Number((v * 100).toPrecision(12))}%`;
      return { ok: false, message: `应为数字，填写的是“${shown}”（百分比请直接填写数值，不带 % 号）` };
    }
    return { ok: true, value: v };
  }
  const text = cellText(v).trim();
  if (text === '') return { ok: true, value: null };
  if (NUMBER.test(text)) return { ok: true, value: Number(text) };
  const hint = text.includes('%') || text.includes('％') ? '（百分比请直接填写数值，不带 % 号）' : '';
  return { ok: false, message: `应为数字，填写的是“${text}”${hint}` };
}

function readText(cell: ExcelJS.Cell): Parsed<string | null> {
  const text = cellText(cell.value).trim();
  if (text === '') return { ok: true, value: null };
  if (text.length > MAX_TEXT) return { ok: false, message: `最多 ${MAX_TEXT} 字，填写了 ${text.length} 字` };
  return { ok: true, value: text };
}

const shortLabel = (c: TemplateColumn) => c.label.replace(/（.*）$/, '');

function readMeta(keys: ExcelJS.Worksheet): { meta: Map<string, string>; tableRow: number } {
  const meta = new Map<string, string>();
  let r = 1;
  for (; r <= keys.rowCount; r++) {
    const name = cellText(keys.getCell(r, 1).value);
    if (name === '') break;
    meta.set(name, cellText(keys.getCell(r, 2).value));
  }
  return { meta, tableRow: r + 1 };
}

const notTemplate = (detail: string) =>
  fail(400, 'NOT_TEMPLATE', `该文件不是本系统的填报模板，或模板的隐藏信息已被删改（${detail}）。${RELOAD}`);

export async function parseTemplate(buffer: Buffer): Promise<ParsedTemplate> {
  checkXlsxBytes(buffer);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw fail(
      400,
      'CORRUPT_FILE',
      '文件已损坏或不是有效的 Excel 工作簿，无法打开。请在 Excel 中重新保存为 .xlsx 后上传',
    );
  }

  // The machine-readable sheet.
  const keys = workbook.getWorksheet(KEY_SHEET);
  if (!keys) throw notTemplate('缺少隐藏的模板信息工作表');
  const { meta, tableRow } = readMeta(keys);
  if (meta.get('format') !== TEMPLATE_FORMAT) throw notTemplate('模板标识不符');
  if (Number(meta.get('formatVersion')) !== TEMPLATE_FORMAT_VERSION) {
    throw fail(400, 'TEMPLATE_OUTDATED', `模板格式已更新，旧模板不能再上传。${RELOAD}`);
  }
  const int = (name: string) => {
    const n = Number(meta.get(name));
    if (!Number.isInteger(n) || n <= 0) throw notTemplate(`缺少 ${name}`);
    return n;
  };
  const roundKind = meta.get('roundKind');
  const reporterKind = meta.get('reporterKind');
  if ((roundKind !== 'annual' && roundKind !== 'final') || (reporterKind !== 'unit' && reporterKind !== 'area')) {
    throw notTemplate('任务类型不符');
  }
  const previousYears = (meta.get('previousYears') ?? '')
    .split(',')
    .filter(Boolean)
    .map((y) => Number(y));
  const areaText = meta.get('areaId') ?? '';
  const info: TemplateMeta = {
    roundId: int('roundId'),
    roundTitle: meta.get('roundTitle') ?? '',
    roundKind,
    reporterKind,
    reporterId: int('reporterId'),
    reporterName: meta.get('reporterName') ?? '',
    areaId: areaText === '' ? null : Number(areaText),
    previousYears,
  };
  const columns = templateColumns(roundKind, previousYears);
  if (meta.get('columns') !== columns.map((c) => c.key).join(',')) throw notTemplate('列定义不符');
  if (Number(meta.get('firstDataRow')) !== FIRST_DATA_ROW) throw notTemplate('起始行不符');
  const rowCount = Number(meta.get('rowCount'));

  // The row table: excel row → key and version when downloaded.
  KEY_TABLE_HEADER.forEach((h, k) => {
    if (cellText(keys.getCell(tableRow, k + 1).value) !== h) throw notTemplate('行信息表头不符');
  });
  const expected = new Map<string, { row: number; indicatorId: number; year: number; sex: Sex; version: number }>();
  for (let i = 0; i < rowCount; i++) {
    const r = keys.getRow(tableRow + 1 + i);
    const entry = {
      row: Number(r.getCell(1).value),
      indicatorId: Number(r.getCell(2).value),
      year: Number(r.getCell(3).value),
      sex: cellText(r.getCell(4).value) as Sex,
      version: Number(r.getCell(5).value),
    };
    const key = cellText(r.getCell(6).value);
    if (
      !key ||
      !Number.isInteger(entry.indicatorId) ||
      !Number.isInteger(entry.year) ||
      !Number.isInteger(entry.version) ||
      !['total', 'female', 'male'].includes(entry.sex)
    ) {
      throw notTemplate(`第 ${i + 1} 条行信息不完整`);
    }
    expected.set(key, entry);
  }
  if (expected.size !== rowCount) throw notTemplate('行信息重复');

  // The visible sheet: header labels as generated.
  const ws = workbook.getWorksheet(DATA_SHEET);
  if (!ws) {
    throw fail(400, 'LAYOUT_CHANGED', `找不到工作表“${DATA_SHEET}”（工作表被删除或改名）。${RELOAD}`);
  }
  const labelRow = HEADER_ROWS[1];
  columns.forEach((c, k) => {
    const found = cellText(ws.getCell(labelRow, k + 1).value).trim();
    if (found !== c.label) {
      const letter = ws.getColumn(k + 1).letter;
      throw fail(
        400,
        'LAYOUT_CHANGED',
        `表头已被修改：第 ${labelRow} 行 ${letter} 列应为“${c.label}”，现为“${found || '（空）'}”（可能删除、插入或改名了列）。${RELOAD}`,
      );
    }
  });

  // Data rows, found by their hidden key (so a row moved by sorting is still recognised).
  const col = (key: string) => columns.findIndex((c) => c.key === key) + 1;
  const keyCol = col('key');
  const inputs = columns.filter((c) => c.field);
  const rows: ParsedRow[] = [];
  const seen = new Map<string, number>();
  const last = Math.max(ws.rowCount, FIRST_DATA_ROW + rowCount - 1);
  for (let r = FIRST_DATA_ROW; r <= last; r++) {
    const row = ws.getRow(r);
    const first = cellText(row.getCell(1).value);
    if (first.startsWith('单位负责人') || first.startsWith('说明：')) break; // the footer
    const key = cellText(row.getCell(keyCol).value).trim();
    if (key === '') {
      const hasContent = inputs.some((c) => cellText(row.getCell(col(c.key)).value).trim() !== '');
      if (!hasContent && first.trim() === '') continue; // an empty line
      throw fail(
        400,
        'LAYOUT_CHANGED',
        `第 ${r} 行缺少隐藏的“行标识”（隐藏列被清除，或插入了模板以外的行）。${RELOAD}`,
      );
    }
    const entry = expected.get(key);
    if (!entry) {
      throw fail(400, 'LAYOUT_CHANGED', `第 ${r} 行的行标识“${key}”不属于本模板（行被改动或来自其他模板）。${RELOAD}`);
    }
    const problems: CellProblem[] = [];
    const previous = seen.get(key);
    if (previous !== undefined) {
      problems.push({
        row: r,
        column: '行标识',
        message: `与第 ${previous} 行重复（同一指标、性别、年份），请删除其中一行`,
      });
    } else {
      seen.set(key, r);
    }
    const content: RowContent = {
      value: null,
      numerator: null,
      denominator: null,
      source: null,
      caliberNote: null,
      comment: null,
      explanation: null,
    };
    for (const c of inputs) {
      const cell = row.getCell(col(c.key));
      const field = c.field as keyof RowContent;
      const parsed = c.input === 'number' || c.input === 'count' ? readNumber(cell) : readText(cell);
      if (parsed.ok) (content as unknown as Record<string, unknown>)[field] = parsed.value;
      else problems.push({ row: r, column: shortLabel(c), message: parsed.message });
    }
    const blank = Object.values(content).every((v) => v === null);
    rows.push({
      row: r,
      indicatorId: entry.indicatorId,
      year: entry.year,
      sex: entry.sex,
      version: entry.version,
      content,
      blank,
      problems,
    });
  }
  if (seen.size < expected.size && rows.every((r) => r.problems.every((p) => p.column !== '行标识'))) {
    const found = new Set(seen.keys());
    const lost = [...expected.entries()].filter(([k]) => !found.has(k)).map(([, e]) => e.row);
    throw fail(
      400,
      'LAYOUT_CHANGED',
      `模板中的 ${lost.length} 行数据在文件中找不到（原第 ${lost.slice(0, 5).join('、')} 行，行被删除或覆盖）。${RELOAD}`,
    );
  }
  return { meta: info, rows };
}

/** The message of a cell problem as the user reads it: 第 7 行“数值”列：应为数字，填写的是“九十” */
export const problemText = (p: CellProblem) => `第 ${p.row} 行“${p.column}”列：${p.message}`;
