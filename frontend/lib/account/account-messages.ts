import { authErrorMessage, newPasswordLengthError, type AuthErrorLike } from "../auth/auth-errors";

/** Better Auth's error from an account-page call (change password, delete, sessions) as a sentence. */
export function accountErrorMessage(error: AuthErrorLike | null | undefined): string {
  switch (error?.code) {
    case "INVALID_PASSWORD":
      return "That password is wrong. Check it and try again.";
    case "CREDENTIAL_ACCOUNT_NOT_FOUND":
      return "This account has no password: it signs in another way.";
    case "VERIFICATION_EMAIL_NOT_ENABLED":
      return "Email sending isn't set up on this server, so no verification email can be sent.";
    case "EMAIL_ALREADY_VERIFIED":
      return "Your email address is already verified.";
    case "DELETE_NEEDS_PROOF":
      return "Enter your password to delete your account.";
    case "USE_PASSWORD":
      return "This account has a password: enter it to delete the account.";
  }
  if (error?.status === 401) return "Your session has ended. Please sign in again.";
  return authErrorMessage(error, "signup");
}

/** True when the error means this browser is no longer signed in. */
export const isSignedOut = (error: AuthErrorLike | null | undefined) => error?.status === 401;

export interface PasswordChange {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

export type PasswordChangeErrors = Partial<Record<keyof PasswordChange, string>>;

/** Checked before sending, so the common mistakes get an instant answer and nothing is sent. */
export function validatePasswordChange({ currentPassword, newPassword, confirmPassword }: PasswordChange): PasswordChangeErrors {
  const errors: PasswordChangeErrors = {};
  if (!currentPassword) errors.currentPassword = "Enter your current password.";
  if (!newPassword) errors.newPassword = "Enter a new password.";
  else if (newPasswordLengthError(newPassword)) errors.newPassword = newPasswordLengthError(newPassword);
  else if (newPassword === currentPassword) errors.newPassword = "Choose a password different from the current one.";
  if (!errors.newPassword && confirmPassword !== newPassword) errors.confirmPassword = "The two new passwords don't match.";
  return errors;
}
