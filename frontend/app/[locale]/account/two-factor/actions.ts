"use server";

import { forgetDevices, type ForgetResult } from "@/lib/account/account-trusted-devices";

/** Server action behind "Forget" on a trusted device's row (Next.js checks the Origin). */
export async function forgetTrustedDeviceAction(id: unknown): Promise<ForgetResult> {
  if (typeof id !== "string" || id.length === 0 || id.length > 200) return "not-found";
  return forgetDevices({ id });
}

/** Server action behind "Forget all trusted devices". */
export async function forgetAllTrustedDevicesAction(): Promise<ForgetResult> {
  return forgetDevices("all");
}
