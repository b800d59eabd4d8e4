import { SEX_LABELS, type Sex } from '../../../../src/core/collection/entry.ts';
import { checkEntry, type Problem } from '../../../../src/core/collection/rules.ts';
import { carriedNote, type Task, type TaskItem, type ValueRow } from '../../../../src/features/collection/contract.ts';

// The entry form as data: one row per indicator, year and sex of the task, the draft the user types, and the
// same 审核公式 the server applies (src/core/collection/rules.ts), run in the browser as the user types.

export type InputField = 'value' | 'numerator' | 'denominator' | 'source' | 'caliberNote' | 'comment' | 'explanation';

export interface Draft {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  source: string;
  caliberNote: string;
  comment: string;
  explanation: string;
}

export interface EntryRow {
  key: string;
  item: TaskItem;
  year: number;
  sex: Sex;
  /** Rows of the same indicator: the first carries the indicator's cells with this row span; the others 0. */
  span: number;
  /** The first row of a year within a final-evaluation indicator (for the year cell's span). */
  yearSpan: number;
}

export const keyOf = (k: { indicatorId: number; year: number; areaId: number | null; sex: Sex }) =>
  `${k.indicatorId}|${k.year}|${k.areaId ?? 0}|${k.sex}`;

export const sexLabel = (sex: Sex) => SEX_LABELS[sex];

export function rowsOf(task: Task): EntryRow[] {
  const rows: EntryRow[] = [];
  for (const item of task.items) {
    const total = item.years.length * item.sexes.length;
    let first = true;
    for (const year of item.years) {
      let firstOfYear = true;
      for (const sex of item.sexes) {
        rows.push({
          key: keyOf({ indicatorId: item.indicator.id, year, areaId: item.areaId, sex }),
          item,
          year,
          sex,
          span: first ? total : 0,
          yearSpan: firstOfYear ? item.sexes.length : 0,
        });
        first = false;
        firstOfYear = false;
      }
    }
  }
  return rows;
}

/**
 * An earlier year's value beside a row: the indicator's own, else (lineage) its predecessor's approved value of
 * that year and sex, with a note saying where it comes from.
 */
export function previousValue(
  row: EntryRow,
  year: number,
  saved: Record<string, ValueRow>,
): { value: number | null; note: string | null } {
  const { item } = row;
  const own = saved[keyOf({ indicatorId: item.indicator.id, year, areaId: item.areaId, sex: row.sex })]?.value ?? null;
  if (own !== null || !item.predecessor) return { value: own, note: null };
  const carried = item.predecessor.values.find((v) => v.year === year && v.sex === row.sex);
  return carried ? { value: carried.value, note: carriedNote(item.predecessor) } : { value: null, note: null };
}

/** Saved value rows of the task (this round's years and earlier ones), keyed. */
export function savedOf(task: Task): Record<string, ValueRow> {
  const map: Record<string, ValueRow> = {};
  for (const item of task.items) for (const v of item.values) map[keyOf(v)] = v;
  return map;
}

export function draftOf(v: ValueRow | undefined): Draft {
  return {
    value: v?.value ?? null,
    numerator: v?.numerator ?? null,
    denominator: v?.denominator ?? null,
    source: v?.source ?? '',
    caliberNote: v?.caliberNote ?? '',
    comment: v?.comment ?? '',
    explanation: v?.explanation ?? '',
  };
}

const TEXT_FIELDS = ['source', 'caliberNote', 'comment', 'explanation'] as const;
const NUMBER_FIELDS = ['value', 'numerator', 'denominator'] as const;

export function sameDraft(a: Draft, b: Draft): boolean {
  return (
    NUMBER_FIELDS.every((f) => (a[f] ?? null) === (b[f] ?? null)) &&
    TEXT_FIELDS.every((f) => a[f].trim() === b[f].trim())
  );
}

/**
 * A row as the form knows it right after a save answered (its new id and version, the values just sent), until the
 * reload brings the server's row. Without it the form still held the old versions for a moment: a 提交 clicked in
 * that moment saved the same rows again against them and met its own save as a conflict (no confirmation opened).
 */
export function locallySaved(
  before: ValueRow | undefined,
  row: EntryRow,
  draft: Draft,
  answer: { id: number; version: number },
): ValueRow {
  const text = (value: string) => value.trim() || null;
  return {
    reference: null,
    returnReason: null,
    unitId: null,
    roundId: null,
    locked: false,
    isDemo: false,
    updatedBy: null,
    ...before,
    indicatorId: row.item.indicator.id,
    year: row.year,
    areaId: row.item.areaId,
    sex: row.sex,
    id: answer.id,
    version: answer.version,
    value: draft.value,
    numerator: draft.numerator,
    denominator: draft.denominator,
    source: text(draft.source),
    caliberNote: text(draft.caliberNote),
    comment: text(draft.comment),
    explanation: text(draft.explanation),
    updatedAt: new Date().toISOString(),
  };
}

/** The request body of one row for PUT /rounds/:id/values. */
export function inputOf(row: EntryRow, draft: Draft, saved: ValueRow | undefined) {
  const text = (s: string) => s.trim() || null;
  return {
    indicatorId: row.item.indicator.id,
    year: row.year,
    areaId: row.item.areaId,
    sex: row.sex,
    value: draft.value,
    ...(row.item.indicator.counts ? { numerator: draft.numerator, denominator: draft.denominator } : {}),
    source: text(draft.source),
    caliberNote: text(draft.caliberNote),
    comment: text(draft.comment),
    explanation: text(draft.explanation),
    expectedVersion: saved?.version ?? 0,
  };
}

/**
 * The 审核公式 of one row as the server will judge it, with the drafts of the other rows (the other sexes, the
 * other years of a final evaluation) and the saved earlier years.
 */
export function checkRow(row: EntryRow, drafts: Record<string, Draft>, saved: Record<string, ValueRow>): Problem[] {
  const ind = row.item.indicator;
  const valueAt = (year: number, sex: Sex): number | null => {
    const key = keyOf({ indicatorId: ind.id, year, areaId: row.item.areaId, sex });
    const draft = drafts[key];
    if (draft) return draft.value;
    return saved[key]?.value ?? null;
  };
  const draft = drafts[row.key] ?? draftOf(saved[row.key]);
  const history: { year: number; value: number }[] = [];
  for (let y = row.year - 3; y < row.year; y++) {
    const v = valueAt(y, row.sex);
    if (v !== null) history.push({ year: y, value: v });
  }
  return checkEntry({
    indicator: {
      code: ind.code,
      name: ind.name,
      unit: ind.unit,
      limits: ind.limits ?? [null, null],
      precision: ind.precision,
      counts: ind.counts,
    },
    year: row.year,
    sex: row.sex,
    entry: { value: draft.value, numerator: draft.numerator, denominator: draft.denominator },
    history,
    ...(row.sex === 'total' && row.item.sexes.includes('female')
      ? { bySex: { female: valueAt(row.year, 'female'), male: valueAt(row.year, 'male') } }
      : {}),
  });
}

/** A server message without its "W1-20 孕产妇系统管理率 2025年：" prefix, which the row already shows. */
export function atField(message: string, code: string): string {
  const at = message.indexOf('：');
  return at > 0 && message.startsWith(code) ? message.slice(at + 1) : message;
}

export function formatNumber(n: number | null | undefined): string {
  if (n === null || n === undefined) return '';
  return String(Number(n.toFixed(6)));
}
