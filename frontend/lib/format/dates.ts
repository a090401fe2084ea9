/**
 * Every date this app writes, in one place:
 * - calendar dates as the API writes them ("YYYY-MM-DD", no zone, SPEC 1.7), "today" in the
 *   browser's time zone, and the tasks page's days (`formatDay` / `formatInstant`: "Today",
 *   "Fri, Dec 11", "Jan 4, 2027"), so a due date and an "added" date read the same way;
 * - moments on the account pages ("2 Dec 2026", "2 Dec 2026, 14:57 CET"): day, short month, year,
 *   24-hour time and the zone's short name. Pages render in UTC on the server and in the browser's
 *   own zone once they run there (components/useTimeZone.ts); the <time> element around each
 *   carries the exact instant.
 * (Until issue 24's clean-up these were two modules, lib/tasks/dates.ts and this one.)
 */
/** The browser's IANA time zone (what the API's `tz` means); UTC when the runtime cannot say. */
export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
  } catch {
    return "UTC";
  }
}

/** The calendar date of `now` in `timeZone`, as "YYYY-MM-DD". */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(
    now,
  );
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")}`;
}

function toUtc(date: string): Date {
  const [y, m, d] = date.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

function fromUtc(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  const d = toUtc(date);
  d.setUTCDate(d.getUTCDate() + days);
  return fromUtc(d);
}

/** 0 Sunday … 6 Saturday. */
export function weekday(date: string): number {
  return toUtc(date).getUTCDay();
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to).getTime() - toUtc(from).getTime()) / 86_400_000);
}

/** Open and due before today: overdue, as the API's `overdue=true` says it. */
export function isOverdue(task: { completed: boolean; due_date: string | null }, today: string): boolean {
  return !task.completed && task.due_date !== null && task.due_date < today;
}

const monthDay = new Intl.DateTimeFormat("en", { timeZone: "UTC", weekday: "short", month: "short", day: "numeric" });
const monthDayYear = new Intl.DateTimeFormat("en", { timeZone: "UTC", month: "short", day: "numeric", year: "numeric" });

/** A calendar date for people: Today, Tomorrow, Yesterday, "Fri, Dec 11" this year, "Dec 11, 2027" otherwise. */
export function formatDay(date: string, today: string): string {
  const diff = daysBetween(today, date);
  if (diff === 0) return "Today";
  if (diff === 1) return "Tomorrow";
  if (diff === -1) return "Yesterday";
  const d = toUtc(date);
  return date.slice(0, 4) === today.slice(0, 4) ? monthDay.format(d) : monthDayYear.format(d);
}

/** A due date with its optional time ("Today 09:30"). */
export function formatDue(dueDate: string, dueTime: string | null, today: string): string {
  return dueTime ? `${formatDay(dueDate, today)} ${dueTime}` : formatDay(dueDate, today);
}

/** An instant (created_at, completed_at: ISO-8601 UTC) as its day in `timeZone`, written like a due date. */
export function formatInstant(iso: string, timeZone: string, today: string): string {
  return formatDay(todayIn(timeZone, new Date(iso)), today);
}

// --- moments (account pages) ---

const DATE = { day: "numeric", month: "short", year: "numeric" } as const;
const TIME = { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZoneName: "short" } as const;

function parse(iso: string): Date | null {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "2 Dec 2026" in `timeZone` (UTC when not given). */
export function formatDate(iso: string, timeZone = "UTC"): string {
  const date = parse(iso);
  return date ? new Intl.DateTimeFormat("en-GB", { ...DATE, timeZone }).format(date) : "unknown";
}

/** "2 Dec 2026, 13:57 UTC", or in the browser's zone "2 Dec 2026, 14:57 CET". */
export function formatDateTime(iso: string, timeZone = "UTC"): string {
  const date = parse(iso);
  return date ? new Intl.DateTimeFormat("en-GB", { ...DATE, ...TIME, timeZone }).format(date) : "unknown";
}
