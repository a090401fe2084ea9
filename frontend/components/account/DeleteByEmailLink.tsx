"use client";

import { useState } from "react";
import { accountErrorMessage, isSignedOut } from "@/lib/account/account-messages";
import { signOutAndGoToSignIn } from "@/lib/tasks/api";
import { authClient } from "@/lib/auth/auth-client";

/**
 * Deleting an account that has no password (it signs in through a provider): there is nothing to
 * re-enter, so the proof is a link mailed to the account's address, opened in this browser
 * (POST /api/auth/delete-user/send-confirmation, lib/account/deletion-proof.ts).
 */
export function DeleteByEmailLink({ here, email }: { here: string; email: string }) {
  const [state, setState] = useState<"idle" | "sending" | "sent">("idle");
  const [error, setError] = useState<string | null>(null);

  async function send() {
    setState("sending");
    setError(null);
    try {
      const { error: failed } = await authClient.$fetch("/delete-user/send-confirmation", { method: "POST", body: {} });
      if (failed) {
        if (isSignedOut(failed)) await signOutAndGoToSignIn(here, "session-ended");
        setError(accountErrorMessage(failed));
        setState("idle");
        return;
      }
      setState("sent");
    } catch {
      setError(accountErrorMessage({ status: 0 }));
      setState("idle");
    }
  }

  return (
    <>
      <div role="alert" className={error ? "alert alert-error" : "visually-hidden"}>
        {error}
      </div>
      {state === "sent" ? (
        <p role="status" className="alert alert-success">
          We sent a link to {email}. Open it in this browser within an hour to delete your account.
        </p>
      ) : (
        <>
          <p>Your account has no password, so we confirm by email: we send a link to {email}.</p>
          <button
            type="button"
            className="btn btn-danger-solid"
            onClick={send}
            disabled={state === "sending"}
            aria-busy={state === "sending"}
          >
            {state === "sending" ? "Sending…" : "Email me a confirmation link"}
          </button>
        </>
      )}
    </>
  );
}
