"use client";

import { useState } from "react";
import { authClient } from "@/lib/auth/auth-client";
import { resendErrorMessage } from "@/lib/mail/mail-flows";
import { signOutAndGoToSignIn } from "@/lib/tasks/api";

/** Signed in with the invited address, not confirmed yet: a confirmation link that brings the person back to the invitation. */
export function ConfirmAddressForInvitation({ email, here }: { email: string; here: string }) {
  const [state, setState] = useState<"idle" | "sending" | "sent">("idle");
  const [error, setError] = useState<string | null>(null);

  async function send() {
    setState("sending");
    setError(null);
    try {
      const result = await authClient.sendVerificationEmail({ email, callbackURL: here });
      if (result.error) {
        setError(resendErrorMessage(result.error));
        setState("idle");
      } else setState("sent");
    } catch {
      setError(resendErrorMessage({ status: 0 }));
      setState("idle");
    }
  }

  return (
    <div className="invitation-actions">
      <p>
        Open the confirmation link we emailed to {email} when you signed up, then this invitation link again; or get a link that
        brings you straight back here.
      </p>
      <button
        type="button"
        className="btn btn-ghost btn-block"
        onClick={send}
        disabled={state !== "idle"}
        aria-busy={state === "sending"}
      >
        {state === "sending" ? "Sending…" : "Send me a confirmation link"}
      </button>
      <p role="status" aria-live="polite" className={state === "sent" ? "alert alert-success" : "visually-hidden"}>
        {state === "sent" ? `We sent a link to ${email}. It can take a minute; check your spam folder too.` : ""}
      </p>
      {error && (
        <p role="alert" className="alert alert-error">
          {error}
        </p>
      )}
    </div>
  );
}

/** Signed in with another address than the invited one: sign out and come back here with the right account. */
export function UseAnotherAccount({ email, here }: { email: string; here: string }) {
  const [pending, setPending] = useState(false);
  return (
    <div className="invitation-actions">
      <p>You are signed in as {email}.</p>
      <button
        type="button"
        className="btn btn-ghost btn-block"
        disabled={pending}
        onClick={() => {
          setPending(true);
          void signOutAndGoToSignIn(here);
        }}
      >
        Sign out and use the invited address
      </button>
    </div>
  );
}
