import { betterAuth, type BetterAuthOptions } from "better-auth";
import { nextCookies } from "better-auth/next-js";
import { jwt } from "better-auth/plugins/jwt";
import type { JWKOptions } from "better-auth/plugins/jwt";
import { Pool } from "pg";
import { ssoEnv, ssoOptions } from "../sign-in/auth-sso";
import { twoFactorPlugin } from "../two-factor/auth-two-factor";
import { signInThrottle } from "../sign-in/sign-in-throttle";
import { userFieldLimits } from "./user-fields";
import { emailProof } from "../account/email-proof";
import { deletionProof } from "../account/deletion-proof";
import { emailChange } from "../account/email-change";
import { unverifiedSignInLooksWrong } from "../sign-in/unverified-sign-in";
import { authMailOptions, DELETE_LINK_MINUTES } from "../mail/auth-mail";
import { requireEmailVerification } from "../mail/config";
import type { Mailer } from "../mail/transport";
import { accountDeletion } from "../account/account-deletion";
import { mailLimit } from "../mail/mail-limit";
import { passwordResetCleanup } from "../sign-in/password-reset";
import { totpReplay } from "../two-factor/totp-replay";
import { trustedDevices } from "../two-factor/trusted-devices";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "./auth-errors";
import { jwtPayload } from "./jwt-payload";
import { teamsPlugin } from "../teams/team-options";
import { apiKeyPlugin } from "../api-keys/api-key-options";

const JWT_ALGS = ["EdDSA", "ES256", "ES512", "RS256", "PS256"] as const;
type JwtAlg = JWKOptions["alg"];

/** Every setting comes from the environment; defaults suit a local run. */
export function authEnv(env: NodeJS.ProcessEnv = process.env) {
  const baseURL = stripTrailingSlash(env.BETTER_AUTH_URL || "http://localhost:3000");
  const alg = (env.JWT_ALG || "EdDSA") as JwtAlg;
  if (!JWT_ALGS.includes(alg)) {
    throw new Error(`JWT_ALG must be one of ${JWT_ALGS.join(", ")}; got "${env.JWT_ALG}"`);
  }
  return {
    // The API's embedded PostgreSQL wants its generated password (./run.sh passes DATABASE_URL with it).
    databaseURL:
      env.DATABASE_URL ||
      `postgresql://postgres:${encodeURIComponent(env.EMBEDDED_POSTGRES_PASSWORD ?? "")}@127.0.0.1:15432/tasks`,
    baseURL,
    // `next build` loads this module to collect page data; no request is served then, so a
    // placeholder keeps Better Auth from refusing the missing secret. At run time it is required.
    secret:
      env.BETTER_AUTH_SECRET ||
      (env.NEXT_PHASE === "phase-production-build" ? "build-phase-placeholder-secret-not-used-for-requests" : undefined),
    // The origin serving the pages is always trusted; TRUSTED_ORIGINS adds more (comma-separated).
    trustedOrigins: [
      baseURL,
      ...(env.TRUSTED_ORIGINS ?? "")
        .split(",")
        .map((o) => stripTrailingSlash(o.trim()))
        .filter(Boolean),
    ],
    // A string such as "15m": a bare number would be read by Better Auth as an absolute `exp`.
    jwtExpirationTime: env.JWT_EXPIRATION_TIME || "15m",
    jwtAlg: alg,
    // Better Auth limits sign-in/sign-up to 3 per 10 s per IP in production; tests that sign up
    // many users from one address turn it off with AUTH_RATE_LIMIT=off.
    rateLimit: env.AUTH_RATE_LIMIT === "off" ? false : env.AUTH_RATE_LIMIT === "on" ? true : undefined,
  };
}

function stripTrailingSlash(url: string) {
  return url.replace(/\/+$/, "");
}

/**
 * Builds the Better Auth instance; `scripts/migrate.ts` uses the same options for the schema.
 * `database` replaces the PostgreSQL pool (tests use Better Auth's memory adapter), `mailer` the mail transport.
 */
export function createAuth(env: NodeJS.ProcessEnv = process.env, database?: BetterAuthOptions["database"], mailer?: Mailer) {
  const c = authEnv(env);
  const sso = ssoOptions(ssoEnv(env), requireEmailVerification(env));
  // Plugins whose state Better Auth's option callbacks need: their `init` keeps the adapter.
  const mailLimits = mailLimit();
  const resetCleanup = passwordResetCleanup();
  const mail = authMailOptions(env, mailer, mailLimits.allow);
  const pool = database ? undefined : new Pool({ connectionString: c.databaseURL, max: 10 });
  return betterAuth({
    appName: "Tasks",
    baseURL: c.baseURL,
    secret: c.secret,
    trustedOrigins: c.trustedOrigins,
    database: database ?? pool,
    emailAndPassword: {
      enabled: true,
      // The same limits the forms check before sending (lib/auth-errors).
      minPasswordLength: MIN_PASSWORD_LENGTH,
      maxPasswordLength: MAX_PASSWORD_LENGTH,
      ...mail.emailAndPassword,
      // Other reset links, the sign-in back-off and trusted devices end with a completed reset.
      onPasswordReset: resetCleanup.onPasswordReset,
    },
    emailVerification: mail.emailVerification,
    // Deletion takes the password again (or a mailed link, for accounts without one: lib/account/deletion-proof.ts)
    // and removes the user's tasks too, in one transaction.
    // An address change is confirmed at the new address; the old one is told and can undo it
    // (lib/account/email-change.ts).
    user: { deleteUser: accountDeletion(pool), changeEmail: { enabled: true } },
    // list-sessions would hand every device's session token (its cookie credential) to page
    // scripts; the account page lists sessions on the server instead (auth.api still works).
    // api-key/update could lift a key's expiry (expiresIn: null = never); the account page only creates
    // and revokes, so every key keeps the expiry it was made with (lib/api-keys).
    disabledPaths: ["/list-sessions", "/api-key/update"],
    // Counters in the database (table "rateLimit", created by scripts/migrate.ts), not in this
    // process's memory: every instance of the web app counts against the same limit, and a restart
    // forgets nothing. Each request past the first in a window is one conditional UPDATE.
    rateLimit: { enabled: c.rateLimit, storage: "database" },
    socialProviders: sso.socialProviders,
    account: sso.account,
    // X-Forwarded-For holds exactly one address, decided from the socket and TRUSTED_PROXIES by
    // preload.mjs (lib/http/client-address.mjs) before Next.js reads the request: rate limits and
    // session records use it.
    advanced: { ipAddress: { ipAddressHeaders: ["x-forwarded-for"] } },
    plugins: [
      twoFactorPlugin("Tasks"),
      ...sso.plugins,
      jwt({
        jwt: {
          expirationTime: c.jwtExpirationTime,
          // The Java API requires iss == BETTER_AUTH_URL and aud containing it (SPEC 1.2).
          issuer: c.baseURL,
          audience: c.baseURL,
          // Replaces the default claims (the whole user record): sub, email, name and the session id.
          definePayload: jwtPayload,
        },
        jwks: { keyPairConfig: { alg: c.jwtAlg } as JWKOptions },
      }),
      signInThrottle(),
      emailProof(),
      unverifiedSignInLooksWrong(),
      deletionProof(mail.sendDeleteAccountVerification, DELETE_LINK_MINUTES),
      emailChange(mail.sendEmailChangedNotice),
      totpReplay(),
      trustedDevices(),
      // Teams (SPEC 1.9): Better Auth organizations; invitations mailed through lib/mail (lib/teams).
      teamsPlugin({ baseURL: c.baseURL, mail: { send: mail.send, wouldAllow: mailLimits.wouldAllow }, pool }),
      // API keys for scripts calling the Java API (issue 22; lib/api-keys).
      apiKeyPlugin(),
      resetCleanup.plugin,
      mailLimits.plugin,
      userFieldLimits(),
      // Must stay last: lets server actions/components set Better Auth cookies.
      nextCookies(),
    ],
  });
}
