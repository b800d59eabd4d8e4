// The catalog workbook: built, written, read back as a user's Excel would see it.

import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Catalog } from '../../src/core/catalog/index.ts';
import { defaultPlanDir, loadPlanFolder } from '../../src/features/catalog/load.ts';
import { buildCatalogWorkbook } from '../../src/features/catalog/xlsx.ts';

let catalog: Catalog;
let book: ExcelJS.Workbook;

beforeAll(async () => {
  catalog = await loadPlanFolder(defaultPlanDir());
  const buffer = await buildCatalogWorkbook(catalog).xlsx.writeBuffer();
  book = new ExcelJS.Workbook();
  await book.xlsx.load(buffer as ArrayBuffer);
});

const rowValues = (sheet: ExcelJS.Worksheet, n: number) =>
  (sheet.getRow(n).values as ExcelJS.CellValue[]).slice(1).map((v) => (v === null || v === undefined ? '' : v));

describe('catalog workbook', () => {
  it('has one sheet per plan, named by its short title', () => {
    expect(book.worksheets.map((s) => s.name)).toEqual(['妇女发展规划', '儿童发展规划']);
  });

  it('has a title row and the header row, frozen and repeated on print', () => {
    const sheet = book.getWorksheet('妇女发展规划');
    expect(sheet).toBeDefined();
    if (!sheet) return;
    expect(String(sheet.getCell('A1').value)).toContain('天津市武清区妇女发展“十四五”规划');
    expect(rowValues(sheet, 2)).toEqual(['领域', '类型', '编号', '内容', '指标', '目标值', '单位', '原文']);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1 });
    expect(sheet.pageSetup.printTitlesRow).toBe('2:2');
    expect(sheet.getCell('A2').font?.bold).toBe(true);
    expect(sheet.getCell('D3').alignment?.wrapText).toBe(true);
  });

  it('lists every goal, measure and indicator', () => {
    catalog.plans.forEach((plan, p) => {
      const sheet = book.worksheets[p];
      const expected = plan.domains.reduce((n, d) => n + d.goals.length + d.measures.length + d.indicators.length, 0);
      expect(sheet?.rowCount).toBe(2 + expected);
    });
  });

  it('shows 孕产妇死亡率 with its target in words and its source quote', () => {
    const sheet = book.getWorksheet('妇女发展规划');
    let found: ExcelJS.CellValue[] | undefined;
    sheet?.eachRow((row, n) => {
      if (row.getCell(3).value === 'W1-03') found = rowValues(sheet, n);
    });
    expect(found).toEqual([
      '妇女与健康',
      '监测指标',
      'W1-03',
      '见主要目标第2条',
      '孕产妇死亡率',
      '≤ 8.5/10万（控制在8.5/10万以下）',
      '/10万',
      '孕产妇死亡率控制在8.5/10万以下',
    ]);
    // The first data row is goal 1 of the first domain.
    expect(rowValues(sheet as ExcelJS.Worksheet, 3).slice(0, 4)).toEqual([
      '妇女与健康',
      '主要目标',
      1,
      catalog.plans[0]?.domains[0]?.goals[0]?.text,
    ]);
  });
});
