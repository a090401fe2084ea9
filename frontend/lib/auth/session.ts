import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { auth } from "./auth";
import { signInPath, type Locale } from "../http/paths";

/** The Better Auth session of this request, read from its cookie on the server. */
export async function getSession() {
  return auth.api.getSession({ headers: await headers() });
}

/** For protected pages: the session, or a redirect to sign-in that comes back to `here`. */
export async function requireSession(here: string, locale: Locale) {
  const session = await getSession();
  if (!session) redirect(signInPath(here, locale));
  return session;
}
