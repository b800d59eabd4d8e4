import type { Role } from '../../kernel/roles.ts';

// The sign-in API as the server answers it and the web reads it.

export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  roleLabel: string;
  unitId: number | null;
  unitName: string | null;
  areaId: number | null;
  areaName: string | null;
  isDemo: boolean;
  /** First login, admin reset, or expiry: every route but the auth ones answers PASSWORD_CHANGE_REQUIRED. */
  mustChangePassword: boolean;
  passwordExpiresInDays: number;
}

/** GET /api/auth/me: the signed-in user, the CSRF token for state-changing requests, password notices. */
export interface MeResponse {
  user: SessionUser;
  csrfToken: string;
  passwordExpiryWarning: string | null;
  passwordPolicy: { minLength: number; minClasses: number };
  /** Minutes without activity before the session ends: the page warns before then. */
  sessionIdleMinutes: number;
}
