"use client";

import { useId, useState } from "react";
import { emailVerifiedPath } from "@/lib/account/account-links";
import { authClient } from "@/lib/auth/auth-client";
import { validateEmail } from "@/lib/auth/auth-errors";
import { resendErrorMessage } from "@/lib/mail/mail-flows";
import { SubmitButton } from "./SubmitButton";
import { EMAIL_INPUT, TextField } from "./TextField";

/**
 * "Send the link again": POST /send-verification-email (Better Auth answers the same for any
 * address and allows 3 a minute). With `email` known (after sign-up or a refused sign-in) it
 * is one button; otherwise it asks for the address.
 */
export function ResendVerification({ email: knownEmail }: { email?: string }) {
  const id = useId();
  const [email, setEmail] = useState(knownEmail ?? "");
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const address = email.trim();
    const invalid = validateEmail(address);
    setError(invalid ?? null);
    setSentTo(null);
    if (invalid) return;
    setPending(true);
    try {
      const result = await authClient.sendVerificationEmail({ email: address, callbackURL: emailVerifiedPath() });
      if (result.error) setError(resendErrorMessage(result.error));
      else setSentTo(address);
    } catch {
      setError(resendErrorMessage({ status: 0 }));
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="auth-form" aria-label="Send the confirmation link again">
      {!knownEmail && (
        <TextField id={`${id}-email`} label="Email" {...EMAIL_INPUT} value={email} onChange={(e) => setEmail(e.target.value)} />
      )}
      <SubmitButton className="btn btn-ghost btn-block" pending={pending} label="Send the link again" pendingLabel="Sending…" />
      <p role="status" aria-live="polite" className={sentTo ? "alert alert-success" : "visually-hidden"}>
        {sentTo ? `We sent a new link to ${sentTo}. It can take a minute; check your spam folder too.` : ""}
      </p>
      {error && (
        <p role="alert" className="alert alert-error">
          {error}
        </p>
      )}
    </form>
  );
}
