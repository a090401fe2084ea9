"use client";

import { useState } from "react";
import { accountErrorMessage, isSignedOut } from "@/lib/account/account-messages";
import { emailChangedPath } from "@/lib/account/account-links";
import { changeLinkSentText, validateName, validateNewEmail } from "@/lib/account/profile";
import { authClient } from "@/lib/auth/auth-client";
import { forgetApiToken, signOutAndGoToSignIn } from "@/lib/tasks/api";

interface FormState {
  value: string;
  error: string | null;
  success: string | null;
  pending: boolean;
}

function useFormState(initial: string) {
  const [state, setState] = useState<FormState>({ value: initial, error: null, success: null, pending: false });
  const patch = (p: Partial<FormState>) => setState((s) => ({ ...s, ...p }));
  return { state, patch };
}

/**
 * The name form: Better Auth's update-user (capped by lib/auth/user-fields.ts). The JWT in memory
 * still carries the old name, so it is dropped: the next API call fetches one with the new name.
 */
export function useEditName({ current, here, onSaved }: { current: string; here: string; onSaved: () => void }) {
  const { state, patch } = useFormState(current);
  async function submit(): Promise<boolean> {
    if (state.pending) return false;
    const invalid = validateName(state.value, current);
    patch({ error: invalid ?? null, success: null });
    if (invalid) return false;
    patch({ pending: true });
    try {
      const { error } = await authClient.updateUser({ name: state.value.trim() });
      if (error) {
        if (isSignedOut(error)) await signOutAndGoToSignIn(here, "session-ended");
        patch({ error: accountErrorMessage(error) });
        return false;
      }
      forgetApiToken();
      patch({ success: "Your name has been saved." });
      onSaved();
      return true;
    } catch {
      patch({ error: accountErrorMessage({ status: 0 }) });
      return false;
    } finally {
      patch({ pending: false });
    }
  }
  return { ...state, setValue: (value: string) => patch({ value }), submit };
}

/** The new-address form: Better Auth's change-email mails a link to the new address (lib/account/email-change.ts). */
export function useChangeEmail({ current, confirmed, here }: { current: string; confirmed: boolean; here: string }) {
  const { state, patch } = useFormState("");
  async function submit(): Promise<boolean> {
    if (state.pending) return false;
    const newEmail = state.value.trim();
    const invalid = validateNewEmail(newEmail, current);
    patch({ error: invalid ?? null, success: null });
    if (invalid) return false;
    patch({ pending: true });
    try {
      const { error } = await authClient.changeEmail({ newEmail, callbackURL: emailChangedPath() });
      if (error) {
        if (isSignedOut(error)) await signOutAndGoToSignIn(here, "session-ended");
        patch({ error: accountErrorMessage(error) });
        return false;
      }
      patch({ value: "", success: changeLinkSentText(newEmail, current, confirmed) });
      return true;
    } catch {
      patch({ error: accountErrorMessage({ status: 0 }) });
      return false;
    } finally {
      patch({ pending: false });
    }
  }
  return { ...state, setValue: (value: string) => patch({ value }), submit };
}
