"use client";

import Link from "next/link";
import { useId, useRef, useState } from "react";
import { forgotPasswordPath } from "@/lib/account/account-links";
import { authClient } from "@/lib/auth/auth-client";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/auth-errors";
import { EXPIRED_RESET_LINK, resetErrorMessage, validateNewPassword } from "@/lib/mail/mail-flows";
import { type Locale } from "@/lib/http/paths";
import { AuthCard } from "./AuthCard";
import { FormAlert } from "./FormAlert";
import { SubmitButton } from "./SubmitButton";

interface Props {
  locale: Locale;
  /** From the mailed link (Better Auth's redirect); null when the link was refused or is missing. */
  token: string | null;
  /** Where to go once the password is changed (sign-in, with a notice). */
  done: string;
  /** Why the person is here when it is not a reset they asked for (the first email confirmation). */
  notice?: string;
}

/** New password + confirmation → POST /reset-password. Every session of the account ends on success. */
export function ResetPasswordForm({ locale, token, done, notice }: Props) {
  const id = useId();
  const [password, setPassword] = useState("");
  const [confirm, setConfirm] = useState("");
  const [fieldErrors, setFieldErrors] = useState<{ password?: string; confirm?: string }>({});
  const [formError, setFormError] = useState<string | null>(token ? null : EXPIRED_RESET_LINK);
  const [linkDead, setLinkDead] = useState(!token);
  const [pending, setPending] = useState(false);
  const passwordRef = useRef<HTMLInputElement>(null);
  const confirmRef = useRef<HTMLInputElement>(null);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending || !token) return;
    setFormError(null);
    const errors = validateNewPassword({ password, confirm });
    setFieldErrors(errors);
    if (errors.password) return passwordRef.current?.focus();
    if (errors.confirm) return confirmRef.current?.focus();
    setPending(true);
    try {
      const result = await authClient.resetPassword({ newPassword: password, token });
      if (!result.error) return window.location.assign(done);
      setFormError(resetErrorMessage(result.error));
      if (result.error.code === "INVALID_TOKEN") setLinkDead(true);
    } catch {
      setFormError(resetErrorMessage({ status: 0 }));
    }
    setPending(false);
  }

  const errorId = `${id}-error`;
  const field = (
    name: "password" | "confirm",
    label: string,
    value: string,
    set: (v: string) => void,
    ref: React.RefObject<HTMLInputElement | null>,
  ) => (
    <div className="field">
      <label htmlFor={`${id}-${name}`}>{label}</label>
      <input
        ref={ref}
        id={`${id}-${name}`}
        type="password"
        autoComplete="new-password"
        required
        minLength={MIN_PASSWORD_LENGTH}
        value={value}
        onChange={(e) => set(e.target.value)}
        aria-invalid={fieldErrors[name] ? true : undefined}
        aria-describedby={fieldErrors[name] ? `${id}-${name}-error` : name === "password" ? `${id}-hint` : undefined}
      />
      {name === "password" && (
        <p id={`${id}-hint`} className="field-hint">
          At least {MIN_PASSWORD_LENGTH} characters. Changing it signs you out everywhere.
        </p>
      )}
      {fieldErrors[name] && (
        <p id={`${id}-${name}-error`} className="field-error">
          {fieldErrors[name]}
        </p>
      )}
    </div>
  );

  return (
    <AuthCard title="Choose a new password">
      {notice && (
        <p role="status" className="alert alert-success">
          {notice}
        </p>
      )}
      <FormAlert id={errorId} message={formError} />
      {linkDead ? (
        <p className="auth-switch">
          <Link href={forgotPasswordPath(locale)}>Get a new reset link</Link>
        </p>
      ) : (
        <form onSubmit={onSubmit} noValidate aria-describedby={formError ? errorId : undefined} className="auth-form">
          {field("password", "New password", password, setPassword, passwordRef)}
          {field("confirm", "Confirm new password", confirm, setConfirm, confirmRef)}
          <SubmitButton
            className="btn btn-primary btn-block"
            pending={pending}
            label="Change password"
            pendingLabel="Changing password…"
          />
        </form>
      )}
    </AuthCard>
  );
}
