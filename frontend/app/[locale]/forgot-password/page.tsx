import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ForgotPasswordForm } from "@/components/ForgotPasswordForm";
import { isLocale } from "@/lib/paths";

export const metadata: Metadata = { title: "Forgot password" };

export default async function Page({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  return <ForgotPasswordForm locale={locale} />;
}
