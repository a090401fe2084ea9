import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { TasksApp } from "@/components/tasks/TasksApp";
import { isLocale, tasksPath } from "@/lib/paths";
import { requireSession } from "@/lib/session";
import { signInNoticeText } from "@/lib/signin-notices";

export const metadata: Metadata = { title: "My tasks" };

/** Protected: the session is checked here, on the server, before any task is fetched. */
export default async function TasksPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ notice?: string | string[] }>;
}) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  const { user } = await requireSession(tasksPath(locale), locale);
  // e.g. "email confirmed", after the verification link signed the person in.
  const notice = [(await searchParams).notice].flat()[0] === "email-verified" ? signInNoticeText("email-verified") : undefined;
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
