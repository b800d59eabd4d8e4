// Calendar days as the district counts them: Beijing time (Asia/Shanghai, UTC+8, no daylight saving). A deadline
// "2025-06-30" is overdue from 2025-07-01 00:00 in Beijing, whatever the server's clock zone is.

const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** The calendar day in Beijing of an instant, as YYYY-MM-DD. */
export function beijingDate(at: Date): string {
  return new Date(at.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}

/** Today in Beijing, as YYYY-MM-DD. */
export function beijingToday(now: Date = new Date()): string {
  return beijingDate(now);
}

/** The year in Beijing of an instant. */
export function beijingYear(at: Date): number {
  return Number(beijingDate(at).slice(0, 4));
}

/** Whether an open item with this deadline (YYYY-MM-DD) is overdue on `today` (YYYY-MM-DD, Beijing). */
export function isOverdue(deadline: string, today: string): boolean {
  return deadline < today;
}
