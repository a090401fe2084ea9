import { randomBytes } from "node:crypto";
import type { createAuthMiddleware } from "better-auth/api";

/**
 * "Known devices" for the per-account sign-in back-off (lib/sign-in/sign-in-throttle.ts). A browser
 * that has signed in to an account with the right password gets a long-lived cookie, signed with
 * BETTER_AUTH_SECRET, naming that account (its email key) and a random device id. Its holder's
 * sign-ins to that account are counted in a bucket of their own, so a stranger who keeps the
 * account's shared bucket in back-off never holds the owner's devices back. A stranger cannot
 * make such a cookie (the signature) nor get one without the password.
 *
 * One cookie holds a few accounts (people share a browser, or have two accounts), newest first.
 */
export const KNOWN_DEVICE_COOKIE = "known_device";
/** Browsers keep a cookie at most 400 days; a year, renewed at every successful sign-in. */
export const KNOWN_DEVICE_MAX_AGE_S = 365 * 24 * 60 * 60;
const MAX_ACCOUNTS = 5;
/** base64url pieces only: nothing the cookie encoding or the signature's "." could confuse. */
const PIECE = /^[A-Za-z0-9_-]{16,64}$/;

type Ctx = Parameters<Parameters<typeof createAuthMiddleware>[0]>[0];

export interface KnownDevice {
  account: string;
  device: string;
}

function cookieOf(ctx: Ctx) {
  return ctx.context.createAuthCookie(KNOWN_DEVICE_COOKIE, { maxAge: KNOWN_DEVICE_MAX_AGE_S });
}

/** The accounts this browser is a known device of (none when the cookie is missing, forged or malformed). */
export async function knownDevices(ctx: Ctx): Promise<KnownDevice[]> {
  const value = await ctx.getSignedCookie(cookieOf(ctx).name, ctx.context.secret);
  if (!value) return [];
  return value
    .split("!")
    .map((entry) => {
      const [account, device] = entry.split("~");
      return { account, device };
    })
    .filter(({ account, device }) => PIECE.test(account ?? "") && PIECE.test(device ?? ""));
}

/** This browser's device id for `account`, if it has signed in to it before. */
export async function knownDeviceOf(ctx: Ctx, account: string): Promise<string | undefined> {
  return (await knownDevices(ctx)).find((d) => d.account === account)?.device;
}

/** After a right password: (re)sets the cookie with `account` first, keeping its device id. */
export async function rememberDevice(ctx: Ctx, account: string): Promise<void> {
  const devices = await knownDevices(ctx);
  const device = devices.find((d) => d.account === account)?.device ?? randomBytes(16).toString("base64url");
  const entries = [{ account, device }, ...devices.filter((d) => d.account !== account)].slice(0, MAX_ACCOUNTS);
  const cookie = cookieOf(ctx);
  await ctx.setSignedCookie(
    cookie.name,
    entries.map((d) => `${d.account}~${d.device}`).join("!"),
    ctx.context.secret,
    cookie.attributes,
  );
}
