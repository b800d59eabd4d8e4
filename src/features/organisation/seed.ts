import { count } from 'drizzle-orm';
import type { Organisation } from '../../core/organisation.ts';
import type { Db } from '../../db/connection.ts';
import { area, orgUnit } from '../../db/schema/index.ts';

/**
 * Imports the default units and areas when the database has none. Afterwards the office maintains them in the
 * UI, so a restart never overwrites their edits. Returns whether anything was imported.
 */
export async function seedOrganisation(db: Db, org: Organisation): Promise<boolean> {
  const [units] = await db.select({ n: count() }).from(orgUnit);
  if ((units?.n ?? 0) > 0) return false;
  await db.transaction(async (tx) => {
    await tx
      .insert(orgUnit)
      .values([
        { code: org.office.code, name: org.office.name, kind: 'office' as const, position: 0 },
        ...org.units.map((u, i) => ({ code: u.code, name: u.name, kind: 'member' as const, position: i + 1 })),
      ]);
    if (org.areas.length > 0) {
      await tx
        .insert(area)
        .values(org.areas.map((a, i) => ({ code: a.code, name: a.name, kind: a.kind, position: i + 1 })));
    }
  });
  return true;
}
