"use client";

import { useId, useState } from "react";
import { SubmitButton } from "./SubmitButton";
import { TextField } from "./TextField";
import styles from "./account-security.module.css";

interface Props {
  /** What the password confirms, e.g. "Turn off two-factor authentication". */
  submitLabel: string;
  pendingLabel: string;
  /** Runs the action; returns a sentence when it failed. */
  onConfirm: (password: string) => Promise<string | null>;
  onCancel?: () => void;
  danger?: boolean;
}

/** A password re-entry guarding one sensitive action, with its own error message. */
export function PasswordConfirm({ submitLabel, pendingLabel, onConfirm, onCancel, danger = false }: Props) {
  const id = useId();
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    if (!password) return setError("Enter your password.");
    setPending(true);
    setError(null);
    const failure = await onConfirm(password);
    if (failure) {
      setError(failure);
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="auth-form">
      <TextField
        id={`${id}-password`}
        label="Password"
        error={error}
        announceError
        type="password"
        autoComplete="current-password"
        required
        autoFocus
        value={password}
        onChange={(e) => setPassword(e.target.value)}
      />
      <div className={styles.row}>
        <SubmitButton
          className={`btn ${danger ? "btn-danger" : "btn-primary"}`}
          pending={pending}
          label={submitLabel}
          pendingLabel={pendingLabel}
        />
        {onCancel && (
          <button type="button" className="btn btn-ghost" onClick={onCancel} disabled={pending}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
