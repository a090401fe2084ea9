import { DEFAULT_LOCALE, type Locale } from "../http/paths";

/** Pages of the mail flows (browser and server alike). */
export const forgotPasswordPath = (locale: Locale = DEFAULT_LOCALE) => `/${locale}/forgot-password`;
/** Better Auth's mailed reset link redirects here with `?token=…`, or `?error=INVALID_TOKEN`. */
export const resetPasswordPath = (locale: Locale = DEFAULT_LOCALE) => `/${locale}/reset-password`;
/** Better Auth's verification link redirects here, with `?error=…` when the link is no good. */
export const emailVerifiedPath = (locale: Locale = DEFAULT_LOCALE) => `/${locale}/email-verified`;
/** `notice` on the reset page after a first confirmation that removed the earlier sign-in methods (lib/account/email-proof.ts). */
export const EMAIL_CONFIRMED_NOTICE = "email-confirmed";
