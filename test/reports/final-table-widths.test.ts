// The final summary table's header words fit their columns: a header cell breaks only between whole words
// (基本/实现), never inside one (已实/现), in 小四 with 1 mm cell margins.
import { describe, expect, it } from 'vitest';
import { PT } from '../../src/features/reports/docx/layout.ts';
import { finalSummaryTable } from '../../src/features/reports/final-tables.ts';
import type { ReportContext } from '../../src/features/reports/generate.ts';
import { placeHeader } from '../../src/features/reports/model.ts';

const CHAR_MM = (PT.xiaosi * 25.4) / 72; // one 小四 character
const ctx = {
  kind: 'final_evaluation',
  plans: [{ id: 'p', title: '规划', shortTitle: '妇女发展规划', baseYear: 2020, cycleEnd: 2025 }],
  narrative: { indicators: [] },
  analysis: { byDomain: [{ planId: 'p', domainCode: 'W4', domainName: '妇女参与决策和管理' }] },
} as unknown as ReportContext;

describe('规划目标完成情况汇总 table widths', () => {
  const table = finalSummaryTable(ctx, '表1　规划目标完成情况汇总');
  const fits = (text: string, widthMm: number) => [...text].length * CHAR_MM <= widthMm - 2;

  it('fills the portrait type area (156 mm) and no more', () => {
    expect(table.columns.reduce((a, c) => a + c.width, 0)).toBe(156);
  });

  it('holds each header word on one line: 3-character words whole, 4-character ones as two lines of two', () => {
    for (const p of placeHeader(table.header, table.columns.length).flat()) {
      const width = table.columns.slice(p.col, p.col + p.colSpan).reduce((a, c) => a + c.width, 0);
      const text = p.cell.text.replace(/（%）$/, '');
      const ok = fits(text, width) || ([...text].length === 4 && fits(text.slice(0, 2), width));
      expect(ok, `${p.cell.text} in ${width} mm`).toBe(true);
    }
  });

  it('holds the longest domain name, indented, on one line', () => {
    const names = table.rows.map((r) => String(r[0]));
    expect(names).toContain('　妇女参与决策和管理');
    for (const name of names) expect(fits(name, table.columns[0]!.width), name).toBe(true);
  });
});

describe('规划目标完成情况汇总 while final data are pending', () => {
  const item = (finalCategory: string | undefined, year: number | null) => ({
    planId: 'p',
    domainCode: 'W4',
    result: { ruleKind: 'threshold', finalCategory, year, value: year === null ? null : 1 },
  });
  const withItems = (items: unknown[]) =>
    finalSummaryTable({ ...ctx, narrative: { indicators: items } } as unknown as ReportContext, '表1');

  it('says the rate counts only the judged indicators when some are pending', () => {
    const table = withItems([item('已实现', 2025), item('已实现', 2025), item(undefined, 2024)]);
    expect(table.rows[0]?.slice(1, 7)).toEqual([3, 2, 0, 0, 1, 100]);
    expect(table.note).toContain('实现率只按已有终期数据的指标计算');
  });

  it('says nothing of the kind when every indicator is judged', () => {
    const table = withItems([item('已实现', 2025), item('未实现', 2025)]);
    expect(table.rows[0]?.[6]).toBe(50);
    expect(table.note).not.toContain('已有终期数据');
  });
});
