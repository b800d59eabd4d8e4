import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { appUser, area, orgUnit } from '../../db/schema/index.ts';
import type { Role } from '../../kernel/roles.ts';
import { hashPassword } from './passwords.ts';

// One account per role for the embedded demo. They exist only in demo mode, are marked is_demo, and are
// refused at login outside demo mode: no default password works in a real deployment.

export const DEMO_PASSWORD = 'Tianping@2025';

export interface DemoAccount {
  username: string;
  displayName: string;
  role: Role;
  password: string;
  unitName?: string;
  areaName?: string;
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { username: 'office', displayName: '王主任（演示）', role: 'office', unitName: '区妇儿工委办公室' },
  { username: 'stats', displayName: '李科长（演示）', role: 'statistics', unitName: '区统计局' },
  { username: 'wjw', displayName: '卫健委填报员（演示）', role: 'unit_reporter', unitName: '区卫生健康委' },
  { username: 'wjw_leader', displayName: '卫健委分管领导（演示）', role: 'unit_leader', unitName: '区卫生健康委' },
  { username: 'jyj', displayName: '教育局填报员（演示）', role: 'unit_reporter', unitName: '区教育局' },
  { username: 'jyj_leader', displayName: '教育局分管领导（演示）', role: 'unit_leader', unitName: '区教育局' },
  { username: 'yangcun', displayName: '杨村街道填报员（演示）', role: 'town_reporter', areaName: '杨村街道' },
  { username: 'leader', displayName: '区领导（演示）', role: 'district_leader' },
  { username: 'admin', displayName: '系统管理员（演示）', role: 'admin' },
].map((a) => ({ ...a, role: a.role as Role, password: DEMO_PASSWORD }));

/** Creates the demo accounts that are missing. Units and areas must already be seeded. */
export async function ensureDemoAccounts(db: Db): Promise<void> {
  const existing = await db
    .select({ username: appUser.username })
    .from(appUser)
    .where(
      inArray(
        appUser.username,
        DEMO_ACCOUNTS.map((a) => a.username),
      ),
    );
  const have = new Set(existing.map((e) => e.username));
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const account of DEMO_ACCOUNTS) {
    if (have.has(account.username)) continue;
    const [unit] = account.unitName
      ? await db.select({ id: orgUnit.id }).from(orgUnit).where(eq(orgUnit.name, account.unitName))
      : [];
    const [town] = account.areaName
      ? await db.select({ id: area.id }).from(area).where(eq(area.name, account.areaName))
      : [];
    if ((account.unitName && !unit) || (account.areaName && !town)) continue; // the office renamed it: skip
    await db.insert(appUser).values({
      username: account.username,
      displayName: account.displayName,
      role: account.role,
      unitId: unit?.id ?? null,
      areaId: town?.id ?? null,
      passwordHash,
      mustChangePassword: false,
      isDemo: true,
    });
  }
}
