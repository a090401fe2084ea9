import { DEFAULT_LOCALE, type Locale } from "./paths";

/** Pages of the mail flows (browser and server alike). */
export const forgotPasswordPath = (locale: Locale = DEFAULT_LOCALE) => `/${locale}/forgot-password`;
/** Better Auth's mailed reset link redirects here with `?token=…`, or `?error=INVALID_TOKEN`. */
export const resetPasswordPath = (locale: Locale = DEFAULT_LOCALE) => `/${locale}/reset-password`;
/** Better Auth's verification link redirects here, with `?error=…` when the link is no good. */
export const emailVerifiedPath = (locale: Locale = DEFAULT_LOCALE) => `/${locale}/email-verified`;

/** Notices a page shows once, named in `?notice=` (only these; anything else shows nothing). */
export const NOTICES = {
  "password-changed": "Your password was changed, and every session signed out. Sign in with the new password.",
  "email-verified": "Your email address is confirmed.",
} as const;
export type NoticeName = keyof typeof NOTICES;

export function noticeText(raw: string | string[] | undefined): string | undefined {
  const value = Array.isArray(raw) ? raw[0] : raw;
  return value && Object.hasOwn(NOTICES, value) ? NOTICES[value as NoticeName] : undefined;
}

export const withNotice = (path: string, notice: NoticeName) => `${path}${path.includes("?") ? "&" : "?"}notice=${notice}`;
