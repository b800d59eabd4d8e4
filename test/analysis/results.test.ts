// Derived assessment results (issue 16): the stored results are exactly what a full rebuild from the raw values
// gives, whatever sequence of writes came before — saves, approvals and reopenings, plain SQL changes and
// deletions — and reading them gives the same analysis as computing it from the raw values.
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../src/db/rows.ts';
import { analyse, analyseLive } from '../../src/features/analysis/analyse.ts';
import { catchUpResults, rebuildResults, refreshResults } from '../../src/features/analysis/index.ts';
import { saveValues } from '../../src/features/collection/index.ts';
import { AppError } from '../../src/kernel/errors.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { ENGINES } from '../helpers/db.ts';

const FOLDER = 'wuqing-2021-2025';
const ACTOR = { userId: null, username: 'test', unitName: null, ip: null };

type Ind = { id: number; sex: boolean; area: boolean; lo: number; hi: number };

type Op =
  | { kind: 'save'; ind: number; year: number; area: number; sex: number; value: number | null }
  | { kind: 'lock'; pick: number }
  | { kind: 'sql-update'; pick: number; delta: number }
  | { kind: 'sql-delete'; pick: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  {
    arbitrary: fc.record({
      kind: fc.constant('save' as const),
      ind: fc.nat(3),
      year: fc.integer({ min: 2020, max: 2025 }),
      area: fc.nat(2),
      sex: fc.nat(2),
      value: fc.option(fc.integer({ min: 0, max: 1000 }), { freq: 6 }),
    }),
    weight: 5,
  },
  { arbitrary: fc.record({ kind: fc.constant('lock' as const), pick: fc.nat(1000) }), weight: 3 },
  {
    arbitrary: fc.record({
      kind: fc.constant('sql-update' as const),
      pick: fc.nat(1000),
      delta: fc.integer({ min: -5, max: 5 }),
    }),
    weight: 1,
  },
  { arbitrary: fc.record({ kind: fc.constant('sql-delete' as const), pick: fc.nat(1000) }), weight: 1 },
);

describe.each(ENGINES)('stored assessment results on %s', (engine) => {
  let t: TestApp;
  let inds: Ind[];
  let areas: number[];
  const db = () => t.db.database.db;

  beforeAll(async () => {
    t = await createTestApp(engine, {}, { demoData: false });
    // A relational indicator and its reference, one by sex, one by town.
    const all = await rows<{
      id: number;
      code: string;
      rule: { kind: string; reference?: string };
      d: string[];
      limits: [number, number | null];
    }>(
      db(),
      sql`select id, code, rule, disaggregations as d, limits from indicator where retired_at is null order by id`,
    );
    const relational = all.find((i) => i.rule.kind === 'relational' && all.some((o) => o.code === i.rule.reference))!;
    const reference = all.find((o) => o.code === relational.rule.reference)!;
    const bySex = all.find((i) => i.d.includes('sex') && !i.d.includes('area'))!;
    const byArea = all.find((i) => i.d.includes('area'))!;
    inds = [relational, reference, bySex, byArea].map((i) => ({
      id: i.id,
      sex: i.d.includes('sex'),
      area: i.d.includes('area'),
      lo: i.limits[0] ?? 0,
      hi: i.limits[1] ?? 1000,
    }));
    areas = (await rows<{ id: number }>(db(), sql`select id from area order by id limit 2`)).map((a) => a.id);
  }, 120_000);
  afterAll(() => t?.close());

  async function apply(o: Op): Promise<void> {
    if (o.kind === 'save') {
      const ind = inds[o.ind]!;
      const areaId = ind.area && o.area > 0 ? (areas[o.area - 1] ?? null) : null;
      const sex = ind.sex && areaId === null ? (['total', 'female', 'male'] as const)[o.sex]! : 'total';
      const [cur] = await rows<{ version: number; locked: boolean }>(
        db(),
        sql`select version, locked from data_value where indicator_id = ${ind.id} and year = ${o.year}
              and coalesce(area_id, 0) = ${areaId ?? 0} and sex = ${sex}`,
      );
      if (cur?.locked) return;
      const value = o.value === null ? null : ind.lo + ((ind.hi - ind.lo) * o.value) / 1000;
      try {
        await saveValues(
          db(),
          [
            {
              indicatorId: ind.id,
              year: o.year,
              areaId,
              sex,
              value: value === null ? null : Math.round(value * 10) / 10,
              explanation: '测试',
              expectedVersion: cur?.version ?? 0,
            },
          ],
          { actor: ACTOR, unitId: null, roundId: null },
        );
      } catch (error) {
        // A value the 审核公式 refuses changes nothing: the sequence goes on.
        if (!(error instanceof AppError)) throw error;
      }
      return;
    }
    const ids = (await rows<{ id: number }>(db(), sql`select id from data_value order by id`)).map((r) => r.id);
    if (ids.length === 0) return;
    const id = ids[o.pick % ids.length]!;
    if (o.kind === 'lock') {
      // What approving and reopening do: flip the lock and refresh in the same transaction.
      await db().transaction(async (tx) => {
        await tx.execute(sql`update data_value set locked = not locked, version = version + 1 where id = ${id}`);
        await refreshResults(tx);
      });
    } else if (o.kind === 'sql-update') {
      // Plain SQL behind the application's back: the triggers queue it, the next read catches up.
      await db().execute(sql`update data_value set value = value + ${o.delta} where id = ${id} and value is not null`);
    } else {
      await db().execute(sql`delete from data_value where id = ${id}`);
    }
  }

  const snapshot = () =>
    rows<Record<string, unknown>>(
      db(),
      sql`select indicator_id, basis, as_of, last_year, value_count, has_demo, summary, towns
          from assessment_result order by basis, as_of, indicator_id`,
    );
  const json = (x: unknown) => JSON.parse(JSON.stringify(x));

  it('incremental results equal a full rebuild after any sequence of writes, and read like the live analysis', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 8 }), async (ops) => {
        for (const o of ops) await apply(o);
        await catchUpResults(db());
        for (const basis of ['approved', 'preliminary'] as const) {
          expect(json(await analyse(db(), { folderId: FOLDER, basis }))).toEqual(
            json(await analyseLive(db(), { folderId: FOLDER, basis })),
          );
        }
        const incremental = await snapshot();
        await rebuildResults(db());
        expect(await snapshot()).toEqual(incremental);
      }),
      { numRuns: 6, endOnFailure: true },
    );
    const [n] = await rows<{ n: number }>(db(), sql`select count(*)::int as n from data_value`);
    expect(n!.n).toBeGreaterThan(0);
  }, 600_000);

  it('reads results, not values: an as-of year in the stored range needs no raw value', async () => {
    const a = await analyse(db(), { folderId: FOLDER, basis: 'preliminary', asOf: 2023 });
    expect(a.years).toEqual([2020, 2021, 2022, 2023]);
    const [stored] = await rows<{ n: number }>(
      db(),
      sql`select count(*)::int as n from assessment_result where basis = 'preliminary' and as_of = 2023`,
    );
    expect(stored!.n).toBe(a.indicators.length);
    // Outside the stored range the answer is computed from the values, the same way — a linked indicator
    // (sameAs) included: it reads its owner's series, here an approved value of the owner.
    const [owner] = await rows<{ id: number }>(
      db(),
      sql`select o.id from indicator l join indicator o on o.code = l.same_as
          where l.same_as is not null and o.disaggregations::text not like '%area%' order by l.id limit 1`,
    );
    await db().execute(sql`delete from data_value where indicator_id = ${owner!.id} and year = 2022`);
    await saveValues(
      db(),
      [
        {
          indicatorId: owner!.id,
          year: 2022,
          areaId: null,
          sex: 'total',
          value: 1,
          explanation: '测试',
          expectedVersion: 0,
        },
      ],
      { actor: ACTOR, unitId: null, roundId: null },
    );
    await db().execute(sql`update data_value set locked = true where indicator_id = ${owner!.id} and year = 2022`);
    const linked = (a: Awaited<ReturnType<typeof analyse>>) => a.indicators.filter((i) => i.sameAs);
    const beyond = await analyse(db(), { folderId: FOLDER, asOf: 2031 });
    expect(linked(beyond).some((i) => i.result.value !== null)).toBe(true);
    expect(json(beyond)).toEqual(json(await analyseLive(db(), { folderId: FOLDER, asOf: 2031 })));
  }, 120_000);
});
