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
 * (`//evil.example`, `/\evil.example`, `https://…`, `javascript:`, control characters) or
 * loop back into the auth pages or API gives `fallback`.
 */
export function safeNextPath(raw: string | string[] | null | undefined, fallback: string = tasksPath()): string {
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (typeof value !== "string" || value.length === 0 || value.length > 2000) return fallback;
  // Browsers strip tabs/newlines and treat "\" like "/" in URLs: refuse them outright.
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return fallback;
  if (!value.startsWith("/") || value.startsWith("//")) return fallback;
  let url: URL;
  try {
    url = new URL(value, "http://same.invalid");
  } catch {
    return fallback;
  }
  if (url.origin !== "http://same.invalid") return fallback;
  const path = url.pathname;
  if (path.startsWith("/api/") || /^\/[^/]+\/(signin|signup)(\/|$)/.test(path)) return fallback;
  return path + url.search + url.hash;
}
