"use client";

import { useState } from "react";
import { emailVerifiedPath } from "@/lib/account/account-links";
import { authClient } from "@/lib/auth/auth-client";
import { CONFIRM_BANNER_DISMISSED_COOKIE, confirmBannerText, resendRefusedText, resentText } from "@/lib/mail/confirm-banner";

/**
 * Above the tasks of an account whose address is not confirmed: what was sent, where, why it
 * matters, "send again", and where the outbox is on a local run. Dismissing sets a cookie for the
 * browser session (the page reads it on the server, so a dismissed banner never flashes): it comes
 * back in the next one until the address is confirmed.
 */
export function ConfirmEmailBanner({ userId, email, outboxDir }: { userId: string; email: string; outboxDir: string | null }) {
  const [dismissed, setDismissed] = useState(false);
  const [pending, setPending] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const text = confirmBannerText(email, outboxDir);

  if (dismissed) return null;

  async function sendAgain() {
    if (pending) return;
    setPending(true);
    setResult(null);
    let retryAfter: string | null = null;
    try {
      const { error } = await authClient.sendVerificationEmail(
        { email, callbackURL: emailVerifiedPath() },
        {
          onError: (ctx) =>
            void (retryAfter = ctx.response.headers.get("retry-after") ?? ctx.response.headers.get("x-retry-after")),
        },
      );
      setResult(error ? { ok: false, text: resendRefusedText(error.status, retryAfter) } : { ok: true, text: resentText(email) });
    } catch {
      setResult({ ok: false, text: resendRefusedText(0, null) });
    } finally {
      setPending(false);
    }
  }

  return (
    <section className="confirm-banner" aria-label="Confirm your email address" data-testid="confirm-banner">
      <p>
        <strong>{text.sent}</strong> {text.why}
      </p>
      {text.outbox && <p className="confirm-banner-outbox">{text.outbox}</p>}
      <div className="confirm-banner-actions">
        <button type="button" className="btn btn-ghost btn-small" onClick={sendAgain} disabled={pending} aria-busy={pending}>
          {pending ? "Sending…" : "Send again"}
        </button>
        <button
          type="button"
          className="btn btn-ghost btn-small"
          onClick={() => {
            document.cookie = `${CONFIRM_BANNER_DISMISSED_COOKIE}=${encodeURIComponent(userId)}; path=/; SameSite=Lax`;
            setDismissed(true);
          }}
        >
          Dismiss
        </button>
      </div>
      <p
        role="status"
        aria-live="polite"
        className={result ? `alert ${result.ok ? "alert-success" : "alert-error"}` : "visually-hidden"}
      >
        {result?.text}
      </p>
    </section>
  );
}
