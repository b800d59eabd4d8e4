// npm run bench scale: the dashboard as data grow. Per scale (BENCH_SCALES, default 1,10,100; 1000 and
// "national" on request): values loaded by the demo data's size knob (SQL), a full rebuild of the results timed,
// the dashboard's median over 20 requests (app.inject, the whole route), resident memory, and the refresh after an
// approval of one unit's 100 district values. PostgreSQL when TEST_DATABASE_URL is set, else PGlite in memory.
import { loadavg } from 'node:os';
import { sql } from 'drizzle-orm';
import { rows } from '../src/db/rows.ts';
import { rebuildResults, refreshResults } from '../src/features/analysis/index.ts';
import { areasForScale, scaleDemoData } from '../src/features/demo/index.ts';
import { createTestApp } from '../test/helpers/app.ts';
import { login } from '../test/helpers/session.ts';

const FOLDER = 'wuqing-2021-2025';
const loadNow = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(', ');

export async function benchScale(): Promise<{ lines: string[] }> {
  const engine = process.env.TEST_DATABASE_URL ? 'postgresql' : 'pglite';
  const scales = (process.env.BENCH_SCALES ?? '1,10,100').split(',');
  const lines = [`scale on ${engine}; load average before ${loadNow()}`];
  for (const s of scales) {
    const t = await createTestApp(engine, {}, { demoData: s === '1' });
    try {
      const db = t.db.database.db;
      let t0 = performance.now();
      if (s !== '1') {
        const areas = s === 'national' ? 3000 : areasForScale(Number(s));
        await scaleDemoData(db, { folderId: FOLDER, areas });
      }
      const loadMs = performance.now() - t0;
      const [n] = await rows<{ n: number }>(db, sql`select count(*)::int as n from data_value`);
      t0 = performance.now();
      await rebuildResults(db);
      const rebuildMs = performance.now() - t0;
      const leader = await login(t.app, 'leader');
      const times: number[] = [];
      for (let i = 0; i < 20; i++) {
        const a = performance.now();
        const res = await leader.get('/api/analysis/overview');
        if (res.statusCode !== 200) throw new Error(res.body);
        times.push(performance.now() - a);
      }
      times.sort((a, b) => a - b);
      // An approval of one unit's 100 values: the unapproved district values of the unit leading most indicators,
      // locked and the results refreshed in one transaction (what the statistics bureau's 审核通过 does).
      const ids = (
        await rows<{ id: number }>(
          db,
          sql`select id from data_value where area_id is null and not locked and unit_id = (
                select unit_id from data_value where area_id is null and not locked and unit_id is not null
                group by unit_id order by count(distinct indicator_id) desc limit 1)
              order by indicator_id, year, sex limit 100`,
        )
      ).map((r) => r.id);
      t0 = performance.now();
      let refreshed = 0;
      await db.transaction(async (tx) => {
        await tx.execute(sql`update data_value set locked = true where id = any(${sql.param(ids)}::int[])`);
        refreshed = await refreshResults(tx);
      });
      const approveMs = performance.now() - t0;
      lines.push(
        `scale ${s}×: ${n!.n.toLocaleString('en')} values (loaded in ${(loadMs / 1000).toFixed(1)} s); rebuild ${(rebuildMs / 1000).toFixed(2)} s; dashboard median ${times[10]!.toFixed(1)} ms (p95 ${times[18]!.toFixed(1)} ms); approval of ${ids.length} values → ${refreshed} indicators refreshed in ${approveMs.toFixed(0)} ms; RSS ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB; load ${loadNow()}`,
      );
    } finally {
      await t.close();
    }
  }
  return { lines };
}
