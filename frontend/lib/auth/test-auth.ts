import { memoryAdapter } from "better-auth/adapters/memory";
import { createAuth } from "./auth-config";
import type { MailMessage } from "../mail/messages";

/** The environment of a Better Auth under test (NODE_ENV=test: Better Auth's own limiter off). */
export const TEST_AUTH_ENV = {
  BETTER_AUTH_URL: "http://localhost:3000",
  BETTER_AUTH_SECRET: "test-secret-0123456789abcdef0123456789abcdef",
  NODE_ENV: "test",
} as unknown as NodeJS.ProcessEnv;

/**
 * Empty in-memory tables for every model this app's Better Auth options declare (core, jwt,
 * twoFactor, the sign-in throttle, TOTP steps, the mail limit, the rate limiter, teams): one list, so a plugin added later is added here once.
 */
export function memoryTables<Row = unknown>(): Record<string, Row[]> {
  return {
    user: [],
    session: [],
    account: [],
    verification: [],
    jwks: [],
    twoFactor: [],
    signInThrottle: [],
    totpStep: [],
    mailLimit: [],
    rateLimit: [],
    organization: [],
    member: [],
    invitation: [],
    apikey: [],
  };
}

/** This app's Better Auth configuration on an in-memory database, and that database; `mail` keeps what is sent. */
export function memoryAuth(env: Record<string, string> = {}) {
  const db = memoryTables();
  const mail: MailMessage[] = [];
  const auth = createAuth({ ...TEST_AUTH_ENV, ...env } as NodeJS.ProcessEnv, memoryAdapter(db), {
    description: "test",
    send: async (m) => void mail.push(m),
  });
  return { auth, db, mail };
}

/**
 * This app's Better Auth in memory with a mailer that keeps what it is given, and `call` for its
 * HTTP API as a browser calls it (same origin, JSON, an optional cookie header).
 */
export function mailAuth(vars: Record<string, string> = {}) {
  const db = memoryTables();
  const sent: MailMessage[] = [];
  const auth = createAuth({ ...TEST_AUTH_ENV, AUTH_RATE_LIMIT: "off", ...vars } as NodeJS.ProcessEnv, memoryAdapter(db), {
    description: "test",
    send: async (m) => void sent.push(m),
  });
  const base = TEST_AUTH_ENV.BETTER_AUTH_URL as string;
  const call = (path: string, init: { method?: string; body?: unknown; cookie?: string } = {}) =>
    auth.handler(
      new Request(path.startsWith("http") ? path : `${base}/api/auth${path}`, {
        method: init.method ?? (init.body ? "POST" : "GET"),
        headers: { "content-type": "application/json", origin: base, ...(init.cookie ? { cookie: init.cookie } : {}) },
        body: init.body ? JSON.stringify(init.body) : undefined,
      }),
    );
  const mails = (subject: RegExp) => sent.filter((m) => subject.test(m.subject));
  return { auth, db, sent, call, mails };
}

/** The cookies a response set, as a request's cookie header (cleared ones left out). */
export function cookiesOf(res: Response): string {
  return res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .filter((c) => !c.endsWith("="))
    .join("; ");
}
