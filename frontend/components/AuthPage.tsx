import { notFound, redirect } from "next/navigation";
import { AuthForm } from "@/components/AuthForm";
import type { AuthMode } from "@/lib/auth-errors";
import { isLocale, safeNextPath, tasksPath } from "@/lib/paths";
import { getSession } from "@/lib/session";
import { signInNoticeText } from "@/lib/signin-notices";

export interface AuthPageProps {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ next?: string | string[]; notice?: string | string[] }>;
}

/** The server half of /[locale]/signin and /[locale]/signup: locale check, safe `next`, and no form for someone already signed in. */
export async function AuthPage({ mode, params, searchParams }: AuthPageProps & { mode: AuthMode }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  const query = await searchParams;
  const next = safeNextPath(query.next, tasksPath(locale));
  // Already signed in: nothing to do here.
  if (await getSession()) redirect(next);
  return <AuthForm mode={mode} next={next} locale={locale} notice={signInNoticeText(query.notice)} />;
}
