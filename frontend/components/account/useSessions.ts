"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { signOutDeviceAction } from "@/app/[locale]/account/actions";
import { accountErrorMessage, isSignedOut } from "@/lib/account/account-messages";
import { signOutAndGoToSignIn } from "@/lib/tasks/api";
import { authClient } from "@/lib/auth/auth-client";

/**
 * Signing devices out. The list itself comes from the server (props) and is re-read with
 * `router.refresh()` after each change, so it never disagrees with the database.
 */
export function useSessions(here: string) {
  const router = useRouter();
  const [busy, setBusy] = useState<string | "others" | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  async function run(key: string, action: () => Promise<string | null>) {
    if (busy) return;
    setBusy(key);
    setError(null);
    setNotice(null);
    try {
      const done = await action();
      if (done) setNotice(done);
      router.refresh();
    } catch {
      setError(accountErrorMessage({ status: 0 }));
    } finally {
      setBusy(null);
    }
  }

  const signOutOne = (sessionId: string, device: string) =>
    run(sessionId, async () => {
      const result = await signOutDeviceAction(sessionId);
      if (result === "no-session") {
        await signOutAndGoToSignIn(here, "session-ended");
        return null;
      }
      return result === "signed-out-device" ? `${device} has been signed out.` : "That device was already signed out.";
    });

  const signOutOthers = () =>
    run("others", async () => {
      const { error: failed } = await authClient.revokeOtherSessions();
      if (failed) {
        if (isSignedOut(failed)) await signOutAndGoToSignIn(here, "session-ended");
        setError(accountErrorMessage(failed));
        return null;
      }
      return "All your other devices have been signed out.";
    });

  return { busy, error, notice, signOutOne, signOutOthers };
}
