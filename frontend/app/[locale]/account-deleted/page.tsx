import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/AuthCard";
import { ForgetSavedEdits } from "@/components/account/ForgetSavedEdits";
import { deletedUserToForget } from "@/lib/account/account-deleted";
import { auth } from "@/lib/auth/auth";
import { firstValue, pageLocale, type LocalePageProps } from "@/lib/http/page-params";
import { signInPath } from "@/lib/http/paths";
import { withSignInNotice } from "@/lib/sign-in/signin-notices";

export const metadata: Metadata = { title: "Account deleted" };

/**
 * Where the emailed delete link lands once Better Auth's /delete-user/callback has deleted the
 * account (lib/account/deletion-proof.ts). The session is gone by then, so the link names the user
 * in `?user=`, with the server's `?proof=` that the link was made for that user; that user's unsent task edits are removed from the browser, as the password path
 * does (useDeleteAccount.ts), and the page goes on to sign-in. Whom it may forget: account-deleted.ts.
 */
export default async function Page({ params, searchParams }: LocalePageProps<"user" | "proof">) {
  const locale = await pageLocale(params);
  const { internalAdapter, secret } = await auth.$context;
  const query = await searchParams;
  const userId = await deletedUserToForget(firstValue(query.user), firstValue(query.proof), secret, (id) =>
    internalAdapter.findUserById(id),
  );
  if (!userId) redirect(signInPath(null, locale));
  return (
    <AuthCard title="Account deleted">
      <ForgetSavedEdits userId={userId} next={withSignInNotice(signInPath(null, locale), "account-deleted")} />
    </AuthCard>
  );
}
