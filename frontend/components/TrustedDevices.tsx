"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { forgetAllTrustedDevicesAction, forgetTrustedDeviceAction } from "@/app/[locale]/account/two-factor/actions";
import { accountErrorMessage } from "@/lib/account/account-messages";
import { signOutAndGoToSignIn } from "@/lib/tasks/api";
import { formatDateTime } from "@/lib/account/session-view";
import { useTimeZone } from "./useTimeZone";
import { TRUST_DEVICE_DAYS } from "@/lib/two-factor/totp";
import type { TrustedDevice } from "@/lib/two-factor/trusted-devices";
import styles from "./account-security.module.css";

/**
 * Browsers where "Trust this device" was ticked skip the code at sign-in. The list comes from the
 * server (props) and is re-read with `router.refresh()` after each change.
 */
export function TrustedDevices({ devices, here }: { devices: TrustedDevice[]; here: string }) {
  const id = useId();
  const zone = useTimeZone();
  const router = useRouter();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  async function forget(key: string, action: () => Promise<string>, done: string) {
    if (busy) return;
    setBusy(key);
    setError(null);
    setNotice(null);
    try {
      const result = await action();
      if (result === "no-session") return await signOutAndGoToSignIn(here, "session-ended");
      setNotice(result === "forgotten" ? done : "That device was already forgotten.");
      router.refresh();
    } catch {
      setError(accountErrorMessage({ status: 0 }));
    } finally {
      setBusy(null);
    }
  }

  return (
    <section className={styles.section} aria-labelledby={`${id}-title`} aria-busy={busy !== null} data-testid="trusted-devices">
      <h2 id={`${id}-title`}>Trusted devices</h2>
      <p className={styles.muted}>
        Browsers where you chose “Trust this device” skip the code for {TRUST_DEVICE_DAYS} days. Changing or resetting your
        password, and any change to two-factor authentication, forgets them all.
      </p>
      <div role="alert" className={error ? "alert alert-error" : "visually-hidden"}>
        {error}
      </div>
      <div role="status" className={notice ? "alert alert-success" : "visually-hidden"} data-testid="trusted-devices-notice">
        {notice}
      </div>
      {devices.length === 0 ? (
        <p className="field-hint">No device is trusted: every sign-in asks for a code.</p>
      ) : (
        <ul className="session-list">
          {devices.map((d) => (
            <li key={d.id} className="session-row" data-testid="trusted-device">
              <div className="session-info">
                <p className="session-meta">
                  Trusted <time dateTime={d.trustedAt}>{formatDateTime(d.trustedAt, zone)}</time> · until{" "}
                  <time dateTime={d.expiresAt}>{formatDateTime(d.expiresAt, zone)}</time>
                </p>
              </div>
              <button
                type="button"
                className="btn btn-small"
                onClick={() => forget(d.id, () => forgetTrustedDeviceAction(d.id), "The device was forgotten.")}
                disabled={busy !== null}
                aria-busy={busy === d.id}
                aria-label={`Forget the device trusted ${formatDateTime(d.trustedAt, zone)}`}
              >
                {busy === d.id ? "Forgetting…" : "Forget"}
              </button>
            </li>
          ))}
        </ul>
      )}
      {devices.length > 1 && (
        <div className={styles.row}>
          <button
            type="button"
            className="btn"
            onClick={() => forget("all", forgetAllTrustedDevicesAction, "Every trusted device was forgotten.")}
            disabled={busy !== null}
            aria-busy={busy === "all"}
          >
            {busy === "all" ? "Forgetting…" : "Forget all trusted devices"}
          </button>
        </div>
      )}
    </section>
  );
}
