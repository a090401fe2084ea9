"use client";

import { useResendVerification } from "./useResendVerification";

/** Shown while the email is unverified; the mail set-up decides whether a message really goes out. */
export function ResendVerificationButton({ email, callbackURL }: { email: string; callbackURL: string }) {
  const { status, message, send } = useResendVerification(email, callbackURL);
  return (
    <div className="resend">
      <button type="button" className="btn btn-small" onClick={send} disabled={status === "sending"} aria-busy={status === "sending"}>
        {status === "sending" ? "Sending…" : "Resend verification email"}
      </button>
      <p role={status === "error" ? "alert" : "status"} className={status === "error" ? "field-error" : "field-hint"}>
        {message}
      </p>
    </div>
  );
}
