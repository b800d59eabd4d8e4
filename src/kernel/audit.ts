// Who did what, as every feature records it in the audit log (等保2.0 安全审计). The writer is features/audit.

export interface Actor {
  userId: number | null;
  username: string | null;
  unitName: string | null;
  ip: string | null;
}

export interface AuditEvent {
  /** Dotted verb, e.g. auth.login, user.create, value.save, report.download. */
  action: string;
  objectType?: string;
  objectId?: string | number;
  result?: 'success' | 'failure' | 'denied';
  before?: unknown;
  after?: unknown;
  detail?: string;
}

export const ANONYMOUS: Actor = { userId: null, username: null, unitName: null, ip: null };
