import "server-only";
import { headers } from "next/headers";
import { auth } from "../auth/auth";
import {
  forgetTrustedDevice,
  forgetTrustedDevices,
  listTrustedDevices,
  type Adapter,
  type TrustedDevice,
} from "../two-factor/trusted-devices";

/**
 * The two-factor page's trusted devices, read and forgotten on the server through Better Auth's
 * adapter (the twoFactor plugin has no endpoint for either). The browser gets row ids and dates,
 * never the identifier that is half of a trust cookie.
 */
async function adapter(): Promise<Adapter> {
  // The instance's adapter is the same DBAdapter the plugin hooks get; only its option type differs.
  return (await auth.$context).adapter as unknown as Adapter;
}

export async function listTrustedDeviceViews(userId: string): Promise<TrustedDevice[]> {
  return listTrustedDevices(await adapter(), userId);
}

export type ForgetResult = "forgotten" | "not-found" | "no-session";

/** Forgets one of the signed-in person's trusted devices (by row id), or all of them. */
export async function forgetDevices(which: { id: string } | "all"): Promise<ForgetResult> {
  const session = await auth.api.getSession({ headers: await headers() });
  if (!session) return "no-session";
  if (which === "all") {
    await forgetTrustedDevices(await adapter(), session.user.id);
    return "forgotten";
  }
  return (await forgetTrustedDevice(await adapter(), session.user.id, which.id)) ? "forgotten" : "not-found";
}
