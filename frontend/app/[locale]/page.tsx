import { notFound, redirect } from "next/navigation";
import { isLocale, signInPath, tasksPath } from "@/lib/paths";
import { getSession } from "@/lib/session";

export default async function LocaleHome({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  const session = await getSession();
  redirect(session ? tasksPath(locale) : signInPath(null, locale));
}
