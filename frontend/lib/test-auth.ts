import { memoryAdapter } from "better-auth/adapters/memory";
import { createAuth } from "./auth-config";
import type { MailMessage } from "./mail/messages";

/** The environment of a Better Auth under test (NODE_ENV=test: Better Auth's own limiter off). */
export const TEST_AUTH_ENV = {
  BETTER_AUTH_URL: "http://localhost:3000",
  BETTER_AUTH_SECRET: "test-secret-0123456789abcdef0123456789abcdef",
  NODE_ENV: "test",
} as unknown as NodeJS.ProcessEnv;

/**
 * Empty in-memory tables for every model this app's Better Auth options declare (core, jwt,
 * twoFactor, the sign-in throttle, TOTP steps, the mail limit, the rate limiter): one list, so a plugin added later is added here once.
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
