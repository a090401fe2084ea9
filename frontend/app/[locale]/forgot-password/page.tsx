import type { Metadata } from "next";
import { ForgotPasswordForm } from "@/components/ForgotPasswordForm";
import { pageLocale, type LocalePageProps } from "@/lib/http/page-params";

export const metadata: Metadata = { title: "Forgot password" };

export default async function Page({ params }: Pick<LocalePageProps, "params">) {
  const locale = await pageLocale(params);
  return <ForgotPasswordForm locale={locale} />;
}
