import { pageLocale } from "@/lib/http/page-params";

export default async function LocaleLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ locale: string }>;
}) {
  await pageLocale(params);
  return children;
}
