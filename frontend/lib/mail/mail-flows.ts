import { authErrorMessage, newPasswordLengthError, type AuthErrorLike } from "../auth/auth-errors";

/** Checks of the reset form before sending: length (as Better Auth checks it) and the confirmation. */
export function validateNewPassword(fields: { password: string; confirm: string }): { password?: string; confirm?: string } {
  const errors: { password?: string; confirm?: string } = {};
  if (!fields.password) errors.password = "Enter a new password.";
  else errors.password = newPasswordLengthError(fields.password);
  if (!errors.password && fields.confirm !== fields.password)
    errors.confirm = "The two passwords differ. Type the same one twice.";
  return errors;
}

export const EXPIRED_RESET_LINK = "This reset link has expired or was already used. Ask for a new one below.";

/** Better Auth's answer to POST /reset-password (or the link's `?error=`) as a sentence. */
export function resetErrorMessage(error: AuthErrorLike | null | undefined): string {
  if (error?.code === "INVALID_TOKEN" || error?.code === "USER_NOT_FOUND") return EXPIRED_RESET_LINK;
  return authErrorMessage(error, "signup");
}

/** What the page says about a verification link that did not work (`?error=` from Better Auth). */
export function verificationErrorMessage(code: string): string {
  if (code === "TOKEN_EXPIRED") return "This confirmation link has expired. Send yourself a new one below.";
  if (code === "USER_NOT_FOUND") return "The account for this confirmation link no longer exists.";
  return "This confirmation link is not valid. Use the newest link we sent, or send yourself a new one below.";
}

/** Better Auth's answer to POST /send-verification-email as a sentence. */
export function resendErrorMessage(error: AuthErrorLike | null | undefined): string {
  if (error?.code === "EMAIL_ALREADY_VERIFIED") return "This email address is already confirmed.";
  if (error?.code === "EMAIL_MISMATCH") return "You are signed in with another email address: use that one, or sign out first.";
  return authErrorMessage(error, "signup");
}
