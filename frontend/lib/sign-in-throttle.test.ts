import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { backoffSeconds, FREE_ATTEMPTS, MAX_DELAY_S, throttleKey } from "./sign-in-throttle";
import { memoryAuth } from "./test-auth";
const PASSWORD = "correct-horse-1";

describe("backoffSeconds", () => {
  it("lets five attempts through, then doubles from 1 s up to 15 minutes", () => {
    expect([0, 1, 2, 3, 4].map(backoffSeconds)).toEqual([0, 0, 0, 0, 0]);
    expect([5, 6, 7, 8, 9].map(backoffSeconds)).toEqual([1, 2, 4, 8, 16]);
    expect(backoffSeconds(14)).toBe(512);
    expect(backoffSeconds(15)).toBe(MAX_DELAY_S);
    expect(backoffSeconds(1000)).toBe(MAX_DELAY_S);
  });

  it("keys by the normalised address, hashed", () => {
    expect(throttleKey(" Ada@Example.com ")).toBe(throttleKey("ada@example.com"));
    expect(throttleKey("ada@example.com")).not.toContain("ada");
  });
});

describe("the per-account sign-in limit, through Better Auth's HTTP handler", () => {
  let db: Record<string, unknown[]>;
  let auth: ReturnType<typeof memoryAuth>["auth"];

  beforeEach(async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-01-01T00:00:00Z"));
    ({ auth, db } = memoryAuth());
    await auth.api.signUpEmail({ body: { email: "ada@example.com", password: PASSWORD, name: "Ada" } });
  });
  afterEach(() => vi.useRealTimers());

  const signIn = (email: string, password: string, forwardedFor = "203.0.113.1") =>
    auth.handler(
      new Request("http://localhost:3000/api/auth/sign-in/email", {
        method: "POST",
        headers: { "Content-Type": "application/json", Origin: "http://localhost:3000", "X-Forwarded-For": forwardedFor },
        body: JSON.stringify({ email, password }),
      }),
    );
  const wrongTimes = async (n: number, email = "ada@example.com") => {
    const statuses = [];
    for (let i = 0; i < n; i++) statuses.push((await signIn(email, "wrong-password", `198.51.100.${i + 1}`)).status);
    return statuses;
  };

  it("answers 429 with Retry-After and a readable body after five failures, from any address", async () => {
    expect(await wrongTimes(FREE_ATTEMPTS)).toEqual([401, 401, 401, 401, 401]);
    const refused = await signIn("ada@example.com", "wrong-password", "192.0.2.99");
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("1");
    expect(await refused.json()).toMatchObject({
      code: "TOO_MANY_ATTEMPTS",
      retryAfter: 1,
      message: "Too many attempts. Try again in 1 s.",
    });
  });

  it("refuses even the right password during the back-off, accepts it after, and then starts afresh", async () => {
    await wrongTimes(FREE_ATTEMPTS);
    expect((await signIn("ada@example.com", PASSWORD)).status).toBe(429);
    vi.setSystemTime(Date.now() + 1000);
    expect((await signIn("ada@example.com", PASSWORD)).status).toBe(200);
    expect(db.signInThrottle).toEqual([]);
    expect(await wrongTimes(FREE_ATTEMPTS)).toEqual([401, 401, 401, 401, 401]);
  });

  it("doubles the wait with each further failure and never exceeds 15 minutes", async () => {
    await wrongTimes(FREE_ATTEMPTS);
    const waits: number[] = [];
    for (let i = 0; i < 14; i++) {
      const retry = Number((await signIn("ada@example.com", "x")).headers.get("retry-after"));
      waits.push(retry);
      vi.setSystemTime(Date.now() + retry * 1000);
      expect((await signIn("ada@example.com", "wrong-password")).status).toBe(401);
    }
    expect(waits.slice(0, 5)).toEqual([1, 2, 4, 8, 16]);
    expect(Math.max(...waits)).toBe(MAX_DELAY_S);
  });

  it("treats case and spaces of the email as the same account", async () => {
    await wrongTimes(FREE_ATTEMPTS, "ADA@example.com");
    expect((await signIn("ada@example.com", "wrong-password")).status).toBe(429);
  });

  it("gives a burst of parallel guesses one slot, not one each", async () => {
    await wrongTimes(FREE_ATTEMPTS - 1);
    const statuses = (
      await Promise.all(Array.from({ length: 10 }, (_, i) => signIn("ada@example.com", "wrong", `192.0.2.${i}`)))
    ).map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(1);
    expect(statuses.filter((s) => s === 429)).toHaveLength(9);
  });

  it("limits unknown addresses the same way, so the answer does not tell who has an account", async () => {
    expect(await wrongTimes(FREE_ATTEMPTS, "nobody@example.com")).toEqual([401, 401, 401, 401, 401]);
    expect((await signIn("nobody@example.com", "wrong-password")).status).toBe(429);
    expect((await signIn("ada@example.com", PASSWORD)).status).toBe(200);
  });

  it("forgets failures after a quiet day", async () => {
    await wrongTimes(FREE_ATTEMPTS);
    vi.setSystemTime(Date.now() + 25 * 60 * 60 * 1000);
    expect(await wrongTimes(FREE_ATTEMPTS)).toEqual([401, 401, 401, 401, 401]);
  });
});
