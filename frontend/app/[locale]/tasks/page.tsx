import type { Metadata } from "next";
import { TasksApp } from "@/components/tasks/TasksApp";
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
      <TasksApp user={{ id: user.id, email: user.email, name: user.name }} locale={locale} />
    </>
  );
}
