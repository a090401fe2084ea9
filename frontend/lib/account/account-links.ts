import { DEFAULT_LOCALE, type Locale } from "../http/paths";

/** Pages of the mail flows (browser and server alike). */
export const forgotPasswordPath = (locale: Locale = DEFAULT_LOCALE) => `/${locale}/forgot-password`;
/** Better Auth's mailed reset link redirects here with `?token=…`, or `?error=INVALID_TOKEN`. */
export const resetPasswordPath = (locale: Locale = DEFAULT_LOCALE) => `/${locale}/reset-password`;
/** Better Auth's verification link redirects here, with `?error=…` when the link is no good. */
export const emailVerifiedPath = (locale: Locale = DEFAULT_LOCALE) => `/${locale}/email-verified`;
/** `notice` on the reset page after a first confirmation that removed the earlier sign-in methods (lib/account/email-proof.ts). */
export const EMAIL_CONFIRMED_NOTICE = "email-confirmed";
/** Where the old address's "undo the change" link opens: a page with a button (lib/account/email-change.ts). */
export const emailChangeUndoPath = (locale: Locale = DEFAULT_LOCALE) => `/${locale}/email-change/undo`;
/** `notice` on the reset page after an undone address change (every session ended). */
export const EMAIL_CHANGE_UNDONE_NOTICE = "email-change-undone";
/** The change link's landing: the email-verified page, told it was a change. */
export const emailChangedPath = (locale: Locale = DEFAULT_LOCALE) => `${emailVerifiedPath(locale)}?change=1`;
/**
 * Where the emailed delete link lands once the account is gone (app/[locale]/account-deleted): the
 * session went with it, so the link names the user whose unsent task edits the browser should forget,
 * with the server's proof that the link was made for that user (lib/account/account-deleted.ts).
 */
export const accountDeletedPath = (userId: string, proof: string, locale: Locale = DEFAULT_LOCALE) =>
  `/${locale}/account-deleted?user=${encodeURIComponent(userId)}&proof=${encodeURIComponent(proof)}`;
