import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/AuthCard";
import { ResendVerification } from "@/components/ResendVerification";
import { verificationErrorMessage } from "@/lib/mail/mail-flows";
import { firstValue, pageLocale, type LocalePageProps } from "@/lib/http/page-params";
import { accountPath, signInPath, tasksPath } from "@/lib/http/paths";
import { getSession } from "@/lib/auth/session";
import { withSignInNotice } from "@/lib/sign-in/signin-notices";

export const metadata: Metadata = { title: "Email confirmation" };

/**
 * Where Better Auth's verification link lands (GET /api/auth/verify-email redirects here). The
 * link confirms the address but never signs in (autoSignInAfterVerification: false, so no session
 * skips two-factor): on success a signed-in person goes on to their tasks, anyone else to sign-in
 * with "confirmed, sign in". A link that did not work comes with `?error=` and a way to ask for a new one.
 */
export default async function Page({ params, searchParams }: LocalePageProps<"error" | "change">) {
  const locale = await pageLocale(params);
  const { error, change } = await searchParams;
  const session = await getSession();
  // An address change's link (lib/account/account-links.ts emailChangedPath): the account page says what changed.
  if (!error && firstValue(change) === "1") {
    redirect(
      session
        ? `${accountPath(locale)}?notice=email-changed`
        : withSignInNotice(signInPath(null, locale), "email-changed-sign-in"),
    );
  }
  if (!error) {
    redirect(
      session
        ? withSignInNotice(tasksPath(locale), "email-verified")
        : withSignInNotice(signInPath(null, locale), "email-confirmed-sign-in"),
    );
  }
  const code = firstValue(error) ?? "";
  return (
    <AuthCard title="That link didn't work">
      <p role="alert" className="alert alert-error">
        {verificationErrorMessage(code)}
      </p>
      <ResendVerification email={session?.user.emailVerified === false ? session.user.email : undefined} />
      <p className="auth-switch">
        <Link href={session ? tasksPath(locale) : signInPath(null, locale)}>{session ? "Back to your tasks" : "Sign in"}</Link>
      </p>
    </AuthCard>
  );
}
