"use client";

import { useState } from "react";
import {
  accountErrorMessage,
  isSignedOut,
  validatePasswordChange,
  type PasswordChange,
  type PasswordChangeErrors,
} from "@/lib/account/account-messages";
import { authClient } from "@/lib/auth/auth-client";
import { forgetApiToken, signOutAndGoToSignIn } from "@/lib/tasks/api";

const EMPTY: PasswordChange = { currentPassword: "", newPassword: "", confirmPassword: "" };

/**
 * State of the change-password form. With "sign out other devices", Better Auth 1.7 replaces
 * EVERY session, this one included, with a new one (new cookie): the JWT in memory names the old
 * session (`sid`), so it is dropped and the next API call fetches one for the new session.
 */
export function useChangePassword({ here, onChanged }: { here: string; onChanged: () => void }) {
  const [fields, setFields] = useState<PasswordChange>(EMPTY);
  const [revokeOtherSessions, setRevokeOtherSessions] = useState(true);
  const [errors, setErrors] = useState<PasswordChangeErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [success, setSuccess] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const setField = (name: keyof PasswordChange, value: string) => setFields((f) => ({ ...f, [name]: value }));

  /** Sends the change; returns the field to focus when something is wrong with it. */
  async function submit(): Promise<keyof PasswordChange | null> {
    if (pending) return null;
    setFormError(null);
    setSuccess(null);
    const found = validatePasswordChange(fields);
    setErrors(found);
    const firstBad = (["currentPassword", "newPassword", "confirmPassword"] as const).find((k) => found[k]);
    if (firstBad) return firstBad;

    setPending(true);
    try {
      const { error } = await authClient.changePassword({
        currentPassword: fields.currentPassword,
        newPassword: fields.newPassword,
        revokeOtherSessions,
      });
      if (error) {
        if (isSignedOut(error)) await signOutAndGoToSignIn(here, "session-ended");
        setFormError(accountErrorMessage(error));
        return error.code === "INVALID_PASSWORD" ? "currentPassword" : error.code?.startsWith("PASSWORD_") ? "newPassword" : null;
      }
      forgetApiToken();
      setFields(EMPTY);
      setSuccess(
        revokeOtherSessions
          ? "Your password has been changed, and your other devices have been signed out."
          : "Your password has been changed.",
      );
      onChanged();
      return null;
    } catch {
      setFormError(accountErrorMessage({ status: 0 }));
      return null;
    } finally {
      setPending(false);
    }
  }

  return { fields, setField, revokeOtherSessions, setRevokeOtherSessions, errors, formError, success, pending, submit };
}
