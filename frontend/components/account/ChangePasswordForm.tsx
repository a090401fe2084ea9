"use client";

import { useRouter } from "next/navigation";
import { useId, useRef } from "react";
import type { PasswordChange } from "@/lib/account/account-messages";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/auth-errors";
import { SubmitButton } from "../SubmitButton";
import { PasswordField } from "./PasswordField";
import { useChangePassword } from "./useChangePassword";

export function ChangePasswordForm({ here }: { here: string }) {
  const id = useId();
  const router = useRouter();
  const form = useChangePassword({ here, onChanged: () => router.refresh() });
  const currentPasswordRef = useRef<HTMLInputElement>(null);
  const newPasswordRef = useRef<HTMLInputElement>(null);
  const confirmPasswordRef = useRef<HTMLInputElement>(null);
  const refs = { currentPassword: currentPasswordRef, newPassword: newPasswordRef, confirmPassword: confirmPasswordRef };

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const focus = await form.submit();
    if (focus) refs[focus].current?.focus();
  }

  const field = (name: keyof PasswordChange) => ({
    id: `${id}-${name}`,
    value: form.fields[name],
    onChange: (value: string) => form.setField(name, value),
    error: form.errors[name],
  });

  return (
    <section className="account-card card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Change password</h2>
      <div role="alert" className={form.formError ? "alert alert-error" : "visually-hidden"}>
        {form.formError}
      </div>
      <div role="status" className={form.success ? "alert alert-success" : "visually-hidden"} data-testid="password-changed">
        {form.success}
      </div>
      <form onSubmit={onSubmit} noValidate className="auth-form" aria-label="Change password">
        <PasswordField
          label="Current password"
          autoComplete="current-password"
          {...field("currentPassword")}
          inputRef={currentPasswordRef}
        />
        <PasswordField
          label="New password"
          autoComplete="new-password"
          hint={`At least ${MIN_PASSWORD_LENGTH} characters.`}
          {...field("newPassword")}
          inputRef={newPasswordRef}
        />
        <PasswordField
          label="Confirm new password"
          autoComplete="new-password"
          {...field("confirmPassword")}
          inputRef={confirmPasswordRef}
        />
        <label className="checkbox-row">
          <input
            type="checkbox"
            checked={form.revokeOtherSessions}
            onChange={(e) => form.setRevokeOtherSessions(e.target.checked)}
          />
          Sign out other devices
        </label>
        <SubmitButton
          className="btn btn-primary"
          pending={form.pending}
          label="Change password"
          pendingLabel="Changing password…"
        />
      </form>
    </section>
  );
}
