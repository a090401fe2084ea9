"use client";

import { useState } from "react";
import Link from "next/link";
import { forgotPasswordPath } from "@/lib/account/account-links";
import type { Locale } from "@/lib/http/paths";
import { signInPath } from "@/lib/http/paths";

const UNDO_URL = "/api/auth/email-change/undo";

/** The undo button: POST /api/auth/email-change/undo, then on to choosing a new password. */
export function UndoEmailChange({ token, locale }: { token: string | null; locale: Locale }) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(token ? null : "This undo link is incomplete. Open it again from the email.");

  async function undo() {
    if (!token || pending) return;
    setPending(true);
    setError(null);
    try {
      const res = await fetch(UNDO_URL, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ token }),
      });
      const body = (await res.json().catch(() => ({}))) as { resetPath?: string; message?: string };
      if (res.ok && body.resetPath) {
        window.location.assign(body.resetPath.replace(/^\/en\//, `/${locale}/`));
        return;
      }
      setError(
        res.status >= 500 || !body.message ? "Something went wrong on our side. Please try again in a moment." : body.message,
      );
    } catch {
      setError("Can't reach the server. Check your connection and try again.");
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="auth-form">
      {error && (
        <p role="alert" className="alert alert-error">
          {error}
        </p>
      )}
      <button type="button" className="btn btn-primary btn-block" onClick={undo} disabled={!token || pending} aria-busy={pending}>
        {pending ? "Undoing…" : "Undo the change"}
      </button>
      <p className="auth-switch">
        Made the change yourself? Nothing to do: <Link href={signInPath(null, locale)}>sign in</Link>. Lost access some other way?{" "}
        <Link href={forgotPasswordPath(locale)}>Reset your password</Link>.
      </p>
    </div>
  );
}
