import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Catalog } from '../../src/core/catalog/index.ts';
import { openDatabase } from '../../src/db/connection.ts';
import { domain, goal, indicator, measure, plan } from '../../src/db/schema/index.ts';
import { importCatalog } from '../../src/features/catalog/import.ts';
import { defaultPlanDir, loadPlanFolder } from '../../src/features/catalog/load.ts';
import { createTestDatabase, ENGINES, type TestDatabase } from '../helpers/db.ts';
import { REPO_ROOT, ServerExitedError, startServerProcess } from '../helpers/server-process.ts';

const FIXTURE = path.join(REPO_ROOT, 'test/fixtures/plans/demo-2026-2030');

describe.each(ENGINES)('catalog import into the database on %s', (engine) => {
  let t: TestDatabase;
  let bundled: Catalog;
  beforeAll(async () => {
    t = await createTestDatabase(engine);
    bundled = await loadPlanFolder(defaultPlanDir());
  });
  afterAll(() => t.drop());
  const db = () => t.database.db;

  const counts = async () => ({
    plans: (await db().select().from(plan)).length,
    domains: (await db().select().from(domain)).length,
    goals: (await db().select().from(goal)).length,
    measures: (await db().select().from(measure)).length,
    indicators: (await db().select().from(indicator).where(isNull(indicator.retiredAt))).length,
  });

  it('stores every plan, domain, goal, measure and indicator of the bundled folder', async () => {
    const summary = await importCatalog(db(), bundled);
    const expected = {
      plans: bundled.plans.length,
      domains: bundled.plans.flatMap((p) => p.domains).length,
      goals: bundled.plans.flatMap((p) => p.domains.flatMap((d) => d.goals)).length,
      measures: bundled.plans.flatMap((p) => p.domains.flatMap((d) => d.measures)).length,
      indicators: bundled.plans.flatMap((p) => p.domains.flatMap((d) => d.indicators)).length,
    };
    expect(await counts()).toEqual(expected);
    expect(summary).toMatchObject({ ...expected, retiredIndicators: 0 });
    const [mmr] = await db()
      .select()
      .from(indicator)
      .where(and(eq(indicator.planId, 'wuqing-women-2021-2025'), eq(indicator.name, '孕产妇死亡率')));
    expect(mmr?.rule).toMatchObject({ kind: 'threshold', comparator: '<=', value: 8.5 });
    expect(mmr?.quote).toContain('8.5/10万');
  });

  it('re-imports idempotently: same rows, same ids', async () => {
    const before = await db().select({ id: indicator.id, code: indicator.code }).from(indicator);
    const countsBefore = await counts();
    await importCatalog(db(), bundled);
    expect(await counts()).toEqual(countsBefore);
    const after = await db().select({ id: indicator.id, code: indicator.code }).from(indicator);
    expect(after.sort((a, b) => a.id - b.id)).toEqual(before.sort((a, b) => a.id - b.id));
  });

  it('updates a changed item in place and retires an indicator dropped from the file', async () => {
    const changed: Catalog = structuredClone(bundled);
    const women = changed.plans[0]!;
    const health = women.domains[0]!;
    const dropped = health.indicators.pop()!;
    health.goals[0]!.text = `${health.goals[0]!.text}（修订）`;
    const [domainRow] = await db()
      .select()
      .from(domain)
      .where(and(eq(domain.planId, women.id), eq(domain.code, health.code)));
    const [goalBefore] = await db()
      .select()
      .from(goal)
      .where(and(eq(goal.domainId, domainRow!.id), eq(goal.number, 1)));

    const summary = await importCatalog(db(), changed);
    expect(summary.retiredIndicators).toBe(1);
    const [goalAfter] = await db().select().from(goal).where(eq(goal.id, goalBefore!.id));
    expect(goalAfter!.text.endsWith('（修订）')).toBe(true);
    const [retired] = await db()
      .select()
      .from(indicator)
      .where(and(eq(indicator.planId, women.id), eq(indicator.code, dropped.code)));
    expect(retired!.retiredAt).not.toBeNull();

    // Restoring the file brings the indicator back under the same id.
    await importCatalog(db(), bundled);
    const [back] = await db().select().from(indicator).where(eq(indicator.id, retired!.id));
    expect(back!.retiredAt).toBeNull();
  });

  it('loads another cycle beside the bundled one with no code change', async () => {
    const next = await loadPlanFolder(FIXTURE);
    await importCatalog(db(), next);
    const plans = await db().select({ id: plan.id, start: plan.cycleStart, folder: plan.folderId }).from(plan);
    expect(plans.map((p) => p.folder)).toEqual(expect.arrayContaining(['wuqing-2021-2025', next.folder.id]));
    expect(plans.find((p) => p.folder === next.folder.id)?.start).toBe(2026);
    const [{ n } = { n: 0 }] = await db()
      .select({ n: sql<number>`count(*)::int` })
      .from(indicator)
      .where(eq(indicator.planId, next.plans[0]!.id));
    expect(n).toBe(next.plans[0]!.domains.flatMap((d) => d.indicators).length);
  });

  it('writes nothing when the catalog is invalid at the database level', async () => {
    const broken: Catalog = structuredClone(bundled);
    // Two indicators with one code slip past nobody in the loader; here we force it to prove atomicity.
    const d = broken.plans[1]!.domains[0]!;
    d.goals[0]!.text = '不应写入';
    d.indicators.push({ ...d.indicators[0]!, better: 'sideways' as never });
    await expect(importCatalog(db(), broken)).rejects.toThrow();
    const texts = await db().select({ text: goal.text }).from(goal);
    expect(texts.some((g) => g.text === '不应写入')).toBe(false);
  });
});

describe('an invalid plan folder stops start-up and changes nothing', () => {
  it('exits with the file and the problem named, leaving the data folder without a catalog', async () => {
    const planDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tp-badplan-'));
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tp-baddata-'));
    fs.cpSync(FIXTURE, planDir, { recursive: true });
    fs.appendFileSync(path.join(planDir, 'women.yaml'), '\nthis: is: not: yaml\n');
    const failure = await startServerProcess({ TIANPING_PLAN_DIR: planDir, TIANPING_DATA_DIR: dataDir }).then(
      () => undefined,
      (error: unknown) => error as ServerExitedError,
    );
    expect(failure).toBeInstanceOf(ServerExitedError);
    expect(failure?.exitCode).toBe(1);
    expect(failure?.output).toContain('women.yaml');
    expect(failure?.output).toContain('未加载任何内容');
    const database = await openDatabase({ dataDir });
    expect(await database.db.select().from(plan)).toEqual([]);
    await database.close();
  });
});
