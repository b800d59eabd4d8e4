import { OutOfScope } from './errors.ts';
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
  if (!canSeeUnit(user, unitId)) throw new OutOfScope(what, { type: 'unit', id: unitId });
}

export function assertAreaInScope(user: ScopedUser, areaId: number, what = '记录'): void {
  if (!canSeeArea(user, areaId)) throw new OutOfScope(what, { type: 'area', id: areaId });
}

/**
 * Preliminary (not yet approved) values: the office and the statistics bureau see every unit's and town's; a
 * unit sees its own (values it entered, or of indicators it leads), a town its own town's; everybody else (district
 * leaders, admins) only approved values, whatever basis they ask for.
 */
export function canSeePreliminary(
  user: ScopedUser,
  value: { unitId: number | null; areaId: number | null },
  leadUnitId: number | null | undefined,
): boolean {
  if (user.role === 'office' || user.role === 'statistics') return true;
  const scope = ROLE_SCOPE[user.role];
  if (scope === 'own_unit') {
    return (
      user.unitId !== null && value.areaId === null && (value.unitId === user.unitId || leadUnitId === user.unitId)
    );
  }
  if (scope === 'own_area') return user.areaId !== null && value.areaId === user.areaId;
  return false;
}
