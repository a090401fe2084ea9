/** What the 2FA pages need from Better Auth's `otpauth://totp/…` URI and from what people type. */

/** How long "Trust this device" skips the code step (also the plugin's trustDeviceMaxAge). */
export const TRUST_DEVICE_DAYS = 30;

/** The base32 secret inside a TOTP URI, for people who type it into their app instead of scanning. */
export function totpSecret(totpURI: string): string | null {
  let url: URL;
  try {
    url = new URL(totpURI);
  } catch {
    return null;
  }
  if (url.protocol !== "otpauth:") return null;
  const secret = url.searchParams.get("secret");
  return secret && /^[A-Z2-7]+=*$/i.test(secret) ? secret.toUpperCase().replace(/=+$/, "") : null;
}

/** The 6-digit code field: phone number pad, and the OS may offer the code from an SMS/app. */
export const TOTP_INPUT = {
  type: "text",
  inputMode: "numeric",
  autoComplete: "one-time-code",
  pattern: "[0-9 ]*",
  maxLength: 7,
} as const;

/** "JBSWY3DPEHPK3PXP" → "JBSW Y3DP EHPK 3PXP": easier to read out and type. */
export function groupSecret(secret: string): string {
  return secret.match(/.{1,4}/g)?.join(" ") ?? "";
}

/** The 6-digit code as typed or pasted ("123 456", "123-456") → "123456", or null if it isn't one. */
export function normaliseTotpCode(input: string): string | null {
  const digits = input.replace(/[\s-]/g, "");
  return /^\d{6}$/.test(digits) ? digits : null;
}

/**
 * A backup code as typed. Better Auth's are "xxxxx-xxxxx" and case-sensitive; spaces are
 * dropped and a forgotten dash is put back.
 */
export function normaliseBackupCode(input: string): string | null {
  const compact = input.replace(/\s+/g, "");
  if (/^[A-Za-z0-9]{10}$/.test(compact)) return `${compact.slice(0, 5)}-${compact.slice(5)}`;
  return /^[A-Za-z0-9]{5}-[A-Za-z0-9]{5}$/.test(compact) ? compact : null;
}

/** The text file offered for download: one code per line, with a sentence on what they are. */
export function backupCodesFile(codes: string[], email: string): string {
  return [
    `Tasks backup codes for ${email}`,
    "Each code signs you in once when you cannot use your authenticator app. Keep them somewhere safe.",
    "",
    ...codes,
    "",
  ].join("\n");
}

/** Better Auth's two-factor errors → sentences for people. */
export function twoFactorErrorMessage(
  error: { code?: string | null; status?: number } | null | undefined,
  backup = false,
): string {
  switch (error?.code) {
    case "INVALID_CODE":
      return "That code isn't right. Enter the 6-digit code your authenticator app shows now.";
    case "INVALID_BACKUP_CODE":
      return "That backup code isn't right, or it has been used already.";
    case "TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE":
    case "INVALID_TWO_FACTOR_COOKIE":
      return "This sign-in has expired or had too many wrong codes. Sign in with your password again.";
    case "ACCOUNT_TEMPORARILY_LOCKED":
      return "Too many wrong codes: two-factor sign-in is locked for 15 minutes. Try again later.";
    case "INVALID_PASSWORD":
      return "Wrong password. Check it and try again.";
    case "TOTP_ALREADY_ENABLED":
      return "Two-factor authentication is already on.";
  }
  const status = error?.status ?? 0;
  if (status === 0) return "Can't reach the server. Check your connection and try again.";
  if (status === 429) return "Too many attempts. Wait a few seconds and try again.";
  if (status === 401) return backup ? "That backup code isn't right, or it has been used already." : "That code isn't right.";
  return "Something went wrong. Please try again.";
}

/** Whether the sign-in must start over (the pending challenge is gone). */
export function twoFactorChallengeEnded(error: { code?: string | null } | null | undefined): boolean {
  return error?.code === "TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE" || error?.code === "INVALID_TWO_FACTOR_COOKIE";
}
