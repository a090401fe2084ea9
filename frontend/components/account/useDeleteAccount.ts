"use client";

import { useState } from "react";
import { accountErrorMessage, isSignedOut } from "@/lib/account/account-messages";
import { forgetApiToken, signOutAndGoToSignIn } from "@/lib/tasks/api";
import { authClient } from "@/lib/auth/auth-client";
import { signInPath } from "@/lib/http/paths";
import { withSignInNotice } from "@/lib/sign-in/signin-notices";
import { forgetSavedEdits } from "@/lib/live/saved-edits";

export type DeleteStep = "password" | "confirm" | "deleting";

/**
 * Deleting the account: the password first, then an explicit confirmation, then Better Auth's
 * delete-user (the server deletes the user, sessions, accounts and tasks in one transaction).
 * A wrong password brings the person back to the first step with nothing deleted.
 */
export function useDeleteAccount(here: string, userId: string) {
  const [step, setStep] = useState<DeleteStep>("password");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);

  function askToConfirm(): boolean {
    if (!password) {
      setError("Enter your password to delete your account.");
      return false;
    }
    setError(null);
    setStep("confirm");
    return true;
  }

  function cancel() {
    setStep("password");
    setError(null);
  }

  /** Deletes; resolves to false (back at the password step, with a message) when it did not. */
  async function confirm(): Promise<boolean> {
    if (step !== "confirm") return false;
    setStep("deleting");
    setError(null);
    try {
      const { error: failed } = await authClient.deleteUser({ password });
      if (failed) {
        if (isSignedOut(failed)) await signOutAndGoToSignIn(here, "session-ended");
        setError(accountErrorMessage(failed));
        setStep("password");
        return false;
      }
    } catch {
      setError(accountErrorMessage({ status: 0 }));
      setStep("password");
      return false;
    }
    forgetApiToken();
    try {
      forgetSavedEdits(window.localStorage, userId); // unsent task edits of an account that is gone
    } catch {
      // no storage: nothing was kept
    }
    window.location.assign(withSignInNotice(signInPath(), "account-deleted"));
    return true;
  }

  return { step, password, setPassword, error, askToConfirm, cancel, confirm };
}
