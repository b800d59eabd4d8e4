import type ExcelJS from 'exceljs';

// The house style of the list workbooks Tianping exports (catalog, responsibility): a title across the sheet in
// 方正小标宋简体, a shaded 黑体 header, 仿宋 body cells with thin grey borders — the look of the tables the office
// makes by hand. Statistical forms (表号, 栏号, 填报单位) have their own layout in features/reports.

export const SHEET_FONTS = { title: '方正小标宋简体', header: '黑体', body: '仿宋_GB2312' } as const;

const thin: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF808080' } };
export const CELL_BORDER: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };

/** Row 1: the title merged across the columns; row 2: the header. Data rows start at row 3. */
export function writeTitleAndHeader(sheet: ExcelJS.Worksheet, title: string, headers: readonly string[]): void {
  const titleRow = sheet.getRow(1);
  titleRow.getCell(1).value = title;
  sheet.mergeCells(1, 1, 1, headers.length);
  titleRow.height = 36;
  titleRow.getCell(1).font = { name: SHEET_FONTS.title, size: 16 };
  titleRow.getCell(1).alignment = { horizontal: 'center', vertical: 'middle' };

  const header = sheet.getRow(2);
  headers.forEach((text, i) => {
    const cell = header.getCell(i + 1);
    cell.value = text;
    cell.font = { name: SHEET_FONTS.header, size: 11, bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = CELL_BORDER;
  });
  header.height = 22;
}
