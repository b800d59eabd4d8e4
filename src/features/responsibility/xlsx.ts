// 目标管理责任分工表 as civil servants keep it in Excel: one sheet per plan, one row per measure or indicator,
// with 领域, 类型, 编号, 内容/指标, 牵头单位, 配合单位. The same file comes back through the import, matched by 编号.

import type ExcelJS from 'exceljs';
import { ITEM_KIND_LABELS } from '../../core/responsibility.ts';
import { looksLikeZip } from '../../kernel/zip.ts';
import { exceljs } from '../../platform/exceljs.ts';
import { CELL_BORDER, SHEET_FONTS, writeTitleAndHeader } from '../../platform/xlsx-sheet.ts';
import type { ResponsibilityItem } from './store.ts';

export const RESPONSIBILITY_COLUMNS = [
  { header: '领域', width: 14 },
  { header: '类型', width: 10 },
  { header: '编号', width: 9 },
  { header: '内容/指标', width: 52 },
  { header: '牵头单位', width: 18 },
  { header: '配合单位', width: 40 },
] as const;

/** Partner units in one cell, separated by 、 as in official documents. */
export const UNIT_SEPARATOR = '、';

export function buildResponsibilityWorkbook(
  plans: { id: string; title: string; shortTitle: string }[],
  items: readonly ResponsibilityItem[],
): ExcelJS.Workbook {
  const workbook = new (exceljs().Workbook)();
  workbook.creator = '天平 Tianping';
  workbook.title = '目标管理责任分工表';
  for (const plan of plans) {
    const sheet = workbook.addWorksheet(plan.shortTitle, {
      views: [{ state: 'frozen', xSplit: 0, ySplit: 2, topLeftCell: 'A3', activeCell: 'A3' }],
      pageSetup: {
        paperSize: 9,
        orientation: 'landscape',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        horizontalCentered: true,
        margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
        printTitlesRow: '2:2',
      },
      headerFooter: { oddFooter: `&"${SHEET_FONTS.body}"&10${plan.shortTitle}责任分工　第 &P 页，共 &N 页` },
    });
    sheet.columns = RESPONSIBILITY_COLUMNS.map((c) => ({ width: c.width }));

    writeTitleAndHeader(
      sheet,
      `${plan.title}目标管理责任分工表`,
      RESPONSIBILITY_COLUMNS.map((c) => c.header),
    );

    for (const item of items.filter((i) => i.plan.id === plan.id)) {
      const row = sheet.addRow([
        item.domain.name,
        ITEM_KIND_LABELS[item.kind],
        item.code,
        item.name,
        item.lead?.name ?? '',
        item.partners.map((p) => p.name).join(UNIT_SEPARATOR),
      ]);
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        cell.font = { name: SHEET_FONTS.body, size: 10.5 };
        cell.border = CELL_BORDER;
        cell.alignment = { vertical: 'middle', horizontal: col <= 3 ? 'center' : 'left', wrapText: true };
      });
      if (!item.lead) {
        row.getCell(5).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFE0E0' } };
      }
    }
    sheet.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: RESPONSIBILITY_COLUMNS.length } };
  }
  return workbook;
}

export interface SheetRow {
  sheet: string;
  /** The row number as Excel shows it. */
  row: number;
  code: string;
  lead: string;
  partners: string;
}

export type ParseResult = { ok: true; rows: SheetRow[] } | { ok: false; message: string };

/**
 * Reads the rows of a responsibility workbook: every sheet with a header row holding 编号, 牵头单位 and 配合单位
 * (in any column order, within the first 10 rows). Rows without 编号 and without units are skipped.
 */
export async function parseResponsibilityWorkbook(buffer: Buffer): Promise<ParseResult> {
  if (!looksLikeZip(buffer)) {
    return { ok: false, message: '文件不是 Excel（.xlsx）格式，请上传从本页面“导出Excel”得到的文件' };
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
  const rows: SheetRow[] = [];
  let sheetsFound = 0;
  workbook.eachSheet((sheet) => {
    let columns: { code: number; lead: number; partners: number } | undefined;
    let headerRow = 0;
    for (let r = 1; r <= Math.min(10, sheet.rowCount) && !columns; r++) {
      const found = new Map<string, number>();
      sheet.getRow(r).eachCell((cell, col) => {
        found.set(cell.text.trim(), col);
      });
      const [code, lead, partners] = [found.get('编号'), found.get('牵头单位'), found.get('配合单位')];
      if (code && lead && partners) {
        columns = { code, lead, partners };
        headerRow = r;
      }
    }
    if (!columns) return;
    sheetsFound++;
    const cols = columns;
    sheet.eachRow((row, r) => {
      if (r <= headerRow) return;
      const code = row.getCell(cols.code).text.trim();
      const lead = row.getCell(cols.lead).text.trim();
      const partners = row.getCell(cols.partners).text.trim();
      if (!code && !lead && !partners) return;
      rows.push({ sheet: sheet.name, row: r, code, lead, partners });
    });
  });
  if (sheetsFound === 0) {
    return {
      ok: false,
      message: '文件中没有找到责任分工表：工作表的表头应包含“编号”“牵头单位”“配合单位”三列，请使用本页面导出的文件',
    };
  }
  return { ok: true, rows };
}
