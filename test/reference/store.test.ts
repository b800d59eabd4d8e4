// 对比数据 storage: one series per statistic (a sameAs indicator reads its owner's figures), one figure per
// statistic, scope and year, every change in the audit log, and the database refusing what the code must not write.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/connection.ts';
import { rows } from '../../src/db/rows.ts';
import { auditLog, indicator, referenceValue } from '../../src/db/schema/index.ts';
import { ANONYMOUS } from '../../src/features/audit/index.ts';
import {
  deleteReference,
  folderCatalog,
  referencesByIndicator,
  upsertReference,
} from '../../src/features/reference/index.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { ENGINES } from '../helpers/db.ts';

const FOLDER = 'wuqing-2021-2025';
const SOURCE = '《2023年〈中国儿童发展纲要（2021—2030年）〉统计监测报告》';

describe.each(ENGINES)('reference value storage on %s', (engine) => {
  let t: TestApp;
  let db: Db;
  beforeAll(async () => {
    t = await createTestApp(engine);
    db = t.db.database.db;
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  const idOf = async (code: string) =>
    (await db.select({ id: indicator.id }).from(indicator).where(eq(indicator.code, code)))[0]!.id;

  it('keeps one series for a statistic in both plans: C3-03 (sameAs W2-02) reads the figure stored under W2-02', async () => {
    const catalog = await folderCatalog(db, FOLDER);
    expect(catalog.years).toEqual([2020, 2021, 2022, 2023, 2024, 2025]);
    expect(catalog.indicators.find((i) => i.code === 'C3-03')!.series).toBe('W2-02');
    const key = { folderId: FOLDER, indicatorCode: 'W2-02', scope: 'national' as const, year: 2023 };
    const changed = await db.transaction((tx) =>
      upsertReference(tx, ANONYMOUS, key, { value: 91.8, source: SOURCE }, 'entry'),
    );
    expect(changed).toBe(true);
    const byId = await referencesByIndicator(db, FOLDER);
    const expected = [{ scope: 'national', year: 2023, value: 91.8, source: SOURCE }];
    expect(byId.get(await idOf('W2-02'))).toEqual(expected);
    expect(byId.get(await idOf('C3-03'))).toEqual(expected);
  });

  it('replaces the figure of a key, logs create, update and delete with before and after, and skips a no-op', async () => {
    const key = { folderId: FOLDER, indicatorCode: 'C1-02', scope: 'tianjin' as const, year: 2024 };
    await db.transaction((tx) => upsertReference(tx, ANONYMOUS, key, { value: 2.5, source: 'A' }, 'entry'));
    await db.transaction((tx) => upsertReference(tx, ANONYMOUS, key, { value: 2.4, source: 'B' }, 'import'));
    expect(
      await db.transaction((tx) => upsertReference(tx, ANONYMOUS, key, { value: 2.4, source: 'B' }, 'entry')),
    ).toBe(false);
    const stored = await db.select().from(referenceValue).where(eq(referenceValue.indicatorCode, 'C1-02'));
    expect(stored.map((r) => [r.value, r.source])).toEqual([[2.4, 'B']]);
    expect(await db.transaction((tx) => deleteReference(tx, ANONYMOUS, key))).toBe(true);
    expect(await db.transaction((tx) => deleteReference(tx, ANONYMOUS, key))).toBe(false);
    const log = await db
      .select()
      .from(auditLog)
      .where(eq(auditLog.objectId, `${FOLDER}/C1-02/tianjin/2024`))
      .orderBy(auditLog.id);
    expect(log.map((l) => [l.action, l.before, l.after, l.detail])).toEqual([
      ['reference.create', null, { value: 2.5, source: 'A' }, null],
      ['reference.update', { value: 2.5, source: 'A' }, { value: 2.4, source: 'B' }, 'Excel 导入'],
      ['reference.delete', { value: 2.4, source: 'B' }, null, null],
    ]);
  });

  it('refuses a second row for the same statistic, scope and year, an unknown scope and an empty source', async () => {
    const insert = (scope: string, source: string, code = 'W1-03') =>
      db.execute(
        sql`insert into reference_value (folder_id, indicator_code, scope, year, value, source)
            values (${FOLDER}, ${code}, ${scope}, 2022, 15.7, ${source})`,
      );
    await insert('national', 'S');
    await expect(insert('national', 'S2')).rejects.toThrow();
    await expect(insert('beijing', 'S', 'W1-04')).rejects.toThrow();
    await expect(insert('tianjin', '  ', 'W1-04')).rejects.toThrow();
    const [n] = await rows<{ n: number }>(
      db,
      sql`select count(*)::int as n from reference_value where indicator_code = 'W1-03'`,
    );
    expect(n!.n).toBe(1);
  });
});
