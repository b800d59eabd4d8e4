// The plan catalog as an Excel workbook (规划目标与指标一览表): one sheet per plan, every goal, measure and
// indicator in document order, ready to print on A4 landscape. Fonts are named as users' Office has them
// (方正小标宋简体 for the title, 黑体 for the header, 仿宋_GB2312 for the body), as in official documents.

import type ExcelJS from 'exceljs';
import { type Catalog, describeIndicatorTarget } from '../../core/catalog/index.ts';
import { exceljs } from '../../platform/exceljs.ts';
import { CELL_BORDER, SHEET_FONTS, writeTitleAndHeader } from '../../platform/xlsx-sheet.ts';

export const CATALOG_COLUMNS = [
  { header: '领域', key: 'domain', width: 14 },
  { header: '类型', key: 'type', width: 10 },
  { header: '编号', key: 'number', width: 8 },
  { header: '内容', key: 'content', width: 60 },
  { header: '指标', key: 'indicator', width: 24 },
  { header: '目标值', key: 'target', width: 24 },
  { header: '单位', key: 'unit', width: 8 },
  { header: '原文', key: 'quote', width: 40 },
] as const;

type Row = Record<(typeof CATALOG_COLUMNS)[number]['key'], string | number>;

export function buildCatalogWorkbook(catalog: Catalog): ExcelJS.Workbook {
  const workbook = new (exceljs().Workbook)();
  workbook.creator = '天平 Tianping';
  workbook.title = catalog.folder.name;

  for (const plan of catalog.plans) {
    const sheet = workbook.addWorksheet(plan.shortTitle, {
      // Title and header stay in view while scrolling.
      views: [{ state: 'frozen', xSplit: 0, ySplit: 2, topLeftCell: 'A3', activeCell: 'A3' }],
      pageSetup: {
        paperSize: 9, // A4
        orientation: 'landscape',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0, // as many pages down as needed
        horizontalCentered: true,
        margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
        printTitlesRow: '2:2', // the header row on every printed page
      },
      headerFooter: { oddFooter: `&"${SHEET_FONTS.body}"&10${plan.shortTitle}　第 &P 页，共 &N 页` },
    });
    sheet.columns = CATALOG_COLUMNS.map((c) => ({ key: c.key, width: c.width }));

    // Row 1: the title across all columns.
    writeTitleAndHeader(
      sheet,
      `${plan.title}主要目标、策略措施和监测指标`,
      CATALOG_COLUMNS.map((c) => c.header),
    );

    for (const domain of plan.domains) {
      const rows: Row[] = [
        ...domain.goals.map((g) => ({
          domain: domain.name,
          type: '主要目标',
          number: g.number,
          content: g.text,
          indicator: '',
          target: '',
          unit: '',
          quote: '',
        })),
        ...domain.measures.map((m) => ({
          domain: domain.name,
          type: '策略措施',
          number: m.number,
          content: m.text,
          indicator: '',
          target: '',
          unit: '',
          quote: '',
        })),
        ...domain.indicators.map((i) => ({
          domain: domain.name,
          type: '监测指标',
          number: i.code,
          content: `见${i.source.kind === 'goal' ? '主要目标' : '策略措施'}第${i.source.number}条`,
          indicator: i.name,
          target: describeIndicatorTarget(i, plan, catalog),
          unit: i.unit,
          quote: i.quote,
        })),
      ];
      for (const values of rows) {
        const row = sheet.addRow(values);
        row.eachCell({ includeEmpty: true }, (cell, col) => {
          cell.font = { name: SHEET_FONTS.body, size: 10.5 };
          cell.border = CELL_BORDER;
          const centred = col === 1 || col === 2 || col === 3 || col === 7;
          cell.alignment = { vertical: 'middle', horizontal: centred ? 'center' : 'left', wrapText: true };
        });
      }
    }
    sheet.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: CATALOG_COLUMNS.length } };
  }
  return workbook;
}
