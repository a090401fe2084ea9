"use client";

import { useId, useState } from "react";
import { EXPIRY_DAYS, type ExpiryDays, type KeyView } from "@/lib/api-keys/api-key-view";
import { API_KEY_NAME_MAX } from "@/lib/api-keys/api-key-options";
import { formatDateTime } from "@/lib/account/session-view";
import { TextField } from "../TextField";
import { useTimeZone } from "../useTimeZone";
import { useApiKeys } from "./useApiKeys";

/** API keys for scripts that call the task API (README "API keys"): create (shown once), list, revoke. */
export function ApiKeysSection({ keys, apiUrl }: { keys: KeyView[]; apiUrl: string }) {
  const id = useId();
  const k = useApiKeys();
  const zone = useTimeZone();
  const [name, setName] = useState("");
  const [days, setDays] = useState<ExpiryDays>(30);
  const [copied, setCopied] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setCopied(false);
    if (await k.create(name, days)) setName("");
  }

  async function copy(key: string) {
    try {
      await navigator.clipboard.writeText(key);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }

  return (
    <section className="account-card card" aria-labelledby={`${id}-title`} aria-busy={k.busy !== null} data-testid="api-keys">
      <h2 id={`${id}-title`}>API keys</h2>
      <p>
        For scripts: send a key as the <code>x-api-key</code> header to <code>{apiUrl}</code>. It reaches your own tasks, lists
        and labels and your teams&apos; (not live updates), counts against your request limit, and stops working when it expires
        or within 5 seconds of being revoked.
      </p>
      <div role="alert" className={k.error ? "alert alert-error" : "visually-hidden"}>
        {k.error}
      </div>
      <div role="status" className={k.notice ? "alert alert-success" : "visually-hidden"} data-testid="api-keys-notice">
        {k.notice}
      </div>
      {k.created && (
        <div className="alert alert-success" data-testid="api-key-created">
          <p>Your new key &quot;{k.created.name}&quot;. Copy it now: it won&apos;t be shown again.</p>
          <input
            type="text"
            readOnly
            value={k.created.key}
            aria-label={`API key ${k.created.name}`}
            data-testid="api-key-value"
            onFocus={(e) => e.currentTarget.select()}
          />
          <button type="button" className="btn btn-small" onClick={() => copy(k.created!.key)} data-testid="api-key-copy">
            {copied ? "Copied" : "Copy"}
          </button>
          <button type="button" className="btn btn-small" onClick={k.dismissCreated}>
            Done
          </button>
        </div>
      )}
      <form onSubmit={onSubmit} noValidate className="auth-form" aria-label="Create an API key">
        <TextField
          id={`${id}-name`}
          label="Key name"
          type="text"
          value={name}
          maxLength={API_KEY_NAME_MAX}
          onChange={(e) => setName(e.target.value)}
          placeholder="backup script"
          autoComplete="off"
          hint="Say which script or machine uses it."
        />
        <div className="field">
          <label htmlFor={`${id}-expiry`}>Expires in</label>
          <select id={`${id}-expiry`} value={days} onChange={(e) => setDays(Number(e.target.value) as ExpiryDays)}>
            {EXPIRY_DAYS.map((d) => (
              <option key={d} value={d}>
                {d === 365 ? "1 year" : `${d} days`}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="btn btn-primary" disabled={k.busy !== null} aria-busy={k.busy === "create"}>
          {k.busy === "create" ? "Creating…" : "Create key"}
        </button>
      </form>
      {keys.length === 0 ? (
        <p className="field-hint">You have no API keys.</p>
      ) : (
        <ul className="session-list" data-testid="api-key-list">
          {keys.map((key) => (
            <li key={key.id} className="session-row" data-testid="api-key-item">
              <div className="session-info">
                <p className="session-device">
                  {key.name} <code>{key.shown}</code>
                  {key.expired && <span className="badge">Expired</span>}
                </p>
                <p className="session-meta">
                  created <time dateTime={key.createdAt}>{formatDateTime(key.createdAt, zone)}</time> ·{" "}
                  {key.expiresAt ? (
                    <>
                      expires <time dateTime={key.expiresAt}>{formatDateTime(key.expiresAt, zone)}</time>
                    </>
                  ) : (
                    "never expires"
                  )}
                </p>
              </div>
              <button
                type="button"
                className="btn btn-small"
                onClick={() => {
                  if (window.confirm(`Revoke "${key.name}"? Scripts using it stop working.`)) void k.revoke(key.id, key.name);
                }}
                disabled={k.busy !== null}
                aria-busy={k.busy === key.id}
                aria-label={`Revoke ${key.name}`}
              >
                {k.busy === key.id ? "Revoking…" : "Revoke"}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
