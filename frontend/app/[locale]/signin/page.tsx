import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { AuthForm } from "@/components/AuthForm";
import { isLocale, safeNextPath, tasksPath } from "@/lib/paths";
import { getSession } from "@/lib/session";

export const metadata: Metadata = { title: "Sign in" };

export default async function Page({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ next?: string | string[] }>;
}) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  const next = safeNextPath((await searchParams).next, tasksPath(locale));
  // Already signed in: nothing to do here.
  if (await getSession()) redirect(next);
  return <AuthForm mode="signin" next={next} locale={locale} />;
}
