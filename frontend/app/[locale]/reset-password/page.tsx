import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ResetPasswordForm } from "@/components/ResetPasswordForm";
import { isLocale, signInPath } from "@/lib/paths";
import { withSignInNotice } from "@/lib/signin-notices";

export const metadata: Metadata = { title: "Choose a new password" };

/**
 * Better Auth's mailed link (GET /api/auth/reset-password/<token>) checks the token and redirects
 * here with `?token=…`, or with `?error=INVALID_TOKEN` when it is unknown, used or expired.
 */
export default async function Page({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ token?: string | string[]; error?: string | string[] }>;
}) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  const { token, error } = await searchParams;
  const value = !error && typeof token === "string" && token.length > 0 && token.length <= 200 ? token : null;
  return (
    <ResetPasswordForm locale={locale} token={value} done={withSignInNotice(signInPath(null, locale), "password-changed")} />
  );
}
