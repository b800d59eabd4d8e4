// 报告's response shapes, shared by the server and the web. Times are ISO strings, as the JSON has them.
import type { ContextFigures } from '../../core/narrative/index.ts';
import type { ReportKind, StoredSection } from '../../core/reports.ts';

/** A draft as GET /api/reports lists it: who saved last by name. */
export interface ReportDraftRow {
  id: number;
  kind: ReportKind;
  year: number;
  scope: string;
  version: number;
  updatedAt: string;
  updatedBy: string | null;
}

/** A draft with its texts, as opening, reading and saving answer. */
export interface ReportDraft {
  id: number;
  kind: ReportKind;
  year: number;
  scope: string;
  sections: StoredSection[];
  version: number;
  createdBy: number | null;
  createdAt: string;
  updatedBy: number | null;
  updatedAt: string;
}

/** One generated version; createdBy is the generating user's name. */
export interface ReportFile {
  id: number;
  draftId: number;
  version: number;
  format: 'docx' | 'xlsx';
  fileName: string;
  size: number;
  sha256: string;
  basis: 'approved' | 'preliminary';
  demo: boolean;
  createdAt: string;
  createdBy: string | null;
}

/** GET /api/reports */
export interface ReportList {
  plans: { id: string; shortTitle: string; cycleStart: number; cycleEnd: number }[];
  kinds: { kind: ReportKind; label: string; final: boolean }[];
  drafts: ReportDraftRow[];
  files: ReportFile[];
}

/** GET /api/reports/drafts/:id */
export interface ReportDraftDetail {
  draft: ReportDraft;
  files: ReportFile[];
}

/** POST /api/reports/drafts: the draft, new or the one already there. */
export interface OpenDraftResponse {
  draft: ReportDraft;
  created: boolean;
}

/** PUT /api/reports/drafts/:id */
export interface SaveDraftResponse {
  draft: ReportDraft;
}

/** POST /api/reports/drafts/:id/generate */
export interface GenerateResponse {
  file: ReportFile;
}

/** A step of a report's generation, as it happens (the answer streamed as NDJSON when asked for). */
export interface ReportProgress {
  /** What the server is doing, e.g. 绘制图表（3/12） */
  label: string;
  /** 0–100, by the step reached: the charts take most of the time and move the bar chart by chart. */
  percent: number;
}

/** One line of the streamed answer of POST /reports/drafts/:id/generate (Accept: application/x-ndjson). */
export type GenerateStreamLine =
  | { progress: ReportProgress }
  | { done: GenerateResponse }
  | { error: { code: string; message: string } };

/** 统计报表的批准信息, as the office entered them (empty strings until then). */
export interface StatFormApproval {
  /** 批准机关, e.g. the district statistics bureau (区统计局) */
  approvedBy: string;
  /** 批准文号, e.g. 武统制〔2021〕5号 */
  approvalNo: string;
  /** 有效期至, e.g. 2026年12月 */
  validUntil: string;
}

/** GET / PUT /api/reports/stat-form. */
export interface StatFormReply {
  statForm: StatFormApproval;
}

/** GET / PUT /api/reports/context-figures: the cycle's 经济社会基本情况数据 and the two years they are for. */
export interface ContextFiguresReply {
  /** The cycle's base year, e.g. 2020 */
  baseYear: number;
  /** The cycle's final year, e.g. 2025 */
  finalYear: number;
  figures: ContextFigures;
}
