import { redirect } from "next/navigation";
import { pageLocale, type LocalePageProps } from "@/lib/http/page-params";
import { signInPath, tasksPath } from "@/lib/http/paths";
import { getSession } from "@/lib/auth/session";

export default async function LocaleHome({ params }: Pick<LocalePageProps, "params">) {
  const locale = await pageLocale(params);
  const session = await getSession();
  redirect(session ? tasksPath(locale) : signInPath(null, locale));
}
