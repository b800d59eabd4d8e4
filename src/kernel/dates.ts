// One "today" for the whole system: the calendar day in Beijing (Asia/Shanghai, UTC+8 all year, no daylight
// saving). Deadlines, overdue lists, reminders and report dates are days in China, whatever the server's or the
// browser's time zone; between 00:00 and 08:00 Beijing time the UTC date is still yesterday.

const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** The Beijing wall-clock fields of an instant, read from a shifted UTC date. */
function beijing(instant: Date) {
  const d = new Date(instant.getTime() + BEIJING_OFFSET_MS);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hours: d.getUTCHours(),
    minutes: d.getUTCMinutes(),
    seconds: d.getUTCSeconds(),
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The day in Beijing as YYYY-MM-DD (the form deadlines are stored in). */
export function beijingDate(now: Date = new Date()): string {
  const b = beijing(now);
  return `${b.year}-${pad(b.month)}-${pad(b.day)}`;
}

/** The month in Beijing as a document date: "2026年12月". */
export function beijingMonthText(now: Date = new Date()): string {
  const b = beijing(now);
  return `${b.year}年${b.month}月`;
}

/** A stored instant shown as Beijing time, "2026-12-02 09:30" (or with seconds); empty for none. */
export function formatBeijingTime(value: string | Date | null | undefined, withSeconds = false): string {
  if (!value) return '';
  const b = beijing(typeof value === 'string' ? new Date(value) : value);
  const time = `${pad(b.hours)}:${pad(b.minutes)}${withSeconds ? `:${pad(b.seconds)}` : ''}`;
  return `${b.year}-${pad(b.month)}-${pad(b.day)} ${time}`;
}

/** The year in Beijing of an instant (the year a record belongs to). */
export function beijingYear(at: Date = new Date()): number {
  return beijing(at).year;
}

/** A deadline (YYYY-MM-DD, a day in Beijing) has passed when today is a later day. */
export function isOverdue(deadline: string, today: string = beijingDate()): boolean {
  return deadline < today;
}
