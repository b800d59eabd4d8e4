import type ExcelJS from 'exceljs';
import type { Sex } from '../../../core/collection/entry.ts';
import { AppError } from '../../../kernel/errors.ts';
import { readZipDirectory, readZipEntry, type ZipEntry, zipUnpackedSize } from '../../../kernel/zip.ts';
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
} from './layout.ts';

// Reading an uploaded template (pure: a buffer in, rows or a Chinese error out; no database). The checks, in
// order: the bytes are an xlsx (zip magic, a readable zip directory, a sane unpacked size, then exceljs), it is
// a Tianping template (the very hidden key sheet), its layout is intact (header labels, every row's hidden key),
// and every input cell holds what its column takes. File-level problems throw AppError; cell-level ones are
// returned per row, so the preview can show them beside the rows that are fine.

/** Unpacked size above which a file is refused before exceljs inflates it (a 10 MB zip can unpack to GBs). */
export const MAX_UNPACKED_BYTES = 100 * 1024 * 1024;

// Limits every upload is read under, so one hostile file can never take the server down (issue 15: a merged
// range A1:XFD1048576 filled 4.4 GB, a row numbered 200,000,000 froze the server 50 s). A real template has a
// few thousand rows and 15 columns; the limits are far above that and far below harm.
export const LIMITS = {
  /** Highest row number a sheet may use. */
  rows: 100_000,
  /** Highest column a sheet may use (column ALL). */
  columns: 1_000,
  /** Cells that merged ranges may cover, all ranges together. */
  mergedCells: 200_000,
  /** Shared strings. */
  sharedStrings: 500_000,
  /** Length of one start tag's attributes. */
  attributes: 10_000,
  /** Wall-clock time for reading one file. */
  millis: 15_000,
};

/** A file beyond a reading limit: refused with a Chinese message, before it costs memory or time. */
export class ParseLimit extends Error {
  constructor(
    message: string,
    readonly status = 413,
    readonly code = 'FILE_TOO_COMPLEX',
  ) {
    super(message);
  }
}

/** Checks the time spent reading a file every few thousand steps. */
class Budget {
  private steps = 0;
  private readonly deadline = Date.now() + LIMITS.millis;
  tick(): void {
    if (++this.steps % 4096 === 0 && Date.now() > this.deadline) {
      throw new ParseLimit(`文件过于复杂，读取超过 ${LIMITS.millis / 1000} 秒仍未完成，不是正常的填报模板`);
    }
  }
}

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

// ---------------------------------------------------------------------------------------------------------------
// A small xlsx reader for exactly what parseTemplate needs: the two sheets' cell values (as exceljs would give
// them: shared and inline strings, numbers, booleans, errors, formula results, dates from date formats, merged
// cells showing their master's value) and each cell's number format. exceljs's full load also builds styles,
// data validations (expanded cell by cell) and every cell object of both sheets, which made it 5–10× slower
// than this on a 10,000-row template.

/** What the checks read of a cell: its value (exceljs's CellValue shapes) and its number format. */
export interface CellLike {
  value: ExcelJS.CellValue;
  numFmt?: string;
}

const EMPTY_CELL: CellLike = { value: null };

class CorruptXlsx extends Error {}

function zipText(buffer: Buffer, entries: Map<string, ZipEntry>, name: string): string | null {
  const e = entries.get(name);
  if (!e) return null;
  // The declared sizes were summed and checked: an entry inflating beyond its own is refused.
  const data = readZipEntry(buffer, e, MAX_UNPACKED_BYTES);
  const text = data.toString('utf8');
  // No DOCTYPE in any part of an xlsx (entity expansion, external entities): refuse rather than ignore.
  if (/<!DOCTYPE/i.test(text.slice(0, 4096)) || text.includes('<!ENTITY')) {
    throw new ParseLimit('文件中含有 DOCTYPE/ENTITY 声明，这不是 Excel 正常保存的文件，已拒绝', 400, 'UNSAFE_FILE');
  }
  return text;
}

const ENTITY = /&(?:(lt|gt|amp|quot|apos)|#(\d+)|#x([0-9a-fA-F]+));/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
function xmlDecode(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (_m, named: string | undefined, dec: string | undefined, hex: string | undefined) =>
    named ? (NAMED[named] as string) : String.fromCodePoint(dec ? Number(dec) : Number.parseInt(hex as string, 16)),
  );
}

/** Excel's escapes of control characters in text (_x000D_), decoded as exceljs does. */
const ESCAPED = /_x([0-9A-F]{4})_/g;
const textOf = (raw: string) => {
  const t = xmlDecode(raw);
  return t.includes('_x') ? t.replace(ESCAPED, (_m, h: string) => String.fromCharCode(Number.parseInt(h, 16))) : t;
};

/** An attribute of a start tag's attribute text. */
const ATTRS = new Map<string, RegExp>();
function attr(attrs: string, name: string): string | undefined {
  if (attrs.length > LIMITS.attributes) throw new ParseLimit('文件中的单元格属性异常冗长，不是正常的填报模板');
  let re = ATTRS.get(name);
  if (!re) {
    re = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
    ATTRS.set(name, re);
  }
  const m = re.exec(attrs);
  return m ? xmlDecode(m[1] ?? m[2] ?? '') : undefined;
}

// Element names may carry a namespace prefix (x:c) in files written by some tools.
const P = '(?:[A-Za-z_][\\w.-]*:)?';
/**
 * An element's content up to its closing tag, which may not contain another start tag of the same element.
 * `[\s\S]*?` up to a closing tag that never comes scanned to the end of the part for every unclosed start tag:
 * 100,000 unclosed <c> tags (26 KB) took 23 s. Here every attempt stops at the next tag of the element, and
 * the pattern is unambiguous (text runs and "<" alternate), so it is linear and needs no backtracking.
 */
const content = (name: string) => `([^<]*(?:<(?!/?${P}${name}\\b)[^<]*)*)`;
/** The text of a rich or plain string (<si>, <is>): every <t>, without phonetic runs. */
const PHONETIC = new RegExp(`<${P}rPh\\b${content('rPh')}</${P}rPh>`, 'g');
const T_ELEMENT = new RegExp(`<${P}t\\b[^<>]*?(?:/>|>${content('t')}</${P}t>)`, 'g');
function stringItem(xml: string): string {
  const clean = xml.includes('rPh') ? xml.replace(PHONETIC, '') : xml;
  let text = '';
  for (const m of clean.matchAll(T_ELEMENT)) text += m[1] ?? '';
  return textOf(text);
}

function sharedStrings(xml: string | null, budget: Budget): string[] {
  if (xml === null) return [];
  const items: string[] = [];
  for (const m of xml.matchAll(new RegExp(`<${P}si\\b[^<>]*?(?:/>|>${content('si')}</${P}si>)`, 'g'))) {
    budget.tick();
    if (items.length >= LIMITS.sharedStrings) {
      throw new ParseLimit(`文件中的共享字符串超过 ${LIMITS.sharedStrings} 个，不是正常的填报模板`);
    }
    items.push(stringItem(m[1] ?? ''));
  }
  return items;
}

/** Built-in number formats that exceljs knows (its defaultnumformats: the locale-free ones). */
const BUILTIN_FORMATS: Record<number, string> = {
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy "h":mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};

/** Number format of each cell style index (cellXfs), undefined for General. */
function cellFormats(xml: string | null): (string | undefined)[] {
  if (xml === null) return [];
  const custom = new Map<number, string>();
  for (const m of xml.matchAll(new RegExp(`<${P}numFmt\\b([^<>]*)>`, 'g'))) {
    const attrs = m[1] ?? '';
    custom.set(Number(attr(attrs, 'numFmtId')), attr(attrs, 'formatCode') ?? '');
  }
  const xfs = new RegExp(`<${P}cellXfs\\b[^<>]*>${content('cellXfs')}</${P}cellXfs>`).exec(xml)?.[1] ?? '';
  const formats: (string | undefined)[] = [];
  for (const m of xfs.matchAll(new RegExp(`<${P}xf\\b([^<>]*)>`, 'g'))) {
    const id = Number(attr(m[1] ?? '', 'numFmtId') ?? 0);
    formats.push(id ? custom.get(id) || BUILTIN_FORMATS[id] : undefined);
  }
  return formats;
}

/** exceljs's test for a date format: y m d h s b outside quotes and brackets. */
function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  return /[ymdhMsb]+/.test(format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

const excelToDate = (v: number, date1904: boolean) =>
  new Date(Math.round((v - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));

function columnNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n;
}

export function columnLetter(column: number): string {
  let s = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const REF = /^\$?([A-Z]+)\$?(\d+)$/;

/** One worksheet's cells, by row and column (1-based). */
export class SheetCells {
  private readonly rows: (CellLike | undefined)[][] = [];
  /** The highest row number present in the file (exceljs's rowCount). */
  rowCount = 0;

  set(r: number, c: number, cell: CellLike): void {
    let row = this.rows[r];
    if (!row) {
      row = [];
      this.rows[r] = row;
    }
    row[c] = cell;
  }

  cell(r: number, c: number): CellLike {
    return this.rows[r]?.[c] ?? EMPTY_CELL;
  }
}

const SHEET_TOKEN = new RegExp(
  `<${P}row\\b([^<>]*?)(/?)>|<${P}c\\b([^<>]*?)(?:/>|>${content('c')}</${P}c>)|<${P}mergeCell\\b([^<>]*?)/?>`,
  'g',
);
const CELL_PART = new RegExp(`<${P}(f|v|is)\\b[^<>]*?(?:/>|>([^<]*(?:<(?!/?${P}\\1\\b)[^<]*)*)</${P}\\1>)`, 'g');

/** Start tags of an element that are neither self-closed nor closed: a damaged part (linear counts). */
function unbalanced(xml: string, name: string): boolean {
  const count = (re: RegExp) => {
    let n = 0;
    for (const _ of xml.matchAll(re)) n++;
    return n;
  };
  const opened = count(new RegExp(`<${P}${name}\\b`, 'g'));
  const closed = count(new RegExp(`</${P}${name}>`, 'g')) + count(new RegExp(`<${P}${name}\\b[^<>]*/>`, 'g'));
  return opened !== closed;
}

const tooLarge = (what: string) =>
  new ParseLimit(
    `${what}，超出填报模板的范围（最多 ${LIMITS.rows} 行、${LIMITS.columns} 列）。请重新下载本轮模板，只在黄色单元格中填写后再上传`,
  );

function readSheet(
  xml: string,
  strings: string[],
  formats: (string | undefined)[],
  date1904: boolean,
  budget: Budget,
): SheetCells {
  const sheet = new SheetCells();
  const merges: string[] = [];
  if (unbalanced(xml, 'row') || unbalanced(xml, 'c')) throw new CorruptXlsx('unclosed tags');
  let r = 0;
  let c = 0;
  for (const m of xml.matchAll(SHEET_TOKEN)) {
    budget.tick();
    if (m[1] !== undefined) {
      const n = attr(m[1], 'r');
      r = n === undefined ? r + 1 : Number(n);
      c = 0;
      if (!(r <= LIMITS.rows)) throw tooLarge(`工作表使用到第 ${n ?? r} 行`);
      if (r > sheet.rowCount) sheet.rowCount = r;
      continue;
    }
    if (m[5] !== undefined) {
      const ref = attr(m[5], 'ref');
      if (ref) merges.push(ref);
      continue;
    }
    const attrs = m[3] as string;
    const ref = attr(attrs, 'r');
    const at = ref ? REF.exec(ref) : null;
    if (at) {
      c = columnNumber(at[1] as string);
      r = Number(at[2]);
      if (!(r <= LIMITS.rows)) throw tooLarge(`单元格 ${ref} 在第 ${at[2]} 行`);
      if (r > sheet.rowCount) sheet.rowCount = r;
    } else c++;
    if (c > LIMITS.columns) throw tooLarge(`单元格 ${ref ?? ''} 超出第 ${LIMITS.columns} 列`);
    const body = m[4];
    if (!body) continue; // an empty (styled) cell
    const s = attr(attrs, 's');
    const numFmt = s === undefined ? undefined : formats[Number(s)];
    const t = attr(attrs, 't');
    let formula: string | undefined;
    let raw: string | undefined;
    let inline: string | undefined;
    for (const part of body.matchAll(CELL_PART)) {
      if (part[1] === 'f' || part[1]?.endsWith(':f')) formula = xmlDecode(part[2] ?? '');
      else if (part[1] === 'v' || part[1]?.endsWith(':v')) raw = xmlDecode(part[2] ?? '');
      else inline = stringItem(part[2] ?? '');
    }
    let value: ExcelJS.CellValue = null;
    if (formula !== undefined) {
      let result: number | string | boolean | Date | { error: string } | undefined;
      if (raw) {
        if (t === 'str') result = xmlDecode(raw);
        else if (t === 'b') result = Number.parseInt(raw, 10) !== 0;
        else if (t === 'e') result = { error: raw };
        else {
          result = Number.parseFloat(raw);
          if (isDateFormat(numFmt)) result = excelToDate(result, date1904);
        }
      }
      // Like exceljs: a formula without a cached result has no `result` at all (and is refused as not a number).
      value = (result === undefined ? { formula } : { formula, result }) as ExcelJS.CellValue;
    } else if (t === 'inlineStr') {
      value = inline ?? textOf(raw ?? '');
    } else if (raw !== undefined) {
      if (t === 's') value = strings[Number.parseInt(raw, 10)] ?? null;
      else if (t === 'str') value = xmlDecode(raw);
      else if (t === 'b') value = Number.parseInt(raw, 10) !== 0;
      else if (t === 'e') value = { error: raw } as ExcelJS.CellErrorValue;
      else {
        const n = Number.parseFloat(raw);
        value = isDateFormat(numFmt) ? excelToDate(n, date1904) : n;
      }
    }
    sheet.set(r, c, numFmt === undefined ? { value } : { value, numFmt });
  }
  // A merged range shows its top-left cell's value everywhere, as in Excel (and exceljs). The ranges are
  // checked before any cell is filled: A1:XFD1048576 would be 17 billion cells.
  const ranges: [number, number, number, number][] = [];
  let covered = 0;
  for (const range of merges) {
    const [from, to = from] = range.split(':');
    const a = REF.exec(from ?? '');
    const b = REF.exec(to ?? '');
    if (!a || !b) continue;
    const [r1, c1, r2, c2] = [Number(a[2]), columnNumber(a[1] as string), Number(b[2]), columnNumber(b[1] as string)];
    if (Math.max(r1, r2) > LIMITS.rows || Math.max(c1, c2) > LIMITS.columns) {
      throw tooLarge(`合并单元格 ${range} 超出范围`);
    }
    covered += Math.max(0, r2 - r1 + 1) * Math.max(0, c2 - c1 + 1);
    if (covered > LIMITS.mergedCells) {
      throw new ParseLimit(`合并单元格共覆盖超过 ${LIMITS.mergedCells} 个单元格，不是正常的填报模板`);
    }
    ranges.push([r1, c1, r2, c2]);
  }
  for (const [r1, c1, r2, c2] of ranges) {
    const master = sheet.cell(r1, c1);
    for (let rr = r1; rr <= r2; rr++) {
      for (let cc = c1; cc <= c2; cc++) {
        budget.tick();
        if (rr !== r1 || cc !== c1) sheet.set(rr, cc, { value: master.value });
      }
    }
  }
  return sheet;
}

/** Resolves a relationship target against the folder of its part ("xl/"). */
const partPath = (target: string) =>
  (target.startsWith('/') ? target.slice(1) : `xl/${target}`).replace(/^xl\/\.\.\//, '');

/** The named worksheets of an xlsx (null when absent); throws ZipError or CorruptXlsx when it cannot be read. */
export function readWorksheets(buffer: Buffer, names: readonly string[]): Map<string, SheetCells | null> {
  const entries = new Map(readZipDirectory(buffer).map((e) => [e.name.replace(/^\/+/, ''), e]));
  if ([...entries.keys()].some((n) => /vbaProject\.bin$/i.test(n))) {
    throw new ParseLimit(
      '文件含有宏（.xlsm 或启用宏的工作簿），不能上传。请上传从本系统下载并填好的 .xlsx 模板',
      400,
      'MACRO_FILE',
    );
  }
  const workbook = zipText(buffer, entries, 'xl/workbook.xml');
  const rels = zipText(buffer, entries, 'xl/_rels/workbook.xml.rels') ?? '';
  const targets = new Map<string, { target: string; type: string }>();
  for (const m of rels.matchAll(new RegExp(`<${P}Relationship\\b([^<>]*)>`, 'g'))) {
    const attrs = m[1] ?? '';
    targets.set(attr(attrs, 'Id') ?? '', { target: attr(attrs, 'Target') ?? '', type: attr(attrs, 'Type') ?? '' });
  }
  const partOf = (type: string, fallback: string) => {
    for (const t of targets.values()) if (t.type.endsWith(`/${type}`)) return partPath(t.target);
    return fallback;
  };
  const found = new Map<string, SheetCells | null>(names.map((n) => [n, null]));
  if (workbook === null) return found;
  const date1904 = /date1904\s*=\s*["'](1|true)["']/.test(
    new RegExp(`<${P}workbookPr\\b[^>]*>`).exec(workbook)?.[0] ?? '',
  );
  let strings: string[] | undefined;
  let formats: (string | undefined)[] | undefined;
  const budget = new Budget();
  for (const m of workbook.matchAll(new RegExp(`<${P}sheet\\b([^<>]*)>`, 'g'))) {
    const attrs = m[1] ?? '';
    const name = attr(attrs, 'name') ?? '';
    if (!found.has(name) || found.get(name)) continue;
    const id = attr(attrs, 'r:id') ?? /\s[\w.-]+:id\s*=\s*"([^"]*)"/.exec(attrs)?.[1] ?? '';
    const target = targets.get(id);
    const xml = target ? zipText(buffer, entries, partPath(target.target)) : null;
    if (xml === null) continue;
    strings ??= sharedStrings(zipText(buffer, entries, partOf('sharedStrings', 'xl/sharedStrings.xml')), budget);
    formats ??= cellFormats(zipText(buffer, entries, partOf('styles', 'xl/styles.xml')));
    found.set(name, readSheet(xml, strings, formats, date1904, budget));
  }
  return found;
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
export function readNumber(cell: CellLike): Parsed<number | null> {
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
  if (text.length <= 100 && NUMBER.test(text)) return { ok: true, value: Number(text) };
  const hint = text.includes('%') || text.includes('％') ? '（百分比请直接填写数值，不带 % 号）' : '';
  // The message quotes what was typed, shortened: a cell may hold megabytes.
  const shown = text.length > 50 ? `${text.slice(0, 50)}…（共 ${text.length} 字）` : text;
  return { ok: false, message: `应为数字，填写的是“${shown}”${hint}` };
}

// Characters no text field may hold: control characters (a NUL cannot be stored at all) and lone surrogates.
const UNSTORABLE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function readText(cell: CellLike): Parsed<string | null> {
  const text = cellText(cell.value).replace(UNSTORABLE, '').trim();
  if (text === '') return { ok: true, value: null };
  if (text.length > MAX_TEXT) return { ok: false, message: `最多 ${MAX_TEXT} 字，填写了 ${text.length} 字` };
  return { ok: true, value: text };
}

const shortLabel = (c: TemplateColumn) => c.label.replace(/（.*）$/, '');

function readMeta(keys: SheetCells): { meta: Map<string, string>; tableRow: number } {
  const meta = new Map<string, string>();
  let r = 1;
  for (; r <= keys.rowCount; r++) {
    const name = cellText(keys.cell(r, 1).value);
    if (name === '') break;
    meta.set(name, cellText(keys.cell(r, 2).value));
  }
  return { meta, tableRow: r + 1 };
}

const notTemplate = (detail: string) =>
  fail(400, 'NOT_TEMPLATE', `该文件不是本系统的填报模板，或模板的隐藏信息已被删改（${detail}）。${RELOAD}`);

export async function parseTemplate(buffer: Buffer): Promise<ParsedTemplate> {
  checkXlsxBytes(buffer);
  let sheets: Map<string, SheetCells | null>;
  try {
    sheets = readWorksheets(buffer, [KEY_SHEET, DATA_SHEET]);
  } catch (error) {
    if (error instanceof ParseLimit) throw fail(error.status, error.code, error.message);
    throw fail(
      400,
      'CORRUPT_FILE',
      '文件已损坏或不是有效的 Excel 工作簿，无法打开。请在 Excel 中重新保存为 .xlsx 后上传',
    );
  }

  // The machine-readable sheet.
  const keys = sheets.get(KEY_SHEET);
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
  if (!Number.isInteger(rowCount) || rowCount < 0 || rowCount > LIMITS.rows) throw notTemplate('行数不符');

  // The row table: excel row → key and version when downloaded.
  KEY_TABLE_HEADER.forEach((h, k) => {
    if (cellText(keys.cell(tableRow, k + 1).value) !== h) throw notTemplate('行信息表头不符');
  });
  const expected = new Map<string, { row: number; indicatorId: number; year: number; sex: Sex; version: number }>();
  for (let i = 0; i < rowCount; i++) {
    const r = tableRow + 1 + i;
    const entry = {
      row: Number(keys.cell(r, 1).value),
      indicatorId: Number(keys.cell(r, 2).value),
      year: Number(keys.cell(r, 3).value),
      sex: cellText(keys.cell(r, 4).value) as Sex,
      version: Number(keys.cell(r, 5).value),
    };
    const key = cellText(keys.cell(r, 6).value);
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
  const ws = sheets.get(DATA_SHEET);
  if (!ws) {
    throw fail(400, 'LAYOUT_CHANGED', `找不到工作表“${DATA_SHEET}”（工作表被删除或改名）。${RELOAD}`);
  }
  const labelRow = HEADER_ROWS[1];
  columns.forEach((c, k) => {
    const found = cellText(ws.cell(labelRow, k + 1).value).trim();
    if (found !== c.label) {
      const letter = columnLetter(k + 1);
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
  const inputs = columns.filter((c) => c.field).map((c) => ({ ...c, at: col(c.key) }));
  const rows: ParsedRow[] = [];
  const seen = new Map<string, number>();
  const last = Math.max(ws.rowCount, FIRST_DATA_ROW + rowCount - 1);
  for (let r = FIRST_DATA_ROW; r <= last; r++) {
    const first = cellText(ws.cell(r, 1).value);
    if (first.startsWith('单位负责人') || first.startsWith('说明：')) break; // the footer
    const key = cellText(ws.cell(r, keyCol).value).trim();
    if (key === '') {
      const hasContent = inputs.some((c) => cellText(ws.cell(r, c.at).value).trim() !== '');
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
      const cell = ws.cell(r, c.at);
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
