// 统计报表 (.xlsx): per plan, every indicator by domain with the 2020 baseline, each year, the target and the
// status; then the sex and town breakdowns. Values are the stored numbers, unrounded, as the analysis has them.
import type ExcelJS from 'exceljs';
import { distinctIndicators, finalJudgement, targetShort } from '../../core/narrative/index.ts';
import type { ReportContext } from './generate.ts';
import type { CellValue, HeaderCell } from './model.ts';
import { isFinal } from './names.ts';
import { buildStatWorkbook, type StatColumn, type StatSheet } from './xlsx/stat-table.ts';

export const FORM_NO = { plan: '妇儿监测1表', sex: '妇儿监测2表', town: '妇儿监测3表' } as const;

/** 表号: one per table, numbered in the workbook's order (妇儿监测1表, 2表 …). */
const formNo = (n: number) => `妇儿监测${n}表`;

/** Excel's format for an indicator's published decimals: 0, 0.0, 0.00 … */
export const numFmtOf = (precision: number) => (precision > 0 ? `0.${'0'.repeat(precision)}` : '0');

/** 栏号 row: 甲 乙 丙 … for the descriptive columns, 1 2 3 … for the columns of figures. */
function columnNumbers(textColumns: number, figureColumns: number): HeaderCell[] {
  const stems = ['甲', '乙', '丙', '丁', '戊'];
  return [
    ...stems.slice(0, textColumns).map((text) => ({ text })),
    ...Array.from({ length: figureColumns }, (_, k) => ({ text: String(k + 1) })),
  ];
}

/** A gap between the sexes (男女…差距) is one figure, not a figure per sex. */
const isGap = (i: { name: string; unit: string }) => /差距/.test(i.name) || i.unit === '百分点';
const CHINESE_DIGITS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];

function yearHeader(years: number[], baseYear: number): HeaderCell[] {
  return years.map((y) => ({ text: y === baseYear ? `${y}年（基期）` : `${y}年` }));
}

function planSheet(ctx: ReportContext, planId: string): StatSheet {
  const p = ctx.plans.find((x) => x.id === planId)!;
  const years = ctx.analysis.years;
  const items = ctx.narrative.indicators.filter((i) => i.planId === planId);
  const final = isFinal(ctx.kind);
  const rows: CellValue[][] = [];
  const rowNumFmt: (string | undefined)[] = [];
  const domains = [...new Set(items.map((i) => i.domainCode))];
  domains.forEach((code, n) => {
    const inDomain = items.filter((i) => i.domainCode === code);
    rows.push([`${CHINESE_DIGITS[n] ?? n + 1}、${inDomain[0]!.domainName}`, ...new Array(years.length + 4).fill(null)]);
    rowNumFmt.push(undefined);
    for (const i of inDomain) {
      rows.push([i.code, i.name, i.unit, ...i.values, targetShort(i), final ? finalJudgement(i) : i.result.status]);
      rowNumFmt.push(numFmtOf(i.precision ?? 1));
    }
  });
  return {
    name: p.shortTitle.slice(0, 31),
    title: `${p.shortTitle}主要指标监测情况`,
    period: `${years[0]}—${years.at(-1)}年`,
    columns: [
      { width: 10 },
      { width: 40 },
      { width: 9, align: 'center' },
      ...years.map((): StatColumn => ({ width: 11 })),
      { width: 16, align: 'center' },
      { width: 16, align: 'center' },
    ],
    header: [
      [
        { text: '编号', rowSpan: 2 },
        { text: '指标', rowSpan: 2 },
        { text: '计量单位', rowSpan: 2 },
        { text: '监测值', colSpan: years.length },
        { text: '目标值', rowSpan: 2 },
        { text: final ? '评估结果' : '监测结果', rowSpan: 2 },
      ],
      yearHeader(years, p.baseYear),
      columnNumbers(3, years.length + 2),
    ],
    rows,
    rowNumFmt,
    formNo: formNo(ctx.plans.findIndex((x) => x.id === planId) + 1),
    notes: [
      ctx.basis === 'approved' ? '监测值为统计部门审核确认的数据。' : '监测值含尚未审核确认的初步数据。',
      '空白表示无数据。两个规划共有的统计指标（如高中阶段毛入学率）为同一数据，只填报一次。',
    ],
  };
}

function sexSheet(ctx: ReportContext): StatSheet | null {
  const years = ctx.analysis.years;
  const shown = new Set(distinctIndicators(ctx.narrative).map((i) => i.code));
  const items = ctx.analysis.indicators.filter((i) => i.female && i.male && !isGap(i) && shown.has(i.code));
  if (items.length === 0) return null;
  const rows: CellValue[][] = items.flatMap((i) => [
    [i.code, i.name, i.unit, '合计', ...i.values],
    [i.code, i.name, i.unit, '女', ...(i.female ?? [])],
    [i.code, i.name, i.unit, '男', ...(i.male ?? [])],
  ]);
  const rowNumFmt = items.flatMap((i) => new Array(3).fill(numFmtOf(ctx.precision.get(i.id) ?? 1)));
  return {
    name: '分性别',
    title: '分性别指标监测情况',
    period: `${years[0]}—${years.at(-1)}年`,
    columns: [
      { width: 10 },
      { width: 40 },
      { width: 9, align: 'center' },
      { width: 8, align: 'center' },
      ...years.map((): StatColumn => ({ width: 11 })),
    ],
    header: [
      [
        { text: '编号', rowSpan: 2 },
        { text: '指标', rowSpan: 2 },
        { text: '计量单位', rowSpan: 2 },
        { text: '性别', rowSpan: 2 },
        { text: '监测值', colSpan: years.length },
      ],
      yearHeader(years, Math.min(...ctx.plans.map((p) => p.baseYear))),
      columnNumbers(4, years.length),
    ],
    rows,
    rowNumFmt,
    formNo: formNo(ctx.plans.length + 1),
    notes: ['空白表示无数据。男女差距类指标本身即为两性比较，不再分性别列示。'],
  };
}

function townSheet(ctx: ReportContext): StatSheet | null {
  const items = ctx.analysis.indicators.filter((i) => i.towns && i.towns.length > 0);
  if (items.length === 0) return null;
  const areas = new Map<number, string>();
  for (const i of items) for (const t of i.towns ?? []) areas.set(t.areaId, t.area);
  const areaIds = [...areas.keys()].sort((a, b) => a - b);
  const rows: CellValue[][] = areaIds.map((id) => [
    areas.get(id)!,
    ...items.map((i) => i.towns?.find((t) => t.areaId === id)?.value ?? null),
  ]);
  return {
    name: '分镇街',
    title: '分镇街指标监测情况',
    period: `${ctx.year}年`,
    columns: [
      { width: 14 },
      ...items.map((i): StatColumn => ({ width: 16, numFmt: numFmtOf(ctx.precision.get(i.id) ?? 1) })),
    ],
    header: [
      [{ text: '镇街', rowSpan: 2 }, ...items.map((i) => ({ text: `${i.code} ${i.name}` }))],
      items.map((i) => ({ text: `（${i.unit}，${i.result.year ?? ctx.year}年）` })),
      columnNumbers(1, items.length),
    ],
    rows,
    formNo: formNo(ctx.plans.length + 2),
    notes: [
      '各指标为最近一年有数据的数值；空白表示无数据。',
      // 口径: a town's rate is its own numerator over its own denominator; the district's is the district total's.
      '镇街数值为各镇街本辖区口径；全区数值按全区合计的分子、分母计算（见第1、2表），不是各镇街数值的简单平均。',
    ],
  };
}

export function buildStatTables(ctx: ReportContext): ExcelJS.Workbook {
  const sheets = [...ctx.plans.map((p) => planSheet(ctx, p.id)), sexSheet(ctx), townSheet(ctx)].filter(
    (s): s is StatSheet => s !== null,
  );
  return buildStatWorkbook(sheets, {
    formNo: FORM_NO.plan,
    issuer: `${ctx.region}统计局`,
    // As the office entered them (统计报表批准信息); left blank for a hand entry until it has.
    approvedBy: ctx.statForm?.approvedBy ?? '',
    approvalNo: ctx.statForm?.approvalNo ?? '',
    validUntil: ctx.statForm?.validUntil ?? '',
    unitName: `${ctx.region}妇女儿童工作委员会办公室`,
    demo: ctx.analysis.demo,
  });
}
