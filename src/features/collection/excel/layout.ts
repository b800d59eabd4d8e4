import type { RowContent } from '../contract.ts';

export type { RowContent };

// The layout of the Excel template that its writer (template.ts) and its reader (parse.ts) both follow: sheet
// names, format marks, header rows and columns. Kept apart from template.ts, which needs the database, the
// settings and the report writer, so that the upload's worker thread (parse-worker.ts) loads only this and the
// reader, starting in less time and heap.

export const TEMPLATE_FORMAT = 'tianping-collection-template';
export const TEMPLATE_FORMAT_VERSION = 1;
export const DATA_SHEET = '数据填报';
export const KEY_SHEET = '_tianping';
export const MAX_TEXT = 500;
/** Header rows: title (1), identity block (2–4, 填报单位 on 4), two header rows (5–6); data from row 7. */
export const HEADER_ROWS = [5, 6] as const;
export const FIRST_DATA_ROW = 7;
/** Where the key sheet's row table starts (its header line), for the parser. */
export const KEY_TABLE_HEADER = ['row', 'indicatorId', 'year', 'sex', 'version', 'key'] as const;

export type InputKind = 'number' | 'count' | 'text' | 'source';
export type ContentField = 'value' | 'numerator' | 'denominator' | 'source' | 'caliberNote' | 'comment' | 'explanation';

export interface TemplateColumn {
  /** Stable machine name: code, name, sex, year, unit, target, y2020 …, value, numerator, …, key */
  key: string;
  /** The column's label in the lower header row (what the upload checks). */
  label: string;
  /** The upper header row's group label, for grouped columns. */
  group?: string;
  width: number;
  input?: InputKind;
  field?: ContentField;
}

export type RoundKind = 'annual' | 'final';

/** The columns of a template: the same function lays the file out and checks it on upload. */
export function templateColumns(kind: RoundKind, previousYears: number[]): TemplateColumn[] {
  const entry = kind === 'annual' ? '本年数据' : '填报数据';
  return [
    { key: 'code', label: '指标编号', width: 9 },
    { key: 'name', label: '指标名称', width: 30 },
    { key: 'sex', label: '性别', width: 6 },
    ...(kind === 'final' ? [{ key: 'year', label: '年份', width: 7 }] : []),
    { key: 'unit', label: '计量单位', width: 8 },
    { key: 'target', label: '目标值', width: 22 },
    ...previousYears.map((y) => ({ key: `y${y}`, label: `${y}年`, group: '往年数据（只读）', width: 9 })),
    { key: 'value', label: '数值', group: entry, width: 11, input: 'number', field: 'value' },
    { key: 'numerator', label: '分子', group: entry, width: 12, input: 'count', field: 'numerator' },
    { key: 'denominator', label: '分母', group: entry, width: 12, input: 'count', field: 'denominator' },
    { key: 'source', label: '资料来源', width: 14, input: 'source', field: 'source' },
    { key: 'caliberNote', label: '口径说明', width: 18, input: 'text', field: 'caliberNote' },
    { key: 'comment', label: '备注', width: 16, input: 'text', field: 'comment' },
    { key: 'explanation', label: '说明（出现审核提示时必填）', width: 24, input: 'text', field: 'explanation' },
    { key: 'key', label: '行标识', width: 14 },
  ] satisfies TemplateColumn[];
}
