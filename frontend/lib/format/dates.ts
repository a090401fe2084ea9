/**
 * The one way this app writes dates ("2 Dec 2026") and moments ("2 Dec 2026, 14:57 CET"): day,
 * short month, year, 24-hour time and the zone's short name. Pages render in UTC on the server
 * and in the browser's own zone once they run there (components/useTimeZone.ts); the <time>
 * element around each carries the exact instant.
 */
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
