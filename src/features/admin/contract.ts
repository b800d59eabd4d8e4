// The user administration API's shapes, written once for the server and the web. Times are ISO strings, as the
// JSON has them.
import type { Role } from '../../kernel/roles.ts';

/** A user as the administrator sees it: never the password hash. */
export interface User {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  unitId: number | null;
  areaId: number | null;
  disabled: boolean;
  mustChangePassword: boolean;
  lockedUntil: string | null;
  failedAttempts: number;
  isDemo: boolean;
  lastLoginAt: string | null;
  createdAt: string;
  unitName: string | null;
  areaName: string | null;
}

/** GET /api/admin/users */
export interface UserList {
  users: User[];
}

/** What creating, changing, resetting or unlocking a user answers: the user as it is now. */
export interface UserReply {
  user: User;
}
