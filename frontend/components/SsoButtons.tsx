"use client";

import { useState } from "react";
import { authClient } from "@/lib/auth/auth-client";
import type { SsoProvider } from "@/lib/sign-in/auth-sso";
import styles from "./account-security.module.css";

interface Props {
  /** The configured providers, as the server read them from its environment. */
  providers: SsoProvider[];
  /** Where to land once signed in (a sanitised same-site path). */
  next: string;
  /** Where Better Auth sends a failed sign-in, with `error=<code>` appended: our own page. */
  errorPath: string;
}

/**
 * "Sign in with …" for each configured provider. Better Auth answers with the provider's
 * authorization URL (state, PKCE, nonce stored server-side) and the browser goes there; the
 * provider returns to /api/auth/callback/<id>, which sets the session cookie and redirects to `next`.
 */
export function SsoButtons({ providers, next, errorPath }: Props) {
  const [pending, setPending] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (providers.length === 0) return null;

  async function signIn(provider: SsoProvider) {
    setPending(provider.id);
    setError(null);
    try {
      const result = await authClient.signIn.social({ provider: provider.id, callbackURL: next, errorCallbackURL: errorPath });
      // On success the client follows the provider URL itself; only failures come back here.
      if (result.error) {
        setError(`Couldn't start sign-in with ${provider.label}. Please try again.`);
        setPending(null);
      }
    } catch {
      setError("Can't reach the server. Check your connection and try again.");
      setPending(null);
    }
  }

  return (
    <div className={styles.sso}>
      <p className={styles.divider}>
        <span>or</span>
      </p>
      {error && (
        <p role="alert" className="alert alert-error">
          {error}
        </p>
      )}
      {providers.map((p) => (
        <button
          key={p.id}
          type="button"
          className={`btn btn-ghost btn-block ${styles.providerButton}`}
          disabled={pending !== null}
          aria-busy={pending === p.id}
          onClick={() => signIn(p)}
        >
          {pending === p.id ? `Opening ${p.label}…` : `Sign in with ${p.label}`}
        </button>
      ))}
    </div>
  );
}
