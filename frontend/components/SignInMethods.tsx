"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { authClient } from "@/lib/auth/auth-client";
import type { SsoProvider } from "@/lib/sign-in/auth-sso";
import styles from "./account-security.module.css";

interface Props {
  /** Better Auth account rows: `id` is what unlinking takes. */
  accounts: { id: string; providerId: string }[];
  /** Providers configured on the server: the ones that can be linked. */
  providers: SsoProvider[];
  /** This page's path: where the provider sends the browser back, on success or error. */
  here: string;
  initialError: string | null;
}

/**
 * The account's ways in: the password and each linked provider. Linking from here needs a
 * signed-in session (Better Auth's `linkSocial`), so it works even while the email is
 * unverified; the provider must still vouch for the same email. Unlinking keeps at least one.
 */
export function SignInMethods({ accounts, providers, here, initialError }: Props) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(initialError);
  const [pending, setPending] = useState<string | null>(null);
  const label = (providerId: string) =>
    providerId === "credential" ? "Email and password" : (providers.find((p) => p.id === providerId)?.label ?? providerId);
  const linkable = providers.filter((p) => !accounts.some((a) => a.providerId === p.id));

  async function link(provider: SsoProvider) {
    setPending(provider.id);
    setError(null);
    const result = await authClient.linkSocial({ provider: provider.id, callbackURL: here, errorCallbackURL: here });
    if (result.error) {
      setError(`Couldn't start linking ${provider.label}. Please try again.`);
      setPending(null);
    }
  }

  async function unlink(account: { id: string; providerId: string }) {
    setPending(account.providerId);
    setError(null);
    const result = await authClient.unlinkAccount({ accountId: account.id });
    setPending(null);
    if (result.error)
      return setError(`Couldn't unlink ${label(account.providerId)}: ${result.error.message ?? "please try again."}`);
    router.refresh();
  }

  return (
    <section className={styles.section}>
      <h2>Ways to sign in</h2>
      <p className={styles.muted}>
        The ways this account can sign in: its email and password, and any single sign-on provider (an OpenID Connect provider,
        GitHub or Google) linked to it. A linked provider must vouch for the same email address.
      </p>
      {error && (
        <p role="alert" className="alert alert-error">
          {error}
        </p>
      )}
      <ul className={styles.methods} data-testid="sign-in-methods">
        {accounts.map((a) => (
          <li key={a.id} className={styles.method} data-provider={a.providerId}>
            <span>{label(a.providerId)}</span>
            {accounts.length > 1 && (
              <button
                type="button"
                className="btn btn-ghost btn-small btn-danger"
                disabled={pending !== null}
                onClick={() => unlink(a)}
              >
                Unlink<span className="visually-hidden"> {label(a.providerId)}</span>
              </button>
            )}
          </li>
        ))}
      </ul>
      {accounts.length === 1 && <p className={styles.muted}>This is your only way to sign in, so it can&apos;t be removed.</p>}
      {providers.length === 0 && (
        <p className={styles.muted} data-testid="no-sso">
          This server has no single sign-on provider, so there is nothing to link: you sign in with your email and password. To
          offer one, the operator sets <code>OIDC_ISSUER</code>, <code>OIDC_CLIENT_ID</code> and <code>OIDC_CLIENT_SECRET</code>{" "}
          (any OpenID Connect provider), or <code>GITHUB_CLIENT_ID</code> and <code>GITHUB_CLIENT_SECRET</code>, or{" "}
          <code>GOOGLE_CLIENT_ID</code> and <code>GOOGLE_CLIENT_SECRET</code>, and restarts the web app (see the web app&apos;s
          README).
        </p>
      )}
      {linkable.length > 0 && (
        <div className={styles.row}>
          {linkable.map((p) => (
            <button key={p.id} type="button" className="btn btn-ghost" disabled={pending !== null} onClick={() => link(p)}>
              {pending === p.id ? `Opening ${p.label}…` : `Link ${p.label}`}
            </button>
          ))}
        </div>
      )}
    </section>
  );
}
