import { TOTP } from "otpauth";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  atMidStep,
  cookieHeader,
  cookiesOf,
  nextCode,
  signIn,
  userWithTwoFactor,
  verifyCode,
  type Auth,
} from "./test-two-factor";
import { totpSecret } from "./totp";
import { forgetTrustedDevice, listTrustedDevices, type Adapter } from "./trusted-devices";

const NEW_PASSWORD = "battery-staple-2";

/** A user with 2FA who signed in once with "Trust this device": the browser's trust_device cookie. */
async function trustedBrowser() {
  const it = await userWithTwoFactor();
  const challenge = cookieHeader((await signIn(it.auth, it.credentials)).cookies);
  const verified = await verifyCode(it.auth, challenge, nextCode(it.totp), true);
  expect(verified.status).toBe(200);
  const trust = cookiesOf(verified).find((c) => c.startsWith("better-auth.trust_device="))!;
  expect(trust).toBeTruthy();
  const session = cookieHeader(cookiesOf(verified).filter((c) => !c.startsWith("better-auth.trust_device=")));
  return { ...it, trust, session };
}

/** Password sign-in from the trusted browser: whether the code was skipped, and the renewed trust cookie. */
async function signInTrusted(auth: Auth, credentials: { email: string; password: string }, trust: string) {
  const res = await signIn(auth, credentials, trust);
  expect(res.status).toBe(200);
  return {
    skipped: res.body.twoFactorRedirect !== true,
    trust: res.cookies.find((c) => c.startsWith("better-auth.trust_device=") && !c.endsWith("=")) ?? trust,
  };
}

const adapterOf = async (auth: Auth) => (await auth.$context).adapter as unknown as Adapter;
const userIdOf = (db: Record<string, unknown[]>) => (db.user[0] as { id: string }).id;

describe("trusted devices end with the password or the second factor (lib/two-factor/trusted-devices.ts)", () => {
  beforeEach(atMidStep);
  afterEach(() => vi.useRealTimers());

  it("a trusted browser skips the code, until the password is reset", async () => {
    const { auth, credentials, trust } = await trustedBrowser();
    const before = await signInTrusted(auth, credentials, trust);
    expect(before.skipped).toBe(true);

    await auth.api.requestPasswordReset({ body: { email: credentials.email, redirectTo: "/en/reset-password" } });
    const token = (await resetTokens(auth))[0];
    await auth.api.resetPassword({ body: { newPassword: NEW_PASSWORD, token } });

    expect((await signInTrusted(auth, { ...credentials, password: NEW_PASSWORD }, before.trust)).skipped).toBe(false);
  });

  it("… until the password is changed", async () => {
    const { auth, credentials, trust, session } = await trustedBrowser();
    await auth.api.changePassword({
      body: { currentPassword: credentials.password, newPassword: NEW_PASSWORD, revokeOtherSessions: true },
      headers: new Headers({ cookie: session }),
    });
    expect((await signInTrusted(auth, { ...credentials, password: NEW_PASSWORD }, trust)).skipped).toBe(false);
  });

  it("… until two-factor is turned off and on again with a new secret", async () => {
    const { auth, credentials, trust, session } = await trustedBrowser();
    // Another browser turns it off and on (Better Auth itself forgets only the browser that turns it off).
    const off = await auth.api.disableTwoFactor({
      body: { password: credentials.password },
      headers: new Headers({ cookie: session }),
      asResponse: true,
    });
    expect(off.status).toBe(200);
    const afterOff = cookieHeader(cookiesOf(off).filter((c) => !c.startsWith("better-auth.trust_device=")));
    const on = await auth.api.enableTwoFactor({
      body: { password: credentials.password },
      headers: new Headers({ cookie: afterOff }),
    });
    if (on.method !== "totp") throw new Error("expected TOTP");
    const fresh = new TOTP({ secret: totpSecret(on.totpURI)!, digits: 6, period: 30 });
    expect(
      (await auth.api.verifyTOTP({ body: { code: fresh.generate() }, headers: new Headers({ cookie: afterOff }) })).token,
    ).toBeTruthy();
    expect((await signInTrusted(auth, credentials, trust)).skipped).toBe(false);
  });

  it("… until new backup codes are made", async () => {
    const { auth, credentials, trust, session } = await trustedBrowser();
    await auth.api.generateBackupCodes({ body: { password: credentials.password }, headers: new Headers({ cookie: session }) });
    expect((await signInTrusted(auth, credentials, trust)).skipped).toBe(false);
  });

  it("the two-factor page's list shows the trusted browser, and forgetting it makes the next sign-in ask", async () => {
    const { auth, db, credentials, trust } = await trustedBrowser();
    const adapter = await adapterOf(auth);
    const userId = userIdOf(db);
    const listed = await listTrustedDevices(adapter, userId);
    expect(listed).toHaveLength(1);
    expect(Object.keys(listed[0]).sort()).toEqual(["expiresAt", "id", "trustedAt"]);
    expect(JSON.stringify(listed)).not.toContain("trust-device-");

    // Someone else cannot forget it by its id; the owner can.
    expect(await forgetTrustedDevice(adapter, "someone-else", listed[0].id)).toBe(false);
    expect(await forgetTrustedDevice(adapter, userId, listed[0].id)).toBe(true);
    expect(await listTrustedDevices(adapter, userId)).toEqual([]);
    expect((await signInTrusted(auth, credentials, trust)).skipped).toBe(false);
  });
});

/** Unused reset tokens in the verification table, newest first. */
async function resetTokens(auth: Auth) {
  const adapter = await adapterOf(auth);
  const rows = await adapter.findMany<{ identifier: string; createdAt: Date }>({
    model: "verification",
    where: [{ field: "identifier", operator: "starts_with", value: "reset-password:" }],
  });
  return rows
    .sort((a, b) => new Date(b.createdAt).getTime() - new Date(a.createdAt).getTime())
    .map((r) => r.identifier.slice("reset-password:".length));
}
