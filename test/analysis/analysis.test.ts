import { and, eq, isNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assessIndicator } from '../../src/core/assessment/index.ts';
import { rows } from '../../src/db/rows.ts';
import { dataValue, indicator } from '../../src/db/schema/index.ts';
import { analyse } from '../../src/features/analysis/analyse.ts';
import { saveValues } from '../../src/features/collection/values.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { ENGINES } from '../helpers/db.ts';
import { type Client, login } from '../helpers/session.ts';

const FOLDER = 'wuqing-2021-2025';

describe.each(ENGINES)('监测分析 over the stored data on %s', (engine) => {
  let t: TestApp;
  let leader: Client;
  beforeAll(async () => {
    t = await createTestApp(engine, {}, { demoData: true });
    leader = await login(t.app, 'leader');
    // Demo data at first start: a minute on a busy shared 2-core machine.
  }, 300_000);
  afterAll(() => t.close());
  const db = () => t.db.database.db;

  it('gives 达标率 per plan as met over assessed, with 无数据, direction-only and qualitative apart', async () => {
    const res = await leader.get('/api/analysis/overview');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.demo).toBe(true);
    expect(body.byPlan.map((p: { group: string }) => p.group)).toEqual([
      'wuqing-women-2021-2025',
      'wuqing-children-2021-2025',
    ]);
    for (const p of body.byPlan) {
      const counted = Object.values(p.counts as Record<string, number>).reduce((s, n) => s + n, 0);
      expect(counted).toBe(p.assessed);
      expect(p.rate).toBeCloseTo(p.met / p.assessed, 10);
      expect(p.assessed + p.noData + p.directionOnly + p.qualitative).toBe(p.total);
      expect(p.qualitative).toBeGreaterThan(0);
    }
    expect(body.charts.domainRate.series[0].data.length).toBeGreaterThan(5);
    for (const w of body.warnings) {
      expect(w.reasons.length).toBeGreaterThan(0);
      expect(['预计达标困难', '波动较大']).toEqual(expect.arrayContaining(w.kinds));
    }
  });

  it('judges each indicator exactly as the engine does on its approved series', async () => {
    const a = await analyse(db(), { folderId: FOLDER });
    const item = a.indicators.find((i) => i.name === '孕产妇死亡率')!;
    const rows = (
      await db()
        .select()
        .from(dataValue)
        .where(and(eq(dataValue.indicatorId, item.id), isNull(dataValue.areaId)))
    )
      .filter((r) => r.locked && r.sex === 'total' && r.year <= (a.asOf ?? 0))
      .sort((x, y) => x.year - y.year);
    const [ind] = await db().select().from(indicator).where(eq(indicator.id, item.id));
    const direct = assessIndicator({
      id: String(item.id),
      rule: ind!.rule,
      better: ind!.better,
      baseYear: 2020,
      targetYear: 2025,
      limits: [0, ind!.limits[1]],
      precision: ind!.precision,
      floor: ind!.floor,
      factor: ind!.counts!.factor,
      asOf: a.asOf!,
      series: rows.map((r) => ({ year: r.year, value: r.value, numerator: r.numerator, denominator: r.denominator })),
    });
    expect(item.result).toEqual(direct);
    expect(item.values.filter((v) => v !== null)).toEqual(rows.map((r) => r.value));
  });

  it('judges approved data by default and drafts only when asked, as preliminary', async () => {
    const approved = await analyse(db(), { folderId: FOLDER, basis: 'approved' });
    const preliminary = await analyse(db(), { folderId: FOLDER, basis: 'preliminary' });
    // 区卫生健康委 is still filling in 2025 in the demo: its 2025 values count only as preliminary.
    const held = approved.indicators.find((i) => i.leadUnit?.name === '区卫生健康委' && i.values.length)!;
    const pre = preliminary.indicators.find((i) => i.id === held.id)!;
    expect(held.values.at(-1)).toBeNull();
    expect(pre.values.at(-1)).not.toBeNull();
  });

  it('recomputes from the raw values when data change: no stored status', async () => {
    const a = await analyse(db(), { folderId: FOLDER, basis: 'preliminary' });
    const target = a.indicators.find(
      (i) =>
        i.leadUnit?.name === '区卫生健康委' &&
        i.unit === '%' &&
        i.result.ruleKind === 'threshold' &&
        i.disaggregations.length === 0,
    )!;
    const [row] = await db()
      .select()
      .from(dataValue)
      .where(and(eq(dataValue.indicatorId, target.id), eq(dataValue.year, 2025), isNull(dataValue.areaId)));
    expect(row!.locked).toBe(false);
    const worse = target.better === 'higher' ? 1 : 99;
    await saveValues(
      db(),
      [
        {
          indicatorId: target.id,
          year: 2025,
          areaId: null,
          sex: 'total',
          value: worse,
          explanation: '测试',
          expectedVersion: row!.version,
        },
      ],
      {
        actor: { userId: null, username: 'test', unitName: null, ip: null },
        unitId: null,
        roundId: null,
      },
    );
    const after = (await analyse(db(), { folderId: FOLDER, basis: 'preliminary' })).indicators.find(
      (i) => i.id === target.id,
    )!;
    expect(after.result.value).toBe(worse);
    expect(after.result.met).toBe(false);
  });

  it('serves an indicator with its trend chart, target line and sex and town breakdowns', async () => {
    const a = await analyse(db(), { folderId: FOLDER });
    const withSex = a.indicators.find((i) => i.female && i.result.target !== null)!;
    const res = await leader.get(`/api/analysis/indicators/${withSex.id}`);
    expect(res.statusCode).toBe(200);
    const names = res.json().charts.trend.series.map((s: { name: string }) => s.name);
    expect(names).toEqual(expect.arrayContaining(['合计', '女', '男']));
    expect(res.json().indicator.sexGap.years.length).toBeGreaterThan(0);
    const withTowns = a.indicators.find((i) => i.towns)!;
    const towns = (await leader.get(`/api/analysis/indicators/${withTowns.id}`)).json();
    expect(towns.indicator.towns).toHaveLength(30);
    expect(towns.indicator.townDisparity.n).toBe(30);
    expect(towns.charts.towns.series[0].data).toHaveLength(30);
    // Ranked best first; equal values in a fixed order (town id), so two requests never disagree.
    const list = towns.indicator.towns as { areaId: number; value: number | null }[];
    const sign = withTowns.better === 'higher' ? -1 : 1;
    for (let k = 1; k < list.length; k++) {
      const [a, b] = [list[k - 1]!, list[k]!];
      if (a.value === null || b.value === null) continue;
      expect(sign * (a.value - b.value) < 0 || (a.value === b.value && a.areaId < b.areaId)).toBe(true);
    }
  });

  it("shows a town's reporter its own town's unapproved values as preliminary, and no other town's", async () => {
    const a = await analyse(db(), { folderId: FOLDER });
    const byTown = a.indicators.find((i) => i.towns && i.towns.filter((t) => t.value !== null).length >= 2)!;
    const [user] = await rows<{ area_id: number }>(db(), sql`select area_id from app_user where username = 'yangcun'`);
    const own = user!.area_id;
    const other = byTown.towns!.find((t) => t.areaId !== own && t.value !== null)!.areaId;
    // The latest year the towns' values were approved: every town's value of it approved, then two reopened and
    // changed.
    const [latest] = await rows<{ year: number; n: number }>(
      db(),
      sql`select year, count(*)::int as n from data_value where indicator_id = ${byTown.id} and area_id is not null
            and sex = 'total' and locked group by year order by year desc limit 1`,
    );
    const year = latest!.year;
    await db().execute(
      sql`update data_value set locked = area_id not in (${own}, ${other}),
            value = case when area_id = ${own} then 11.5 when area_id = ${other} then 22.5 else value end
          where indicator_id = ${byTown.id} and year = ${year} and sex = 'total' and area_id is not null`,
    );
    const town = await login(t.app, 'yangcun');
    // As of that year: the town's own values of later years would be its latest otherwise.
    const page = await town.get(`/api/analysis/indicators/${byTown.id}?basis=preliminary&asOf=${year}`);
    expect(page.statusCode, page.body).toBe(200);
    const seen = page.json().indicator.towns as { areaId: number; value: number | null }[];
    expect(seen.find((x) => x.areaId === own)?.value).toBe(11.5);
    expect(seen.some((x) => x.areaId === other)).toBe(false);
    expect(seen).toHaveLength(latest!.n - 1);
    // The office sees both as preliminary; on approved data neither counts.
    const office = await analyse(db(), { folderId: FOLDER, basis: 'preliminary', asOf: year });
    const values = new Map(office.indicators.find((i) => i.id === byTown.id)!.towns!.map((x) => [x.areaId, x.value]));
    expect([values.get(own), values.get(other)]).toEqual([11.5, 22.5]);
    const approved = (await analyse(db(), { folderId: FOLDER, asOf: year })).indicators.find(
      (i) => i.id === byTown.id,
    )!;
    expect(approved.towns!.some((x) => x.areaId === own || x.areaId === other)).toBe(false);
  });

  it('requires sign-in and answers unknown ids with 404', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/analysis/overview' })).statusCode).toBe(401);
    expect((await leader.get('/api/analysis/indicators/999999')).statusCode).toBe(404);
    expect((await leader.get('/api/analysis/overview?basis=guess')).statusCode).toBe(400);
  });
});
