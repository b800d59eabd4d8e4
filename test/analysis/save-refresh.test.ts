// A save answers before its indicator's results are recomputed (issue 16: fifty people saving at once waited on
// each other while each save recomputed in its transaction), yet nobody ever reads a stale result: the results
// follow in the background, and a read that comes first catches up itself.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../src/db/rows.ts';
import { refreshSettled } from '../../src/features/analysis/index.ts';
import { saveTotal, type TaskItem } from '../collection/helpers.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { ENGINES } from '../helpers/db.ts';
import { type Client, login } from '../helpers/session.ts';

describe.each(ENGINES)('results after a save on %s', (engine) => {
  let t: TestApp;
  let office: Client;
  let wjw: Client;
  let round: { id: number; year: number };
  let items: TaskItem[];
  const db = () => t.db.database.db;

  beforeAll(async () => {
    t = await createTestApp(engine, {}, { demoData: true });
    office = await login(t.app, 'office');
    wjw = await login(t.app, 'wjw');
    const rounds = (await office.get('/api/rounds')).json().rounds as { id: number; status: string; year: number }[];
    round = rounds.find((r) => r.status === 'open')!;
    const task = (await wjw.get(`/api/rounds/${round.id}/task`)).json() as { items: TaskItem[] };
    items = task.items.filter((i) => !i.indicator.counts && i.sexes.length === 1);
  });
  afterAll(() => t.close());

  /** Saves the district total of this round's year: last year's value times `factor`. */
  async function save(item: TaskItem, factor: number): Promise<number> {
    const last = item.values.find((v) => v.year === round.year - 1 && v.sex === 'total')?.value ?? 10;
    const value = Number((last * factor).toFixed(item.indicator.precision));
    const res = await saveTotal(wjw, round, item, value, '测试');
    expect(res.statusCode, res.body).toBe(200);
    return value;
  }

  const shown = async (item: TaskItem) => {
    const res = await office.get(`/api/analysis/indicators/${item.indicator.id}?basis=preliminary`);
    expect(res.statusCode, res.body).toBe(200);
    const ind = res.json().indicator as { years: number[]; values: (number | null)[] };
    return ind.values[ind.years.indexOf(round.year)];
  };

  it('recomputes the saved indicator in the background, with no read needed', async () => {
    const item = items[0]!;
    const value = await save(item, 0.99);
    await refreshSettled(db());
    const queued = await rows<{ n: number }>(db(), sql`select count(*)::int as n from analysis_dirty`);
    expect(queued[0]!.n).toBe(0);
    const [stored] = await rows<{ summary: { values: (number | null)[]; years: number[] } }>(
      db(),
      sql`select summary from assessment_result
          where indicator_id = ${item.indicator.id} and basis = 'preliminary' and as_of = ${round.year}`,
    );
    expect(stored!.summary.values.at(-1)).toBe(value);
  });

  it('shows every save at the very next read, however many come at once', async () => {
    const batch = items.slice(1, 9);
    expect(batch.length).toBe(8);
    // Eight people saving together, each reading the analysis right after their own save.
    const seen = await Promise.all(
      batch.map(async (item, k) => {
        const value = await save(item, 1 - (k + 1) / 200);
        return { value, shown: await shown(item) };
      }),
    );
    for (const s of seen) expect(s.shown).toBe(s.value);
    await refreshSettled(db());
  });
});
