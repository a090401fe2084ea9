import { UAParser } from "ua-parser-js";

/**
 * What the account page shows of one Better Auth session. Built on the server: the session's
 * `token` (its cookie credential) and raw user agent never reach the browser.
 */
export interface SessionView {
  id: string;
  /** "Chrome 130 on Linux", or "Unknown browser" when the user agent says nothing useful. */
  device: string;
  ip: string | null;
  /** ISO 8601. */
  signedInAt: string;
  /** ISO 8601: Better Auth moves `updatedAt` when it refreshes the session (at most daily). */
  lastActiveAt: string;
  current: boolean;
}

export interface SessionRow {
  id: string;
  userAgent?: string | null;
  ipAddress?: string | null;
  createdAt: Date | string;
  updatedAt: Date | string;
}

/** "Firefox 128 on Windows 10", "Safari on iOS 17.5", "Unknown browser". */
export function describeUserAgent(userAgent: string | null | undefined): string {
  if (!userAgent) return "Unknown browser";
  const { browser, os } = UAParser(userAgent);
  const name = browser.name ? [browser.name, browser.major].filter(Boolean).join(" ") : null;
  const system = os.name ? [os.name, os.version].filter(Boolean).join(" ") : null;
  if (name && system) return `${name} on ${system}`;
  if (name) return name;
  if (system) return `Unknown browser on ${system}`;
  return "Unknown browser";
}

/**
 * The address as stored, or null when there is none worth showing: Better Auth stores an
 * unspecified address (`0000:…:0000`, `0.0.0.0`) when the request named none it trusts.
 */
export function knownAddress(ip: string | null | undefined): string | null {
  return ip && !/^[0:.]+$/.test(ip) ? ip : null;
}

/** Newest first, the current session on top. */
export function toSessionViews(sessions: SessionRow[], currentId: string): SessionView[] {
  return sessions
    .map((s) => ({
      id: s.id,
      device: describeUserAgent(s.userAgent),
      ip: knownAddress(s.ipAddress),
      signedInAt: new Date(s.createdAt).toISOString(),
      lastActiveAt: new Date(s.updatedAt).toISOString(),
      current: s.id === currentId,
    }))
    .sort((a, b) => Number(b.current) - Number(a.current) || b.signedInAt.localeCompare(a.signedInAt));
}

/** Session times are written like every date here (lib/format/dates.ts). */
export { formatDateTime } from "../format/dates";
