import { redirect } from "next/navigation";
import { AuthForm } from "@/components/AuthForm";
import type { AuthMode } from "@/lib/auth/auth-errors";
import { ssoEnv, ssoErrorMessage, ssoProviders } from "@/lib/sign-in/auth-sso";
import { pageLocale, type LocalePageProps } from "@/lib/http/page-params";
import { safeNextPath, signInPath, signUpPath, tasksPath } from "@/lib/http/paths";
import { requireEmailVerification } from "@/lib/mail/config";
import { getSession } from "@/lib/auth/session";
import { signInNoticeText } from "@/lib/sign-in/signin-notices";

export type AuthPageProps = LocalePageProps<"next" | "error" | "notice">;

/** The server half of /[locale]/signin and /[locale]/signup: locale check, safe `next`, and no form for someone already signed in. */
export async function AuthPage({ mode, params, searchParams }: AuthPageProps & { mode: AuthMode }) {
  const locale = await pageLocale(params);
  const query = await searchParams;
  const next = safeNextPath(query.next, tasksPath(locale));
  // Already signed in: nothing to do here.
  if (await getSession()) redirect(next);
  // Which "Sign in with …" buttons to show is decided here, from the server's environment.
  const sso = {
    providers: ssoProviders(ssoEnv()),
    errorPath: mode === "signup" ? signUpPath(next, locale) : signInPath(next, locale),
  };
  return (
    <AuthForm
      mode={mode}
      next={next}
      locale={locale}
      sso={sso}
      initialError={ssoErrorMessage(query.error)}
      notice={signInNoticeText(query.notice)}
      confirmFirst={requireEmailVerification()}
    />
  );
}
