import { TOTP } from "otpauth";
import { describe, expect, it } from "vitest";
import type { createAuth } from "./auth-config";
import { memoryAuth } from "./test-auth";
import { totpSecret } from "./totp";

const ORIGIN = { origin: "http://localhost:3000" };
const cookiesOf = (res: Response) => res.headers.getSetCookie().map((c) => c.split(";")[0]);
const cookieHeader = (cookies: string[]) => cookies.filter((c) => !c.endsWith("=")).join("; ");

/** A user with two-factor on, through the same endpoints the pages call. */
async function userWithTwoFactor() {
  const { auth } = memoryAuth({ AUTH_RATE_LIMIT: "off" });
  const credentials = { email: "ada@example.com", password: "correct-horse-1" };
  const signUp = await auth.api.signUpEmail({ body: { ...credentials, name: "Ada" }, asResponse: true });
  const session = cookieHeader(cookiesOf(signUp));
  const enabled = await auth.api.enableTwoFactor({
    body: { password: credentials.password },
    headers: new Headers({ cookie: session }),
  });
  if (enabled.method !== "totp") throw new Error(`expected TOTP set-up, got ${enabled.method}`);
  const totp = new TOTP({ secret: totpSecret(enabled.totpURI)!, digits: 6, period: 30 });
  const verified = await auth.api.verifyTOTP({
    body: { code: totp.generate() },
    headers: new Headers({ cookie: session }),
    asResponse: true,
  });
  expect(verified.status).toBe(200);
  return { auth, credentials, totp, backupCodes: enabled.backupCodes };
}

/** Password sign-in: returns the body and the cookies it set. */
async function signIn(auth: ReturnType<typeof createAuth>, credentials: { email: string; password: string }) {
  const res = await auth.api.signInEmail({ body: credentials, headers: new Headers(ORIGIN), asResponse: true });
  return { status: res.status, body: await res.json(), cookies: cookiesOf(res) };
}

describe("two-factor sign-in (Better Auth twoFactor plugin as configured here)", () => {
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

    const right = await auth.api.verifyTOTP({
      body: { code: totp.generate() },
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
      body: { code: totp.generate() },
      headers: new Headers({ cookie: challenge }),
      asResponse: true,
    });
    expect(sixth.status).toBe(400);
    expect(await sixth.json()).toMatchObject({ code: "TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE" });
  });
});
