import crypto from 'node:crypto';
import { and, asc, eq, lt, ne, or, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { noteChange, rememberedRead } from '../../db/changes.ts';
import type { Db } from '../../db/connection.ts';
import { appUser, area, orgUnit, userSession } from '../../db/schema/index.ts';
import { AppError } from '../../kernel/errors.ts';
import { ROLE_LABELS } from '../../kernel/roles.ts';
import type { SecurityConfig } from '../../platform/config.ts';
import type { SessionUser } from './contract.ts';

export type { SessionUser } from './contract.ts';

// Server-side sessions. The cookie carries a random token; the table keeps only its SHA-256, so a copy of the
// database gives no usable session. Logout and password change delete rows, which ends those sessions at once.

export const SESSION_COOKIE = 'tp_session';
export const CSRF_HEADER = 'x-csrf-token';

export interface Session {
  id: string;
  csrfToken: string;
  user: SessionUser;
}

declare module 'fastify' {
  interface FastifyRequest {
    session?: Session;
  }
}

const sha256 = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

export type SessionMode = 'demo' | 'production';
export const modeOf = (demo: boolean): SessionMode => (demo ? 'demo' : 'production');

export interface SessionPolicy {
  security: SecurityConfig;
  mode: SessionMode;
}

export async function createSession(
  db: Db,
  userId: number,
  meta: { ip: string; userAgent: string | undefined },
  policy: SessionPolicy,
  now = new Date(),
): Promise<{ token: string; csrfToken: string }> {
  const token = crypto.randomBytes(32).toString('base64url');
  const csrfToken = crypto.randomBytes(24).toString('base64url');
  await removeStaleSessions(db, policy, now);
  // At most sessionMaxPerUser open sessions: the oldest end to make room for this one.
  const open = await db
    .select({ id: userSession.id })
    .from(userSession)
    .where(eq(userSession.userId, userId))
    .orderBy(asc(userSession.createdAt));
  const excess = open.length - (policy.security.sessionMaxPerUser - 1);
  for (const old of open.slice(0, Math.max(0, excess))) {
    await db.delete(userSession).where(eq(userSession.id, old.id));
  }
  await db.insert(userSession).values({
    id: sha256(token),
    userId,
    csrfToken,
    ip: meta.ip,
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
    mode: policy.mode,
  });
  noteChange(db);
  return { token, csrfToken };
}

/** Deletes sessions idle or open too long, or opened in the other mode (at start and at each login). */
export async function removeStaleSessions(db: Db, policy: SessionPolicy, now = new Date()): Promise<void> {
  const idleCutoff = new Date(now.getTime() - policy.security.sessionIdleMinutes * 60_000);
  const ageCutoff = new Date(now.getTime() - policy.security.sessionMaxHours * 3_600_000);
  await db.delete(userSession).where(
    or(
      lt(userSession.lastSeenAt, idleCutoff),
      lt(userSession.createdAt, ageCutoff),
      ne(userSession.mode, policy.mode),
      // Demo accounts' sessions never outlive demo mode.
      policy.mode === 'production' ? sql`${userSession.userId} in (select id from app_user where is_demo)` : undefined,
    ),
  );
  noteChange(db);
}

export async function deleteSession(db: Db, token: string): Promise<void> {
  await db.delete(userSession).where(eq(userSession.id, sha256(token)));
  noteChange(db);
}

export async function deleteUserSessions(db: Db, userId: number, except?: string): Promise<void> {
  await db
    .delete(userSession)
    .where(and(eq(userSession.userId, userId), except ? ne(userSession.id, except) : undefined));
  noteChange(db);
}

export type SessionLookup = { kind: 'none' } | { kind: 'expired' } | { kind: 'ok'; session: Session };

/**
 * Finds the session for a cookie token; ends it when idle or open too long, when the user was disabled, or when
 * it was opened in the other mode (a demo session after demo mode was switched off, or the reverse).
 */
export async function loadSession(
  db: Db,
  token: string,
  policy: SessionPolicy,
  now = new Date(),
): Promise<SessionLookup> {
  const security = policy.security;
  const id = sha256(token);
  // Asked on every request: remembered until the next change to sessions, users, units or towns (src/db/changes.ts).
  const row = await rememberedRead(db, `session:${id}`, async () => {
    const [found] = await db
      .select({ session: userSession, user: appUser, unitName: orgUnit.name, areaName: area.name })
      .from(userSession)
      .innerJoin(appUser, eq(appUser.id, userSession.userId))
      .leftJoin(orgUnit, eq(orgUnit.id, appUser.unitId))
      .leftJoin(area, eq(area.id, appUser.areaId))
      .where(eq(userSession.id, id));
    return found;
  });
  if (!row) return { kind: 'none' };
  const idleMs = now.getTime() - row.session.lastSeenAt.getTime();
  const ageMs = now.getTime() - row.session.createdAt.getTime();
  if (
    idleMs > security.sessionIdleMinutes * 60_000 ||
    ageMs > security.sessionMaxHours * 3_600_000 ||
    row.user.disabled ||
    row.session.mode !== policy.mode ||
    (row.user.isDemo && policy.mode !== 'demo')
  ) {
    await db.delete(userSession).where(eq(userSession.id, id));
    noteChange(db);
    return { kind: 'expired' };
  }
  // Touch at most once a minute: the idle clock needs no finer grain and PGlite has one connection.
  if (idleMs > 60_000) {
    await db.update(userSession).set({ lastSeenAt: now }).where(eq(userSession.id, id));
    noteChange(db);
  }
  const u = row.user;
  const expiresAt = u.passwordChangedAt.getTime() + security.passwordExpiryDays * 86_400_000;
  const passwordExpiresInDays = Math.floor((expiresAt - now.getTime()) / 86_400_000);
  return {
    kind: 'ok',
    session: {
      id,
      csrfToken: row.session.csrfToken,
      user: {
        id: u.id,
        username: u.username,
        displayName: u.displayName,
        role: u.role,
        roleLabel: ROLE_LABELS[u.role],
        unitId: u.unitId,
        unitName: row.unitName,
        areaId: u.areaId,
        areaName: row.areaName,
        isDemo: u.isDemo,
        mustChangePassword: u.mustChangePassword || expiresAt <= now.getTime(),
        passwordExpiresInDays,
      },
    },
  };
}

/** The signed-in user of a route that requires one (the access hook has already refused anonymous callers). */
export function currentUser(request: FastifyRequest) {
  if (!request.session) throw new AppError(401, 'UNAUTHENTICATED', '请先登录');
  return request.session.user;
}
