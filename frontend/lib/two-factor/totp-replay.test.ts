import { Secret, TOTP } from "otpauth";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { atMidStep, cookieHeader, nextCode, signIn, userWithTwoFactor, verifyCode } from "./test-two-factor";
import { hotp, stepOf } from "./totp-replay";

describe("hotp / stepOf", () => {
  it("computes the codes authenticator apps show (RFC 6238, as otpauth does)", () => {
    const secret = "A".repeat(32);
    // Better Auth keys the HMAC with the secret's UTF-8 bytes (the otpauth URI carries them in base32).
    const app = new TOTP({ secret: Secret.fromUTF8(secret), digits: 6, period: 30 });
    const at = Date.UTC(2026, 11, 7, 12, 0, 10);
    expect(hotp(secret, Math.floor(at / 30_000))).toBe(app.generate({ timestamp: at }));
    expect(stepOf(secret, app.generate({ timestamp: at }), at)).toBe(Math.floor(at / 30_000));
    expect(stepOf(secret, app.generate({ timestamp: at + 30_000 }), at)).toBe(Math.floor(at / 30_000) + 1);
    expect(stepOf(secret, app.generate({ timestamp: at - 30_000 }), at)).toBe(Math.floor(at / 30_000) - 1);
    expect(stepOf(secret, app.generate({ timestamp: at + 60_000 }), at)).toBeUndefined();
  });
});

describe("a TOTP code is accepted once per user (lib/two-factor/totp-replay.ts)", () => {
  // Mid-step: the codes of "this step" and "the next" do not change under the test's feet.
  beforeEach(atMidStep);
  afterEach(() => vi.useRealTimers());

  it("the same code does not sign in a second time within its window", async () => {
    const { auth, credentials, totp } = await userWithTwoFactor();
    const code = nextCode(totp);
    const first = cookieHeader((await signIn(auth, credentials)).cookies);
    expect((await verifyCode(auth, first, code)).status).toBe(200);

    const second = cookieHeader((await signIn(auth, credentials)).cookies);
    const replayed = await verifyCode(auth, second, code);
    expect(replayed.status).toBe(401);
    expect(await replayed.json()).toMatchObject({ code: "INVALID_CODE" });
    // An older step's code (still inside Better Auth's window) is refused too.
    expect((await verifyCode(auth, second, totp.generate())).status).toBe(401);
  });

  it("of three parallel sign-ins with one code, exactly one gets in", async () => {
    const { auth, credentials, totp } = await userWithTwoFactor();
    const challenges = [];
    for (let i = 0; i < 3; i++) challenges.push(cookieHeader((await signIn(auth, credentials)).cookies));
    const code = nextCode(totp);
    const statuses = (await Promise.all(challenges.map((c) => verifyCode(auth, c, code)))).map((r) => r.status);
    expect(statuses.sort()).toEqual([200, 401, 401]);
  });

  it("the code that turned two-factor on cannot sign in", async () => {
    const { auth, credentials, totp } = await userWithTwoFactor();
    const challenge = cookieHeader((await signIn(auth, credentials)).cookies);
    expect((await verifyCode(auth, challenge, totp.generate())).status).toBe(401);
    expect((await verifyCode(auth, challenge, nextCode(totp))).status).toBe(200);
  });

  it("remembers the step in the totpStep table (one row per user), so every instance sees it", async () => {
    const { auth, db, credentials, totp } = await userWithTwoFactor();
    const challenge = cookieHeader((await signIn(auth, credentials)).cookies);
    expect((await verifyCode(auth, challenge, nextCode(totp))).status).toBe(200);
    expect(db.totpStep).toHaveLength(1);
    expect(db.totpStep[0]).toMatchObject({ step: Math.floor(Date.now() / 30_000) + 1 });
  });
});
