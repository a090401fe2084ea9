"use client";

import { useId, useState } from "react";
import { FieldError } from "./FieldError";
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
      <div className="field">
        <label htmlFor={`${id}-password`}>Password</label>
        <input
          id={`${id}-password`}
          type="password"
          autoComplete="current-password"
          required
          autoFocus
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
        />
        <FieldError id={`${id}-error`} message={error} />
      </div>
      <div className={styles.row}>
        <button type="submit" className={`btn ${danger ? "btn-danger" : "btn-primary"}`} disabled={pending} aria-busy={pending}>
          {pending ? pendingLabel : submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="btn btn-ghost" onClick={onCancel} disabled={pending}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
