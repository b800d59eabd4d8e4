import { AppError } from './errors.ts';
import { ROLE_SCOPE, type Role } from './roles.ts';

/** What the scope rules need of a signed-in user (a session's user has more). */
export interface ScopedUser {
  role: Role;
  unitId: number | null;
  areaId: number | null;
}

// Data scope: a unit's users see only their unit's records, a town's only its town's. Records out of scope
// answer 404, exactly like records that do not exist, so ids cannot be probed.

export function canSeeUnit(user: ScopedUser, unitId: number): boolean {
  const scope = ROLE_SCOPE[user.role];
  return scope === 'all' || (scope === 'own_unit' && user.unitId === unitId);
}

export function canSeeArea(user: ScopedUser, areaId: number): boolean {
  const scope = ROLE_SCOPE[user.role];
  return scope === 'all' || (scope === 'own_area' && user.areaId === areaId);
}

export function assertUnitInScope(user: ScopedUser, unitId: number, what = '记录'): void {
  if (!canSeeUnit(user, unitId)) throw new AppError(404, 'NOT_FOUND', `${what}不存在`);
}

export function assertAreaInScope(user: ScopedUser, areaId: number, what = '记录'): void {
  if (!canSeeArea(user, areaId)) throw new AppError(404, 'NOT_FOUND', `${what}不存在`);
}
