/** Better Auth's error (from authClient.signIn/signUp) as far as the forms need it. */
export interface AuthErrorLike {
  code?: string | null;
  message?: string | null;
  status?: number;
  /** Seconds, from the 429's `Retry-After` header or the per-account limit's body. */
  retryAfter?: number | string | null;
}

export type AuthMode = "signin" | "signup";

export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 128;

/** A sentence for a person: what went wrong and what to do, never a raw code. */
export function authErrorMessage(error: AuthErrorLike | null | undefined, mode: AuthMode): string {
  if (!error) return "Something went wrong. Please try again.";
  switch (error.code) {
    case "USER_ALREADY_EXISTS":
    case "USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL":
      return "An account with this email already exists. Sign in instead, or use another email.";
    case "PASSWORD_TOO_SHORT":
      return `That password is too short: use at least ${MIN_PASSWORD_LENGTH} characters.`;
    case "PASSWORD_TOO_LONG":
      return `That password is too long: use at most ${MAX_PASSWORD_LENGTH} characters.`;
    case "INVALID_EMAIL_OR_PASSWORD":
    case "INVALID_PASSWORD":
    case "USER_NOT_FOUND":
    case "CREDENTIAL_ACCOUNT_NOT_FOUND":
      return "Wrong email or password. Check them and try again.";
    case "INVALID_EMAIL":
      return "That doesn't look like an email address.";
    case "TOO_MANY_ATTEMPTS":
      return tooManyAttempts(error.retryAfter);
    case "EMAIL_NOT_VERIFIED":
      return "Confirm your email address first: open the link we sent you.";
    case "INVALID_ORIGIN":
    case "MISSING_OR_NULL_ORIGIN":
      return "This page's address isn't allowed to sign in. Open the app from its usual address.";
  }
  const status = error.status ?? 0;
  if (status === 0) return "Can't reach the server. Check your connection and try again.";
  if (status === 429) return tooManyAttempts(error.retryAfter);
  if (status === 401 && mode === "signin") return "Wrong email or password. Check them and try again.";
  if (status >= 500) return "Something went wrong on our side. Please try again in a moment.";
  return error.message || "Something went wrong. Please try again.";
}

/** Better Auth's per-address limit and the per-account one (lib/sign-in/sign-in-throttle.ts) alike. */
function tooManyAttempts(retryAfter: AuthErrorLike["retryAfter"]): string {
  const seconds = Number(retryAfter);
  return Number.isInteger(seconds) && seconds > 0
    ? `Too many attempts. Try again in ${seconds} s.`
    : "Too many attempts. Wait a few seconds and try again.";
}

/** The email field's check (sign-in, sign-up, forgot password, resend): a sentence, or undefined when fine. */
export function validateEmail(value: string): string | undefined {
  const email = value.trim();
  if (!email) return "Enter your email address.";
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) return "That doesn't look like an email address.";
  return undefined;
}

/** Checks done before sending, so the common mistakes get an instant answer. */
export function validateCredentials(
  fields: { email: string; password: string },
  mode: AuthMode,
): { email?: string; password?: string } {
  const errors: { email?: string; password?: string } = {};
  const emailError = validateEmail(fields.email);
  if (emailError) errors.email = emailError;
  if (!fields.password) errors.password = "Enter your password.";
  else if (mode === "signup") errors.password = newPasswordLengthError(fields.password);
  return errors;
}

/** A new password's length as Better Auth checks it (sign-up, reset). */
export function newPasswordLengthError(password: string): string | undefined {
  if (password.length < MIN_PASSWORD_LENGTH) return `Use at least ${MIN_PASSWORD_LENGTH} characters.`;
  if (password.length > MAX_PASSWORD_LENGTH) return `Use at most ${MAX_PASSWORD_LENGTH} characters.`;
  return undefined;
}
