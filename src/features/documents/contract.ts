// 单位文档's response shapes, shared by the server and the web. Times are ISO strings, as the JSON has them.
import type { DocumentKind, DocumentSections, DocumentStatus } from '../../core/documents.ts';

/** The active plan folder's cycle (十四五: 2021–2025). */
export interface Cycle {
  folderId: string;
  start: number;
  end: number;
}

export interface DocumentAttachment {
  id: number;
  documentId: number;
  fileName: string;
  mimeType: string;
  size: number;
  sha256: string;
  uploadedAt: string;
  uploadedBy: number | null;
}

export interface UnitDocument {
  id: number;
  folderId: string;
  unitId: number;
  kind: DocumentKind;
  /** Null for the 实施方案 (one per cycle). */
  year: number | null;
  roundId: number | null;
  status: DocumentStatus;
  sections: DocumentSections;
  submittedAt: string | null;
  submittedBy: number | null;
  updatedAt: string;
  updatedBy: number | null;
  version: number;
  /** Why the office sent it back (until the unit submits again). */
  returnComment: string | null;
}

export type ListedDocument = UnitDocument & { unitName: string; attachments: DocumentAttachment[] };

/** GET /api/documents: the cycle's documents (a unit role sees its own unit's). */
export interface DocumentList {
  cycle: Cycle;
  documents: ListedDocument[];
}

/** GET /api/documents/:id */
export interface DocumentDetail {
  document: UnitDocument & { unitName: string };
  attachments: DocumentAttachment[];
  history: {
    id: number;
    at: string;
    username: string | null;
    action: string;
    oldStatus: string | null;
    newStatus: string | null;
    comment: string | null;
  }[];
}

/** Saving, submitting and withdrawing answer with the document as stored. */
export interface DocumentResponse {
  document: UnitDocument;
}

export interface AttachmentsResponse {
  attachments: DocumentAttachment[];
}

export type CellStatus = DocumentStatus | 'missing';

/** GET /api/documents/overview: every active member unit × the documents due in the year. */
export interface DocumentOverview {
  year: number;
  cycle: Cycle;
  kinds: DocumentKind[];
  units: {
    unitId: number;
    unitName: string;
    documents: Partial<
      Record<DocumentKind, { status: CellStatus; documentId: number | null; submittedAt: string | null }>
    >;
  }[];
  totals: Record<string, { submitted: number; draft: number; missing: number }>;
}
