import crypto from 'node:crypto';
import { SEX_LABELS } from '../../../core/collection/entry.ts';
import type { Db } from '../../../db/connection.ts';
import { AppError, type FieldProblem } from '../../../kernel/errors.ts';
import type { PreviewCounts, PreviewRow, RowContent, SavedValue } from '../contract.ts';
import type { RoundTask } from '../scope.ts';
import type { TaskItem } from '../tasks.ts';
import { keyOf, type SaveOptions, saveValues, type ValueInput } from '../values.ts';
import { type CellProblem, type ParsedRow, type ParsedTemplate, problemText } from './parse.ts';

export type { PreviewCounts, PreviewRow } from '../contract.ts';

// The upload preview: what the file would change, row by row, judged by exactly the checks saveValues applies
// (saveValues in its dry-run mode), with nothing written. The pure part — matching
// the file's rows to the database's and classifying them — is `classifyRows`; `dryRun` is the save that checks and stops;
// `PreviewStore` keeps confirmed-to-be previews in memory for a quarter of an hour, bound to their user.

type CurrentRow = RowContent & { version: number; locked: boolean };

export interface Classified {
  rows: PreviewRow[];
  /** What saveValues gets: the new and changed rows, with the versions seen at download. */
  inputs: ValueInput[];
  /** inputs[i] came from rows[inputRows[i]]. */
  inputRows: number[];
}

const CONTENT_KEYS = ['value', 'numerator', 'denominator', 'source', 'caliberNote', 'comment', 'explanation'] as const;

export function contentOfRow(r: Partial<RowContent> | null | undefined): RowContent {
  return {
    value: r?.value ?? null,
    numerator: r?.numerator ?? null,
    denominator: r?.denominator ?? null,
    source: r?.source?.trim() || null,
    caliberNote: r?.caliberNote?.trim() || null,
    comment: r?.comment?.trim() || null,
    explanation: r?.explanation?.trim() || null,
  };
}

export const sameContent = (a: RowContent, b: RowContent) => CONTENT_KEYS.every((k) => a[k] === b[k]);

/** Matches the file's rows to the current values and classifies them (pure). */
export function classifyRows(
  parsed: ParsedRow[],
  items: TaskItem[],
  current: Map<string, CurrentRow>,
): Classified & { empty: number } {
  const byId = new Map(items.map((i) => [i.indicator.id, i]));
  const rows: PreviewRow[] = [];
  const inputs: ValueInput[] = [];
  const inputRows: number[] = [];
  let empty = 0;
  for (const p of parsed) {
    const item = byId.get(p.indicatorId) as TaskItem;
    const ind = item.indicator;
    const problems: CellProblem[] = [...p.problems];
    if (!ind.counts) {
      if (p.content.numerator !== null)
        problems.push({ row: p.row, column: '分子', message: '该指标不按分子分母计算，不应填写' });
      if (p.content.denominator !== null)
        problems.push({ row: p.row, column: '分母', message: '该指标不按分子分母计算，不应填写' });
    }
    const key = keyOf({ indicatorId: p.indicatorId, year: p.year, areaId: item.areaId, sex: p.sex });
    const before = current.get(key);
    const base = {
      row: p.row,
      indicatorId: p.indicatorId,
      code: ind.code,
      name: ind.name,
      sex: SEX_LABELS[p.sex],
      year: p.year,
    };
    if (problems.length > 0) {
      rows.push({ ...base, status: 'invalid', problems: problems.map(problemText) });
      continue;
    }
    const next = contentOfRow(p.content);
    if (!before && p.blank) {
      empty++;
      continue;
    }
    if (before && sameContent(contentOfRow(before), next)) {
      rows.push({ ...base, status: 'unchanged' });
      continue;
    }
    inputRows.push(rows.length);
    inputs.push({
      indicatorId: p.indicatorId,
      year: p.year,
      areaId: item.areaId,
      sex: p.sex,
      ...next,
      expectedVersion: p.version,
    });
    rows.push(
      before
        ? { ...base, status: 'changed', old: contentOfRow(before), new: next }
        : { ...base, status: 'new', old: null, new: next },
    );
  }
  return { rows, inputs, inputRows, empty };
}

/** saveValues without the save: exactly the checks (审核公式, versions, locks) a real save applies, nothing written. */
export function dryRun(db: Db, inputs: ValueInput[], options: SaveOptions): Promise<SavedValue[]> {
  return saveValues(db, inputs, { ...options, dryRun: true });
}

const FIELD_LABELS: Record<string, string> = {
  value: '数值',
  numerator: '分子',
  denominator: '分母',
  indicatorId: '行标识',
  sex: '性别',
};

export interface PreviewResult {
  rows: PreviewRow[];
  counts: PreviewCounts;
  inputs: ValueInput[];
}

/**
 * Classifies the rows and judges the new and changed ones with saveValues (rolled back). Invalid rows make the
 * whole file unacceptable: the error carries the full preview, so the user sees every row at fault at once.
 */
export async function previewRows(
  db: Db,
  parsed: ParsedTemplate,
  task: RoundTask,
  current: Map<string, CurrentRow>,
  options: SaveOptions,
): Promise<PreviewResult> {
  const { rows, inputs, inputRows, empty } = classifyRows(parsed.rows, task.items, current);
  const markInvalid = (index: number, message: string) => {
    const row = rows[inputRows[index] as number] as PreviewRow;
    row.status = 'invalid';
    row.problems = [...(row.problems ?? []), message];
    delete row.old;
    delete row.new;
  };
  let kind: 'invalid' | 'conflict' | 'locked' | null = rows.some((r) => r.status === 'invalid') ? 'invalid' : null;
  let saved: SavedValue[] = [];
  try {
    saved = await dryRun(db, inputs, { ...options, fieldPrefix: 'rows' });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const rowOf = (index: number) => (rows[inputRows[index] as number] as PreviewRow).row;
    if (error.code === 'VALIDATION_FAILED') {
      for (const f of (error.extra.fields ?? []) as FieldProblem[]) {
        const [, i, field] = f.field.split('.');
        const index = Number(i);
        const column = FIELD_LABELS[field ?? ''] ?? '数值';
        // saveValues prefixes its message with the indicator's label; the row number says that already.
        const message = f.message.replace(/^[^：]*：/, '');
        markInvalid(index, problemText({ row: rowOf(index), column, message }));
      }
      kind = 'invalid';
    } else if (error.code === 'CONFLICT') {
      const conflicts = (error.extra.conflicts ?? []) as { index: number; current: { value: number | null } | null }[];
      for (const c of conflicts) {
        const now = c.current ? `现为“${c.current.value ?? '空'}”` : '已被删除';
        markInvalid(c.index, `第 ${rowOf(c.index)} 行：下载模板后此数据已被他人修改（${now}），请重新下载模板`);
      }
      kind ??= 'conflict';
    } else if (error.code === 'VALUE_LOCKED') {
      for (const f of (error.extra.fields ?? []) as FieldProblem[]) {
        const index = Number(f.field.split('.')[1]);
        markInvalid(index, `第 ${rowOf(index)} 行：此数据已审核通过并锁定，不能修改`);
      }
      kind ??= 'locked';
    } else {
      throw error;
    }
  }
  saved.forEach((s) => {
    if (s.warnings.length === 0) return;
    const row = rows[inputRows[s.index] as number] as PreviewRow;
    row.warnings = s.warnings.map((w) => w.message);
  });
  const counts: PreviewCounts = { new: 0, changed: 0, unchanged: 0, invalid: 0, empty, warnings: 0 };
  for (const r of rows) {
    counts[r.status]++;
    if (r.warnings) counts.warnings++;
  }
  if (kind) {
    const problems = rows.filter((r) => r.status === 'invalid').flatMap((r) => r.problems ?? []);
    const preview = { counts, rows };
    const list = `${problems.slice(0, 3).join('；')}${problems.length > 3 ? '……' : ''}`;
    if (kind === 'invalid') {
      throw new AppError(400, 'UPLOAD_INVALID', `文件中有 ${problems.length} 处错误，未导入任何数据：${list}`, {
        fields: problems.map((message) => ({ field: 'file', message })),
        preview,
      });
    }
    if (kind === 'conflict') {
      throw new AppError(409, 'CONFLICT', `有 ${counts.invalid} 条数据在下载模板后已被他人修改，未导入：${list}`, {
        preview,
      });
    }
    throw new AppError(409, 'VALUE_LOCKED', `有 ${counts.invalid} 条数据已审核通过并锁定，未导入：${list}`, {
      preview,
    });
  }
  return { rows, counts, inputs };
}

/** The file's round and reporter must be this round's and the user's own. */
export function assertTemplateMatches(parsed: ParsedTemplate, task: RoundTask, reporterName: string): void {
  const { meta } = parsed;
  if (meta.roundId !== task.round.id) {
    throw new AppError(
      400,
      'WRONG_ROUND',
      `这是“${meta.roundTitle}”的模板，不是本轮“${task.round.title}”的。请下载本轮模板填写后再上传`,
    );
  }
  const reporter = task.reporter;
  const own = reporter.kind === 'unit' ? reporter.unitId : reporter.areaId;
  if (meta.reporterKind !== reporter.kind || meta.reporterId !== own) {
    throw new AppError(
      400,
      'WRONG_REPORTER',
      `这是“${meta.reporterName}”的模板，不是本单位（${reporterName}）的。请下载本单位的模板填写后再上传`,
    );
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Previews waiting for confirmation.

export const PREVIEW_TTL_MS = 15 * 60 * 1000;
const MAX_PER_USER = 3;

export interface StoredPreview {
  userId: number;
  roundId: number;
  submissionId: number;
  fileName: string;
  inputs: ValueInput[];
  counts: PreviewCounts;
  expiresAt: number;
}

export class PreviewStore {
  private readonly previews = new Map<string, StoredPreview>();

  constructor(
    private readonly ttlMs = PREVIEW_TTL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  put(preview: Omit<StoredPreview, 'expiresAt'>): { token: string; expiresAt: number } {
    this.sweep();
    // A user keeps a few previews at most (memory): the oldest go first.
    const mine = [...this.previews.entries()].filter(([, p]) => p.userId === preview.userId);
    for (const [token] of mine.slice(0, Math.max(0, mine.length - MAX_PER_USER + 1))) this.previews.delete(token);
    const token = crypto.randomBytes(24).toString('base64url');
    const expiresAt = this.now() + this.ttlMs;
    this.previews.set(token, { ...preview, expiresAt });
    return { token, expiresAt };
  }

  /** The user's preview; another user's token answers like an unknown one. */
  get(token: string, userId: number): StoredPreview | undefined {
    this.sweep();
    const p = this.previews.get(token);
    return p && p.userId === userId ? p : undefined;
  }

  delete(token: string): void {
    this.previews.delete(token);
  }

  private sweep(): void {
    const now = this.now();
    for (const [token, p] of this.previews) if (p.expiresAt <= now) this.previews.delete(token);
  }
}
