import { eq } from 'drizzle-orm';
import type ExcelJS from 'exceljs';
import { describeRule } from '../../../core/catalog/index.ts';
import type { Counts } from '../../../core/catalog/types.ts';
import { SEX_LABELS, type Sex } from '../../../core/collection/entry.ts';
import type { Site } from '../../../core/site.ts';
import type { Db } from '../../../db/connection.ts';
import { plan } from '../../../db/schema/index.ts';
import { getSetting, SITE } from '../../../platform/settings.ts';
import { readIndicatorNames } from '../../catalog/index.ts';
import { buildStatWorkbook } from '../../reports/index.ts';
import type { RowContent } from '../contract.ts';
import { carriedNote } from '../contract.ts';
import { carriedSeries } from '../lineage.ts';
import type { RoundTask } from '../scope.ts';
import { taskValues } from '../submissions.ts';
import { keyOf } from '../values.ts';
import {
  DATA_SHEET,
  FIRST_DATA_ROW,
  HEADER_ROWS,
  KEY_SHEET,
  MAX_TEXT,
  type RoundKind,
  TEMPLATE_FORMAT,
  TEMPLATE_FORMAT_VERSION,
  type TemplateColumn,
  templateColumns,
} from './layout.ts';

export type { RowContent } from '../contract.ts';
// The layout is defined in layout.ts (the upload's worker loads it without the rest of this file).
export {
  type ContentField,
  DATA_SHEET,
  FIRST_DATA_ROW,
  HEADER_ROWS,
  type InputKind,
  KEY_SHEET,
  KEY_TABLE_HEADER,
  MAX_TEXT,
  type RoundKind,
  TEMPLATE_FORMAT,
  TEMPLATE_FORMAT_VERSION,
  type TemplateColumn,
  templateColumns,
} from './layout.ts';

// The Excel template of a unit's (or town's) task in a round (填报模板), laid out as a Chinese statistical
// report form (the house style of src/reports/xlsx/stat-table.ts): title, 表号 / 制表机关 / 批准文号, 填报单位,
// a two-level header, one row per indicator × sex (× year in a final round), the signature line and notes.
// Input cells are unlocked and light yellow; the rest of the sheet is protected. A very hidden sheet carries
// what the upload needs to recognise the file: round, reporter, layout, and per row the value's key and the
// version it had when the template was downloaded.

/** Sheet protection password (documented in docs/excel-templates.md): protection guides, the server checks. */
export const TEMPLATE_PASSWORD = 'Tianping2025';
export const SOURCE_SUGGESTIONS = ['部门统计年报', '行政记录', '抽样调查', '其他'] as const;
export const FORM_ISSUER = '区统计局';
/** The statistics bureau's approval number of the form; to be filled in once the bureau has approved it. */
export const FORM_APPROVAL_NO = '（待区统计局批准后填写）';
export const INPUT_FILL = 'FFFFF2CC';

export interface TemplateRow {
  indicatorId: number;
  code: string;
  name: string;
  unit: string;
  target: string;
  sex: Sex;
  year: number;
  counts: Counts | null;
  precision: number;
  limits: [number | null, number | null];
  /** Values of the previous-years columns, in their order. */
  previous: (number | null)[];
  /** Per previous year: where a value taken from the predecessor comes from (the cell's note), else null. */
  carried: (string | null)[];
  current: RowContent | null;
  /** The value's version when the template was made: 0 when there is none yet. */
  version: number;
}

export interface TemplateData {
  roundId: number;
  roundTitle: string;
  roundKind: RoundKind;
  /** The years the round collects. */
  years: number[];
  reporter: { kind: 'unit' | 'area'; id: number; name: string };
  areaId: number | null;
  previousYears: number[];
  rows: TemplateRow[];
  /** The district the system belongs to (示范区), from the active plan folder; '' when unknown. */
  region: string;
}

/** The key written in each row's hidden 行标识 cell. */
export const rowKey = (r: { indicatorId: number; year: number; sex: Sex }) => `${r.indicatorId}|${r.year}|${r.sex}`;

export function templateTitle(kind: RoundKind, years: number[], region = ''): string {
  return kind === 'annual'
    ? `${region}妇女儿童发展规划监测数据报表（${years[0]}年）`
    : `${region}妇女儿童发展规划终期评估数据报表（${years[0]}—${years[years.length - 1]}年）`;
}

export function templateFileName(data: TemplateData): string {
  return `${data.reporter.name}_${templateTitle(data.roundKind, data.years)}_填报模板.xlsx`;
}

/** Reads what the template shows from the database: the task's rows, earlier years and current values. */
export async function templateData(db: Db, task: RoundTask, reporterName: string): Promise<TemplateData> {
  const { round, reporter, items } = task;
  const [base] = await db
    .select({ baseYear: plan.baseYear })
    .from(plan)
    .where(eq(plan.folderId, round.folderId))
    .limit(1);
  const years = [...new Set(items.flatMap((i) => i.years))].sort((a, b) => a - b);
  if (years.length === 0) years.push(round.year);
  const firstTaskYear = years[0] as number;
  const firstYear = Math.min(base?.baseYear ?? firstTaskYear, firstTaskYear);
  const previousYears: number[] = [];
  for (let y = firstYear; y < firstTaskYear; y++) previousYears.push(y);
  const values = await taskValues(db, items, firstTaskYear - firstYear);
  const carried = await carriedSeries(db, items, [firstYear, firstTaskYear - 1]);
  const areaId = reporter.kind === 'area' ? reporter.areaId : null;
  const names = await readIndicatorNames(db, round.folderId);
  const rows: TemplateRow[] = [];
  for (const item of items) {
    const ind = item.indicator;
    const target = describeRule(ind.rule, {
      unit: ind.unit,
      better: ind.better,
      baseYear: base?.baseYear ?? 2020,
      quote: ind.quote,
      referenceName: (reference) => names.get(reference)?.name,
    });
    for (const year of item.years) {
      for (const sex of item.sexes) {
        const at = (y: number) => values.get(keyOf({ indicatorId: ind.id, year: y, areaId: item.areaId, sex }));
        const row = at(year);
        const predecessor = carried.get(ind.id);
        // The indicator's own value first; else its predecessor's (the 2025 value of a 2026–2030 indicator).
        const previous = previousYears.map((y) => {
          const own = at(y)?.value ?? null;
          if (own !== null || !predecessor) return { value: own, note: null };
          const value = predecessor.values.find((v) => v.year === y && v.sex === sex)?.value ?? null;
          return { value, note: value === null ? null : carriedNote(predecessor) };
        });
        rows.push({
          indicatorId: ind.id,
          code: ind.code,
          name: ind.name,
          unit: ind.unit,
          target,
          sex,
          year,
          counts: ind.counts ?? null,
          precision: ind.precision,
          limits: ind.limits,
          previous: previous.map((p) => p.value),
          carried: previous.map((p) => p.note),
          current: row
            ? {
                value: row.value,
                numerator: row.numerator,
                denominator: row.denominator,
                source: row.source,
                caliberNote: row.caliberNote,
                comment: row.comment,
                explanation: row.explanation,
              }
            : null,
          version: row?.version ?? 0,
        });
      }
    }
  }
  return {
    roundId: round.id,
    roundTitle: round.title,
    roundKind: round.kind,
    years,
    reporter:
      reporter.kind === 'unit'
        ? { kind: 'unit', id: reporter.unitId, name: reporterName }
        : { kind: 'area', id: reporter.areaId, name: reporterName },
    areaId,
    previousYears,
    rows,
    region: (await getSetting<Site>(db, SITE))?.regionShort ?? '',
  };
}

/** The accepted range of a value by its unit (the hard 审核公式 ranges), for Excel's data validation. */
export function valueRange(row: Pick<TemplateRow, 'unit' | 'limits'>): [number, number] {
  if (row.unit === '%') return [0, 100];
  if (row.unit === '‰') return [0, 1000];
  if (row.unit === '/10万') return [0, 100000];
  return [row.limits[0] ?? -1e12, row.limits[1] ?? 1e12];
}

const decimalsFormat = (precision: number) => (precision > 0 ? `0.${'0'.repeat(precision)}` : '0');

/** Builds the workbook (no I/O). */
export async function buildTemplate(data: TemplateData): Promise<ExcelJS.Workbook> {
  const columns = templateColumns(data.roundKind, data.previousYears);
  const col = (key: string) => columns.findIndex((c) => c.key === key) + 1;

  // Two header rows: ungrouped columns span both; grouped ones get their group label above.
  const top: { text: string; colSpan?: number; rowSpan?: number }[] = [];
  const bottom: { text: string }[] = [];
  for (let i = 0; i < columns.length; i++) {
    const c = columns[i] as TemplateColumn;
    if (!c.group) {
      top.push({ text: c.label, rowSpan: 2 });
      continue;
    }
    if (columns[i - 1]?.group === c.group) continue;
    let span = 0;
    while (columns[i + span]?.group === c.group) span++;
    top.push({ text: c.group, colSpan: span });
    for (let k = 0; k < span; k++) bottom.push({ text: (columns[i + k] as TemplateColumn).label });
  }

  const cellOf = (r: TemplateRow, c: TemplateColumn): string | number | null => {
    if (c.key.startsWith('y') && /^y\d+$/.test(c.key))
      return r.previous[data.previousYears.indexOf(Number(c.key.slice(1)))] ?? null;
    switch (c.key) {
      case 'code':
        return r.code;
      case 'name':
        return r.name;
      case 'sex':
        return SEX_LABELS[r.sex];
      case 'year':
        return r.year;
      case 'unit':
        return r.unit;
      case 'target':
        return r.target;
      case 'key':
        return rowKey(r);
      default:
        return c.field ? (r.current?.[c.field] ?? null) : null;
    }
  };

  const workbook = buildStatWorkbook(
    [
      {
        name: DATA_SHEET,
        title: templateTitle(data.roundKind, data.years, data.region),
        period: data.roundKind === 'annual' ? `${data.years[0]}年` : `${data.years[0]}—${data.years.at(-1)}年`,
        columns: columns.map((c) => ({ width: c.width })),
        header: [top, bottom],
        rows: data.rows.map((r) => columns.map((c) => cellOf(r, c))),
        notes: [
          '黄色单元格为填报区，其余单元格已保护（保护密码见系统文档）。数值、分子、分母只填数字，百分比不带 % 号。',
          '分子、分母：计算该指标所用的两个数（如孕产妇死亡数、活产数），各行的名称见该单元格的批注；不按分子分母计算的指标不填。',
          '出现审核提示（如较上年变化超过 30%）时须填写“说明”，否则不能提交。',
          '请勿增删行列、移动行、修改表头或隐藏的“行标识”列，否则上传时无法识别；如需重新开始，请重新下载模板。',
          ...(data.rows.some((r) => r.carried.some((n) => n !== null))
            ? ['往年数据中带批注的数值取自上一周期规划的对应指标（本指标延续其统计），见该单元格的批注。']
            : []),
        ],
      },
    ],
    {
      formNo: data.reporter.kind === 'unit' ? '武妇儿监1表' : '武妇儿监2表',
      issuer: FORM_ISSUER,
      approvalNo: FORM_APPROVAL_NO,
      unitName: data.reporter.name,
      demo: false,
    },
  );
  const ws = workbook.getWorksheet(DATA_SHEET) as ExcelJS.Worksheet;

  // Header notes: what 分子 / 分母 mean, and that the key column must stay.
  ws.getCell(HEADER_ROWS[1], col('numerator')).note = '分子、分母的名称因指标而异，见各行该单元格的批注';
  ws.getCell(HEADER_ROWS[1], col('denominator')).note = '分子、分母的名称因指标而异，见各行该单元格的批注';

  const fill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: INPUT_FILL } };
  data.rows.forEach((r, i) => {
    const rowNo = FIRST_DATA_ROW + i;
    const [lo, hi] = valueRange(r);
    for (const [k, c] of columns.entries()) {
      if (c.key.startsWith('y') && /^y\d+$/.test(c.key)) {
        const cell = ws.getCell(rowNo, k + 1);
        cell.numFmt = decimalsFormat(r.precision);
        const note = r.carried[data.previousYears.indexOf(Number(c.key.slice(1)))];
        if (note) cell.note = note;
      }
      if (!c.input) continue;
      if (c.input === 'count' && !r.counts) continue; // 分子 / 分母 only where the indicator is computed from counts
      const cell = ws.getCell(rowNo, k + 1);
      cell.protection = { locked: false };
      cell.fill = fill;
      if (c.input === 'number') {
        cell.dataValidation = {
          type: 'decimal',
          operator: 'between',
          allowBlank: true,
          showErrorMessage: true,
          errorStyle: 'stop',
          errorTitle: '应为数字',
          error: `请填写 ${lo}–${hi} 之间的数字（百分比不带 % 号）`,
          formulae: [lo, hi],
        };
      } else if (c.input === 'count') {
        cell.dataValidation = {
          type: 'whole',
          operator: 'greaterThanOrEqual',
          allowBlank: true,
          showErrorMessage: true,
          errorStyle: 'stop',
          errorTitle: '应为整数',
          error: '请填写不小于 0 的整数',
          formulae: [0],
        };
        const counts = r.counts as Counts;
        cell.note = c.key === 'numerator' ? `分子：${counts.numerator}` : `分母：${counts.denominator}`;
      } else if (c.input === 'source') {
        cell.dataValidation = {
          type: 'list',
          allowBlank: true,
          // Suggestions: other sources may be typed in.
          showErrorMessage: false,
          showInputMessage: true,
          promptTitle: '资料来源',
          prompt: `可从下拉列表选择（${SOURCE_SUGGESTIONS.join('、')}），也可直接填写`,
          formulae: [`"${SOURCE_SUGGESTIONS.join(',')}"`],
        };
      } else {
        cell.dataValidation = {
          type: 'textLength',
          operator: 'lessThanOrEqual',
          allowBlank: true,
          showErrorMessage: true,
          errorStyle: 'stop',
          errorTitle: '内容过长',
          error: `最多 ${MAX_TEXT} 字`,
          formulae: [MAX_TEXT],
        };
      }
    }
  });
  ws.getColumn(col('key')).hidden = true;
  await ws.protect(TEMPLATE_PASSWORD, {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatColumns: true,
    formatRows: true,
    spinCount: 10_000,
  });

  // The machine-readable part: very hidden (not listed under 取消隐藏), protected.
  const keys = workbook.addWorksheet(KEY_SHEET, { state: 'veryHidden' });
  const meta: [string, string | number][] = [
    ['format', TEMPLATE_FORMAT],
    ['formatVersion', TEMPLATE_FORMAT_VERSION],
    ['roundId', data.roundId],
    ['roundTitle', data.roundTitle],
    ['roundKind', data.roundKind],
    ['reporterKind', data.reporter.kind],
    ['reporterId', data.reporter.id],
    ['reporterName', data.reporter.name],
    ['areaId', data.areaId ?? ''],
    ['previousYears', data.previousYears.join(',')],
    ['sheet', DATA_SHEET],
    ['firstDataRow', FIRST_DATA_ROW],
    ['rowCount', data.rows.length],
    ['columns', columns.map((c) => c.key).join(',')],
  ];
  meta.forEach(([name, value], i) => {
    keys.getCell(i + 1, 1).value = name;
    keys.getCell(i + 1, 2).value = value;
  });
  const tableStart = meta.length + 2;
  ['row', 'indicatorId', 'year', 'sex', 'version', 'key'].forEach((h, k) => {
    keys.getCell(tableStart, k + 1).value = h;
  });
  data.rows.forEach((r, i) => {
    keys.getRow(tableStart + 1 + i).values = [FIRST_DATA_ROW + i, r.indicatorId, r.year, r.sex, r.version, rowKey(r)];
  });
  await keys.protect(TEMPLATE_PASSWORD, { spinCount: 10_000 });
  return workbook;
}
