import type { Metadata } from "next";
import { ResetPasswordForm } from "@/components/ResetPasswordForm";
import { EMAIL_CHANGE_UNDONE_NOTICE, EMAIL_CONFIRMED_NOTICE } from "@/lib/account/account-links";
import { firstValue, pageLocale, type LocalePageProps } from "@/lib/http/page-params";
import { signInPath } from "@/lib/http/paths";
import { withSignInNotice } from "@/lib/sign-in/signin-notices";

export const metadata: Metadata = { title: "Choose a new password" };

/**
 * Better Auth's mailed link (GET /api/auth/reset-password/<token>) checks the token and redirects
 * here with `?token=…`, or with `?error=INVALID_TOKEN` when it is unknown, used or expired. The first
 * confirmation of an address also lands here (`&notice=email-confirmed`, lib/account/email-proof.ts): it
 * removed every sign-in method set up before it, so the person chooses the password the account keeps.
 */
const EMAIL_CONFIRMED_TEXT =
  "Your email address is confirmed. For your safety, any password, sign-in method or two-factor set up before " +
  "the confirmation was removed: choose the password you'll sign in with.";
const NOTICES: Record<string, string> = {
  [EMAIL_CONFIRMED_NOTICE]: EMAIL_CONFIRMED_TEXT,
  // After the old address undid an address change (lib/account/email-change.ts): every session has ended.
  [EMAIL_CHANGE_UNDONE_NOTICE]:
    "The change is undone: your account has its old address back, and every device was signed out. Whoever " +
    "changed it may know your password: choose a new one now.",
};
const noticeText = (name: string | undefined) => (name && Object.hasOwn(NOTICES, name) ? NOTICES[name] : undefined);
export default async function Page({ params, searchParams }: LocalePageProps<"token" | "error" | "notice">) {
  const locale = await pageLocale(params);
  const { token, error, notice } = await searchParams;
  const value = !error && typeof token === "string" && token.length > 0 && token.length <= 200 ? token : null;
  return (
    <ResetPasswordForm
      locale={locale}
      token={value}
      done={withSignInNotice(signInPath(null, locale), "password-changed")}
      notice={value ? noticeText(firstValue(notice)) : undefined}
    />
  );
}
