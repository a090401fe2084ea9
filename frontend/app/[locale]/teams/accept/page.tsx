import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { AuthCard } from "@/components/AuthCard";
import { InvitationActions } from "@/components/teams/InvitationActions";
import { ConfirmAddressForInvitation, UseAnotherAccount } from "@/components/teams/InvitationAccount";
import { auth } from "@/lib/auth/auth";
import { getSession } from "@/lib/auth/session";
import { firstValue, pageLocale, type LocalePageProps } from "@/lib/http/page-params";
import { signInPath, signUpPath } from "@/lib/http/paths";
import { teamErrorMessage } from "@/lib/teams/team-errors";
import { acceptInvitationPath, teamsPath } from "@/lib/teams/team-links";
import { highestRole } from "@/lib/teams/team-rules";
import "../../card-pages.css";
import "../teams.css";

export const metadata: Metadata = { title: "Team invitation" };

/**
 * Where an invitation mail's link lands. Signed out: sign in or create an account with the invited
 * address, coming back here (`next`). Signed in: Better Auth shows the invitation only to its
 * recipient with a confirmed address (lib/teams/team-options.ts); then join or decline.
 */
export default async function AcceptInvitationPage({ params, searchParams }: LocalePageProps<"invitation">) {
  const locale = await pageLocale(params);
  const invitationId = firstValue((await searchParams).invitation) ?? "";
  if (!invitationId || invitationId.length > 200) {
    return (
      <AuthCard title="Team invitation">
        <p role="alert" className="alert alert-error">
          This link is incomplete. Open the link in the invitation email again.
        </p>
      </AuthCard>
    );
  }
  const here = acceptInvitationPath(invitationId, locale);
  const session = await getSession();
  if (!session) {
    return (
      <AuthCard
        title="You're invited to a team"
        subtitle="Sign in, or create an account, with the address the invitation was sent to. You'll come back here to join."
      >
        <div className="row-actions invitation-auth">
          <Link href={signUpPath(here, locale)} className="btn btn-primary">
            Create account
          </Link>
          <Link href={signInPath(here, locale)} className="btn btn-ghost">
            Sign in
          </Link>
        </div>
      </AuthCard>
    );
  }
  let invitation: Awaited<ReturnType<typeof auth.api.getInvitation>> | null = null;
  let code = "";
  try {
    invitation = await auth.api.getInvitation({ headers: await headers(), query: { id: invitationId } });
  } catch (err) {
    code = (err as { body?: { code?: string } }).body?.code ?? "INVITATION_NOT_FOUND";
  }
  if (!invitation) {
    return (
      <AuthCard title="Team invitation">
        <p role="alert" className="alert alert-error" data-testid="invitation-error">
          {teamErrorMessage({ code, status: 400 })}
        </p>
        {code === "EMAIL_VERIFICATION_REQUIRED_FOR_INVITATION" && (
          <ConfirmAddressForInvitation email={session.user.email} here={here} />
        )}
        {code === "YOU_ARE_NOT_THE_RECIPIENT_OF_THE_INVITATION" && <UseAnotherAccount email={session.user.email} here={here} />}
        <p className="auth-switch">
          <Link href={teamsPath(locale)}>Your teams</Link>
        </p>
      </AuthCard>
    );
  }
  const role = highestRole(invitation.role);
  return (
    <AuthCard
      title={`Join ${invitation.organizationName}`}
      subtitle={`${invitation.inviterEmail} invited you (${session.user.email}) to join ${invitation.organizationName} as ${role === "admin" ? "an admin" : `a ${role}`}.`}
    >
      <InvitationActions invitationId={invitation.id} teamName={invitation.organizationName} />
    </AuthCard>
  );
}
