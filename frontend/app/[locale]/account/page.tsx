import type { Metadata } from "next";
import { headers } from "next/headers";
import { AccountHeader } from "@/components/account/AccountHeader";
import { ApiKeysSection } from "@/components/account/ApiKeysSection";
import { ChangePasswordForm } from "@/components/account/ChangePasswordForm";
import { DataSection } from "@/components/account/DataSection";
import { DeleteAccountSection } from "@/components/account/DeleteAccountSection";
import { ProfileSection } from "@/components/account/ProfileSection";
import { SecuritySection } from "@/components/account/SecuritySection";
import { SessionsSection } from "@/components/account/SessionsSection";
import { listSessionViews } from "@/lib/account/account-sessions";
import { keyViews, type ListedKey } from "@/lib/api-keys/api-key-view";
import { apiUrlFromEnv } from "@/lib/http/api-url";
import { auth } from "@/lib/auth/auth";
import { UNDO_DAYS } from "@/lib/account/email-change";
import { firstValue, pageLocale, type LocalePageProps } from "@/lib/http/page-params";
import { accountPath, tasksPath } from "@/lib/http/paths";
import { requireSession } from "@/lib/auth/session";
import "../card-pages.css";
import "./account.css";

export const metadata: Metadata = { title: "Account" };

/** Protected like /tasks: the session is checked here, on the server, before anything renders. */
export default async function AccountPage({ params, searchParams }: LocalePageProps<"notice">) {
  const locale = await pageLocale(params);
  const here = accountPath(locale);
  const { user, session } = await requireSession(here, locale);
  const sessions = await listSessionViews(user.id, session.id);
  // Deletion asks for the password; an account that signs in only through a provider gets a mailed link instead.
  const accounts = await auth.api.listUserAccounts({ headers: await headers() });
  // Better Auth lists keys without the key itself (it keeps only a hash).
  const listed = (await auth.api.listApiKeys({ headers: await headers() })) as unknown as { apiKeys: ListedKey[] };
  const apiKeys = keyViews(listed.apiKeys);
  const hasPassword = accounts.some((a) => a.providerId === "credential");

  return (
    <div className="app">
      <AccountHeader email={user.email} tasksHref={tasksPath(locale)} />
      <main className="tasks-main">
        <h1 className="page-title">Account</h1>
        {firstValue((await searchParams).notice) === "email-changed" && (
          <p role="status" className="alert alert-success page-notice" data-testid="page-notice">
            Your email address is now {user.email}. Your old address was told, and can undo the change for {UNDO_DAYS} days.
          </p>
        )}
        <ProfileSection user={{ name: user.name, email: user.email, emailVerified: user.emailVerified }} here={here} />
        <ChangePasswordForm here={here} />
        <SecuritySection
          twoFactorEnabled={user.twoFactorEnabled === true}
          twoFactorHref={`${here}/two-factor`}
          signInMethodsHref={`${here}/sign-in-methods`}
        />
        <SessionsSection sessions={sessions} here={here} />
        <ApiKeysSection keys={apiKeys} apiUrl={apiUrlFromEnv()} />
        <DataSection userId={user.id} />
        <DeleteAccountSection here={here} hasPassword={hasPassword} email={user.email} userId={user.id} />
      </main>
    </div>
  );
}
