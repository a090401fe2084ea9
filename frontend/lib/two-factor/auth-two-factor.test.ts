import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { atMidStep, cookieHeader, cookiesOf, nextCode, signIn, userWithTwoFactor } from "./test-two-factor";

describe("two-factor sign-in (Better Auth twoFactor plugin as configured here)", () => {
  // Mid-step: the codes of "this step" and "the next" do not change under the test's feet.
  beforeEach(atMidStep);
  afterEach(() => vi.useRealTimers());

  it("enable returns an otpauth URI with the issuer 'Tasks' and ten backup codes", async () => {
    const { backupCodes, totp } = await userWithTwoFactor();
    expect(totp.secret.base32).toMatch(/^[A-Z2-7]+$/);
    expect(backupCodes).toHaveLength(10);
    expect(backupCodes[0]).toMatch(/^[A-Za-z0-9]{5}-[A-Za-z0-9]{5}$/);
  });

  it("no session, so no JWT, until the code is given; a wrong code is refused; the right one signs in", async () => {
    const { auth, credentials, totp } = await userWithTwoFactor();
    const pending = await signIn(auth, credentials);
    expect(pending.body).toMatchObject({ twoFactorRedirect: true, twoFactorMethods: ["totp"] });
    expect(pending.cookies.some((c) => c.startsWith("better-auth.session_token=") && !c.endsWith("="))).toBe(false);
    const challenge = cookieHeader(pending.cookies);
    expect(challenge).toContain("better-auth.two_factor=");

    const noToken = await auth.api.getToken({ headers: new Headers({ cookie: challenge }), asResponse: true });
    expect(noToken.status).toBe(401);

    const wrongCode = String((Number(totp.generate()) + 1) % 1_000_000).padStart(6, "0");
    const wrong = await auth.api.verifyTOTP({
      body: { code: wrongCode },
      headers: new Headers({ cookie: challenge }),
      asResponse: true,
    });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ code: "INVALID_CODE" });

    // The current step's code turned 2FA on and is used up (lib/two-factor/totp-replay.ts): the next one.
    const right = await auth.api.verifyTOTP({
      body: { code: nextCode(totp) },
      headers: new Headers({ cookie: challenge }),
      asResponse: true,
    });
    expect(right.status).toBe(200);
    const session = cookieHeader(cookiesOf(right));
    const token = await auth.api.getToken({ headers: new Headers({ cookie: session }) });
    expect(token.token.split(".")).toHaveLength(3);
  });

  it("a backup code signs in once and then no more", async () => {
    const { auth, credentials, backupCodes } = await userWithTwoFactor();
    const first = cookieHeader((await signIn(auth, credentials)).cookies);
    const used = await auth.api.verifyBackupCode({
      body: { code: backupCodes[0] },
      headers: new Headers({ cookie: first }),
      asResponse: true,
    });
    expect(used.status).toBe(200);

    const second = cookieHeader((await signIn(auth, credentials)).cookies);
    const again = await auth.api.verifyBackupCode({
      body: { code: backupCodes[0] },
      headers: new Headers({ cookie: second }),
      asResponse: true,
    });
    expect(again.status).toBe(401);
  });

  it("five wrong codes end the sign-in challenge (Better Auth's attempt limit stays on)", async () => {
    const { auth, credentials, totp } = await userWithTwoFactor();
    const challenge = cookieHeader((await signIn(auth, credentials)).cookies);
    const wrongCode = String((Number(totp.generate()) + 500_000) % 1_000_000).padStart(6, "0");
    for (let i = 0; i < 5; i++) {
      const res = await auth.api.verifyTOTP({
        body: { code: wrongCode },
        headers: new Headers({ cookie: challenge }),
        asResponse: true,
      });
      expect(res.status).toBe(401);
    }
    const sixth = await auth.api.verifyTOTP({
      body: { code: nextCode(totp) },
      headers: new Headers({ cookie: challenge }),
      asResponse: true,
    });
    expect(sixth.status).toBe(400);
    expect(await sixth.json()).toMatchObject({ code: "TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE" });
  });
});
