import { notFound, redirect } from "next/navigation";
import { AuthForm } from "@/components/AuthForm";
import type { AuthMode } from "@/lib/auth-errors";
import { ssoEnv, ssoErrorMessage, ssoProviders } from "@/lib/auth-sso";
import { isLocale, safeNextPath, signInPath, signUpPath, tasksPath } from "@/lib/paths";
import { getSession } from "@/lib/session";
import { signInNoticeText } from "@/lib/signin-notices";

export interface AuthPageProps {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ next?: string | string[]; error?: string | string[]; notice?: string | string[] }>;
}

/** The server half of /[locale]/signin and /[locale]/signup: locale check, safe `next`, and no form for someone already signed in. */
export async function AuthPage({ mode, params, searchParams }: AuthPageProps & { mode: AuthMode }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
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
    />
  );
}
