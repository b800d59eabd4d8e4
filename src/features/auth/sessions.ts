import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
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

export async function createSession(
  db: Db,
  userId: number,
  meta: { ip: string; userAgent: string | undefined },
): Promise<{ token: string; csrfToken: string }> {
  const token = crypto.randomBytes(32).toString('base64url');
  const csrfToken = crypto.randomBytes(24).toString('base64url');
  await db.insert(userSession).values({
    id: sha256(token),
    userId,
    csrfToken,
    ip: meta.ip,
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
  });
  return { token, csrfToken };
}

export async function deleteSession(db: Db, token: string): Promise<void> {
  await db.delete(userSession).where(eq(userSession.id, sha256(token)));
}

export async function deleteUserSessions(db: Db, userId: number): Promise<void> {
  await db.delete(userSession).where(eq(userSession.userId, userId));
}

export type SessionLookup = { kind: 'none' } | { kind: 'expired' } | { kind: 'ok'; session: Session };

/** Finds the session for a cookie token; ends it when idle too long or when the user was disabled. */
export async function loadSession(
  db: Db,
  token: string,
  security: SecurityConfig,
  now = new Date(),
): Promise<SessionLookup> {
  const id = sha256(token);
  const [row] = await db
    .select({ session: userSession, user: appUser, unitName: orgUnit.name, areaName: area.name })
    .from(userSession)
    .innerJoin(appUser, eq(appUser.id, userSession.userId))
    .leftJoin(orgUnit, eq(orgUnit.id, appUser.unitId))
    .leftJoin(area, eq(area.id, appUser.areaId))
    .where(eq(userSession.id, id));
  if (!row) return { kind: 'none' };
  const idleMs = now.getTime() - row.session.lastSeenAt.getTime();
  if (idleMs > security.sessionIdleMinutes * 60_000 || row.user.disabled) {
    await db.delete(userSession).where(eq(userSession.id, id));
    return { kind: 'expired' };
  }
  // Touch at most once a minute: the idle clock needs no finer grain and PGlite has one connection.
  if (idleMs > 60_000) await db.update(userSession).set({ lastSeenAt: now }).where(eq(userSession.id, id));
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
