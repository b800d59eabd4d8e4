import { and, eq, isNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataValue, indicator, referenceValue, reportingRound, submission } from '../../src/db/schema/index.ts';
import { generateDemoData } from '../../src/features/demo/generate.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { bootstrap } from '../../src/server/bootstrap.ts';
import { createTestDatabase, ENGINES, type TestDatabase } from '../helpers/db.ts';

const config = { ...loadConfig({}), demo: true };

describe.each(ENGINES)('demo data (演示数据) on %s', (engine) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(engine);
    await bootstrap(config, t.database, { demoData: true });
  });
  afterAll(() => t.drop());
  const db = () => t.database.db;

  it('fills 2020–2025 for every indicator, marked as demo, each year either a value or an explanation', async () => {
    // An indicator linked to the same statistic in the other plan (sameAs) has no series of its own: it is
    // entered once, under the indicator it names.
    const all = await db().select().from(indicator).where(isNull(indicator.retiredAt));
    const live = all.filter((i) => i.sameAs === null);
    expect(all.length - live.length).toBe(5);
    const totals = await db()
      .select()
      .from(dataValue)
      .where(and(isNull(dataValue.areaId), eq(dataValue.sex, 'total')));
    for (const ind of live) {
      const years = totals.filter((v) => v.indicatorId === ind.id);
      expect(years.map((v) => v.year).sort(), ind.code).toEqual([2020, 2021, 2022, 2023, 2024, 2025]);
      for (const v of years) expect(v.value !== null || Boolean(v.explanation), `${ind.code} ${v.year}`).toBe(true);
    }
    const linked = new Set(all.filter((i) => i.sameAs !== null).map((i) => i.id));
    expect(totals.some((v) => linked.has(v.indicatorId))).toBe(false);
    expect(totals.every((v) => v.isDemo)).toBe(true);
    const gaps = totals.filter((v) => v.value === null);
    expect(gaps.length).toBeGreaterThan(0);
    expect(gaps.length).toBeLessThan(totals.length * 0.05);
  });

  it('reports rare-event rates with their counts, consistent with the rate', async () => {
    const [mmr] = await db().select().from(indicator).where(eq(indicator.name, '孕产妇死亡率'));
    const rows = await db()
      .select()
      .from(dataValue)
      .where(and(eq(dataValue.indicatorId, mmr!.id), isNull(dataValue.areaId)));
    for (const r of rows) {
      expect(r.denominator).toBeGreaterThan(4000);
      expect(Math.abs(r.value! - (r.numerator! / r.denominator!) * 100000)).toBeLessThan(0.06);
    }
  });

  it('keeps related statistics consistent: nested mortality over the same births, 托位 with the population', async () => {
    const rows = await db()
      .select({
        name: indicator.name,
        year: dataValue.year,
        value: dataValue.value,
        numerator: dataValue.numerator,
        denominator: dataValue.denominator,
      })
      .from(dataValue)
      .innerJoin(indicator, eq(indicator.id, dataValue.indicatorId))
      .where(and(isNull(dataValue.areaId), eq(dataValue.sex, 'total')));
    const at = (name: string, year: number) => {
      const row = rows.find((r) => r.name === name && r.year === year);
      expect(row, `${name} ${year}`).toBeDefined();
      return row!;
    };
    for (let year = 2020; year <= 2025; year++) {
      const [nmr, imr, u5mr] = ['新生儿死亡率', '婴儿死亡率', '5岁以下儿童死亡率'].map((n) => at(n, year));
      // Neonatal deaths are infant deaths, infant deaths are under-five deaths, all over one year's live births.
      expect(nmr!.denominator).toBe(imr!.denominator);
      expect(imr!.denominator).toBe(u5mr!.denominator);
      expect(at('孕产妇死亡率', year).denominator).toBe(u5mr!.denominator);
      expect(nmr!.numerator!).toBeLessThanOrEqual(imr!.numerator!);
      expect(imr!.numerator!).toBeLessThanOrEqual(u5mr!.numerator!);
      expect(at('流动人口孕产妇死亡率', year).numerator!).toBeLessThanOrEqual(at('孕产妇死亡率', year).numerator!);
      // 托位 = 每千人口托位数 × 115.3万 / 1000; some 50–120 places a 托育机构.
      const places = at('托位数量', year).value!;
      expect(Math.abs(places - at('每千人口拥有3岁以下婴幼儿托位数', year).value! * 1153)).toBeLessThan(10);
      expect(places / at('托育机构数量', year).value!).toBeGreaterThan(50);
      expect(places / at('托育机构数量', year).value!).toBeLessThan(120);
      expect(at('孤儿基本生活保障水平', year).value!).toBeGreaterThan(1500);
      // A child mortality per 10万 over the children of the district, not over the year's births.
      expect(at('儿童意外伤害死亡率', year).denominator!).toBeGreaterThan(100_000);
      // Two rates over one group (所生儿童: treated, and infected) share its size and keep their levels.
      const treated = at('艾滋病感染孕产妇所生儿童治疗率', year);
      expect(treated.denominator).toBe(at('艾滋病母婴传播率', year).denominator);
      expect(treated.value!).toBeGreaterThan(85);
    }
  });

  it('gives towns smooth series that stay around the district value, all at 100% where the district is', async () => {
    const values = await db()
      .select({ code: indicator.code, year: dataValue.year, areaId: dataValue.areaId, value: dataValue.value })
      .from(dataValue)
      .innerJoin(indicator, eq(indicator.id, dataValue.indicatorId))
      .where(and(eq(dataValue.sex, 'total'), sql`${indicator.disaggregations} @> '["area"]'::jsonb`));
    const codes = [...new Set(values.filter((v) => v.areaId !== null).map((v) => v.code))];
    expect(codes.length).toBeGreaterThan(3);
    for (const code of codes) {
      const of = (areaId: number | null, year: number) =>
        values.find((v) => v.code === code && v.areaId === areaId && v.year === year)?.value ?? null;
      const towns = [...new Set(values.filter((v) => v.code === code && v.areaId !== null).map((v) => v.areaId))];
      for (let year = 2020; year <= 2025; year++) {
        const district = of(null, year);
        if (district === null) continue;
        const townValues = towns.map((a) => of(a, year)!);
        const mean = townValues.reduce((x, y) => x + y, 0) / townValues.length;
        // The towns' plain mean is the district value (up to rounding and clipping at a limit).
        expect(Math.abs(mean - district), `${code} ${year}`).toBeLessThan(Math.max(0.2, Math.abs(district) * 0.02));
        if (district === 100)
          expect(
            townValues.every((v) => v === 100),
            `${code} ${year}`,
          ).toBe(true);
        // A town moves with the district: no ±40% swings from one year to the next.
        const before = of(null, year - 1);
        if (before === null) continue;
        for (const a of towns) {
          const [prev, now] = [of(a, year - 1), of(a, year)];
          if (prev === null || now === null || prev === 0) continue;
          expect(Math.abs(now / prev - 1), `${code} town ${a} ${year}`).toBeLessThan(
            Math.abs(district / (before || 1) - 1) + 0.15,
          );
        }
      }
    }
  });

  it('leaves earlier rounds approved and locked, the last one open with units at different steps', async () => {
    const rounds = await db().select().from(reportingRound).orderBy(reportingRound.year);
    expect(rounds.map((r) => r.year)).toEqual([2021, 2022, 2023, 2024, 2025]);
    const last = rounds.at(-1)!;
    const statuses = await db()
      .select({ status: submission.status, n: sql<number>`count(*)::int` })
      .from(submission)
      .where(eq(submission.roundId, last.id))
      .groupBy(submission.status);
    const byStatus = Object.fromEntries(statuses.map((s) => [s.status, s.n]));
    expect(byStatus.approved).toBeGreaterThan(10);
    expect(byStatus.in_progress).toBeGreaterThan(0);
    const unlocked2023 = await db()
      .select({ n: sql<number>`count(*)::int` })
      .from(dataValue)
      .where(and(eq(dataValue.year, 2023), eq(dataValue.locked, false)));
    expect(unlocked2023[0]!.n).toBe(0);
  });

  it('records the published national figures of a few statistics as 对比数据, under the indicator holding the series', async () => {
    const rows = await db().select().from(referenceValue).orderBy(referenceValue.indicatorCode, referenceValue.year);
    expect(rows.map((r) => [r.indicatorCode, r.scope, r.year, r.value])).toEqual([
      ['C1-02', 'national', 2023, 4.5],
      ['C1-02', 'national', 2024, 4.0],
      ['C1-03', 'national', 2023, 6.2],
      ['C1-03', 'national', 2024, 5.6],
      ['W1-03', 'national', 2023, 15.1],
      ['W1-03', 'national', 2024, 14.3],
      ['W2-02', 'national', 2023, 91.8],
      ['W2-02', 'national', 2024, 92.0],
    ]);
    // Each names the published report it is taken from; none claims to be made up.
    for (const r of rows) expect(r.source).toMatch(/^《20\d\d年.+统计公报》（.+）$/);
  });

  it('is deterministic and generated once', async () => {
    const snapshot = async (d: TestDatabase) =>
      (
        await d.database.db
          .select({
            i: dataValue.indicatorId,
            y: dataValue.year,
            a: dataValue.areaId,
            s: dataValue.sex,
            v: dataValue.value,
          })
          .from(dataValue)
      )
        .map((r) => `${r.i}|${r.y}|${r.a}|${r.s}|${r.v}`)
        .sort();
    const before = await snapshot(t);
    await bootstrap(config, t.database, { demoData: true });
    expect(await snapshot(t)).toEqual(before);
    const other = await createTestDatabase('pglite');
    await bootstrap(config, other.database, { demoData: true });
    expect(await snapshot(other)).toEqual(before);
    await other.drop();
    await expect(generateDemoData(db(), { folderId: 'wuqing-2021-2025' })).rejects.toThrow();
  }, 300_000); // a second database with demo data: minutes on a busy 2-core machine
});

describe('demo data through an earlier year', () => {
  it('stops at that year with every round approved, leaving the next round to be opened', async () => {
    const t = await createTestDatabase('pglite');
    await bootstrap({ ...config, demoThrough: 2024 }, t.database, { demoData: true });
    const db = t.database.db;
    const rounds = await db.select().from(reportingRound).orderBy(reportingRound.year);
    expect(rounds.map((r) => r.year)).toEqual([2021, 2022, 2023, 2024]);
    const statuses = await db.selectDistinct({ status: submission.status }).from(submission);
    expect(statuses.map((s) => s.status)).toEqual(['approved']);
    const [latest] = await db.select({ year: sql<number>`max(${dataValue.year})::int` }).from(dataValue);
    expect(latest!.year).toBe(2024);
    await t.drop();
  }, 120_000); // a whole demo database: 30 s is not enough on a busy 2-core machine
});
