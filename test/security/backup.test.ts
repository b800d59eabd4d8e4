import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupDatabase, DERIVED_TABLES, readBackup, restoreDatabase } from '../../src/db/backup.ts';
import { rows } from '../../src/db/rows.ts';
import { saveValues } from '../../src/features/collection/values.ts';
import { assignLead } from '../collection/helpers.ts';
import { multipart, tinyPdf } from '../documents/files.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { createTestDatabase, ENGINES, type TestDatabase } from '../helpers/db.ts';
import { login } from '../helpers/session.ts';

// Backup → restore gives the same catalog, values, history, audit log and files (issue 15), on both engines and
// across them (PGlite → PostgreSQL is what `tianping migrate-to` does).

describe.each(ENGINES)('backup and restore on %s', (engine) => {
  let t: TestApp;
  const restored: TestDatabase[] = [];
  beforeAll(async () => {
    t = await createTestApp(engine);
    const db = t.db.database.db;
    const { unit, indicators } = await assignLead(db, '区卫生健康委', ['孕产妇系统管理率']);
    const actor = { userId: null, username: 'seed', unitName: null, ip: null };
    const input = { indicatorId: indicators.孕产妇系统管理率!.id, year: 2025, areaId: null, sex: 'total' as const };
    await saveValues(db, [{ ...input, value: 91.5, expectedVersion: 0 }], { actor, unitId: unit.id, roundId: null });
    await saveValues(db, [{ ...input, value: 92.5, expectedVersion: 1 }], { actor, unitId: unit.id, roundId: null });
    const wjw = await login(t.app, 'wjw');
    const doc = await wjw.put('/api/documents/annual_work_report/2025', {
      sections: { implementation: '情况' },
      expectedVersion: 0,
    });
    await wjw.request({
      method: 'POST',
      url: `/api/documents/${doc.json().document.id}/attachments`,
      ...multipart([{ name: '报告.pdf', bytes: tinyPdf('backup') }]),
    });
  }, 300_000);
  afterAll(async () => {
    await t?.close();
    for (const r of restored) await r.drop();
  });

  it('takes a consistent backup from the running server and restores it identically', async () => {
    const admin = await login(t.app, 'admin');
    const res = await admin.get('/api/admin/backup');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/^attachment;/);
    const original = readBackup(res.rawPayload);
    const byName = new Map(original.tables.map((x) => [x.name, x.rows.length]));
    for (const table of ['indicator', 'data_value', 'data_value_history', 'audit_log', 'document_attachment']) {
      expect(byName.get(table), table).toBeGreaterThan(0);
    }
    for (const target of ENGINES) {
      const fresh = await createTestDatabase(target);
      restored.push(fresh);
      await restoreDatabase(fresh.database, original);
      const again = readBackup(await backupDatabase(fresh.database));
      for (const table of original.tables) {
        // schema_migration records when the target itself was migrated: not part of the data; the derived
        // analysis results are rebuilt from the restored values, not copied.
        if (table.name === 'schema_migration' || DERIVED_TABLES.includes(table.name)) continue;
        const copy = again.tables.find((x) => x.name === table.name);
        expect(copy?.rows, `${table.name} restored on ${target}`).toEqual(table.rows);
      }
      // A restored database keeps working: new ids follow the restored ones.
      const [next] = await rows<{ id: number }>(
        fresh.database.db,
        sql`insert into audit_log (action, result) values ('test.after_restore', 'success') returning id`,
      );
      const maxId = Math.max(
        ...(original.tables.find((x) => x.name === 'audit_log')!.rows as { id: number }[]).map((r) => r.id),
      );
      expect(Number(next!.id)).toBeGreaterThan(maxId);
    }
  }, 600_000);

  it('refuses to restore into a database that has data', async () => {
    const bytes = await backupDatabase(t.db.database);
    await expect(restoreDatabase(t.db.database, readBackup(bytes))).rejects.toThrow('目标数据库不是空的');
  }, 300_000);
});
