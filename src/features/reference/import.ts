// Checking an uploaded 对比数据 workbook against the catalog: every filled cell becomes one figure to write, or a
// problem naming the sheet, the row and the column. The import writes nothing unless there is no problem at all.

import {
  checkReferenceValue,
  MAX_SOURCE_LENGTH,
  REFERENCE_SCOPE_LABELS,
  REFERENCE_SCOPES,
} from '../../core/reference.ts';
import type { FolderCatalog, ReferenceKey } from './store.ts';
import { type ReferenceSheetRow, readValueCell } from './xlsx.ts';

export interface PlannedFigure {
  key: ReferenceKey;
  value: number;
  source: string;
}

export interface ImportProblem {
  /** 妇女发展规划!E12 */
  cell: string;
  /** 工作表“妇女发展规划”第 12 行 E 列（天津市）：应为数字，填写的是“约3” */
  message: string;
}

export function planImport(
  rows: readonly ReferenceSheetRow[],
  catalog: FolderCatalog,
): { figures: PlannedFigure[]; problems: ImportProblem[] } {
  const byCode = new Map(catalog.indicators.map((i) => [i.code, i]));
  const firstYear = catalog.years[0];
  const lastYear = catalog.years.at(-1);
  const figures: PlannedFigure[] = [];
  const problems: ImportProblem[] = [];
  /** Where each key was first given, to name both rows of a duplicate. */
  const seen = new Map<string, { row: ReferenceSheetRow; value: number; source: string }>();
  for (const row of rows) {
    const problem = (column: string, label: string, message: string) =>
      problems.push({
        cell: `${row.sheet}!${column}${row.row}`,
        message: `工作表“${row.sheet}”第 ${row.row} 行 ${column} 列（${label}）：${message}`,
      });
    const ind = byCode.get(row.code);
    if (!row.code) {
      problem(row.codeColumn, '编号', '缺少指标编号');
      continue;
    }
    if (!ind) {
      problem(row.codeColumn, '编号', `“${row.code.slice(0, 20)}”不是当前规划的监测指标编号`);
      continue;
    }
    const year = /^\d{4}$/.test(row.year) ? Number(row.year) : Number.NaN;
    if (!catalog.years.includes(year)) {
      problem(row.yearColumn, '年份', `应为 ${firstYear}—${lastYear} 年中的一年，填写的是“${row.year.slice(0, 20)}”`);
      continue;
    }
    for (const scope of REFERENCE_SCOPES) {
      const cells = row.scopes[scope];
      const label = REFERENCE_SCOPE_LABELS[scope];
      const read = readValueCell(cells.value);
      if (!read.ok) {
        problem(cells.valueColumn, label, read.message);
        continue;
      }
      if (read.value === null) {
        if (cells.source) problem(cells.valueColumn, label, '填写了数据来源，但没有填写数值');
        continue;
      }
      if (!cells.source) {
        problem(cells.sourceColumn, `${label}数据来源`, `${label}数值为 ${read.value}，请填写数据来源`);
        continue;
      }
      if (cells.source.length > MAX_SOURCE_LENGTH) {
        problem(
          cells.sourceColumn,
          `${label}数据来源`,
          `最多 ${MAX_SOURCE_LENGTH} 字，填写了 ${cells.source.length} 字`,
        );
        continue;
      }
      const checked = checkReferenceValue(read.value, ind);
      if (!checked.ok) {
        problem(cells.valueColumn, label, checked.message);
        continue;
      }
      const key = { folderId: catalog.folderId, indicatorCode: ind.series, scope, year };
      const id = `${key.indicatorCode}|${scope}|${year}`;
      const earlier = seen.get(id);
      if (earlier) {
        if (earlier.value !== checked.value || earlier.source !== cells.source) {
          problem(
            cells.valueColumn,
            label,
            `${ind.series} ${year}年的${label}数据已在工作表“${earlier.row.sheet}”第 ${earlier.row.row} 行填写，且与本行不同`,
          );
        }
        continue;
      }
      seen.set(id, { row, value: checked.value, source: cells.source });
      figures.push({ key, value: checked.value, source: cells.source });
    }
  }
  return { figures, problems };
}
