// METHODOLOGY v2 boundary cases through the stored data: the same answers on PGlite and PostgreSQL as the engine
// gives directly (the analysis recomputes from the raw values, so the database must not shift a boundary).
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TargetRule } from '../../src/core/rules.ts';
import { dataValue, indicator } from '../../src/db/schema/index.ts';
import { analyse } from '../../src/features/analysis/analyse.ts';
import { importCatalog } from '../../src/features/catalog/import.ts';
import { defaultPlanDir, loadPlanFolder } from '../../src/features/catalog/load.ts';
import { finalToleranceKey, getSetting } from '../../src/platform/settings.ts';
import { createTestDatabase, ENGINES, type TestDatabase } from '../helpers/db.ts';

interface Case {
  rule: TargetRule;
  better: 'higher' | 'lower';
  precision?: number;
  floor?: number;
  values: [number, number][];
  check: (r: Awaited<ReturnType<typeof analyse>>['indicators'][number]['result']) => void;
}

const from2020 = (values: number[]): [number, number][] => values.map((v, i) => [2020 + i, v]);
const flagKinds = (r: { flags: { kind: string }[] }) => r.flags.map((f) => f.kind);

const CASES: Case[] = [
  {
    rule: { kind: 'threshold', comparator: '<=', value: 8.5 },
    better: 'lower',
    values: from2020([10, 9.7, 9.4]),
    check: (r) => expect(r.schedule?.behind).toBe(false),
  },
  {
    rule: { kind: 'threshold', comparator: '>=', value: 22.3 },
    better: 'higher',
    values: from2020([12.3, 14.2]),
    check: (r) => expect(r.status).toBe('预计可达标'),
  },
  {
    rule: { kind: 'threshold', comparator: '>=', value: 1 },
    better: 'higher',
    floor: 0.1,
    values: from2020([0.2, 0.2, 0.3]),
    check: (r) => expect(flagKinds(r)).toContain('jump'),
  },
  {
    rule: { kind: 'threshold', comparator: '<=', value: 1 },
    better: 'lower',
    precision: 2,
    floor: 0.01,
    values: from2020([7.7, 7.7, 5.39]),
    check: (r) => expect(flagKinds(r)).not.toContain('jump'),
  },
  {
    rule: { kind: 'threshold', comparator: '>=', value: 1 },
    better: 'higher',
    precision: 2,
    floor: 0.01,
    values: from2020([3, 3, 3, 2.01]),
    check: (r) => expect(flagKinds(r)).not.toContain('band'),
  },
  {
    rule: { kind: 'annual_step', step: 1 },
    better: 'lower',
    values: [[1990, 30], ...from2020([20, 19, 18.5, 17])],
    check: (r) => expect(r.flags.map((f) => f.year)).toEqual([2022]),
  },
  {
    rule: { kind: 'direction_only', wording: '逐步下降' },
    better: 'lower',
    values: from2020([0, 1, 0]),
    check: (r) => expect(r.status).toBe('趋势向好'),
  },
  {
    rule: { kind: 'relative_to_base', percent: 20 },
    better: 'higher',
    values: from2020([6.2, 6.8, 7.4]),
    check: (r) => expect(r.statusReason).toContain('未达到目标≥7.44'),
  },
  {
    rule: { kind: 'threshold', comparator: '>=', value: 70 },
    better: 'higher',
    values: from2020([60, 62, 64, 66, 68, 69]),
    check: (r) => expect(r.finalCategory).toBe('基本实现'),
  },
];

describe.each(ENGINES)('v2 boundary cases over stored data on %s', (engine) => {
  let t: TestDatabase;
  let folderId: string;
  const ids: number[] = [];
  beforeAll(async () => {
    t = await createTestDatabase(engine);
    const catalog = await loadPlanFolder(defaultPlanDir());
    folderId = catalog.folder.id;
    await importCatalog(t.database.db, catalog);
    const db = t.database.db;
    const rows = await db.select().from(indicator).orderBy(indicator.id);
    for (const [i, c] of CASES.entries()) {
      const row = rows[i];
      if (!row) throw new Error('too few indicators');
      ids.push(row.id);
      await db
        .update(indicator)
        .set({
          rule: c.rule,
          better: c.better,
          precision: c.precision ?? 1,
          floor: c.floor ?? 0.1,
          limits: [0, null],
          counts: null,
        })
        .where(eq(indicator.id, row.id));
      for (const [year, value] of c.values)
        await db.insert(dataValue).values({ indicatorId: row.id, year, value, locked: true });
    }
  }, 60_000);
  afterAll(() => t.drop());

  let analysis: ReturnType<typeof analyse> | undefined;
  it('stores the folder’s 基本实现 tolerances on import', async () => {
    expect(await getSetting(t.database.db, finalToleranceKey(folderId))).toEqual({ progress: 0.9, gap: 0.01 });
  });

  it.each(CASES.map((c, i) => [i, c] as const))('case %i gives the v2 answer', async (i, c) => {
    analysis ??= analyse(t.database.db, { folderId });
    const a = await analysis;
    const item = a.indicators.find((x) => x.id === ids[i]);
    expect(item).toBeDefined();
    c.check(item!.result);
  });
});
