// Loading what a report speaks of (the analysis, the plans, the 督办 answers and the units' work reports) and
// turning it into a file: the one path the API, the CLI and the bench share.
import { setImmediate } from 'node:timers/promises';
import { and, eq, inArray, lte, sql } from 'drizzle-orm';
import {
  type DraftSection,
  draftEvaluation,
  draftMonitoring,
  type NarrativeInput,
  type SupervisionAnswer,
  type WorkReport,
} from '../../core/narrative/index.ts';
import type { ReportKind, StoredSection } from '../../core/reports.ts';
import type { Db } from '../../db/connection.ts';
import {
  domain,
  indicator,
  measure,
  orgUnit,
  plan,
  responsibility,
  supervisionNotice,
  supervisionStep,
  unitDocument,
} from '../../db/schema/index.ts';
import { beijingMonthText } from '../../kernel/dates.ts';
import { type Analysis, analyse, type Basis } from '../analysis/index.ts';
import { cycleEndMoment, formerNamesAt } from '../organisation/index.ts';
import { referencesByIndicator } from '../reference/index.ts';
import { summariseTasks, type TaskYearSummary } from '../tasks/index.ts';
import { getContextFigures } from './context-figures.ts';
import type { ReportProgress } from './contract.ts';
import { buildEvaluationReport } from './evaluation-report.ts';
import { buildMonitoringReport } from './monitoring-report.ts';
import { isFinal, jointTitle } from './names.ts';
import { getStatFormApproval, type StatFormApproval } from './stat-form.ts';
import { buildStatTables } from './stat-tables.ts';

export { isFinal, jointTitle };

export const REPORT_KINDS = [
  'annual_monitoring',
  'final_monitoring',
  'annual_evaluation',
  'final_evaluation',
  'stat_tables',
] as const satisfies readonly ReportKind[];
export type { ReportKind };

export const REPORT_KIND_LABELS: Record<ReportKind, string> = {
  annual_monitoring: '年度监测报告',
  final_monitoring: '终期监测报告',
  annual_evaluation: '年度评估报告',
  final_evaluation: '终期评估报告',
  stat_tables: '统计报表',
};

export interface ReportRequest {
  kind: ReportKind;
  year: number;
  /** 'both' or a plan id */
  scope: string;
  basis?: Basis;
}

export interface PlanInfo {
  id: string;
  title: string;
  shortTitle: string;
  baseYear: number;
  cycleEnd: number;
}

export interface ReportContext {
  kind: ReportKind;
  /** The report year; the cycle's last year for final reports. */
  year: number;
  scope: string;
  basis: Basis;
  region: string;
  plans: PlanInfo[];
  /** The analysis as of the report year, cut to the scope's plans. */
  analysis: Analysis;
  /** Published decimals per indicator id. */
  precision: Map<number, number>;
  narrative: NarrativeInput;
  /** 督办, 整改 and meeting decisions per year of the period (the evaluation reports summarise them). */
  tasks?: TaskYearSummary[];
  /** 批准机关 / 批准文号 / 有效期至 of the statistical tables, as the office set them. */
  statForm?: StatFormApproval;
}

/** 示范区 from 天津市示范区妇女发展“十五五”规划. */
function regionOf(title: string): string {
  return /^(?:.+?[省市])?(.+?[区县市])/.exec(title)?.[1] ?? '';
}

export async function loadReportContext(db: Db, folderId: string, request: ReportRequest): Promise<ReportContext> {
  const basis = request.basis ?? 'approved';
  const allPlans = await db.select().from(plan).where(eq(plan.folderId, folderId)).orderBy(plan.position);
  if (allPlans.length === 0) throw new ReportError(`规划目录 ${folderId} 未导入`);
  const plans = allPlans.filter((p) => request.scope === 'both' || p.id === request.scope);
  if (plans.length === 0) throw new ReportError(`范围不正确：${request.scope}（应为 both 或规划标识）`);
  const cycleEnd = Math.max(...plans.map((p) => p.cycleEnd));
  const baseYear = Math.min(...plans.map((p) => p.baseYear));
  const year = isFinal(request.kind) ? cycleEnd : request.year;
  if (year <= baseYear || year > cycleEnd) throw new ReportError(`年份应在${baseYear + 1}—${cycleEnd}年之间`);

  const full = await analyse(db, { folderId, basis, asOf: year });
  const inScope = new Set(plans.map((p) => p.id));
  const analysis: Analysis = {
    ...full,
    indicators: full.indicators.filter((i) => inScope.has(i.planId)),
    byPlan: full.byPlan.filter((r) => inScope.has(r.group)),
    // In the plans' order, then the domains' (W1, W2 … W10).
    byDomain: full.byDomain
      .filter((r) => inScope.has(r.planId))
      .sort(
        (a, b) =>
          plans.findIndex((p) => p.id === a.planId) - plans.findIndex((p) => p.id === b.planId) ||
          a.domainCode.localeCompare(b.domainCode, 'en', { numeric: true }),
      ),
  };
  const ids = analysis.indicators.map((i) => i.id);
  const precision = new Map(
    ids.length
      ? (
          await db
            .select({ id: indicator.id, precision: indicator.precision })
            .from(indicator)
            .where(inArray(indicator.id, ids))
        ).map((r) => [r.id, r.precision])
      : [],
  );
  const kind = isFinal(request.kind) ? 'final' : 'annual';
  const sources = await loadSources(db, folderId, ids, year, kind);
  const fields =
    kind === 'final'
      ? await mainDomains(
          db,
          plans.map((p) => p.id),
          year,
        )
      : undefined;
  // 对比数据 through the same reader as the analysis page and the 对比数据 list, so all print one figure.
  const references = await referencesByIndicator(db, folderId);
  const planInfos = plans.map((p) => ({
    id: p.id,
    title: p.title,
    shortTitle: p.shortTitle,
    baseYear: p.baseYear,
    cycleEnd: p.cycleEnd,
  }));
  const narrative: NarrativeInput = {
    kind,
    year,
    basis,
    region: regionOf(plans[0]!.title) || '本区',
    plans: planInfos,
    indicators: analysis.indicators.map((i) => ({
      ...i,
      precision: precision.get(i.id) ?? 1,
      references: references.get(i.id) ?? [],
    })),
    byPlan: analysis.byPlan,
    byDomain: analysis.byDomain,
    supervision: sources.supervision,
    workReports: sources.workReports,
    sources: sources.counts,
    evaluationReports: sources.evaluationReports,
    ...(fields ? { unitDomains: fields } : {}),
    // Only a final report has 经济社会基本情况.
    ...(kind === 'final' ? { context: await getContextFigures(db, folderId) } : {}),
  };
  return {
    kind: request.kind,
    year,
    scope: request.scope,
    basis,
    region: narrative.region,
    plans: planInfos,
    analysis,
    precision,
    narrative,
    tasks: await summariseTasks(db, { from: isFinal(request.kind) ? baseYear + 1 : year, to: year }),
    statForm: await getStatFormApproval(db),
  };
}

/** The 督办 answers on the scope's indicators and the units' submitted 年度工作报告 of the period. */
async function loadSources(db: Db, folderId: string, indicatorIds: number[], year: number, kind: 'annual' | 'final') {
  // Units as they were named at the end of the report's year (机构更名 since then).
  const formerNames = await formerNamesAt(db, cycleEndMoment(year));
  const nameOf = (unit: { unitId: number; unitName: string }) => formerNames.get(unit.unitId) ?? unit.unitName;
  const notices = indicatorIds.length
    ? await db
        .select({
          id: supervisionNotice.id,
          status: supervisionNotice.status,
          warning: supervisionNotice.warning,
          indicatorName: indicator.name,
          unitId: supervisionNotice.unitId,
          unitName: orgUnit.name,
        })
        .from(supervisionNotice)
        .innerJoin(indicator, eq(indicator.id, supervisionNotice.indicatorId))
        .innerJoin(orgUnit, eq(orgUnit.id, supervisionNotice.unitId))
        .where(inArray(supervisionNotice.indicatorId, indicatorIds))
        .orderBy(supervisionNotice.id)
    : [];
  const relevant = notices.filter((n) => n.warning.year === null || n.warning.year <= year);
  const answers = relevant.length
    ? await db
        .select()
        .from(supervisionStep)
        .where(
          and(
            inArray(
              supervisionStep.noticeId,
              relevant.map((n) => n.id),
            ),
            eq(supervisionStep.kind, 'answer'),
          ),
        )
        .orderBy(supervisionStep.at, supervisionStep.id)
    : [];
  // The latest answer of each notice.
  const latest = new Map(answers.map((a) => [a.noticeId, a.content]));
  const supervision: SupervisionAnswer[] = relevant
    .filter((n) => latest.has(n.id))
    .map((n) => {
      const c = latest.get(n.id)!;
      return {
        indicatorName: n.indicatorName,
        unitName: nameOf(n),
        ...(c.causes ? { causes: c.causes } : {}),
        ...(c.measures ? { measures: c.measures } : {}),
        ...(c.expectedEffect ? { effect: c.expectedEffect } : {}),
      };
    });

  const docs = await db
    .select({
      unitId: unitDocument.unitId,
      year: unitDocument.year,
      sections: unitDocument.sections,
      unitName: orgUnit.name,
    })
    .from(unitDocument)
    .innerJoin(orgUnit, eq(orgUnit.id, unitDocument.unitId))
    .where(
      and(
        eq(unitDocument.folderId, folderId),
        eq(unitDocument.kind, 'annual_work_report'),
        eq(unitDocument.status, 'submitted'),
        kind === 'annual' ? eq(unitDocument.year, year) : lte(unitDocument.year, year),
      ),
    )
    .orderBy(orgUnit.position);
  // One report per unit: the year's, or for a final report the latest.
  const byUnit = new Map<number, (typeof docs)[number]>();
  for (const d of docs) {
    const prev = byUnit.get(d.unitId);
    if (!prev || (d.year ?? 0) > (prev.year ?? 0)) byUnit.set(d.unitId, d);
  }
  const workReports: WorkReport[] = [...byUnit.values()].map((d) => ({
    unitName: nameOf(d),
    ...(d.sections.implementation ? { implementation: d.sections.implementation } : {}),
    ...(d.sections.problems ? { problems: d.sections.problems } : {}),
    ...(d.sections.causes ? { causes: d.sections.causes } : {}),
    ...(d.sections.countermeasures ? { countermeasures: d.sections.countermeasures } : {}),
  }));
  const members = await db
    .select({ id: orgUnit.id, name: orgUnit.name })
    .from(orgUnit)
    .where(and(eq(orgUnit.kind, 'member'), eq(orgUnit.active, true)))
    .orderBy(orgUnit.position);
  // A final report quotes the units' 评估报告 (year T); who has not sent one is named, never counted as "0家".
  const evaluations =
    kind === 'final'
      ? await db
          .select({ unitId: unitDocument.unitId, sections: unitDocument.sections, unitName: orgUnit.name })
          .from(unitDocument)
          .innerJoin(orgUnit, eq(orgUnit.id, unitDocument.unitId))
          .where(
            and(
              eq(unitDocument.folderId, folderId),
              eq(unitDocument.kind, 'evaluation_report'),
              eq(unitDocument.status, 'submitted'),
            ),
          )
          .orderBy(orgUnit.position)
      : [];
  const reportedUnits = new Set(
    kind === 'final'
      ? evaluations.map((e) => e.unitId)
      : [...byUnit.values()].filter((d) => d.year === year).map((d) => d.unitId),
  );
  return {
    supervision,
    workReports,
    evaluationReports: evaluations
      .filter((e) => e.sections.summary?.trim())
      .map((e) => ({ unitName: nameOf(e), summary: e.sections.summary! })),
    counts: {
      unitsReported: byUnit.size,
      unitsTotal: members.length,
      noticesIssued: relevant.length,
      noticesAnswered: relevant.filter((n) => n.status !== 'issued').length,
      unitsMissing: members
        .filter((m) => !reportedUnits.has(m.id))
        .map((m) => nameOf({ unitId: m.id, unitName: m.name })),
    },
  };
}

/**
 * Each unit's main field in the report's plans: the domain where it leads the most indicators and measures (a
 * partner role counts a third), the plans' order breaking ties. 主要做法和经验 groups the units by it. Keyed by the
 * unit's name as the report prints it.
 */
async function mainDomains(db: Db, planIds: string[], year: number): Promise<Record<string, string>> {
  const formerNames = await formerNamesAt(db, cycleEndMoment(year));
  const rows = await db
    .select({
      unitId: responsibility.unitId,
      unitName: orgUnit.name,
      role: responsibility.role,
      domainName: domain.name,
      order: sql<number>`${plan.position} * 1000 + ${domain.position}`.mapWith(Number),
    })
    .from(responsibility)
    .innerJoin(orgUnit, eq(orgUnit.id, responsibility.unitId))
    .leftJoin(indicator, eq(indicator.id, responsibility.indicatorId))
    .leftJoin(measure, eq(measure.id, responsibility.measureId))
    .innerJoin(domain, eq(domain.id, sql`coalesce(${indicator.domainId}, ${measure.domainId})`))
    .innerJoin(plan, eq(plan.id, domain.planId))
    .where(inArray(plan.id, planIds));
  const weights = new Map<number, Map<string, { weight: number; order: number }>>();
  const names = new Map<number, string>();
  for (const r of rows) {
    names.set(r.unitId, formerNames.get(r.unitId) ?? r.unitName);
    const mine = weights.get(r.unitId) ?? new Map<string, { weight: number; order: number }>();
    const w = mine.get(r.domainName) ?? { weight: 0, order: r.order };
    mine.set(r.domainName, { weight: w.weight + (r.role === 'lead' ? 3 : 1), order: Math.min(w.order, r.order) });
    weights.set(r.unitId, mine);
  }
  const out: Record<string, string> = {};
  for (const [unitId, mine] of weights) {
    const [best] = [...mine].sort(([, a], [, b]) => b.weight - a.weight || a.order - b.order);
    if (best) out[names.get(unitId)!] = best[0];
  }
  return out;
}

export class ReportError extends Error {
  override name = 'ReportError';
}

/** The drafted texts for the report's kind (none for statistical tables). */
export function draftSections(ctx: ReportContext): DraftSection[] {
  switch (ctx.kind) {
    case 'annual_monitoring':
    case 'final_monitoring':
      return draftMonitoring(ctx.narrative);
    case 'annual_evaluation':
    case 'final_evaluation':
      return draftEvaluation(ctx.narrative);
    case 'stat_tables':
      return [];
  }
}

/**
 * The texts a generation uses: the office's edited texts as written, the others drafted afresh from the current
 * data (so that an unedited section never carries stale numbers). Sections the data no longer has are dropped.
 */
export function mergeSections(drafted: DraftSection[], stored: readonly StoredSection[] = []): StoredSection[] {
  const edits = new Map(stored.filter((s) => s.edited).map((s) => [s.key, s.text]));
  return drafted.map((s) =>
    edits.has(s.key) ? { ...s, text: edits.get(s.key)!, edited: true } : { ...s, edited: false },
  );
}

/** 示范区妇女儿童发展规划2025年度监测报告（第2版）.docx */
export function reportFileName(
  ctx: Pick<ReportContext, 'kind' | 'year' | 'region' | 'plans'>,
  version?: number,
): string {
  const subject = jointTitle(ctx.plans.map((p) => p.title));
  const what = {
    annual_monitoring: `${ctx.year}年统计监测报告`,
    final_monitoring: '终期统计监测报告',
    annual_evaluation: `${ctx.year}年度评估报告`,
    final_evaluation: '终期评估报告',
    stat_tables: `${ctx.year}年统计监测报表`,
  }[ctx.kind];
  const ext = ctx.kind === 'stat_tables' ? 'xlsx' : 'docx';
  return `${subject}${what}${version ? `（第${version}版）` : ''}.${ext}`;
}

export interface GenerateOptions {
  /** The draft's stored sections (edits kept); omitted: the drafted texts. */
  sections?: readonly StoredSection[];
  /** Printed on the report and in the file name. */
  version?: number;
  /** e.g. 2026年3月; defaults to the current month. */
  date?: string;
  /** Charts on (default); off only to time the rest. */
  charts?: boolean;
  /** Told of each step as it starts (the web's progress bar follows the real work). */
  progress?: (step: ReportProgress) => void;
}

export interface GeneratedReport {
  format: 'docx' | 'xlsx';
  bytes: Buffer;
  fileName: string;
  demo: boolean;
  basis: Basis;
  sections: StoredSection[];
}

export async function generateReport(ctx: ReportContext, options: GenerateOptions = {}): Promise<GeneratedReport> {
  // Drawing charts and laying out keep the thread busy: after each step the event loop gets a turn, so that the
  // step's line reaches the browser while the work goes on rather than all at the end.
  const progress = async (step: ReportProgress) => {
    if (!options.progress) return;
    options.progress(step);
    await setImmediate();
  };
  await progress({ label: '起草报告文字', percent: 20 });
  const sections = mergeSections(draftSections(ctx), options.sections);
  const date = options.date ?? beijingMonthText();
  let bytes: Buffer;
  if (ctx.kind === 'stat_tables') {
    await progress({ label: '生成 Excel 统计报表', percent: 60 });
    const workbook = buildStatTables(ctx);
    bytes = Buffer.from(await workbook.xlsx.writeBuffer());
  } else {
    const { renderDocx } = await import('./docx/gbt9704.ts');
    const build = {
      date,
      charts: options.charts ?? true,
      // The charts are most of the work: 25–85 %, chart by chart.
      chartDrawn: (done: number, total: number) =>
        progress({ label: `绘制图表（${done}/${total}）`, percent: 25 + Math.round((60 * done) / total) }),
    };
    const doc =
      ctx.kind === 'annual_monitoring' || ctx.kind === 'final_monitoring'
        ? await buildMonitoringReport(ctx, sections, build)
        : await buildEvaluationReport(ctx, sections, build);
    await progress({ label: '排版生成 Word 文件', percent: 88 });
    bytes = await renderDocx(doc);
  }
  return {
    format: ctx.kind === 'stat_tables' ? 'xlsx' : 'docx',
    bytes,
    fileName: reportFileName(ctx, options.version),
    demo: ctx.analysis.demo,
    basis: ctx.basis,
    sections,
  };
}

/**
 * `tianping report …`: opens the database as `migrate` does (taking the data folder's lock, so it refuses while a
 * server runs), generates the report and writes it. The office's edited texts of the matching draft are used.
 */
export async function runReport(options: {
  kind: string;
  year: string;
  scope: string;
  basis: string;
  /** The cycle's folder id; the current cycle when absent. */
  cycle?: string;
  out: string;
}): Promise<string> {
  const kind = options.kind.replace(/-/g, '_') as ReportKind;
  if (!REPORT_KINDS.includes(kind)) {
    throw new ReportError(
      `报告类型不正确：${options.kind}（应为 ${REPORT_KINDS.map((k) => k.replace(/_/g, '-')).join('、')}）`,
    );
  }
  const year = Number(options.year);
  if (!Number.isInteger(year)) throw new ReportError(`年份不正确：${options.year}`);
  if (options.basis !== 'approved' && options.basis !== 'preliminary') {
    throw new ReportError(`口径不正确：${options.basis}（应为 approved 或 preliminary）`);
  }
  const fs = await import('node:fs/promises');
  const { loadConfig } = await import('../../platform/config.ts');
  const { openDatabase } = await import('../../db/connection.ts');
  const { migrate } = await import('../../db/migrate.ts');
  const { cycleHead, currentCycleId } = await import('../../platform/cycles.ts');
  const { AppError } = await import('../../kernel/errors.ts');
  const { reportDraft } = await import('../../db/schema/index.ts');
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrate(database);
    let folderId: string;
    try {
      folderId = options.cycle ? (await cycleHead(database.db, options.cycle)).id : await currentCycleId(database.db);
    } catch (error) {
      if (error instanceof AppError)
        throw new ReportError(`${error.message}${error.code === 'NO_PLAN' ? '：请先启动一次服务器' : ''}`);
      throw error;
    }
    const ctx = await loadReportContext(database.db, folderId, {
      kind,
      year,
      scope: options.scope,
      basis: options.basis,
    });
    const [draft] = await database.db
      .select()
      .from(reportDraft)
      .where(
        and(
          eq(reportDraft.folderId, folderId),
          eq(reportDraft.kind, kind),
          eq(reportDraft.year, ctx.year),
          eq(reportDraft.scope, options.scope),
        ),
      );
    const report = await generateReport(ctx, draft ? { sections: draft.sections } : {});
    await fs.writeFile(options.out, report.bytes);
    return `已生成 ${options.out}（${report.fileName}，${(report.bytes.length / 1024).toFixed(0)} KB${report.demo ? '，演示数据' : ''}）`;
  } finally {
    await database.close();
  }
}
