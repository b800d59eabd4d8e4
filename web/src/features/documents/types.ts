import type { DocumentKind, DocumentSections, DocumentStatus } from '../../../../src/core/documents.ts';

export interface Attachment {
  id: number;
  documentId: number;
  fileName: string;
  mimeType: string;
  size: number;
  uploadedAt: string;
}

export interface UnitDoc {
  id: number;
  unitId: number;
  unitName?: string;
  kind: DocumentKind;
  year: number | null;
  status: DocumentStatus;
  sections: DocumentSections;
  submittedAt: string | null;
  updatedAt: string;
  version: number;
  attachments?: Attachment[];
}

export interface Cycle {
  folderId: string;
  start: number;
  end: number;
}

export interface DocumentList {
  cycle: Cycle;
  documents: UnitDoc[];
}

export type CellStatus = DocumentStatus | 'missing';

export interface Overview {
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

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
