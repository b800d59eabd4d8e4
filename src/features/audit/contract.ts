// The audit log API's shapes, written once for the server and the web. Times are ISO strings, as the JSON has them.

export type AuditResult = 'success' | 'failure' | 'denied';

/** One audit log entry. */
export interface AuditEntry {
  id: number;
  at: string;
  userId: number | null;
  username: string | null;
  unitName: string | null;
  ip: string | null;
  action: string;
  objectType: string | null;
  objectId: string | null;
  result: AuditResult;
  /** The object before and after the change, as the service recorded it. */
  before: unknown;
  after: unknown;
  detail: string | null;
}

/** GET /api/audit: one page of entries, newest first, and whether another page follows. */
export interface AuditLogPage {
  entries: AuditEntry[];
  hasMore: boolean;
}
