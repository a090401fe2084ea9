/**
 * Why someone was sent to sign-in, as a short code in `?reason=`. Only these codes mean
 * anything: the page shows the matching sentence and ignores any other value, so a link
 * cannot make the sign-in page display text of its author's choosing.
 */
export const SIGN_IN_REASONS = {
  "session-ended": "Your session has ended. Please sign in again.",
  "account-deleted": "Your account has been deleted, with all of its tasks.",
} as const;

export type SignInReason = keyof typeof SIGN_IN_REASONS;

export function signInReasonMessage(raw: string | string[] | null | undefined): string | null {
  const value = Array.isArray(raw) ? raw[0] : raw;
  return typeof value === "string" && Object.hasOwn(SIGN_IN_REASONS, value)
    ? SIGN_IN_REASONS[value as SignInReason]
    : null;
}

/** `path` (a sign-in path, maybe with `?next=`) with the reason added. */
export function withSignInReason(path: string, reason: SignInReason): string {
  return `${path}${path.includes("?") ? "&" : "?"}reason=${reason}`;
}
