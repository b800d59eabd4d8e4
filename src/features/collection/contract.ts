// The data-collection API's shapes that the web reads, written once for both sides.

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
