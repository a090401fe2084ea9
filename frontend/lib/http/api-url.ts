/**
 * The task API's address as the browser must call it, read at RUN time: one `next build` serves
 * any port (issue 23). The root layout writes it into the page (`<meta name="tasks-api-url">`,
 * read by lib/tasks/api.ts) and proxy.ts puts its origin into the CSP's connect-src.
 *
 * API_URL first; NEXT_PUBLIC_API_URL (the old, build-time name) is still honoured, read at run
 * time, else the value it had at build time (next.config.ts keeps it as TASKS_BUILD_API_URL).
 */
export const DEFAULT_API_URL = "http://localhost:8000";
export const API_URL_META = "tasks-api-url";

export function apiUrlFromEnv(env: Record<string, string | undefined> = process.env): string {
  const pick = (v: string | undefined) => v?.trim() || undefined;
  return (
    pick(env.API_URL) ??
    // `env.X`, never `process.env.NEXT_PUBLIC_X`: Next.js would replace that with its build-time value.
    pick(env["NEXT_PUBLIC_API_URL"]) ??
    pick(env.TASKS_BUILD_API_URL) ??
    DEFAULT_API_URL
  ).replace(/\/+$/, "");
}
