// Roles (GLOSSARY): who a user is in the monitoring work. Pure data, shared by server and web.

export const ROLES = [
  'office',
  'statistics',
  'unit_reporter',
  'unit_leader',
  'town_reporter',
  'district_leader',
  'admin',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  office: '妇儿工委办公室',
  statistics: '统计局（监测组）',
  unit_reporter: '成员单位填报员',
  unit_leader: '成员单位分管领导',
  town_reporter: '镇街填报员',
  district_leader: '区领导（只读）',
  admin: '系统管理员',
};

/** What a role's data scope is: everything, its own unit's, or its own town's. */
export type Scope = 'all' | 'own_unit' | 'own_area';

export const ROLE_SCOPE: Record<Role, Scope> = {
  office: 'all',
  statistics: 'all',
  unit_reporter: 'own_unit',
  unit_leader: 'own_unit',
  town_reporter: 'own_area',
  district_leader: 'all',
  admin: 'all',
};

/** Whether the role belongs to a unit (the rest belong to a town, or to none). */
export function roleNeedsUnit(role: Role): boolean {
  return role === 'office' || role === 'statistics' || role === 'unit_reporter' || role === 'unit_leader';
}
