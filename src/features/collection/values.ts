import { and, between, sql } from 'drizzle-orm';
import type { EntryContext, Sex } from '../../core/collection/entry.ts';
import { checkEntry, type Problem } from '../../core/collection/rules.ts';
import type { Db } from '../../db/connection.ts';
import { rows } from '../../db/rows.ts';
import { dataValue, indicator } from '../../db/schema/index.ts';
import { AppError } from '../../kernel/errors.ts';
import type { Actor } from '../audit/index.ts';
import type { SavedValue, ValueKey } from './contract.ts';
import { carriedValues } from './lineage.ts';

// Saving monitoring values: one function for the entry form, the Excel upload and the demo generator, so all
// pass the same 审核公式. A batch is all or nothing: any hard error, stale version or locked value and nothing
// is written. Every change writes a history row (who, when, old, new, why) in the same transaction.

export interface ValueInput extends ValueKey {
  value: number | null;
  numerator?: number | null;
  denominator?: number | null;
  /** The compared value of a relational target whose reference is not an indicator (女职工比例). */
  reference?: number | null;
  source?: string | null;
  caliberNote?: string | null;
  comment?: string | null;
  explanation?: string | null;
  /** The version the writer saw: 0 for a value not yet in the database. A different current version is a conflict. */
  expectedVersion: number;
}

export interface SaveOptions {
  actor: Actor;
  unitId: number | null;
  roundId: number | null;
  isDemo?: boolean;
  /** Why, for the history (a correction after a return, an upload file name …). */
  reason?: string;
  /** Field path prefix for error messages, e.g. "values". */
  fieldPrefix?: string;
  /** Check everything and report what would change, writing nothing (the upload preview). */
  dryRun?: boolean;
}

type Row = typeof dataValue.$inferSelect;

export const keyOf = (k: ValueKey) => `${k.indicatorId}|${k.year}|${k.areaId ?? 0}|${k.sex}`;

const CONTENT_FIELDS = [
  'value',
  'numerator',
  'denominator',
  'reference',
  'source',
  'caliberNote',
  'comment',
  'explanation',
] as const;
type Content = Pick<Row, (typeof CONTENT_FIELDS)[number]>;

function contentOf(x: Partial<Content>): Content {
  return {
    value: x.value ?? null,
    numerator: x.numerator ?? null,
    denominator: x.denominator ?? null,
    reference: x.reference ?? null,
    source: x.source?.trim() || null,
    caliberNote: x.caliberNote?.trim() || null,
    comment: x.comment?.trim() || null,
    explanation: x.explanation?.trim() || null,
  };
}

const sameContent = (a: Content, b: Content) => CONTENT_FIELDS.every((f) => a[f] === b[f]);

/**
 * Loads the rows the batch touches plus three earlier years (for the year-on-year rules), only in the batch's
 * areas: the key index (indicator_id, year, COALESCE(area_id, 0), sex) serves all three conditions on both
 * engines, and a unit's upload no longer reads every town's values of its indicators.
 */
async function loadNeighbourhood(db: Db, inputs: ValueInput[]): Promise<Map<string, Row>> {
  const indicatorIds = [...new Set(inputs.map((i) => i.indicatorId))];
  const areaIds = [...new Set(inputs.map((i) => i.areaId ?? 0))];
  let minYear = Number.POSITIVE_INFINITY;
  let maxYear = Number.NEGATIVE_INFINITY;
  for (const i of inputs) {
    if (i.year < minYear) minYear = i.year;
    if (i.year > maxYear) maxYear = i.year;
  }
  const existing = await db
    .select()
    .from(dataValue)
    .where(
      and(
        sql`${dataValue.indicatorId} = any(${sql.param(indicatorIds)}::int[])`,
        between(dataValue.year, minYear - 3, maxYear),
        sql`coalesce(${dataValue.areaId}, 0) = any(${sql.param(areaIds)}::int[])`,
      ),
    );
  return new Map(existing.map((r) => [keyOf(r), r]));
}

/** A value of the same indicator at another year, area or sex; null when none. */
export type ValueAt = (indicatorId: number, year: number, areaId: number | null, sex: Sex) => number | null;

/**
 * What the 审核公式 see of one value: the indicator's facts, the three earlier years and, for a total, the female
 * and male values beside it. Built here once, so saving and submitting judge a value by the same checks.
 */
export function entryContext(
  ind: typeof indicator.$inferSelect,
  at: { year: number; areaId: number | null; sex: Sex },
  entry: EntryContext['entry'],
  valueAt: ValueAt,
  carried: ValueAt = () => null,
): EntryContext {
  const history: { year: number; value: number }[] = [];
  for (let y = at.year - 3; y < at.year; y++) {
    // A year before the indicator's own series is its predecessor's (lineage: carriedValues).
    const v = valueAt(ind.id, y, at.areaId, at.sex) ?? carried(ind.id, y, at.areaId, at.sex);
    if (v !== null) history.push({ year: y, value: v });
  }
  return {
    indicator: {
      code: ind.code,
      name: ind.name,
      unit: ind.unit,
      limits: ind.limits,
      precision: ind.precision,
      counts: ind.counts,
    },
    year: at.year,
    sex: at.sex,
    entry,
    history,
    ...(at.sex === 'total' && ind.disaggregations.includes('sex')
      ? {
          bySex: {
            female: valueAt(ind.id, at.year, at.areaId, 'female'),
            male: valueAt(ind.id, at.year, at.areaId, 'male'),
          },
        }
      : {}),
  };
}

export async function saveValues(db: Db, inputs: ValueInput[], options: SaveOptions): Promise<SavedValue[]> {
  if (inputs.length === 0) return [];
  const prefix = options.fieldPrefix ?? 'values';
  const seen = new Set<string>();
  inputs.forEach((input, index) => {
    const key = keyOf(input);
    if (seen.has(key)) {
      throw new AppError(400, 'VALIDATION_FAILED', `第 ${index + 1} 条与前面的数据重复（同一指标、年份、地区、性别）`, {
        fields: [{ field: `${prefix}.${index}`, message: '重复' }],
      });
    }
    seen.add(key);
  });

  const indicatorRows = await db
    .select()
    .from(indicator)
    .where(sql`${indicator.id} = any(${sql.param([...new Set(inputs.map((i) => i.indicatorId))])}::int[])`);
  const indicators = new Map(indicatorRows.map((r) => [r.id, r]));
  const existing = await loadNeighbourhood(db, inputs);

  // The batch as it will be, for checks that look across values (sexes, earlier years).
  const merged = new Map<string, number | null>();
  for (const [key, row] of existing) merged.set(key, row.value);
  for (const input of inputs) merged.set(keyOf(input), input.value);
  const valueAt = (indicatorId: number, year: number, areaId: number | null, sex: Sex) =>
    merged.get(`${indicatorId}|${year}|${areaId ?? 0}|${sex}`) ?? null;
  const years = inputs.map((i) => i.year);
  const carried = await carriedValues(
    db,
    indicatorRows,
    [
      years.reduce((a, b) => Math.min(a, b), Number.POSITIVE_INFINITY) - 3,
      years.reduce((a, b) => Math.max(a, b), 0) - 1,
    ],
    [...new Set(inputs.map((i) => i.areaId ?? null))],
  );

  const hard: { field: string; message: string }[] = [];
  const conflicts: { index: number; current: Row | null }[] = [];
  const locked: number[] = [];
  const planned: {
    input: ValueInput;
    index: number;
    before: Row | undefined;
    content: Content;
    warnings: Problem[];
  }[] = [];

  inputs.forEach((input, index) => {
    const ind = indicators.get(input.indicatorId);
    if (!ind) {
      hard.push({ field: `${prefix}.${index}.indicatorId`, message: `指标 ${input.indicatorId} 不存在` });
      return;
    }
    const label = () =>
      `${ind.code} ${ind.name} ${input.year}年${input.sex === 'total' ? '' : input.sex === 'female' ? '（女）' : '（男）'}`;
    if (input.sex !== 'total' && !ind.disaggregations.includes('sex')) {
      hard.push({ field: `${prefix}.${index}.sex`, message: `${label()}：该指标不分性别填报` });
      return;
    }
    const before = existing.get(keyOf(input));
    if ((before?.version ?? 0) !== input.expectedVersion) {
      conflicts.push({ index, current: before ?? null });
      return;
    }
    if (before?.locked) {
      locked.push(index);
      return;
    }
    const content = contentOf(input);
    const ctx = entryContext(
      ind,
      input,
      { value: content.value, numerator: content.numerator, denominator: content.denominator },
      valueAt,
      carried,
    );
    const problems = checkEntry(ctx);
    const warnings: Problem[] = [];
    for (const p of problems) {
      if (p.level === 'hard')
        hard.push({ field: `${prefix}.${index}.${p.field}`, message: `${label()}：${p.message}` });
      else if (p.level === 'soft') warnings.push(p);
    }
    planned.push({ input, index, before, content, warnings });
  });

  if (hard.length > 0) {
    throw new AppError(
      400,
      'VALIDATION_FAILED',
      `数据未保存，有 ${hard.length} 处错误：${hard
        .slice(0, 3)
        .map((h) => h.message)
        .join('；')}${hard.length > 3 ? '……' : ''}`,
      {
        fields: hard,
      },
    );
  }
  if (conflicts.length > 0) {
    throw new AppError(409, 'CONFLICT', `有 ${conflicts.length} 条数据已被他人修改，未保存。请查看最新值后再提交。`, {
      conflicts: conflicts.map((c) => ({ index: c.index, current: c.current })),
    });
  }
  if (locked.length > 0) {
    throw new AppError(
      409,
      'VALUE_LOCKED',
      `有 ${locked.length} 条数据已审核通过并锁定，不能修改；如需更正请联系统计局重新打开`,
      {
        fields: locked.map((index) => ({ field: `${prefix}.${index}`, message: '已锁定' })),
      },
    );
  }

  if (options.dryRun) {
    return planned.map((p) => ({
      ...keyFields(p.input),
      index: p.index,
      id: p.before?.id ?? 0,
      version: p.before?.version ?? 0,
      changed: !p.before || !sameContent(p.before, p.content),
      warnings: p.warnings,
    }));
  }
  return db.transaction(async (tx) => writePlanned(tx, planned, options));
}

/** The history's `new` side built in SQL from the written row (the same keys and values as Content). */
const NEW_CONTENT = (t: string) =>
  sql.raw(`jsonb_build_object('value', ${t}.value, 'numerator', ${t}.numerator, 'denominator', ${t}.denominator,
    'reference', ${t}.reference, 'source', ${t}.source, 'caliberNote', ${t}.caliber_note, 'comment', ${t}.comment,
    'explanation', ${t}.explanation)`);

async function writePlanned(
  tx: Db,
  planned: { input: ValueInput; index: number; before: Row | undefined; content: Content; warnings: Problem[] }[],
  options: SaveOptions,
): Promise<SavedValue[]> {
  const results: SavedValue[] = [];
  const inserts: typeof planned = [];
  const updates: typeof planned = [];
  for (const p of planned) {
    if (!p.before) inserts.push(p);
    else if (!sameContent(p.before, p.content)) updates.push(p);
    else {
      results.push({
        ...keyFields(p.input),
        index: p.index,
        id: p.before.id,
        version: p.before.version,
        changed: false,
        warnings: p.warnings,
      });
    }
  }
  const { userId, username } = options.actor;
  const reason = options.reason ?? null;
  const col = <T>(list: typeof planned, pick: (p: (typeof planned)[number]) => T) => sql.param(list.map(pick));

  // Each write and its history rows are one statement: the history is built from the rows as written (the new
  // side) and, for updates, the old content passed once. A failed check below rolls both back.
  if (inserts.length > 0) {
    const created = await rows<{
      id: number;
      indicator_id: number;
      year: number;
      area_id: number | null;
      sex: Sex;
      version: number;
    }>(
      tx,
      sql`with ins as (
            insert into data_value (indicator_id, year, area_id, sex, value, numerator, denominator, reference, source, caliber_note,
              comment, explanation, unit_id, round_id, is_demo, updated_by)
            select u.*, ${options.unitId}::int, ${options.roundId}::int, ${options.isDemo ?? false}, ${userId}::int
            from unnest(${col(inserts, (p) => p.input.indicatorId)}::int[], ${col(inserts, (p) => p.input.year)}::int[],
              ${col(inserts, (p) => p.input.areaId)}::int[], ${col(inserts, (p) => p.input.sex)}::text[],
              ${col(inserts, (p) => p.content.value)}::float8[], ${col(inserts, (p) => p.content.numerator)}::float8[],
              ${col(inserts, (p) => p.content.denominator)}::float8[], ${col(inserts, (p) => p.content.reference)}::float8[],
              ${col(inserts, (p) => p.content.source)}::text[],
              ${col(inserts, (p) => p.content.caliberNote)}::text[], ${col(inserts, (p) => p.content.comment)}::text[],
              ${col(inserts, (p) => p.content.explanation)}::text[]) as u
            returning *
          ), history as (
            insert into data_value_history (value_id, user_id, username, action, old, new, reason)
            select ins.id, ${userId}::int, ${username}, 'create', null, ${NEW_CONTENT('ins')}, ${reason}::text from ins
          )
          select id, indicator_id, year, area_id, sex, version from ins`,
    );
    const byKey = new Map(
      created.map((c) => [keyOf({ indicatorId: c.indicator_id, year: c.year, areaId: c.area_id, sex: c.sex }), c]),
    );
    for (const p of inserts) {
      const row = byKey.get(keyOf(p.input));
      if (!row) throw new Error('insert lost a row');
      results.push({
        ...keyFields(p.input),
        index: p.index,
        id: row.id,
        version: row.version,
        changed: true,
        warnings: p.warnings,
      });
    }
  }

  if (updates.length > 0) {
    const updated = await rows<{ id: number; version: number }>(
      tx,
      sql`with upd as (
            update data_value d set value = u.value, numerator = u.numerator, denominator = u.denominator,
              reference = u.reference, source = u.source, caliber_note = u.caliber_note, comment = u.comment, explanation = u.explanation,
              return_reason = null, unit_id = coalesce(${options.unitId}::int, d.unit_id),
              round_id = coalesce(${options.roundId}::int, d.round_id), version = d.version + 1, updated_at = now(),
              updated_by = ${userId}::int
            from unnest(${col(updates, (p) => p.before!.id)}::int[], ${col(updates, (p) => p.before!.version)}::int[],
              ${col(updates, (p) => p.content.value)}::float8[], ${col(updates, (p) => p.content.numerator)}::float8[],
              ${col(updates, (p) => p.content.denominator)}::float8[], ${col(updates, (p) => p.content.reference)}::float8[],
              ${col(updates, (p) => p.content.source)}::text[],
              ${col(updates, (p) => p.content.caliberNote)}::text[], ${col(updates, (p) => p.content.comment)}::text[],
              ${col(updates, (p) => p.content.explanation)}::text[],
              ${col(updates, (p) => JSON.stringify(contentOf(p.before!)))}::text[])
              as u(id, version, value, numerator, denominator, reference, source, caliber_note, comment, explanation, old)
            where d.id = u.id and d.version = u.version and not d.locked
            returning d.*, u.old
          ), history as (
            insert into data_value_history (value_id, user_id, username, action, old, new, reason)
            select upd.id, ${userId}::int, ${username}, 'update', upd.old::jsonb, ${NEW_CONTENT('upd')}, ${reason}::text
            from upd
          )
          select id, version from upd`,
    );
    // Someone changed or locked a row between our read and this write: give up the whole batch (the history
    // rows written with it go too, as the transaction rolls back).
    if (updated.length !== updates.length) {
      throw new AppError(409, 'CONFLICT', '保存期间数据已被他人修改，未保存。请刷新后重试。');
    }
    const versions = new Map(updated.map((u) => [u.id, u.version]));
    for (const p of updates) {
      const id = p.before!.id;
      results.push({
        ...keyFields(p.input),
        index: p.index,
        id,
        version: versions.get(id)!,
        changed: true,
        warnings: p.warnings,
      });
    }
  }

  // The derived results are not recomputed here: the triggers of migration 0010 queued these indicators, and the
  // caller asks for refreshSoon once committed (results.ts in analysis).
  return results.sort((a, b) => a.index - b.index);
}

const keyFields = (k: ValueKey): ValueKey => ({
  indicatorId: k.indicatorId,
  year: k.year,
  areaId: k.areaId,
  sex: k.sex,
});

export async function writeHistory(
  tx: Db,
  entries: { valueId: number; action: string; old: unknown; new: unknown; reason?: string | null }[],
  actor: Actor,
  reason: string | null,
): Promise<void> {
  if (entries.length === 0) return;
  await tx.execute(
    sql`insert into data_value_history (value_id, user_id, username, action, old, new, reason)
        select u.value_id, ${actor.userId}::int, ${actor.username}, u.action, u.old::jsonb, u.new::jsonb, u.reason
        from unnest(${sql.param(entries.map((e) => e.valueId))}::int[], ${sql.param(entries.map((e) => e.action))}::text[],
          ${sql.param(entries.map((e) => (e.old === null ? null : JSON.stringify(e.old))))}::text[],
          ${sql.param(entries.map((e) => (e.new === null ? null : JSON.stringify(e.new))))}::text[],
          ${sql.param(entries.map((e) => e.reason ?? reason))}::text[]) as u(value_id, action, old, new, reason)`,
  );
}
