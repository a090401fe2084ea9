import type { Metadata } from "next";
import { ConfirmEmailBanner } from "@/components/ConfirmEmailBanner";
import { TasksApp } from "@/components/tasks/TasksApp";
import { outboxDirIfLocal } from "@/lib/mail/config";
import { CONFIRM_BANNER_DISMISSED_COOKIE } from "@/lib/mail/confirm-banner";
import { cookies } from "next/headers";
import { firstValue, pageLocale, type LocalePageProps } from "@/lib/http/page-params";
import { tasksPath } from "@/lib/http/paths";
import { requireSession } from "@/lib/auth/session";
import { signInNoticeText } from "@/lib/sign-in/signin-notices";

export const metadata: Metadata = { title: "My tasks" };

/** Protected: the session is checked here, on the server, before any task is fetched. */
export default async function TasksPage({ params, searchParams }: LocalePageProps<"notice">) {
  const locale = await pageLocale(params);
  const { user } = await requireSession(tasksPath(locale), locale);
  // e.g. "email confirmed", after the verification link signed the person in.
  const notice = firstValue((await searchParams).notice) === "email-verified" ? signInNoticeText("email-verified") : undefined;
  return (
    <>
      {notice && (
        <p role="status" className="alert alert-success page-notice" data-testid="page-notice">
          {notice}
        </p>
      )}
      {!user.emailVerified && (await cookies()).get(CONFIRM_BANNER_DISMISSED_COOKIE)?.value !== user.id && (
        <ConfirmEmailBanner userId={user.id} email={user.email} outboxDir={outboxDirIfLocal()} />
      )}
      <TasksApp user={{ id: user.id, email: user.email, name: user.name }} locale={locale} />
    </>
  );
}
