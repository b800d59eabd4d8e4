import { sql } from 'drizzle-orm';
import type { Sex } from '../../core/collection/entry.ts';
import type { Db } from '../../db/connection.ts';
import { rows } from '../../db/rows.ts';

// The one place the analysis reads raw values (data_value). Everything derived — the stored results and the live
// fallback — goes through readRawValues, so a change in how an indicator's values are found (one series shared by
// indicators of both plans, issue 12) hooks in here and nowhere else.
//
// Only the columns and rows the engine needs, straight from SQL (no 21-column objects, no ORM mapping). A town's
// values by sex are not read: the analysis shows towns by their totals and the sexes district-wide, and at national
// scale (3,000 towns × 3 sexes) those rows were two thirds of everything a rebuild parsed.

export interface RawValue {
  indicatorId: number;
  year: number;
  /** null = the whole district */
  areaId: number | null;
  /** The reporting unit (null for a town's value). */
  unitId: number | null;
  sex: Sex;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  reference: number | null;
  locked: boolean;
  isDemo: boolean;
}

export async function readRawValues(db: Db, indicatorIds: readonly number[]): Promise<RawValue[]> {
  if (indicatorIds.length === 0) return [];
  return rows<RawValue>(
    db,
    sql`select indicator_id as "indicatorId", year, area_id as "areaId", unit_id as "unitId", sex, value, numerator, denominator,
          reference, locked, is_demo as "isDemo"
        from data_value where indicator_id = any(${sql.param([...indicatorIds])}::int[])
          and (area_id is null or sex = 'total')`,
  );
}
