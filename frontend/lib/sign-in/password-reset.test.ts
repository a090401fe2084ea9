import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { FREE_ATTEMPTS } from "./sign-in-throttle";
import { memoryAuth } from "../auth/test-auth";

const BASE = "http://localhost:3000";
const ADA = { email: "ada@example.com", password: "correct-horse-1", name: "Ada" };
const NEW_PASSWORD = "battery-staple-2";

/** Better Auth with this app's options, in memory, called over HTTP like the pages do. */
function setup() {
  const { auth, db, mail } = memoryAuth({ AUTH_RATE_LIMIT: "off" });
  const call = (path: string, body?: unknown, cookie = "") =>
    auth.handler(
      new Request(path.startsWith("http") ? path : `${BASE}/api/auth${path}`, {
        method: body ? "POST" : "GET",
        headers: { "content-type": "application/json", origin: BASE, ...(cookie ? { cookie } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      }),
    );
  /** Asks for a reset link and returns its token (the mailed link's last path segment). */
  const resetToken = async () => {
    expect((await call("/request-password-reset", { email: ADA.email, redirectTo: "/en/reset-password" })).status).toBe(200);
    return new URL(mail.at(-1)!.link).pathname.split("/").at(-1)!;
  };
  const reset = (token: string, newPassword = NEW_PASSWORD) => call("/reset-password", { newPassword, token });
  const signIn = (password: string) => call("/sign-in/email", { email: ADA.email, password });
  return { auth, db, call, resetToken, reset, signIn };
}

describe("a completed reset voids every other reset link (issue 21, 6)", () => {
  it("after the newer link was used, the older one is refused and changes nothing", async () => {
    const s = setup();
    await s.call("/sign-up/email", ADA);
    const older = await s.resetToken();
    const newer = await s.resetToken();
    expect((await s.reset(newer)).status).toBe(200);

    const late = await s.reset(older, "attacker-pass-3");
    expect(late.status).toBe(400);
    expect((await late.json()).code).toBe("INVALID_TOKEN");
    expect((await s.signIn("attacker-pass-3")).status).toBe(401);
    expect((await s.signIn(NEW_PASSWORD)).status).toBe(200);
  });

  it("after the older link was used, the newer one is refused too; no reset row of the user is left", async () => {
    const s = setup();
    await s.call("/sign-up/email", ADA);
    const older = await s.resetToken();
    const newer = await s.resetToken();
    expect((await s.reset(older)).status).toBe(200);
    expect((await s.reset(newer, "attacker-pass-3")).status).toBe(400);
    expect((s.db.verification as { identifier: string }[]).filter((v) => v.identifier.startsWith("reset-password:"))).toEqual([]);
  });

  it("a password change voids the reset links too", async () => {
    const s = setup();
    const cookie = (await s.call("/sign-up/email", ADA)).headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const pending = await s.resetToken();
    const changed = await s.call("/change-password", { currentPassword: ADA.password, newPassword: NEW_PASSWORD }, cookie);
    expect(changed.status).toBe(200);
    expect((await s.reset(pending, "attacker-pass-3")).status).toBe(400);
  });
});

describe("a completed reset clears the sign-in back-off (issue 21, 5)", () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-12-07T12:00:00Z"));
  });
  afterEach(() => vi.useRealTimers());

  it("a stranger's guesses kept the account in back-off; after the owner's reset the new password signs in at once", async () => {
    const s = setup();
    await s.call("/sign-up/email", ADA);
    for (let i = 0; i < FREE_ATTEMPTS + 3; i++) {
      await s.signIn("wrong-password");
      vi.setSystemTime(Date.now() + 1000);
    }
    expect((await s.signIn("wrong-password")).status).toBe(429);

    expect((await s.reset(await s.resetToken())).status).toBe(200);
    expect(s.db.signInThrottle).toEqual([]);
    expect((await s.signIn(NEW_PASSWORD)).status).toBe(200);
  });
});
