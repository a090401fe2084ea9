export const LOCALES = ["en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

export function isLocale(value: string): value is Locale {
  return (LOCALES as readonly string[]).includes(value);
}

export const tasksPath = (locale: Locale = DEFAULT_LOCALE) => `/${locale}/tasks`;
export const accountPath = (locale: Locale = DEFAULT_LOCALE) => `/${locale}/account`;

export function signInPath(next?: string | null, locale: Locale = DEFAULT_LOCALE): string {
  const safe = safeNextPath(next, "");
  return safe ? `/${locale}/signin?next=${encodeURIComponent(safe)}` : `/${locale}/signin`;
}

export function signUpPath(next?: string | null, locale: Locale = DEFAULT_LOCALE): string {
  const safe = safeNextPath(next, "");
  return safe ? `/${locale}/signup?next=${encodeURIComponent(safe)}` : `/${locale}/signup`;
}

/**
 * Where to go after signing in: only a path on this site. Anything that could leave it
 * (`//evil.example`, `/\\evil.example`, `https://…`, `javascript:`, control characters) or
 * loop back into the auth pages or API gives `fallback`.
 *
 * The decision is made on the path as it will be sent, after URL normalisation: the parser
 * resolves `..`, `%2e%2e` and `.%2e` segments, so `/..//evil.example` becomes `//evil.example`.
 */
export function safeNextPath(raw: string | string[] | null | undefined, fallback: string = tasksPath()): string {
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (typeof value !== "string" || value.length === 0 || value.length > 2000) return fallback;
  // Browsers strip tabs/newlines and treat "\" like "/" in URLs: refuse them outright.
  if (/[\u0000-\u001f\u007f\\]/.test(value) || !value.startsWith("/")) return fallback;
  const url = parseOnThisSite(value);
  if (!url) return fallback;
  const path = url.pathname + url.search + url.hash;
  // The normalised result must itself be a plain path, and stay the same when parsed again.
  if (!isPlainPath(path) || parseOnThisSite(path)?.href !== url.href) return fallback;
  // Encoded slashes, backslashes, dots, percent signs (double encoding) and control characters
  // mean something only to a decoder further along: no page of this app has them in its path.
  if (/%(2f|5c|2e|25|[01][0-9a-f]|7f)/i.test(url.pathname)) return fallback;
  const decoded = decodePath(url.pathname).toLowerCase();
  if (decoded.startsWith("/api/") || /^\/[^/]+\/(signin|signup)(\/|$)/.test(decoded)) return fallback;
  return path;
}

const SAME_SITE = "http://same.invalid";

function parseOnThisSite(value: string): URL | null {
  try {
    const url = new URL(value, SAME_SITE);
    return url.origin === SAME_SITE ? url : null;
  } catch {
    return null;
  }
}

/** One leading "/" followed by something that is neither "/" nor "\". */
function isPlainPath(path: string): boolean {
  return /^\/(?![/\\])/.test(path) || path === "/";
}

function decodePath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return "/api/"; // undecodable: treat like a forbidden target
  }
}
