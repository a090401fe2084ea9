"use client";

import Link from "next/link";
import { useId, useRef, useState } from "react";
import { resetPasswordPath } from "@/lib/account/account-links";
import { authClient } from "@/lib/auth/auth-client";
import { authErrorMessage, validateEmail } from "@/lib/auth/auth-errors";
import { signInPath, type Locale } from "@/lib/http/paths";
import { AuthCard } from "./AuthCard";
import { FormAlert } from "./FormAlert";
import { SubmitButton } from "./SubmitButton";
import { EMAIL_INPUT, TextField } from "./TextField";

/**
 * Asks Better Auth to mail a reset link. The answer is the same whether or not an account
 * exists for the address (no account enumeration); only failures to ask at all (too many
 * requests, no connection) are reported.
 */
export function ForgotPasswordForm({ locale }: { locale: Locale }) {
  const id = useId();
  const [email, setEmail] = useState("");
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | null>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const emailRef = useRef<HTMLInputElement>(null);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    setFormError(null);
    const address = email.trim();
    const invalid = validateEmail(address);
    setFieldError(invalid);
    if (invalid) return emailRef.current?.focus();
    setPending(true);
    try {
      const result = await authClient.requestPasswordReset({ email: address, redirectTo: resetPasswordPath(locale) });
      if (result.error) setFormError(authErrorMessage(result.error, "signin"));
      else setSentTo(address);
    } catch {
      setFormError(authErrorMessage({ status: 0 }, "signin"));
    } finally {
      setPending(false);
    }
  }

  if (sentTo) {
    return (
      <AuthCard title="Check your email">
        <p role="status" className="alert alert-success">
          If an account exists for {sentTo}, we sent it a link to choose a new password. The link works once, for 1 hour.
        </p>
        <p className="field-hint">Nothing after a few minutes? Check your spam folder, or ask again.</p>
        <p className="auth-switch">
          <Link href={signInPath(null, locale)}>Back to sign in</Link>
        </p>
      </AuthCard>
    );
  }

  const errorId = `${id}-error`;
  return (
    <AuthCard title="Forgot your password?" subtitle="Enter your email address and we'll send you a link to choose a new one.">
      <FormAlert id={errorId} message={formError} />
      <form onSubmit={onSubmit} noValidate aria-describedby={formError ? errorId : undefined} className="auth-form">
        <TextField
          id={`${id}-email`}
          label="Email"
          error={fieldError}
          inputRef={emailRef}
          {...EMAIL_INPUT}
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
        <SubmitButton className="btn btn-primary btn-block" pending={pending} label="Send reset link" pendingLabel="Sending…" />
      </form>
      <p className="auth-switch">
        Remembered it? <Link href={signInPath(null, locale)}>Sign in</Link>
      </p>
    </AuthCard>
  );
}
