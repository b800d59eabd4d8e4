import type { SQL } from 'drizzle-orm';
import type { Db } from './connection.ts';

/** Runs raw SQL and returns its rows; both engines' drivers answer with `{ rows }`. */
export async function rows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
