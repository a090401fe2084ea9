import { notFound } from "next/navigation";
import { isLocale, type Locale } from "./paths";

/** What Next.js passes a page under app/[locale]: its route params, and the query parameters named `Query`. */
export interface LocalePageProps<Query extends string = never> {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Partial<Record<Query, string | string[]>>>;
}

/** The locale of a page or layout under app/[locale]; any other value is a 404. */
export async function pageLocale(params: Promise<{ locale: string }>): Promise<Locale> {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  return locale;
}

/** A query parameter's first value (`?a=1&a=2` → "1"), or undefined. */
export const firstValue = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);
