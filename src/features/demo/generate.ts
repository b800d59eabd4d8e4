import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Sex } from '../../core/collection/entry.ts';
import type { Db } from '../../db/connection.ts';
import { rows } from '../../db/rows.ts';
import { area, dataValue, indicator, orgUnit, plan, responsibility, submission } from '../../db/schema/index.ts';
import { catchUpResults } from '../analysis/index.ts';
import type { Actor } from '../audit/index.ts';
import { openRound, saveValues, type ValueInput, writeHistory } from '../collection/index.ts';
import { seedDemoContextFigures } from './context.ts';
import { generateDemoDocuments } from './documents.ts';
import { judgedByYear } from './judged.ts';
import { seedDemoReferences } from './references.ts';
import {
  DEMO_DENOMINATORS,
  DERIVED_SERIES,
  demoCounts,
  demoSeries,
  derivationDepth,
  hashSeed,
  NESTED_COUNTS,
  nestedCounts,
  PLAUSIBLE_LEVELS,
  prng,
  scenarioFor,
  townOffsets,
  townValues,
} from './scenario.ts';
import { generateDemoSupervision } from './supervision.ts';
import { generateDemoWork } from './work.ts';

// 演示数据: fills base year..last year for every indicator of the active plan folder, deterministically, through
// saveValues — the same validation as a person's entry — and leaves a realistic state of the reporting rounds:
// earlier years approved and locked, the last year's round open with units at different steps.
// Every value is marked is_demo; the UI and every report say 演示数据 when demo data are present.

const DEMO_ACTOR: Actor = { userId: null, username: '演示数据生成', unitName: null, ip: null };

export interface DemoOptions {
  folderId: string;
  /** The last year filled (default: the cycle's last year). */
  lastYear?: number;
  /**
   * Leave the last year's round open with units at different steps (default). Off: every round approved, as a
   * starting point for walking the next year's round from its opening (the end-to-end test does).
   */
  openLastRound?: boolean;
  /** Called with a line of progress at each step (start-up prints them: generation takes a while). */
  progress?: (line: string) => void;
}

export async function hasDemoData(db: Db): Promise<boolean> {
  // EXISTS, not count(*): at national scale a count reads millions of rows at every start.
  const [row] = await rows<{ yes: boolean }>(db, sql`select exists (select 1 from data_value where is_demo) as yes`);
  return row?.yes === true;
}

export async function generateDemoData(db: Db, options: DemoOptions): Promise<{ values: number }> {
  const plans = await db.select().from(plan).where(eq(plan.folderId, options.folderId));
  if (plans.length === 0) return { values: 0 };
  const baseYear = Math.min(...plans.map((p) => p.baseYear));
  const targetYear = Math.max(...plans.map((p) => p.cycleEnd));
  const lastYear = options.lastYear ?? targetYear;
  const indicators = await db
    .select()
    .from(indicator)
    .where(
      and(
        inArray(
          indicator.planId,
          plans.map((p) => p.id),
        ),
        isNull(indicator.retiredAt),
      ),
    );
  // In a fixed order: each town keeps its offset (townOffsets) on every machine.
  const areas = await db.select().from(area).where(eq(area.active, true)).orderBy(area.id);
  const years = Array.from({ length: lastYear - baseYear + 1 }, (_, i) => baseYear + i);

  const progress = options.progress ?? (() => undefined);
  progress(`演示数据：生成 ${indicators.length} 项指标 ${baseYear}–${lastYear} 年的数值…`);
  const inputs: ValueInput[] = [];
  // Series and counts already generated, for the indicators that follow them (DERIVED_SERIES, NESTED_COUNTS), and one
  // denominator per year for every rate over the same population (one 活产数 for every rate over births).
  const byName = new Map<string, (number | null)[]>();
  const byNumerator = new Map<string, { numerator: number; denominator: number }[]>();
  const denominators = new Map<string, number[]>();
  const ordered = [...indicators].sort(
    (a, b) => derivationDepth(a.name, a.counts?.numerator) - derivationDepth(b.name, b.counts?.numerator),
  );
  for (const ind of ordered) {
    // The same statistic as another indicator (sameAs): its values are that indicator's, entered once there.
    if (ind.sameAs) continue;
    const random = prng(hashSeed(ind.code + ind.planId));
    const scenario = scenarioFor(random);
    const spec = {
      rule: ind.rule,
      better: ind.better,
      unit: ind.unit,
      limits: ind.limits,
      precision: ind.precision,
      baseYear,
      targetYear,
      lastYear,
      scenario,
      fromCounts: Boolean(ind.counts),
      ...(PLAUSIBLE_LEVELS[ind.name] !== undefined ? { level: PLAUSIBLE_LEVELS[ind.name] } : {}),
    };
    let series = demoSeries(spec, random);
    const derived = DERIVED_SERIES[ind.name];
    const from = derived && byName.get(derived.from);
    if (derived && from)
      series = from.map((v) => (v === null ? null : Number((v * derived.factor).toFixed(ind.precision))));
    let counts: { numerator: number; denominator: number }[] | undefined;
    if (ind.counts) {
      const nest = NESTED_COUNTS[ind.counts.numerator];
      const outer = nest && byNumerator.get(nest.within);
      const targetRate = ind.rule.kind === 'threshold' ? ind.rule.value : (series.find((v) => v !== null) ?? 1);
      counts =
        nest && outer
          ? nestedCounts(outer, nest, random)
          : demoCounts(
              targetRate,
              ind.counts.factor,
              years.length,
              random,
              scenario,
              ind.better,
              DEMO_DENOMINATORS[ind.counts.denominator],
            );
      const shared = denominators.get(ind.counts.denominator);
      // Over the shared denominator at the same rate: 23 of 60 treated must not become 23 of 250.
      if (shared)
        counts = counts.map((c, i) => ({
          numerator: Math.min(Math.round((c.numerator * shared[i]!) / c.denominator), shared[i]!),
          denominator: shared[i]!,
        }));
      else
        denominators.set(
          ind.counts.denominator,
          counts.map((c) => c.denominator),
        );
      byNumerator.set(ind.counts.numerator, counts);
      series = counts.map((c) => Number(((c.numerator / c.denominator) * ind.counts!.factor).toFixed(ind.precision)));
    }
    byName.set(ind.name, series);
    // Each town's place relative to the district, fixed over the years (from the first year's level).
    const offsets = ind.disaggregations.includes('area')
      ? townOffsets(series.find((v) => v !== null) ?? 0, ind.unit, areas.length, random)
      : [];
    const sexes: Sex[] = ind.disaggregations.includes('sex') ? ['total', 'female', 'male'] : ['total'];
    years.forEach((year, i) => {
      const total = series[i] ?? null;
      const base = { indicatorId: ind.id, year, areaId: null, expectedVersion: 0 };
      if (total === null) {
        inputs.push({ ...base, sex: 'total', value: null, explanation: '演示数据：该年度未开展统计调查' });
        return;
      }
      // A relational target compared with a quantity that is no indicator (女职工比例) needs that quantity too.
      const rule = ind.rule;
      const relationalReference =
        rule.kind === 'relational' && !indicators.some((o) => o.code === rule.reference)
          ? Number(
              (total - (scenario === 'at_risk' ? -1 : 1) * Math.max(2, Math.abs(total) * 0.03)).toFixed(ind.precision),
            )
          : null;
      inputs.push({
        ...base,
        sex: 'total',
        value: total,
        numerator: counts?.[i]?.numerator ?? null,
        denominator: counts?.[i]?.denominator ?? null,
        reference: relationalReference,
        source: '部门统计年报（演示数据）',
      });
      if (sexes.length === 3) {
        const [female, male] = splitBySex(total, ind.unit, ind.limits, ind.precision, random);
        inputs.push({ ...base, sex: 'female', value: female, source: '部门统计年报（演示数据）' });
        inputs.push({ ...base, sex: 'male', value: male, source: '部门统计年报（演示数据）' });
      }
      if (ind.disaggregations.includes('area')) {
        const values = townValues(total, offsets, ind.limits, ind.precision);
        areas.forEach((a, k) => {
          const value = values[k]!;
          inputs.push({
            indicatorId: ind.id,
            year,
            areaId: a.id,
            sex: 'total',
            value,
            source: '镇街统计（演示数据）',
            expectedVersion: 0,
          });
        });
      }
    });
  }

  progress(`演示数据：保存 ${inputs.length} 条数值（经过与人工填报相同的审核公式）…`);
  const saved = await saveValues(db, inputs, {
    actor: DEMO_ACTOR,
    unitId: null,
    roundId: null,
    isDemo: true,
    reason: '演示数据',
  });
  // Soft warnings (a >30% swing …) get the explanation a unit would have written.
  const explain = saved
    .filter((s) => s.warnings.length > 0 && !inputs[s.index]?.explanation)
    .map((s) => ({
      ...inputs[s.index]!,
      explanation: `演示数据：${s.warnings[0]!.message.replace(/，请说明原因$/, '')}，系统生成的说明`,
      expectedVersion: s.version,
    }));
  if (explain.length > 0)
    await saveValues(db, explain, {
      actor: DEMO_ACTOR,
      unitId: null,
      roundId: null,
      isDemo: true,
      reason: '演示数据说明',
    });

  progress('演示数据：建立各年度填报任务与审核记录…');
  await demoRounds(db, options.folderId, baseYear, lastYear, options.openLastRound ?? true);
  await generateDemoWork(db, { from: baseYear + 1, to: lastYear });
  progress('演示数据：生成成员单位工作报告、评估报告和预警督办记录…');
  const judged = await judgedByYear(db, options.folderId, { from: baseYear + 1, to: lastYear });
  const folderId = options.folderId;
  await generateDemoSupervision(db, { folderId, from: baseYear + 1, to: lastYear, cycleEnd: targetYear, judged });
  await generateDemoDocuments(db, { folderId, lastYear, judged });
  const published = await seedDemoReferences(db, options.folderId, DEMO_ACTOR);
  await seedDemoContextFigures(db, options.folderId, DEMO_ACTOR);
  progress(`演示数据：记录全国公开发布的对比数据 ${published} 项`);
  // The rounds' locking ran statement by statement: bring the derived results current now.
  await catchUpResults(db);
  return { values: saved.length };
}

/** Female and male values around a total: a rate lies between them; a count is their sum. */
function splitBySex(
  total: number,
  unit: string,
  limits: [number | null, number | null],
  precision: number,
  random: () => number,
): [number, number] {
  if (['个', '名', '人', '项'].includes(unit)) {
    const female = Math.round(total * (0.45 + random() * 0.1));
    return [female, total - female];
  }
  const delta = Math.abs(total) * (0.01 + random() * 0.03);
  return [clamp(total + delta, limits, precision), clamp(total - delta, limits, precision)];
}

function clamp(x: number, [lo, hi]: [number | null, number | null], precision: number): number {
  return Number(Math.min(hi ?? Number.POSITIVE_INFINITY, Math.max(lo ?? 0, x)).toFixed(precision));
}

/**
 * Annual rounds for baseYear+1..lastYear: the earlier ones approved and their values locked; the last one open,
 * most units approved, the demo units (区卫生健康委, 区教育局) still filling in, one unit awaiting review and one
 * returned, so every screen has something to show.
 */
async function demoRounds(
  db: Db,
  folderId: string,
  baseYear: number,
  lastYear: number,
  openLast: boolean,
): Promise<void> {
  for (let year = baseYear + 1; year <= lastYear; year++) {
    const round = await openRound(db, DEMO_ACTOR, {
      folderId,
      kind: 'annual',
      year,
      deadline: `${year + 1}-03-31`,
      title: `${year}年度监测数据填报`,
    });
    const subs = await db.select().from(submission).where(eq(submission.roundId, round.id));
    const open = openLast && year === lastYear;
    const held = open ? await heldBackUnits(db) : new Map<number, 'in_progress' | 'submitted' | 'returned'>();
    for (const s of subs) {
      const status = (s.unitId !== null && held.get(s.unitId)) || 'approved';
      await db
        .update(submission)
        .set({ status, reason: status === 'returned' ? '演示数据：部分指标口径与上年不一致，请核实' : null })
        .where(eq(submission.id, s.id));
    }
    // Lock what was approved: every value of a closed year, and in the open year those of approved units.
    const heldIndicators = open
      ? (
          await db
            .select({ id: responsibility.indicatorId })
            .from(responsibility)
            .where(and(eq(responsibility.role, 'lead'), inArray(responsibility.unitId, [...held.keys(), -1])))
        ).map((r) => r.id as number)
      : [];
    const years = year === baseYear + 1 ? [baseYear, year] : [year];
    const toLock = await db
      .select({ id: dataValue.id, indicatorId: dataValue.indicatorId })
      .from(dataValue)
      .where(and(inArray(dataValue.year, years), eq(dataValue.isDemo, true)));
    const ids = toLock.filter((v) => !(open && heldIndicators.includes(v.indicatorId))).map((v) => v.id);
    if (ids.length > 0) {
      await db
        .update(dataValue)
        .set({ locked: true, roundId: round.id, version: sql`${dataValue.version} + 1` })
        .where(inArray(dataValue.id, ids));
      await writeHistory(
        db,
        ids.map((valueId) => ({ valueId, action: 'approve', old: { locked: false }, new: { locked: true } })),
        DEMO_ACTOR,
        '演示数据：审核通过',
      );
    }
  }
}

async function heldBackUnits(db: Db): Promise<Map<number, 'in_progress' | 'submitted' | 'returned'>> {
  const leads = await db
    .selectDistinct({ unitId: responsibility.unitId })
    .from(responsibility)
    .where(eq(responsibility.role, 'lead'));
  const units = await db.select({ id: orgUnit.id, name: orgUnit.name }).from(orgUnit);
  const byName = new Map(units.map((u) => [u.name, u.id]));
  const held = new Map<number, 'in_progress' | 'submitted' | 'returned'>();
  for (const [name, status] of [
    ['区卫生健康委', 'in_progress'],
    ['区教育局', 'in_progress'],
    ['区民政局', 'submitted'],
    ['区人力资源和社会保障局', 'returned'],
  ] as const) {
    const id = byName.get(name);
    if (id !== undefined && leads.some((l) => l.unitId === id)) held.set(id, status);
  }
  return held;
}
