import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { SettingsShell } from "@/components/SettingsShell";
import { SignInMethods } from "@/components/SignInMethods";
import { auth } from "@/lib/auth";
import { ssoEnv, ssoErrorMessage, ssoProviders } from "@/lib/auth-sso";
import { isLocale } from "@/lib/paths";
import { requireSession } from "@/lib/session";

export const metadata: Metadata = { title: "Sign-in methods" };

/** Protected: which ways in this account has, read on the server; link a provider or unlink one. */
export default async function SignInMethodsPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ error?: string | string[] }>;
}) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  const here = `/${locale}/account/sign-in-methods`;
  await requireSession(here, locale);
  const accounts = await auth.api.listUserAccounts({ headers: await headers() });
  return (
    <SettingsShell title="Sign-in methods" locale={locale}>
      <SignInMethods
        accounts={accounts.map((a) => ({ id: a.id, providerId: a.providerId }))}
        providers={ssoProviders(ssoEnv())}
        here={here}
        initialError={ssoErrorMessage((await searchParams).error)}
      />
    </SettingsShell>
  );
}
