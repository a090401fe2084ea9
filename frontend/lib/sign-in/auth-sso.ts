import type { BetterAuthOptions, BetterAuthPlugin } from "better-auth";
import { genericOAuth } from "better-auth/plugins/generic-oauth";

/** A "Sign in with …" button: what the sign-in and sign-up pages need to know, nothing secret. */
export interface SsoProvider {
  /** Better Auth's provider id: `signIn.social({ provider: id })`, callback `/api/auth/callback/<id>`. */
  id: "oidc" | "github" | "google";
  label: string;
}

interface ClientPair {
  clientId: string;
  clientSecret: string;
}

export interface SsoConfig {
  oidc: (ClientPair & { issuer: string; name: string }) | null;
  github: ClientPair | null;
  google: ClientPair | null;
}

/**
 * Which single-sign-on providers are configured. A provider is on when all its variables are
 * set and off when none is; some but not all is a mistake that fails the start with the names
 * of the missing variables, rather than a button that leads nowhere.
 */
export function ssoEnv(env: NodeJS.ProcessEnv = process.env): SsoConfig {
  const oidc = group(env, "OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET");
  if (oidc) {
    try {
      new URL(oidc.OIDC_ISSUER);
    } catch {
      throw new Error(`OIDC_ISSUER must be a URL such as https://login.example.com; got "${oidc.OIDC_ISSUER}"`);
    }
  }
  const github = group(env, "GITHUB_CLIENT_ID", "GITHUB_CLIENT_SECRET");
  const google = group(env, "GOOGLE_CLIENT_ID", "GOOGLE_CLIENT_SECRET");
  return {
    oidc: oidc && {
      issuer: oidc.OIDC_ISSUER.replace(/\/+$/, ""),
      clientId: oidc.OIDC_CLIENT_ID,
      clientSecret: oidc.OIDC_CLIENT_SECRET,
      name: env.OIDC_NAME?.trim() || "SSO",
    },
    github: github && { clientId: github.GITHUB_CLIENT_ID, clientSecret: github.GITHUB_CLIENT_SECRET },
    google: google && { clientId: google.GOOGLE_CLIENT_ID, clientSecret: google.GOOGLE_CLIENT_SECRET },
  };
}

function group<K extends string>(env: NodeJS.ProcessEnv, ...names: K[]): Record<K, string> | null {
  const values = names.map((name) => env[name]?.trim() ?? "");
  const missing = names.filter((_, i) => !values[i]);
  if (missing.length === names.length) return null;
  if (missing.length > 0) {
    const set = names.filter((_, i) => values[i]);
    throw new Error(
      `${set.join(", ")} ${set.length > 1 ? "are" : "is"} set but ${missing.join(", ")} ${missing.length > 1 ? "are" : "is"} not: ` +
        `set all of ${names.join(", ")} to turn this sign-in provider on, or none to leave it off`,
    );
  }
  return Object.fromEntries(names.map((name, i) => [name, values[i]])) as Record<K, string>;
}

/** The buttons to show, in a stable order: the organisation's own provider first. */
export function ssoProviders(config: SsoConfig): SsoProvider[] {
  return [
    ...(config.oidc ? [{ id: "oidc" as const, label: config.oidc.name }] : []),
    ...(config.github ? [{ id: "github" as const, label: "GitHub" }] : []),
    ...(config.google ? [{ id: "google" as const, label: "Google" }] : []),
  ];
}

/**
 * Better Auth options for single sign-on: GitHub/Google as built-in social providers, any
 * OpenID Connect provider through the generic OAuth plugin (discovery, PKCE by default, the
 * ID token checked against the provider's JWKS, issuer and nonce).
 *
 * Account linking keeps Better Auth's defaults, spelled out: a provider's sign-in joins an
 * existing account with the same email only when the provider says the email is verified AND
 * the local account verified it too. Otherwise whoever registered someone else's address with
 * a password first could wait for the owner to arrive by SSO, or the other way round.
 */
export function ssoOptions(
  config: SsoConfig,
  /**
   * REQUIRE_EMAIL_VERIFICATION: a provider sign-in whose address is not confirmed (the provider says
   * `email_verified: false`, and it was not confirmed here) gets no session, like a password sign-up
   * (Better Auth's per-provider `requireEmailVerification`; probe issue 21, finding 13). The account
   * is made and our confirmation mail sent (`sendOnSignUp`); the browser comes back with
   * `?error=email_not_verified`.
   */
  requireEmailVerification = false,
): {
  socialProviders: NonNullable<BetterAuthOptions["socialProviders"]>;
  account: NonNullable<BetterAuthOptions["account"]>;
  plugins: BetterAuthPlugin[];
} {
  return {
    socialProviders: {
      ...(config.github && { github: { ...config.github, requireEmailVerification } }),
      ...(config.google && { google: { ...config.google, requireEmailVerification } }),
    },
    account: {
      accountLinking: {
        enabled: true,
        // No provider is trusted to vouch for an email it does not mark verified.
        trustedProviders: [],
        requireLocalEmailVerified: true,
        allowDifferentEmails: false,
      },
    },
    plugins: config.oidc
      ? [
          genericOAuth({
            config: [
              {
                providerId: "oidc",
                name: config.oidc.name,
                discoveryUrl: `${config.oidc.issuer}/.well-known/openid-configuration`,
                clientId: config.oidc.clientId,
                clientSecret: config.oidc.clientSecret,
                scopes: ["openid", "email", "profile"],
                pkce: true,
                // Refuse to run without the issuer's keys rather than trust an unverified ID token.
                requireIdTokenVerification: true,
                requireEmailVerification,
              },
            ],
          }),
        ]
      : [],
  };
}

/**
 * Better Auth sends a failed provider sign-in back with `?error=<code>`; this is the sentence
 * shown on our own page instead of Better Auth's error page.
 */
export function ssoErrorMessage(code: string | string[] | undefined): string | null {
  const value = Array.isArray(code) ? code[0] : code;
  if (!value) return null;
  switch (value) {
    case "account_not_linked":
      return (
        "An account with this email already exists, but its email address hasn't been verified, so it can't be " +
        "joined to this sign-in automatically. Verify your email first, or sign in with your password and link " +
        "the provider from your account settings."
      );
    case "email_not_verified":
      return "Confirm your email address first: we sent you a link. Then sign in again.";
    case "email_not_found":
      return "The provider didn't share an email address with us. Allow access to your email there, or sign in with your password.";
    case "email_does_not_match":
      return "That provider account uses a different email address than yours, so it can't be linked.";
    case "account_already_linked_to_different_user":
      return "That provider account is already linked to another Tasks account.";
    case "access_denied":
      return "Sign-in was cancelled at the provider.";
    case "signup_disabled":
      return "There is no account for this sign-in yet.";
    default:
      return "Signing in with the provider didn't work. Please try again, or use your email and password.";
  }
}
