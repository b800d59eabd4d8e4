import { lt } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../db/connection.ts';
import { auditLog } from '../../db/schema/index.ts';
import type { Actor, AuditEvent } from '../../kernel/audit.ts';

export { type Actor, ANONYMOUS, type AuditEvent } from '../../kernel/audit.ts';

// The one function every feature writes the audit log through (等保2.0 安全审计). Call it with the same
// transaction as the change it records, so the change and its record stand or fall together.

export function actorOf(request: FastifyRequest): Actor {
  const user = request.session?.user;
  return {
    userId: user?.id ?? null,
    username: user?.username ?? null,
    unitName: user?.unitName ?? user?.areaName ?? null,
    ip: request.ip,
  };
}

export async function audit(db: Db, actor: Actor, event: AuditEvent): Promise<void> {
  await db.insert(auditLog).values({
    userId: actor.userId,
    username: actor.username,
    unitName: actor.unitName,
    ip: actor.ip,
    action: event.action,
    objectType: event.objectType ?? null,
    objectId: event.objectId === undefined ? null : String(event.objectId),
    result: event.result ?? 'success',
    before: event.before ?? null,
    after: event.after ?? null,
    detail: event.detail ?? null,
  });
}

/**
 * Deletes rows older than the retention period. The period is never below 180 days, and the database refuses
 * to delete younger rows in any case (trigger audit_log_guard), so a wrong argument cannot lose recent history.
 */
export async function purgeAuditLog(db: Db, retentionDays: number, now = new Date()): Promise<number> {
  const days = Math.max(180, Math.floor(retentionDays));
  const cutoff = new Date(now.getTime() - days * 86_400_000);
  const deleted = await db.delete(auditLog).where(lt(auditLog.at, cutoff)).returning({ id: auditLog.id });
  return deleted.length;
}

// Refusals (越权访问 by scope, CSRF failures, refused workflow steps) are audited, but a probe sending thousands
// of them must not flood the log: per client address and action, at most REFUSALS_PER_MINUTE rows a minute; the
// next row written after a quiet spell says how many were left out.
const REFUSALS_PER_MINUTE = 20;
type Window = { start: number; written: number; skipped: number };
/** Per database (an installation), per client and kind. */
const refusalWindows = new WeakMap<Db, Map<string, Window>>();

/** Writes a refusal to the audit log unless this client already wrote many of this kind this minute. */
export async function auditRefusal(db: Db, actor: Actor, event: AuditEvent, now = Date.now()): Promise<boolean> {
  const key = `${actor.ip}|${actor.userId ?? ''}|${event.action}`;
  let windows = refusalWindows.get(db);
  if (!windows) {
    windows = new Map();
    refusalWindows.set(db, windows);
  }
  let w = windows.get(key);
  if (!w || now - w.start >= 60_000) {
    if (windows.size > 10_000) windows.clear();
    const skipped = w?.skipped ?? 0;
    w = { start: now, written: 0, skipped: 0 };
    windows.set(key, w);
    if (skipped > 0) {
      const note = `（此前另有 ${skipped} 次同类拒绝未逐条记录）`;
      event = { ...event, detail: event.detail ? `${event.detail}${note}` : note };
    }
  }
  if (w.written >= REFUSALS_PER_MINUTE) {
    w.skipped++;
    return false;
  }
  w.written++;
  await audit(db, actor, { result: 'denied', ...event });
  return true;
}
