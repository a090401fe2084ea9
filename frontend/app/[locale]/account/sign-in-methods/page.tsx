import type { Metadata } from "next";
import { headers } from "next/headers";
import { SettingsShell } from "@/components/SettingsShell";
import { SignInMethods } from "@/components/SignInMethods";
import { auth } from "@/lib/auth/auth";
import { ssoEnv, ssoErrorMessage, ssoProviders } from "@/lib/sign-in/auth-sso";
import { pageLocale, type LocalePageProps } from "@/lib/http/page-params";
import { requireSession } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Sign-in methods" };

/** Protected: which ways in this account has, read on the server; link a provider or unlink one. */
export default async function SignInMethodsPage({ params, searchParams }: LocalePageProps<"error">) {
  const locale = await pageLocale(params);
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
