// The data-collection API's shapes that the web reads, written once for both sides. Times are ISO strings, as the
// JSON has them.
import type { Counts, Disaggregation } from '../../core/catalog/types.ts';
import type { Sex } from '../../core/collection/entry.ts';
import type { Problem } from '../../core/collection/rules.ts';
import type { SubmissionStatus } from '../../core/collection/workflow.ts';
import type { TargetRule } from '../../core/rules.ts';

/** A 填报任务 (reporting round). */
export interface Round {
  id: number;
  folderId: string;
  kind: 'annual' | 'final';
  year: number;
  title: string;
  deadline: string;
  status: 'open' | 'closed';
  openedBy: number | null;
  openedAt: string;
  closedAt: string | null;
}

export type RoundWithCounts = Round & { counts: Record<SubmissionStatus, number> };

/** GET /api/rounds */
export interface RoundsResponse {
  rounds: RoundWithCounts[];
}

/** One unit's (or town's) submission in a round. */
export interface Submission {
  id: number;
  roundId: number;
  unitId: number | null;
  areaId: number | null;
  status: SubmissionStatus;
  reason: string | null;
  updatedAt: string;
  updatedBy: number | null;
}

export type SubmissionProgress = Submission & {
  reporterName?: string;
  reporterKind: 'unit' | 'area';
  position: number;
  progress: { expected: number; filled: number };
};

/** GET /api/rounds/:id: the round with the submissions the user may see, in the units' and towns' order. */
export interface RoundDetail {
  round: Round;
  years: number[];
  submissions: SubmissionProgress[];
}

export interface ValueKey {
  indicatorId: number;
  year: number;
  /** null = the whole district */
  areaId: number | null;
  sex: Sex;
}

/** One value of a saved batch, by its place in the request. */
export interface SavedValue extends ValueKey {
  index: number;
  id: number;
  version: number;
  changed: boolean;
  /** Soft problems: saved, but an explanation is required before submitting. */
  warnings: Problem[];
}

/** PUT /api/rounds/:id/values */
export interface SaveValuesResponse {
  saved: SavedValue[];
}

/** A stored value (data_value). */
export interface ValueRow {
  id: number;
  indicatorId: number;
  year: number;
  areaId: number | null;
  sex: Sex;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  reference: number | null;
  source: string | null;
  caliberNote: string | null;
  comment: string | null;
  explanation: string | null;
  returnReason: string | null;
  unitId: number | null;
  roundId: number | null;
  locked: boolean;
  isDemo: boolean;
  version: number;
  updatedAt: string;
  updatedBy: number | null;
}

export interface TaskIndicator {
  id: number;
  code: string;
  name: string;
  unit: string;
  planId: string;
  disaggregations: Disaggregation[];
  counts: Counts | null;
  rule: TargetRule;
  limits: [number | null, number | null];
  precision: number;
  /** The target in words. */
  target: string;
}

export interface TaskItem {
  indicator: TaskIndicator;
  areaId: number | null;
  sexes: Sex[];
  years: number[];
  values: ValueRow[];
  /** The previous cycle's indicator this one continues, with its approved values; null without a predecessor. */
  predecessor: CarriedSeries | null;
}

/** A predecessor's series shown in a successor's 往年数据 for the years the successor has no value of its own. */
export interface CarriedSeries {
  code: string;
  name: string;
  /** The predecessor's cycle, e.g. 2021–2025. */
  cycle: string;
  values: { year: number; sex: Sex; value: number }[];
}

/** How a carried value is marked wherever it is shown: the reporter should know it is not this indicator's own. */
export const carriedNote = (s: Pick<CarriedSeries, 'code' | 'cycle'>) => `上一周期（${s.cycle}）指标 ${s.code} 的数值`;

/** GET /api/rounds/:id/task: the reporter's form with the previous years' values. */
export interface Task {
  round: Round;
  submission: Submission & { reporterName: string };
  baseYear: number | null;
  years: number[];
  items: TaskItem[];
}

export interface SubmissionEvent {
  id: number;
  submissionId: number;
  at: string;
  userId: number | null;
  action: string;
  fromStatus: SubmissionStatus;
  toStatus: SubmissionStatus;
  reason: string | null;
  username: string | null;
  displayName: string | null;
}

/** GET /api/submissions/:id/events */
export interface SubmissionEvents {
  events: SubmissionEvent[];
}

export interface HistoryEntry {
  id: number;
  valueId: number;
  at: string;
  userId: number | null;
  username: string | null;
  action: string;
  old: Record<string, unknown> | null;
  new: Record<string, unknown> | null;
  reason: string | null;
}

/** GET /api/values/:id/history */
export interface ValueHistory {
  value: ValueRow;
  history: HistoryEntry[];
}

/** One stored value's content as the entry form, the Excel template and the upload preview show it. */
export interface RowContent {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  source: string | null;
  caliberNote: string | null;
  comment: string | null;
  explanation: string | null;
}

/** How an uploaded row compares with what is stored. */
export type RowStatus = 'new' | 'changed' | 'unchanged' | 'invalid';

export interface PreviewRow {
  row: number;
  indicatorId: number;
  code: string;
  name: string;
  sex: string;
  year: number;
  status: RowStatus;
  old?: RowContent | null;
  new?: RowContent;
  /** Why the row is invalid. */
  problems?: string[];
  /** Soft 审核公式 results: saved, but 说明 is needed before submitting. */
  warnings?: string[];
}

export interface PreviewCounts {
  new: number;
  changed: number;
  unchanged: number;
  invalid: number;
  /** Rows left empty that have no value in the database either: not part of the upload. */
  empty: number;
  warnings: number;
}

/** POST /api/rounds/:id/upload/preview: what the file would change; nothing is written until confirmed. */
export interface UploadPreviewResponse {
  previewToken: string;
  expiresAt: string;
  fileName: string;
  reporterName: string | null;
  counts: PreviewCounts;
  rows: PreviewRow[];
}

/** POST /api/rounds/:id/upload/confirm: the preview's counts and how many values were written. */
export interface UploadConfirmResponse {
  fileName: string;
  counts: PreviewCounts;
  written: number;
  /** Written values with 审核提示 that still need a 说明. */
  warnings: number;
}

/** What stops a submission (SUBMIT_BLOCKED, in the error's `problems`): one value, in Chinese. */
/** GET /api/rounds/:id/checks: one 审核公式 hit in a submission of the round, with the reporter's explanation. */
export interface RoundCheck {
  submissionId: number;
  submissionStatus: SubmissionStatus;
  reporterName: string;
  indicatorId: number;
  code: string;
  name: string;
  year: number;
  sex: string;
  level: 'hard' | 'soft';
  /** The rule's code (H_… hard, S_… soft). */
  rule: string;
  message: string;
  value: number | null;
  explanation: string | null;
}

export interface RoundChecksResponse {
  checks: RoundCheck[];
}

export interface SubmitProblem {
  indicatorId: number;
  code: string;
  year: number;
  sex: string;
  message: string;
}
