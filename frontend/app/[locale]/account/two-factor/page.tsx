import type { Metadata } from "next";
import { headers } from "next/headers";
import { SettingsShell } from "@/components/SettingsShell";
import { TrustedDevices } from "@/components/TrustedDevices";
import { TwoFactorSettings } from "@/components/TwoFactorSettings";
import { listTrustedDeviceViews } from "@/lib/account/account-trusted-devices";
import { auth } from "@/lib/auth/auth";
import { pageLocale, type LocalePageProps } from "@/lib/http/page-params";
import { requireSession } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Two-factor authentication" };

/** Protected: the session, the current 2FA state and the trusted devices are read here, on the server. */
export default async function TwoFactorPage({ params }: Pick<LocalePageProps, "params">) {
  const locale = await pageLocale(params);
  const { user } = await requireSession(`/${locale}/account/two-factor`, locale);
  // Turning 2FA on or off asks for the password: someone who signs in only through a provider has none.
  const accounts = await auth.api.listUserAccounts({ headers: await headers() });
  const hasPassword = accounts.some((a) => a.providerId === "credential");
  const devices = await listTrustedDeviceViews(user.id);
  return (
    <SettingsShell title="Two-factor authentication" locale={locale}>
      <TwoFactorSettings enabled={user.twoFactorEnabled === true} hasPassword={hasPassword} email={user.email} />
      {(user.twoFactorEnabled === true || devices.length > 0) && (
        <TrustedDevices devices={devices} here={`/${locale}/account/two-factor`} />
      )}
    </SettingsShell>
  );
}
