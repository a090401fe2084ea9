import { TOTP } from "otpauth";
import { expect, vi } from "vitest";
import type { createAuth } from "../auth/auth-config";
import { memoryAuth } from "../auth/test-auth";
import { totpSecret } from "./totp";

/** Test helpers for two-factor sign-in through the same endpoints the pages call. */
export const ORIGIN = { origin: "http://localhost:3000" };
export const cookiesOf = (res: Response) => res.headers.getSetCookie().map((c) => c.split(";")[0]);
/** A Cookie header from Set-Cookie pairs (cleared cookies, `name=`, left out). */
export const cookieHeader = (cookies: string[]) => cookies.filter((c) => !c.endsWith("=")).join("; ");
export type Auth = ReturnType<typeof createAuth>;

/** Fakes Date at 5 s into a 30 s step, so a test's codes stay those of the steps it means. */
export function atMidStep() {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date("2026-12-07T12:00:05Z"));
}

/** The code of the step after the current one: Better Auth accepts it, and it is not the one just used. */
export const nextCode = (totp: TOTP, steps = 1) => totp.generate({ timestamp: Date.now() + steps * 30_000 });

/** A user with two-factor on (turned on with the current step's code). */
export async function userWithTwoFactor(env: Record<string, string> = {}) {
  const { auth, db, mail } = memoryAuth({ AUTH_RATE_LIMIT: "off", ...env });
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
  return { auth, db, mail, credentials, totp, backupCodes: enabled.backupCodes, session: cookieHeader(cookiesOf(verified)) };
}

/** Password sign-in (with `cookie`, e.g. a trust_device cookie): the body and the cookies it set. */
export async function signIn(auth: Auth, credentials: { email: string; password: string }, cookie = "") {
  const res = await auth.api.signInEmail({
    body: credentials,
    headers: new Headers({ ...ORIGIN, ...(cookie ? { cookie } : {}) }),
    asResponse: true,
  });
  return { status: res.status, body: await res.json(), cookies: cookiesOf(res) };
}

/** The code step of a pending sign-in, over HTTP as the page sends it: verify-totp with the challenge cookie. */
export async function verifyCode(auth: Auth, challenge: string, code: string, trustDevice = false) {
  return auth.handler(
    new Request("http://localhost:3000/api/auth/two-factor/verify-totp", {
      method: "POST",
      headers: { "content-type": "application/json", ...ORIGIN, cookie: challenge },
      body: JSON.stringify({ code, ...(trustDevice ? { trustDevice: true } : {}) }),
    }),
  );
}
