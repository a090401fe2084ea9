import { memoryAdapter } from "better-auth/adapters/memory";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createAuth } from "./auth-config";
import { memoryTables, TEST_AUTH_ENV } from "./test-auth";
import type { MailMessage } from "../mail/messages";

/**
 * Issue 25, 3: two instances of the web app on one database (here Better Auth's memory adapter
 * shared by two Better Auth instances; in production one PostgreSQL) count against the same
 * limits, and an instance started afresh continues where the others left off. Nothing the limits
 * decide is kept in an instance's memory.
 */
const BASE = "http://localhost:3000";
const ADA = { email: "ada@example.com", password: "correct-horse-1", name: "Ada" };

function instances(env: Record<string, string>) {
  const db = memoryTables();
  const mail: MailMessage[] = [];
  const start = () =>
    createAuth({ ...TEST_AUTH_ENV, ...env } as NodeJS.ProcessEnv, memoryAdapter(db), {
      description: "test",
      send: async (m) => void mail.push(m),
    });
  const call = (auth: ReturnType<typeof start>, path: string, body: unknown, forwardedFor: string) =>
    auth.handler(
      new Request(`${BASE}/api/auth${path}`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: BASE, "x-forwarded-for": forwardedFor },
        body: JSON.stringify(body),
      }),
    );
  return { db, mail, start, call };
}

describe("limits shared by every instance of the web app", () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-12-07T12:00:00Z"));
  });
  afterEach(() => vi.useRealTimers());

  it("Better Auth's own limit (3 sign-ins per 10 s per address) counts across instances and a restart", async () => {
    const { db, start, call } = instances({ AUTH_RATE_LIMIT: "on" });
    const [a, b] = [start(), start()];
    const signIn = (auth: ReturnType<typeof start>, i: number) =>
      call(auth, "/sign-in/email", { email: `nobody-${i}@example.com`, password: "wrong-password" }, "203.0.113.7");

    const statuses = [(await signIn(a, 1)).status, (await signIn(b, 2)).status, (await signIn(a, 3)).status];
    const refused = await signIn(b, 4);
    const restarted = start();

    expect(statuses).toEqual([401, 401, 401]);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("x-retry-after"))).toBeGreaterThan(0);
    expect((await signIn(restarted, 5)).status).toBe(429);
    expect(db.rateLimit).toHaveLength(1);
    expect((await call(a, "/sign-in/email", { email: "x@example.com", password: "y" }, "198.51.100.1")).status).toBe(401);

    vi.setSystemTime(Date.now() + 10_000);
    expect((await signIn(restarted, 6)).status).toBe(401);
  });

  it("the per-account sign-in back-off counts failures made on either instance", async () => {
    const { start, call } = instances({ AUTH_RATE_LIMIT: "off" });
    const [a, b] = [start(), start()];
    await a.api.signUpEmail({ body: ADA });

    const statuses = [];
    for (let i = 0; i < 5; i++) {
      const auth = i % 2 === 0 ? a : b;
      statuses.push((await call(auth, "/sign-in/email", { ...ADA, password: "wrong" }, `198.51.100.${i + 1}`)).status);
    }
    const refused = await call(start(), "/sign-in/email", ADA, "192.0.2.1");

    expect(statuses).toEqual([401, 401, 401, 401, 401]);
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("1");
  });

  it("the per-recipient mail limit counts mails sent by either instance", async () => {
    const { mail, start, call } = instances({ AUTH_RATE_LIMIT: "off" });
    const [a, b] = [start(), start()];
    await call(a, "/sign-up/email", ADA, "203.0.113.1"); // the confirmation mail is the first of 3

    for (let i = 0; i < 6; i++) {
      await call(
        i % 2 === 0 ? b : a,
        "/request-password-reset",
        { email: ADA.email, redirectTo: "/en/reset-password" },
        `198.51.100.${i + 1}`,
      );
    }

    expect(mail.map((m) => m.to)).toEqual([ADA.email, ADA.email, ADA.email]);
  });
});
