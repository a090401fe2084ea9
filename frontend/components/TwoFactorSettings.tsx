"use client";

import QRCode from "qrcode";
import { useId, useRef, useState } from "react";
import { authClient } from "@/lib/auth/auth-client";
import { groupSecret, normaliseTotpCode, TOTP_INPUT, totpSecret, twoFactorErrorMessage } from "@/lib/two-factor/totp";
import { BackupCodes } from "./BackupCodes";
import { PasswordConfirm } from "./PasswordConfirm";
import { SubmitButton } from "./SubmitButton";
import { TextField } from "./TextField";
import styles from "./account-security.module.css";

interface Props {
  enabled: boolean;
  /** Without a password (provider-only account) the plugin cannot confirm who asks. */
  hasPassword: boolean;
  email: string;
}

type State =
  | { step: "off"; asking: boolean }
  | { step: "scan"; totpURI: string; qr: string; backupCodes: string[] }
  | { step: "codes"; codes: string[] }
  | { step: "on"; asking: null | "regenerate" | "disable"; notice?: string };

/**
 * Turning two-factor on: password → QR code (drawn here, in the browser, from Better Auth's
 * otpauth URI; no outside service) and the secret for typing → a code from the app confirms it
 * → the backup codes, once. When on: new backup codes, or off, each with the password.
 */
export function TwoFactorSettings({ enabled, hasPassword, email }: Props) {
  const [state, setState] = useState<State>(enabled ? { step: "on", asking: null } : { step: "off", asking: false });

  if (!hasPassword) {
    return (
      <section className={styles.section}>
        <h2>Not available for this account</h2>
        <p className={styles.muted}>
          Two-factor authentication protects password sign-in, and this account signs in through a provider only. Turn on two-step
          verification at your provider instead.
        </p>
      </section>
    );
  }

  async function enable(password: string): Promise<string | null> {
    const result = await authClient.twoFactor.enable({ password });
    if (result.error) return twoFactorErrorMessage(result.error);
    if (!result.data || !("totpURI" in result.data)) return twoFactorErrorMessage(null);
    const qr = await QRCode.toDataURL(result.data.totpURI, { errorCorrectionLevel: "M", margin: 1, width: 200 });
    setState({ step: "scan", totpURI: result.data.totpURI, qr, backupCodes: result.data.backupCodes });
    return null;
  }

  async function regenerate(password: string): Promise<string | null> {
    const result = await authClient.twoFactor.generateBackupCodes({ password });
    if (result.error || !result.data) return twoFactorErrorMessage(result.error);
    setState({ step: "codes", codes: result.data.backupCodes });
    return null;
  }

  async function disable(password: string): Promise<string | null> {
    const result = await authClient.twoFactor.disable({ password });
    if (result.error) return twoFactorErrorMessage(result.error);
    setState({ step: "off", asking: false });
    return null;
  }

  switch (state.step) {
    case "off":
      return (
        <section className={styles.section} data-testid="two-factor-off">
          <h2>
            Status: <span className={styles.status}>Off</span>
          </h2>
          <p className={styles.muted}>
            With two-factor authentication, signing in takes your password and a 6-digit code from an authenticator app on your
            phone (for example Google Authenticator, Microsoft Authenticator, 1Password or Aegis).
          </p>
          {state.asking ? (
            <PasswordConfirm
              submitLabel="Continue"
              pendingLabel="Checking…"
              onConfirm={enable}
              onCancel={() => setState({ step: "off", asking: false })}
            />
          ) : (
            <div className={styles.row}>
              <button type="button" className="btn btn-primary" onClick={() => setState({ step: "off", asking: true })}>
                Turn on two-factor authentication
              </button>
            </div>
          )}
        </section>
      );
    case "scan":
      return (
        <ScanStep
          totpURI={state.totpURI}
          qr={state.qr}
          onVerified={() => setState({ step: "codes", codes: state.backupCodes })}
          onCancel={() => setState({ step: "off", asking: false })}
        />
      );
    case "codes":
      return (
        <BackupCodes
          codes={state.codes}
          email={email}
          onDone={() => setState({ step: "on", asking: null, notice: "Two-factor authentication is on." })}
        />
      );
    case "on":
      return (
        <section className={styles.section} data-testid="two-factor-on">
          <h2>
            Status: <span className={`${styles.status} ${styles.statusOn}`}>On</span>
          </h2>
          {state.notice && (
            <p role="status" className={styles.notice}>
              {state.notice}
            </p>
          )}
          <p className={styles.muted}>
            Signing in asks for a code from your authenticator app after your password. Lost your phone? Use a backup code.
          </p>
          {state.asking && (
            <PasswordConfirm
              key={state.asking}
              {...(state.asking === "regenerate"
                ? { submitLabel: "Make new backup codes", pendingLabel: "Making codes…", onConfirm: regenerate }
                : { submitLabel: "Turn off", pendingLabel: "Turning off…", onConfirm: disable, danger: true })}
              onCancel={() => setState({ step: "on", asking: null })}
            />
          )}
          {state.asking === null && (
            <div className={styles.row}>
              <button type="button" className="btn btn-ghost" onClick={() => setState({ step: "on", asking: "regenerate" })}>
                New backup codes
              </button>
              <button
                type="button"
                className="btn btn-ghost btn-danger"
                onClick={() => setState({ step: "on", asking: "disable" })}
              >
                Turn off two-factor authentication
              </button>
            </div>
          )}
        </section>
      );
  }
}

/** Scan (or type the secret), then prove it with a code: only then is two-factor on. */
function ScanStep({
  totpURI,
  qr,
  onVerified,
  onCancel,
}: {
  totpURI: string;
  qr: string;
  onVerified: () => void;
  onCancel: () => void;
}) {
  const id = useId();
  const [code, setCode] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const codeRef = useRef<HTMLInputElement>(null);
  const secret = totpSecret(totpURI);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const value = normaliseTotpCode(code);
    if (!value) {
      setError("Enter the 6-digit code your app shows for Tasks.");
      return codeRef.current?.focus();
    }
    setPending(true);
    setError(null);
    const result = await authClient.twoFactor.verifyTotp({ code: value });
    if (result.error) {
      setError(twoFactorErrorMessage(result.error));
      setPending(false);
      return codeRef.current?.focus();
    }
    onVerified();
  }

  return (
    <section className={styles.section} data-testid="two-factor-scan">
      <h2>Scan this QR code</h2>
      <p className={styles.muted}>Open your authenticator app, add an account, and scan the code.</p>
      {/* A data: URL drawn in this page from the otpauth URI; img-src allows data:, scripts are untouched.
          next/image has nothing to optimise in a 200×200 data: URL, hence <img>. */}
      {/* eslint-disable-next-line @next/next/no-img-element */}
      <img src={qr} alt="QR code to add Tasks to your authenticator app" className={styles.qr} width={200} height={200} />
      <p className={styles.muted}>Can&apos;t scan it? Enter this key in the app instead (time-based, 6 digits):</p>
      <p className={styles.secret} data-testid="totp-secret" aria-label="Secret key">
        {secret ? groupSecret(secret) : ""}
      </p>
      <form onSubmit={onSubmit} noValidate className="auth-form">
        <TextField
          id={`${id}-code`}
          label="Code from your app"
          error={error}
          announceError
          inputRef={codeRef}
          {...TOTP_INPUT}
          required
          value={code}
          onChange={(e) => setCode(e.target.value)}
        />
        <div className={styles.row}>
          <SubmitButton className="btn btn-primary" pending={pending} label="Turn on" pendingLabel="Checking…" />
          <button type="button" className="btn btn-ghost" onClick={onCancel} disabled={pending}>
            Cancel
          </button>
        </div>
      </form>
    </section>
  );
}
