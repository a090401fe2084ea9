"use server";

import { signOutDevice, type SignOutDeviceResult } from "@/lib/account/account-sessions";

/** Server action behind "Sign out" on another device's row (Next.js checks the Origin). */
export async function signOutDeviceAction(sessionId: unknown): Promise<SignOutDeviceResult> {
  if (typeof sessionId !== "string" || sessionId.length === 0 || sessionId.length > 200) return "not-found";
  return signOutDevice(sessionId);
}
