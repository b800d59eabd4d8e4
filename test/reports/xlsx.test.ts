import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildStatWorkbook,
  DEMO_MARK,
  type StatMeta,
  type StatSheet,
} from '../../src/features/reports/xlsx/stat-table.ts';

const sheet: StatSheet = {
  name: '妇女健康',
  title: '妇女健康主要指标统计表',
  period: '2025年',
  unit: '%、1/10万',
  columns: [
    { width: 28 },
    { width: 10, numFmt: '0' },
    { width: 10, numFmt: '0.0' },
    { width: 10, numFmt: '0.00' },
    { width: 12 },
    { width: 12 },
  ],
  header: [
    [
      { text: '指标名称', rowSpan: 2 },
      { text: '计算基数', rowSpan: 2 },
      { text: '监测值', colSpan: 2 },
      { text: '牵头单位', rowSpan: 2 },
      { text: '备注', rowSpan: 2 },
    ],
    [{ text: '合计' }, { text: '女' }],
  ],
  rows: [
    ['孕产妇死亡率', 5712, 8.7, 8.75, '区卫健委', ''],
    ['妇女常见病筛查率', 120345, 91.3, null, '区卫健委', '女性数据待报'],
  ],
  notes: ['本表由区卫健委于次年3月底前报送。', '孕产妇死亡率以活产数为计算基数。'],
};

const meta: StatMeta = {
  formNo: 'WQFE-01表',
  issuer: '武清区统计局',
  approvalNo: '武统字〔2026〕1号',
  validUntil: '2027年12月',
  unitName: '区卫健委',
  demo: true,
};

async function roundTrip(workbook: ExcelJS.Workbook): Promise<ExcelJS.Worksheet> {
  const buffer = await workbook.xlsx.writeBuffer();
  const read = new ExcelJS.Workbook();
  await read.xlsx.load(buffer as ArrayBuffer);
  return read.worksheets[0]!;
}

const text = (cell: ExcelJS.Cell): string => cell.text;

describe('statistical table workbook', () => {
  let ws: ExcelJS.Worksheet;
  beforeAll(async () => {
    ws = await roundTrip(buildStatWorkbook([sheet], meta));
  });

  it('puts the title in a merged first row, marked as demo data', () => {
    expect(ws.name).toBe('妇女健康');
    expect(text(ws.getCell('A1'))).toBe('妇女健康主要指标统计表（演示数据）');
    expect(ws.getCell('A1').isMerged).toBe(true);
    expect(ws.getCell('F1').master.address).toBe('A1');
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.getCell('A1').font?.size).toBe(18);
  });

  it('puts the form identity at the top right and the reporting unit at the left', () => {
    expect(text(ws.getCell('E2'))).toBe('表　　号：WQFE-01表');
    expect(text(ws.getCell('E3'))).toBe('制表机关：武清区统计局');
    expect(text(ws.getCell('E4'))).toBe('批准文号：武统字〔2026〕1号');
    expect(text(ws.getCell('E5'))).toBe('有效期至：2027年12月');
    expect(ws.getCell('F2').master.address).toBe('E2');
    expect(text(ws.getCell('A5'))).toBe('填报单位：区卫健委');
    expect(text(ws.getCell('C5'))).toBe('2025年　　计量单位：%、1/10万');
  });

  it('merges the multi-level header and borders every cell of it', () => {
    expect(text(ws.getCell('A6'))).toBe('指标名称');
    expect(ws.getCell('A7').master.address).toBe('A6');
    expect(text(ws.getCell('C6'))).toBe('监测值');
    expect(ws.getCell('D6').master.address).toBe('C6');
    expect(text(ws.getCell('C7'))).toBe('合计');
    expect(text(ws.getCell('D7'))).toBe('女');
    expect(ws.getCell('D6').border?.top?.style).toBe('thin');
    expect(ws.getCell('C7').font?.bold).toBe(true);
  });

  it('formats numbers per column and leaves missing values empty', () => {
    expect(ws.getCell('B8').value).toBe(5712);
    expect(ws.getCell('B8').numFmt).toBe('0');
    expect(ws.getCell('C8').numFmt).toBe('0.0');
    expect(ws.getCell('D8').numFmt).toBe('0.00');
    expect(ws.getCell('D9').value).toBeNull();
    expect(ws.getCell('F9').alignment?.wrapText).toBe(true);
    expect(ws.getCell('A9').border?.left?.style).toBe('thin');
  });

  it('freezes the panes below the header and right of the first column', () => {
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 7, xSplit: 1 });
  });

  it('writes the signature line and notes under the table', () => {
    expect(text(ws.getCell('A10'))).toBe('单位负责人：');
    expect(text(ws.getCell('C10'))).toBe('统计负责人：');
    expect(text(ws.getCell('E10'))).toBe('填表人：');
    expect(text(ws.getCell('F10'))).toBe('填表日期：　　年　月　日');
    expect(text(ws.getCell('A11'))).toBe('说明：本表由区卫健委于次年3月底前报送。');
    expect(text(ws.getCell('A12'))).toBe('孕产妇死亡率以活产数为计算基数。');
  });

  it('prints on A4 landscape, one page wide, with the header rows repeated', () => {
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '6:7',
    });
    expect(ws.headerFooter.oddHeader).toContain(DEMO_MARK);
    expect(ws.headerFooter.oddFooter).toContain('&P');
  });

  it('has no demo mark on real data', async () => {
    const real = await roundTrip(buildStatWorkbook([sheet], { ...meta, demo: false, validUntil: undefined }));
    expect(text(real.getCell('A1'))).toBe('妇女健康主要指标统计表');
    expect(real.headerFooter.oddHeader ?? '').not.toContain('演示数据');
    // Without 有效期至 the block is one line shorter.
    expect(text(real.getCell('A4'))).toBe('填报单位：区卫健委');
    expect(real.views[0]).toMatchObject({ ySplit: 6 });
  });

  it('puts the signatures in one cell when the table has fewer than four columns', async () => {
    const narrow: StatSheet = {
      ...sheet,
      columns: sheet.columns.slice(0, 2),
      header: [[{ text: '指标' }, { text: '值' }]],
      rows: [['a', 1]],
      notes: [],
    };
    const ws2 = await roundTrip(buildStatWorkbook([narrow], meta));
    expect(text(ws2.getCell('A8'))).toContain('单位负责人：');
    expect(text(ws2.getCell('A8'))).toContain('填表日期：');
  });

  it('refuses sheet names Excel would refuse', () => {
    expect(() => buildStatWorkbook([{ ...sheet, name: '2025/妇女' }], meta)).toThrow(/工作表名称/);
  });
});
