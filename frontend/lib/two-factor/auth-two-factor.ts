import { twoFactor } from "better-auth/plugins/two-factor";
import { TRUST_DEVICE_DAYS } from "./totp";

/**
 * Two-factor sign-in (TOTP + backup codes) with Better Auth's twoFactor plugin. After the
 * password, a person with 2FA on gets `twoFactorRedirect: true` and no session: the session
 * (and so any JWT) exists only after `/two-factor/verify-totp` or `verify-backup-code`.
 * Better Auth's limits stay as they are: 5 wrong codes per sign-in challenge, 10 failures in a
 * row lock the second factor for 15 minutes, and its rate limiter allows 3 `/two-factor/*`
 * calls per 10 s per IP when rate limiting is on.
 */
export function twoFactorPlugin(appName: string) {
  return twoFactor({
    // The name authenticator apps show next to the code.
    issuer: appName,
    trustDeviceMaxAge: TRUST_DEVICE_DAYS * 24 * 60 * 60,
    // Backup codes are stored encrypted with BETTER_AUTH_SECRET (Better Auth's default).
    backupCodeOptions: { amount: 10, length: 10 },
  });
}
