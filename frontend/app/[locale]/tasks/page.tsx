import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { TasksApp } from "@/components/TasksApp";
import { isLocale, tasksPath } from "@/lib/paths";
import { requireSession } from "@/lib/session";

export const metadata: Metadata = { title: "My tasks" };

/** Protected: the session is checked here, on the server, before any task is fetched. */
export default async function TasksPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  const { user } = await requireSession(tasksPath(locale), locale);
  return <TasksApp user={{ id: user.id, email: user.email, name: user.name }} locale={locale} />;
}
