import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { KNOWN_DEVICE_COOKIE } from "./known-device";
import { backoffSeconds, FREE_ATTEMPTS, MAX_DELAY_S, throttleKey } from "./sign-in-throttle";
import { memoryAuth } from "../auth/test-auth";
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

  const signIn = (email: string, password: string, forwardedFor = "203.0.113.1", cookie = "") =>
    auth.handler(
      new Request("http://localhost:3000/api/auth/sign-in/email", {
        method: "POST",
        headers: {
          "Content-Type": "application/json",
          Origin: "http://localhost:3000",
          "X-Forwarded-For": forwardedFor,
          ...(cookie ? { Cookie: cookie } : {}),
        },
        body: JSON.stringify({ email, password }),
      }),
    );
  /** The known-device cookie a successful sign-in set, as a Cookie header. */
  const knownDeviceCookie = (res: Response) =>
    res.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .find((c) => c.startsWith(`better-auth.${KNOWN_DEVICE_COOKIE}=`)) ?? "";
  /** A stranger who takes each back-off slot as it opens, for `seconds`: the statuses of their guesses. */
  const strangerGuessesFor = async (seconds: number, email = "ada@example.com", cookie = "") => {
    const end = Date.now() + seconds * 1000;
    const statuses: number[] = [];
    while (Date.now() < end) {
      const res = await signIn(email, "wrong-password", `198.18.${statuses.length % 250}.1`, cookie);
      statuses.push(res.status);
      if (res.status === 429) vi.setSystemTime(Date.now() + Number(res.headers.get("retry-after")) * 1000);
    }
    return statuses;
  };
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

  it("a device that has signed in before is not held back while a stranger keeps taking every slot (issue 21, 5)", async () => {
    const first = await signIn("ada@example.com", PASSWORD);
    expect(first.status).toBe(200);
    const device = knownDeviceCookie(first);
    expect(device).not.toBe("");

    // The probe: 12 wrong guesses in 150 s, each as its slot opened, kept the owner out.
    const guesses = await strangerGuessesFor(150);
    expect(guesses.filter((s) => s === 401).length).toBeGreaterThanOrEqual(FREE_ATTEMPTS);

    const owner: number[] = [];
    const withoutCookie: number[] = [];
    for (let i = 0; i < 30; i++) {
      await strangerGuessesFor(5);
      await signIn("ada@example.com", "wrong-password", "198.18.255.1"); // the stranger takes the slot if it is open
      withoutCookie.push((await signIn("ada@example.com", PASSWORD, "203.0.113.9")).status);
      owner.push((await signIn("ada@example.com", PASSWORD, "203.0.113.9", device)).status);
    }
    expect(withoutCookie).toEqual(Array(30).fill(429)); // what the probe saw, on a device never signed in before
    expect(owner).toEqual(Array(30).fill(200));
  }, 90_000);

  it("a stranger gets no more guesses per hour than before: no cookie, a forged one or another account's shares the account's bucket", async () => {
    // What the back-off alone allows in an hour: the free attempts, then one per opened slot.
    let allowed = 0;
    for (let t = 0, n = 0; t < 3600; n++) {
      allowed++;
      t += backoffSeconds(n + 1);
    }
    await auth.api.signUpEmail({ body: { email: "eve@example.com", password: PASSWORD, name: "Eve" } });
    const evesDevice = knownDeviceCookie(await signIn("eve@example.com", PASSWORD));
    const forged = evesDevice.replace(/=.{8}/, "=AAAAAAAA");
    for (const cookie of ["", evesDevice, forged]) {
      vi.setSystemTime(Date.now() + 25 * 60 * 60 * 1000); // a quiet day between the three attackers
      const guesses = await strangerGuessesFor(3600, "ada@example.com", cookie);
      expect(guesses.filter((s) => s === 401).length).toBeLessThanOrEqual(allowed);
    }
  }, 90_000);

  it("a known device's own wrong passwords back off in its own bucket", async () => {
    const device = knownDeviceCookie(await signIn("ada@example.com", PASSWORD));
    const statuses = [];
    for (let i = 0; i < FREE_ATTEMPTS + 1; i++)
      statuses.push((await signIn("ada@example.com", "wrong", "203.0.113.9", device)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    // …while the account's shared bucket is untouched.
    expect((await signIn("ada@example.com", PASSWORD)).status).toBe(200);
  });
});
