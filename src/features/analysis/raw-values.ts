import { sql } from 'drizzle-orm';
import type { Sex } from '../../core/collection/entry.ts';
import type { Db } from '../../db/connection.ts';
import { rows } from '../../db/rows.ts';

// The one place the analysis reads raw values (data_value). Everything derived — the stored results and the live
// fallback — goes through readRawValues, so a change in how an indicator's values are found (one series shared by
// indicators of both plans, issue 12) hooks in here and nowhere else.
//
// Only the columns and rows the engine needs, straight from SQL (no 21-column objects, no ORM mapping). The whole
// district's values come a row each. The towns' values come aggregated, one row per indicator and year with the
// towns, their values and their approval as lists: at national scale (3,000 towns) a row per town was most of
// what a rebuild spent, in the driver's row parsing and in garbage. A town's values by sex are not read: the
// analysis shows towns by their totals and the sexes district-wide.

/** One value of the whole district. */
export interface RawValue {
  indicatorId: number;
  year: number;
  /** The reporting unit. */
  unitId: number | null;
  sex: Sex;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  reference: number | null;
  locked: boolean;
  isDemo: boolean;
}

/** The towns' totals of one indicator and year that share an approval state (in no particular order). */
export interface TownValues {
  indicatorId: number;
  year: number;
  locked: boolean;
  /** Whether any of them is demo data. */
  isDemo: boolean;
  areaIds: number[];
  /** values[i] is town areaIds[i]'s value (null: reported without a value). */
  values: (number | null)[];
}

export interface RawValues {
  district: RawValue[];
  towns: TownValues[];
}

/** `towns: false`: the district's values only (a recompute that keeps the stored town lists). */
export async function readRawValues(
  db: Db,
  indicatorIds: readonly number[],
  options: { towns?: boolean } = {},
): Promise<RawValues> {
  if (indicatorIds.length === 0) return { district: [], towns: [] };
  const ids = sql.param([...indicatorIds]);
  // Through the district's own index (migration 0024): at national scale 18 of an indicator's 54,000 values.
  const district = await rows<RawValue>(
    db,
    sql`select indicator_id as "indicatorId", year, unit_id as "unitId", sex, value, numerator, denominator,
          reference, locked, is_demo as "isDemo"
        from data_value where indicator_id = any(${ids}::int[]) and area_id is null`,
  );
  if (options.towns === false) return { district, towns: [] };
  // Per indicator and year, three lists in one order (no ORDER BY: each aggregate of a group sees its rows in the
  // same order, and the analysis ranks towns itself): the towns, their values (float8::text is the shortest text
  // that reads back as the same double) and a digit per town, 1 if approved plus 2 if demo data.
  const towns = await rows<{ indicatorId: number; year: number; a: string; v: string; f: string }>(
    db,
    sql`select indicator_id as "indicatorId", year, string_agg(area_id::text, ',') as a,
          string_agg(coalesce(value::text, ''), ',') as v, string_agg((locked::int + 2 * is_demo::int)::text, '') as f
        from data_value where indicator_id = any(${ids}::int[]) and coalesce(area_id, 0) <> 0 and sex = 'total'
        group by indicator_id, year`,
  );
  return { district, towns: towns.flatMap(splitByApproval) };
}

/** One aggregated row of the towns' values → its approved and unapproved towns, as blocks. */
function splitByApproval(row: { indicatorId: number; year: number; a: string; v: string; f: string }): TownValues[] {
  const areaIds = row.a.split(',');
  const values = row.v.split(',');
  const blocks = [true, false].map((locked) => ({
    indicatorId: row.indicatorId,
    year: row.year,
    locked,
    isDemo: false,
    areaIds: [] as number[],
    values: [] as (number | null)[],
  }));
  for (let i = 0; i < areaIds.length; i++) {
    const flags = row.f.charCodeAt(i) - 48;
    const b = blocks[flags & 1 ? 0 : 1]!;
    b.areaIds.push(Number(areaIds[i]));
    b.values.push(values[i] === '' ? null : Number(values[i]));
    if (flags & 2) b.isDemo = true;
  }
  return blocks.filter((b) => b.areaIds.length > 0);
}
