import { asc } from 'drizzle-orm';
import { rememberedRead } from '../db/changes.ts';
import type { Db } from '../db/connection.ts';
import { planFolder } from '../db/schema/index.ts';
import { AppError } from '../kernel/errors.ts';
import { ACTIVE_FOLDER, getSetting } from './settings.ts';

// Which plan cycle (规划周期) a request is about. Every plan folder published into the system is a cycle kept whole
// beside the others (migration 0017); one of them is current (the setting activeFolder): new rounds and the pages
// default to it. A page may ask for another cycle — the web app sends the cycle the user picked in the header
// `x-plan-cycle`, a download link in the query `?cycle=` — so 2021–2025 stays readable after 2026–2030 is published.

export const CYCLE_HEADER = 'x-plan-cycle';

export interface CycleHead {
  id: string;
  name: string;
  region: string;
  start: number;
  end: number;
  baseYear: number;
  /** The cycle new rounds belong to and pages show unless another is asked for. */
  current: boolean;
}

/** Every cycle, oldest first; remembered until the next change notice (plan_folder and app_setting notify). */
export async function listCycles(db: Db): Promise<CycleHead[]> {
  const [rows, current] = await Promise.all([
    rememberedRead(db, 'cycles', () =>
      db.select().from(planFolder).orderBy(asc(planFolder.cycleStart), asc(planFolder.id)),
    ),
    getSetting<string>(db, ACTIVE_FOLDER),
  ]);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    region: r.region,
    start: r.cycleStart,
    end: r.cycleEnd,
    baseYear: r.baseYear,
    current: r.id === current,
  }));
}

/** The current cycle's folder id; 409 NO_PLAN before any plan folder was imported. */
export async function currentCycleId(db: Db): Promise<string> {
  const folderId = await getSetting<string>(db, ACTIVE_FOLDER);
  if (!folderId) throw new AppError(409, 'NO_PLAN', '尚未导入规划');
  return folderId;
}

interface CycleRequest {
  headers: Record<string, string | string[] | undefined>;
  url: string;
}

/** The cycle a request asks for (header, then query `cycle`), else the current one; an unknown cycle is a 404. */
export async function cycleOf(db: Db, request: CycleRequest): Promise<string> {
  const header = request.headers[CYCLE_HEADER];
  const asked =
    (typeof header === 'string' && header !== '' ? header : undefined) ??
    new URL(request.url, 'http://localhost').searchParams.get('cycle') ??
    undefined;
  if (asked === undefined || asked === '') return currentCycleId(db);
  const cycles = await listCycles(db);
  if (!cycles.some((c) => c.id === asked)) {
    throw new AppError(404, 'CYCLE_NOT_FOUND', `没有规划周期“${asked.slice(0, 50)}”：请在页面顶部重新选择规划周期。`);
  }
  return asked;
}

/** The cycle's head, for the years a page or report may ask about. */
export async function cycleHead(db: Db, folderId: string): Promise<CycleHead> {
  const head = (await listCycles(db)).find((c) => c.id === folderId);
  if (!head) throw new AppError(404, 'CYCLE_NOT_FOUND', `没有规划周期“${folderId.slice(0, 50)}”`);
  return head;
}
