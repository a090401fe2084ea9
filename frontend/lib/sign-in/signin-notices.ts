/**
 * Why someone was sent to sign-in, as a short name in `?notice=`. Only these names mean
 * anything: the page shows the matching sentence and ignores any other value, so a link
 * cannot make the sign-in page display text of its author's choosing.
 */
export const SIGN_IN_NOTICES = {
  "session-ended": "Your session has ended. Please sign in again.",
  "account-deleted": "Your account has been deleted, with all of its tasks.",
  // After a password reset (every session ended) and after the email verification link.
  "password-changed": "Your password was changed, and every session signed out. Sign in with the new password.",
  "email-verified": "Your email address is confirmed.",
  // The confirmation link never signs in (a session from a link would skip two-factor).
  "email-confirmed-sign-in": "Your email address is confirmed. Sign in to continue.",
  // An address change's link, opened where nobody is signed in (it never signs in either).
  "email-changed-sign-in": "Your email address is changed. Sign in with the new one.",
} as const;

export type SignInNotice = keyof typeof SIGN_IN_NOTICES;

export function signInNoticeText(raw: string | string[] | null | undefined): string | undefined {
  const value = Array.isArray(raw) ? raw[0] : raw;
  return typeof value === "string" && Object.hasOwn(SIGN_IN_NOTICES, value) ? SIGN_IN_NOTICES[value as SignInNotice] : undefined;
}

/** `path` (a sign-in path, maybe with `?next=`) with the notice added. */
export function withSignInNotice(path: string, notice: SignInNotice): string {
  return `${path}${path.includes("?") ? "&" : "?"}notice=${notice}`;
}
