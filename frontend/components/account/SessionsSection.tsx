"use client";

import { useId } from "react";
import { formatDateTime, type SessionView } from "@/lib/account/session-view";
import { useTimeZone } from "../useTimeZone";
import { useSessions } from "./useSessions";

export function SessionsSection({ sessions, here }: { sessions: SessionView[]; here: string }) {
  const id = useId();
  const { busy, error, notice, signOutOne, signOutOthers } = useSessions(here);
  const others = sessions.filter((s) => !s.current).length;
  const zone = useTimeZone();

  return (
    <section className="account-card card" aria-labelledby={`${id}-title`} aria-busy={busy !== null}>
      <h2 id={`${id}-title`}>Where you&apos;re signed in</h2>
      <div role="alert" className={error ? "alert alert-error" : "visually-hidden"}>
        {error}
      </div>
      <div role="status" className={notice ? "alert alert-success" : "visually-hidden"} data-testid="sessions-notice">
        {notice}
      </div>
      <ul className="session-list" data-testid="session-list">
        {sessions.map((s) => (
          <li key={s.id} className="session-row" data-testid="session-item" data-current={s.current}>
            <div className="session-info">
              <p className="session-device">
                {s.device}
                {s.current && <span className="badge">This device</span>}
              </p>
              <p className="session-meta">
                {s.ip ? `IP ${s.ip} · ` : ""}signed in <time dateTime={s.signedInAt}>{formatDateTime(s.signedInAt, zone)}</time> ·
                last active <time dateTime={s.lastActiveAt}>{formatDateTime(s.lastActiveAt, zone)}</time>
              </p>
            </div>
            {!s.current && (
              <button
                type="button"
                className="btn btn-small"
                onClick={() => signOutOne(s.id, s.device)}
                disabled={busy !== null}
                aria-busy={busy === s.id}
                aria-label={`Sign out ${s.device}, signed in ${formatDateTime(s.signedInAt, zone)}`}
              >
                {busy === s.id ? "Signing out…" : "Sign out"}
              </button>
            )}
          </li>
        ))}
      </ul>
      {others > 0 ? (
        <button type="button" className="btn" onClick={signOutOthers} disabled={busy !== null} aria-busy={busy === "others"}>
          {busy === "others" ? "Signing out…" : "Sign out all other devices"}
        </button>
      ) : (
        <p className="field-hint">You&apos;re not signed in anywhere else.</p>
      )}
    </section>
  );
}
