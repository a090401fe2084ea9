"use client";

import { useEffect, useId, useRef, useState } from "react";
import { authClient } from "@/lib/auth/auth-client";
import {
  normaliseBackupCode,
  TOTP_INPUT,
  TRUST_DEVICE_DAYS,
  normaliseTotpCode,
  twoFactorChallengeEnded,
  twoFactorErrorMessage,
} from "@/lib/two-factor/totp";
import { FormAlert } from "./FormAlert";
import { Logo } from "./Logo";
import { SubmitButton } from "./SubmitButton";
import { TextField } from "./TextField";
import styles from "./account-security.module.css";

/** Backup codes are "aB3dE-fG5hJ": letters, case kept, no spelling help. */
const BACKUP_CODE_INPUT = {
  type: "text",
  inputMode: "text",
  autoComplete: "off",
  autoCapitalize: "off",
  spellCheck: false,
  maxLength: 20,
} as const;

interface Props {
  /** Where to go once signed in (already sanitised on the server). */
  next: string;
  /** Back to the password step: the challenge has ended or the person chose to. */
  onRestart: (message?: string) => void;
}

/**
 * The second step of a password sign-in for someone with two-factor on. Better Auth has set
 * only its short-lived two-factor cookie: there is no session (and so no JWT) until a code
 * from the authenticator app, or a backup code, is accepted here.
 */
export function TwoFactorStep({ next, onRestart }: Props) {
  const id = useId();
  const [useBackup, setUseBackup] = useState(false);
  const [code, setCode] = useState("");
  const [trustDevice, setTrustDevice] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const codeRef = useRef<HTMLInputElement>(null);

  useEffect(() => codeRef.current?.focus(), [useBackup]);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const value = useBackup ? normaliseBackupCode(code) : normaliseTotpCode(code);
    if (!value) {
      setError(
        useBackup ? "Enter one of your backup codes, like “aB3dE-fG5hJ”." : "Enter the 6-digit code from your authenticator app.",
      );
      return codeRef.current?.focus();
    }
    setError(null);
    setPending(true);
    try {
      const result = useBackup
        ? await authClient.twoFactor.verifyBackupCode({ code: value, trustDevice })
        : await authClient.twoFactor.verifyTotp({ code: value, trustDevice });
      if (result.error) {
        const message = twoFactorErrorMessage(result.error, useBackup);
        if (twoFactorChallengeEnded(result.error)) return onRestart(message);
        setError(message);
        setPending(false);
        setCode("");
        return codeRef.current?.focus();
      }
      // A full navigation, so the server components see the new session cookie.
      window.location.assign(next);
    } catch {
      setError(twoFactorErrorMessage({ status: 0 }));
      setPending(false);
    }
  }

  function switchMethod() {
    setUseBackup((v) => !v);
    setCode("");
    setError(null);
  }

  const errorId = `${id}-error`;
  return (
    <main className="auth-page">
      <div className="auth-card" data-testid="two-factor-step">
        <Logo />
        <h1 className="auth-title">Two-factor authentication</h1>
        <p className="auth-subtitle">
          {useBackup
            ? "Enter one of the backup codes you saved when you turned on two-factor authentication. Each works once."
            : "Enter the 6-digit code from your authenticator app."}
        </p>

        <FormAlert id={errorId} message={error} />

        <form onSubmit={onSubmit} noValidate aria-describedby={error ? errorId : undefined} className="auth-form">
          {/* The error is the form's (above); the field is only marked invalid. */}
          <TextField
            id={`${id}-code`}
            key={useBackup ? "backup" : "totp"}
            label={useBackup ? "Backup code" : "Authentication code"}
            inputRef={codeRef}
            name={useBackup ? "backup-code" : "code"}
            {...(useBackup ? BACKUP_CODE_INPUT : TOTP_INPUT)}
            required
            value={code}
            onChange={(e) => setCode(e.target.value)}
            aria-invalid={error ? true : undefined}
          />

          <label className={styles.checkboxRow}>
            <input type="checkbox" checked={trustDevice} onChange={(e) => setTrustDevice(e.target.checked)} />
            <span>Trust this device for {TRUST_DEVICE_DAYS} days</span>
          </label>

          <SubmitButton className="btn btn-primary btn-block" pending={pending} label="Verify" pendingLabel="Checking…" />
        </form>

        <p className="auth-switch">
          <button type="button" className="btn-link" onClick={switchMethod}>
            {useBackup ? "Use your authenticator app" : "Use a backup code"}
          </button>
          {" · "}
          <button type="button" className="btn-link" onClick={() => onRestart()}>
            Start over
          </button>
        </p>
      </div>
    </main>
  );
}
