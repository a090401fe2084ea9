import { redirect } from "next/navigation";
import { DEFAULT_LOCALE, signInPath, tasksPath } from "@/lib/http/paths";
import { getSession } from "@/lib/auth/session";

export default async function Home() {
  const session = await getSession();
  redirect(session ? tasksPath(DEFAULT_LOCALE) : signInPath(null, DEFAULT_LOCALE));
}
