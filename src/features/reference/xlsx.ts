// The 对比数据 workbook: one sheet per plan, one row per statistic and year, a value and its source for 天津市 and
// for 全国. The download is prefilled with the indicators and the stored figures, so it is the template and the
// export at once; the same file comes back through the import, matched by 编号 and 年份.

import type ExcelJS from 'exceljs';
import { REFERENCE_SCOPE_LABELS, REFERENCE_SCOPES, type ReferenceScope } from '../../core/reference.ts';
import { looksLikeZip } from '../../kernel/zip.ts';
import { exceljs } from '../../platform/exceljs.ts';
import { CELL_BORDER, SHEET_FONTS, writeTitleAndHeader } from '../../platform/xlsx-sheet.ts';
import type { FolderCatalog, StoredReference } from './store.ts';

const sourceHeader = (scope: ReferenceScope) => `${REFERENCE_SCOPE_LABELS[scope]}数据来源`;

export const REFERENCE_COLUMNS = [
  { header: '编号', width: 9 },
  { header: '指标', width: 40 },
  { header: '单位', width: 8 },
  { header: '年份', width: 8 },
  ...REFERENCE_SCOPES.flatMap((s) => [
    { header: REFERENCE_SCOPE_LABELS[s], width: 10 },
    { header: sourceHeader(s), width: 40 },
  ]),
] as const;

export function buildReferenceWorkbook(catalog: FolderCatalog, stored: readonly StoredReference[]): ExcelJS.Workbook {
  const workbook = new (exceljs().Workbook)();
  workbook.creator = '天平 Tianping';
  workbook.title = '对比数据';
  const figure = new Map(stored.map((r) => [`${r.indicatorCode}|${r.scope}|${r.year}`, r]));
  for (const plan of catalog.plans) {
    const sheet = workbook.addWorksheet(plan.shortTitle, {
      views: [{ state: 'frozen', xSplit: 0, ySplit: 2, topLeftCell: 'A3', activeCell: 'E3' }],
      pageSetup: {
        paperSize: 9,
        orientation: 'landscape',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        printTitlesRow: '2:2',
      },
    });
    sheet.columns = REFERENCE_COLUMNS.map((c) => ({ width: c.width }));
    writeTitleAndHeader(
      sheet,
      `${plan.title}监测指标对比数据（天津市、全国）`,
      REFERENCE_COLUMNS.map((c) => c.header),
    );
    // A statistic in both plans (sameAs) is listed once, under the indicator that holds its series.
    for (const ind of catalog.indicators.filter((i) => i.planId === plan.id && i.sameAs === null)) {
      for (const year of catalog.years) {
        const cells: ExcelJS.CellValue[] = [ind.code, ind.name, ind.unit, year];
        for (const scope of REFERENCE_SCOPES) {
          const f = figure.get(`${ind.code}|${scope}|${year}`);
          cells.push(f?.value ?? null, f?.source ?? null);
        }
        const row = sheet.addRow(cells);
        row.eachCell({ includeEmpty: true }, (cell, col) => {
          cell.font = { name: SHEET_FONTS.body, size: 10.5 };
          cell.border = CELL_BORDER;
          cell.alignment = { vertical: 'middle', horizontal: col === 2 || col % 2 === 0 ? 'left' : 'center' };
          if (col === 5 || col === 7) {
            cell.alignment = { vertical: 'middle', horizontal: 'right' };
            cell.numFmt = ind.precision > 0 ? `0.${'0'.repeat(ind.precision)}` : '0';
          }
        });
      }
    }
    sheet.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: REFERENCE_COLUMNS.length } };
  }
  const notes = workbook.addWorksheet('填写说明');
  notes.columns = [{ width: 100 }];
  for (const line of [
    '1. 每行是一项指标一个年份的对比数据；“天津市”“全国”两列填数值（单位见“单位”列，百分比不带 % 号），旁边一列填数据来源。',
    '2. 填了数值就必须填数据来源，如《2024年天津市妇女儿童发展规划统计监测报告》《中国卫生健康统计年鉴2024》。',
    '3. 数值和来源都空着的单元格不导入，已保存的数据保持不变；删除已保存的数据请在“对比数据”页面操作。',
    '4. 两个规划中的同一统计指标只列一次（在持有数据的指标下），两个规划共用这一组对比数据。',
    '5. 有一处填写有误时整个文件都不导入，请按提示改正后重新上传。',
  ]) {
    notes.addRow([line]).getCell(1).font = { name: SHEET_FONTS.body, size: 11 };
  }
  return workbook;
}

/** A value cell as read: its content and its number format (a %-formatted cell holds 0.918 for 91.8%). */
export interface ValueCell {
  value: ExcelJS.CellValue;
  numFmt?: string;
}

export interface ScopeCells {
  value: ValueCell;
  source: string;
  /** Column letters as Excel shows them, for messages. */
  valueColumn: string;
  sourceColumn: string;
}

export interface ReferenceSheetRow {
  sheet: string;
  /** The row number as Excel shows it. */
  row: number;
  code: string;
  year: string;
  yearColumn: string;
  codeColumn: string;
  scopes: Record<ReferenceScope, ScopeCells>;
}

// The collection upload has the full cell reader (src/features/collection/excel/parse.ts); importing it from here
// would close an import cycle (the analysis page reads this feature, collection writes through the analysis), and
// this sheet needs only numbers and texts typed by hand.

/** The text of a cell as a person sees it (rich text joined, formula results). */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object' && !(value instanceof Date)) {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
    if ('text' in value && typeof value.text === 'string') return value.text;
  }
  return value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** A value cell: a number, a number typed as text, or empty (null). Percent-formatted cells are refused. */
export function readValueCell(cell: ValueCell): { ok: true; value: number | null } | { ok: false; message: string } {
  const v = cell.value;
  if (typeof v === 'number' && Number.isFinite(v)) {
    if (cell.numFmt?.includes('%')) {
      return {
        ok: false,
        message: `应为数字，填写的是“${Number((v * 100).toPrecision(12))}%”（百分比请直接填写数值，不带 % 号）`,
      };
    }
    return { ok: true, value: v };
  }
  const text = cellText(v).trim();
  if (text === '') return { ok: true, value: null };
  if (text.length <= 100 && NUMBER.test(text)) return { ok: true, value: Number(text) };
  const hint = /[%％]/.test(text) ? '（百分比请直接填写数值，不带 % 号）' : '';
  return { ok: false, message: `应为数字，填写的是“${text.slice(0, 30)}”${hint}` };
}

/** A column number as Excel names it: 5 → E. */
export function columnLetter(column: number): string {
  let s = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export type ParseResult = { ok: true; rows: ReferenceSheetRow[] } | { ok: false; message: string };

/**
 * Reads the rows of every sheet whose header row (within the first 10 rows) holds 编号, 年份, 天津市, 天津市数据来源,
 * 全国 and 全国数据来源, in any column order. Rows with nothing in those columns are skipped.
 */
export async function parseReferenceWorkbook(buffer: Buffer): Promise<ParseResult> {
  if (!looksLikeZip(buffer)) {
    return { ok: false, message: '文件不是 Excel（.xlsx）格式，请上传从“对比数据”页面下载的模板' };
  }
  const workbook = new (exceljs().Workbook)();
  try {
    await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  } catch {
    return {
      ok: false,
      message: '无法读取该 Excel 文件，文件可能已损坏，或不是 .xlsx 格式（旧版 .xls 请另存为 .xlsx）',
    };
  }
  const needed = ['编号', '年份', ...REFERENCE_SCOPES.flatMap((s) => [REFERENCE_SCOPE_LABELS[s], sourceHeader(s)])];
  const rows: ReferenceSheetRow[] = [];
  let sheetsFound = 0;
  workbook.eachSheet((sheet) => {
    let columns: Map<string, number> | undefined;
    let headerRow = 0;
    for (let r = 1; r <= Math.min(10, sheet.rowCount) && !columns; r++) {
      const found = new Map<string, number>();
      sheet.getRow(r).eachCell((cell, col) => {
        found.set(cell.text.trim(), col);
      });
      if (needed.every((h) => found.has(h))) {
        columns = found;
        headerRow = r;
      }
    }
    if (!columns) return;
    sheetsFound++;
    const col = (header: string) => columns!.get(header)!;
    sheet.eachRow((row, r) => {
      if (r <= headerRow) return;
      const text = (c: number) => cellText(row.getCell(c).value).trim();
      const scopes = Object.fromEntries(
        REFERENCE_SCOPES.map((s) => {
          const v = col(REFERENCE_SCOPE_LABELS[s]);
          const src = col(sourceHeader(s));
          const cell = row.getCell(v);
          return [
            s,
            {
              value: { value: cell.value, ...(cell.numFmt ? { numFmt: cell.numFmt } : {}) },
              source: text(src),
              valueColumn: columnLetter(v),
              sourceColumn: columnLetter(src),
            },
          ];
        }),
      ) as Record<ReferenceScope, ScopeCells>;
      const code = text(col('编号'));
      const filled = REFERENCE_SCOPES.some((s) => cellText(scopes[s].value.value).trim() !== '' || scopes[s].source);
      if (!code && !filled) return;
      rows.push({
        sheet: sheet.name,
        row: r,
        code,
        year: text(col('年份')),
        codeColumn: columnLetter(col('编号')),
        yearColumn: columnLetter(col('年份')),
        scopes,
      });
    });
  });
  if (sheetsFound === 0) {
    return {
      ok: false,
      message:
        '文件中没有找到对比数据表：表头应包含“编号”“年份”“天津市”“天津市数据来源”“全国”“全国数据来源”，请使用本页面下载的模板',
    };
  }
  return { ok: true, rows };
}
