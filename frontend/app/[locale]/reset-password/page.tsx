import type { Metadata } from "next";
import { ResetPasswordForm } from "@/components/ResetPasswordForm";
import { pageLocale, type LocalePageProps } from "@/lib/page-params";
import { signInPath } from "@/lib/paths";
import { withSignInNotice } from "@/lib/signin-notices";

export const metadata: Metadata = { title: "Choose a new password" };

/**
 * Better Auth's mailed link (GET /api/auth/reset-password/<token>) checks the token and redirects
 * here with `?token=…`, or with `?error=INVALID_TOKEN` when it is unknown, used or expired.
 */
export default async function Page({ params, searchParams }: LocalePageProps<"token" | "error">) {
  const locale = await pageLocale(params);
  const { token, error } = await searchParams;
  const value = !error && typeof token === "string" && token.length > 0 && token.length <= 200 ? token : null;
  return (
    <ResetPasswordForm locale={locale} token={value} done={withSignInNotice(signInPath(null, locale), "password-changed")} />
  );
}
