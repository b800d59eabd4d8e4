import { sql } from 'drizzle-orm';
import { plainWarning } from '../../core/narrative/index.ts';
import type { Db } from '../../db/connection.ts';
import { rows } from '../../db/rows.ts';
import {
  type Analysis,
  type AnalysisOptions,
  analyseLive,
  assemble,
  computeIndicator,
  groupValues,
  type IndicatorSummary,
  type IndicatorTowns,
  loadMeta,
  type StoredTowns,
  shareSeries,
  unpackTowns,
  withReferences,
} from './compute.ts';
import type { WarningItem } from './contract.ts';
import { readRawValues } from './raw-values.ts';
import { catchUpResults } from './results.ts';

// The analysis pages and reports read: the stored results (results.ts), assembled with the catalog and the
// roll-ups. No raw value is read on this path unless an as-of year outside the stored range is asked for.

export {
  type Analysis,
  type AnalysisOptions,
  analyseLive,
  type Basis,
  type IndicatorAnalysis,
} from './compute.ts';

export interface ReadOptions extends AnalysisOptions {
  /** Which indicators need their town lists (large at national scale); default all. Others get towns: null. */
  towns?: 'all' | ((indicator: { id: number; planId: string; domainCode: string }) => boolean);
}

export async function analyse(db: Db, options: ReadOptions): Promise<Analysis> {
  const basis = options.basis ?? 'approved';
  // The stored preliminary results include every unit's unapproved values: only the office and the statistics
  // bureau may see them. Anyone else asking for preliminary values gets an analysis of what they may see.
  const viewer = options.viewer;
  if (basis === 'preliminary' && viewer && viewer.role !== 'office' && viewer.role !== 'statistics') {
    return analyseLive(db, options);
  }
  await catchUpResults(db);
  const meta = await loadMeta(db, options.folderId);
  const ids = meta.indicators.map((i) => i.id);
  const idParam = sql.param(ids);
  const [stats] = await rows<{ last: number | null; n: number; demo: boolean; k: number }>(
    db,
    sql`select max(last_year)::int as last, coalesce(sum(value_count), 0)::int as n,
          coalesce(bool_or(has_demo), false) as demo, count(*)::int as k
        from assessment_result where basis = ${basis} and as_of = ${meta.baseYear} and indicator_id = any(${idParam}::int[])`,
  );
  // Not built for this folder (cannot happen after catchUp, kept as a safe path): compute from the values.
  if (!stats || stats.k < ids.length) return analyseLive(db, options);
  const asOf = options.asOf ?? Math.max(meta.baseYear, stats.last ?? meta.baseYear);
  const wants = options.towns;
  const townIds =
    wants === undefined || wants === 'all'
      ? ids
      : meta.indicators
          .filter((i) => wants({ id: i.id, planId: i.planId, domainCode: meta.domainById.get(i.domainId)?.code ?? '' }))
          .map((i) => i.id);
  const stored = await rows<{ id: number; summary: IndicatorSummary; towns: StoredTowns | null }>(
    db,
    sql`select indicator_id as id, summary,
          case when indicator_id = any(${sql.param(townIds)}::int[]) then towns end as towns
        from assessment_result where basis = ${basis} and as_of = ${asOf} and indicator_id = any(${idParam}::int[])`,
  );
  const computed = new Map<number, { summary: IndicatorSummary; towns: IndicatorTowns | null }>(
    stored.map((r) => [r.id, { summary: r.summary, towns: r.towns && unpackTowns(r.towns, meta.areaNames) }]),
  );
  // An as-of year the table does not hold (before the base year, after the last data): computed now.
  const missing = meta.indicators.filter((i) => !computed.has(i.id));
  if (missing.length > 0) {
    // A linked indicator (sameAs) reads its owner's series, as in the stored results.
    const raw = shareSeries(
      meta,
      await readRawValues(
        db,
        withReferences(
          meta,
          missing.map((i) => i.id),
        ),
      ),
    );
    const values = groupValues(raw, basis);
    for (const ind of missing) computed.set(ind.id, computeIndicator(meta, ind, values, asOf));
  }
  return assemble(meta, { basis, asOf, hasValues: stats.n > 0, demo: stats.demo }, computed);
}

/** The early warnings of an analysis: 预计达标困难 and 波动较大, with their reasons in words. */
export function warningsOf(analysis: Analysis): WarningItem[] {
  return (
    analysis.indicators
      // A statistic shared by both plans (sameAs) is warned once, under the indicator that holds its series.
      .filter((a) => a.result.warning && !a.sameAs)
      .map((a) => ({
        indicatorId: a.id,
        code: a.code,
        name: a.name,
        planId: a.planId,
        planTitle: a.planTitle,
        domainName: a.domainName,
        leadUnit: a.leadUnit,
        status: a.result.status,
        kinds: a.result.warning!.kinds,
        summary: plainWarning(a, a.targetYear),
        reasons: a.result.warning!.reasons,
        statusReason: a.result.statusReason,
      }))
  );
}
