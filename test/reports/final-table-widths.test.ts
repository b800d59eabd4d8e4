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
