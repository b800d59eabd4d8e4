import { sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { rows } from '../../db/rows.ts';

// 规模测试数据: the size knob for benchmarks (npm run bench scale). Adds synthetic towns up to `areas` and fills
// every indicator × (the whole district and each town) × sex × year (the last `years` years of the cycle; the
// district's values from the indicator's lead unit) with demo values inside the
// indicator's limits, in SQL (generate_series), the way a bulk load by other means would arrive: the triggers of
// migration 0010 queue the indicators, catchUpResults or `tianping analysis rebuild` brings results current.
// 1× ≈ the demo's 2,236 values; national scale = 3,000 towns × 128 indicators × 3 sexes × 6 years ≈ 6.9 M.

export interface ScaleOptions {
  folderId: string;
  /** Towns (existing ones count; synthetic 规模测试镇街NNNN are added). */
  areas: number;
  /** Years up to the cycle's end (default: base year to end). */
  years?: number;
}

/** Towns for a multiple of the demo data's size (values ≈ areas × 128 × 3 × 6). */
export const areasForScale = (scale: number) => Math.max(1, Math.round((scale * 2236) / (128 * 3 * 6)));

export async function scaleDemoData(db: Db, options: ScaleOptions): Promise<{ areas: number; values: number }> {
  const [span] = await rows<{ base: number; end: number }>(
    db,
    sql`select min(base_year)::int as base, max(cycle_end)::int as end from plan where folder_id = ${options.folderId}`,
  );
  if (!span || span.base === null) throw new Error(`规划目录 ${options.folderId} 未导入`);
  const first = options.years ? span.end - options.years + 1 : span.base;
  await db.execute(
    sql`insert into area (code, name, kind, position)
        select 'SCALE' || lpad(g::text, 4, '0'), '规模测试镇街' || lpad(g::text, 4, '0'), 'town', 10000 + g
        from generate_series((select count(*) from area)::int + 1, ${options.areas}::int) g`,
  );
  // One statement per year keeps each transaction (and the trigger's transition table) bounded.
  let values = 0;
  for (let year = first; year <= span.end; year++) {
    const [done] = await rows<{ n: number }>(
      db,
      sql`with ins as (
            insert into data_value (indicator_id, year, area_id, unit_id, sex, value, locked, is_demo, source)
            select i.id, ${year}::int, a.id,
              case when a.id is null then (select r.unit_id from responsibility r
                                           where r.indicator_id = i.id and r.role = 'lead' limit 1) end,
              s.sex,
              round((lo + (hi - lo) * (0.3 + 0.4 * random()))::numeric, i.precision)::float8,
              ${year}::int < ${span.end}::int, true, '规模测试（演示数据）'
            from indicator i
            join plan p on p.id = i.plan_id and p.folder_id = ${options.folderId}
            cross join lateral (select coalesce((i.limits->>0)::float8, 0) as lo,
                                       coalesce((i.limits->>1)::float8, 100) as hi) l
            cross join (select null::int as id
                        union all (select id from area where active order by position limit ${options.areas}::int)) a
            cross join (values ('total'), ('female'), ('male')) s(sex)
            where i.retired_at is null
            on conflict do nothing
            returning 1)
          select count(*)::int as n from ins`,
    );
    values += done?.n ?? 0;
  }
  return { areas: options.areas, values };
}
