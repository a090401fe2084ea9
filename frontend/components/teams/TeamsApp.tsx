"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { authClient } from "@/lib/auth/auth-client";
import { teamErrorMessage } from "@/lib/teams/team-errors";
import { teamPath } from "@/lib/teams/team-links";
import { AssignedToMe } from "./AssignedToMe";
import { CreateTeamForm } from "./CreateTeamForm";
import { InvitationActions } from "./InvitationActions";

interface PendingInvitation {
  id: string;
  organizationName?: string;
  role: string;
}

/** /teams: invitations waiting for the person, creating a team, and the teams they are in. */
export function TeamsApp({ emailVerified }: { emailVerified: boolean }) {
  const teams = authClient.useListOrganizations();
  const [invitations, setInvitations] = useState<PendingInvitation[] | null>(null);
  const [invitationsError, setInvitationsError] = useState<string | null>(null);

  useEffect(() => {
    // Better Auth lists them only for a confirmed address (an unconfirmed one could be anyone's).
    if (!emailVerified) return;
    let live = true;
    authClient.organization
      .listUserInvitations()
      .then((result) => {
        if (!live) return;
        if (result.error) setInvitationsError(teamErrorMessage(result.error));
        else setInvitations((result.data ?? []) as PendingInvitation[]);
      })
      .catch(() => live && setInvitationsError(teamErrorMessage({ status: 0 })));
    return () => {
      live = false;
    };
  }, [emailVerified]);

  return (
    <>
      {invitations && invitations.length > 0 && (
        <section className="card team-card" aria-labelledby="invitations-title">
          <h2 id="invitations-title">Invitations for you</h2>
          <ul className="team-rows">
            {invitations.map((inv) => (
              <li key={inv.id} className="team-row" data-testid="invitation-for-me">
                <span>
                  <strong>{inv.organizationName ?? "A team"}</strong> <span className="role-badge">{inv.role}</span>
                </span>
                <InvitationActions invitationId={inv.id} teamName={inv.organizationName ?? "the team"} />
              </li>
            ))}
          </ul>
        </section>
      )}
      {invitationsError && (
        <p role="alert" className="alert alert-error">
          {invitationsError}
        </p>
      )}
      {!emailVerified && (
        <p className="alert alert-success" role="status">
          Confirm your email address (the link we emailed you) to see invitations sent to it.
        </p>
      )}
      <section className="card team-card" aria-labelledby="your-teams-title">
        <h2 id="your-teams-title">Your teams</h2>
        {teams.isPending ? (
          <p aria-busy="true">Loading…</p>
        ) : teams.error ? (
          <p role="alert" className="alert alert-error">
            {teamErrorMessage(teams.error)}
          </p>
        ) : (teams.data ?? []).length === 0 ? (
          <p className="state-hint">You are not in a team yet. Create one, or accept an invitation.</p>
        ) : (
          <ul className="team-rows" data-testid="my-teams">
            {(teams.data ?? []).map((t) => (
              <li key={t.id} className="team-row">
                <Link href={teamPath(t.id)}>{t.name}</Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      {(teams.data ?? []).length > 0 && <AssignedToMe teams={teams.data ?? []} />}
      <section className="card team-card" aria-labelledby="create-team-title">
        <h2 id="create-team-title">Create a team</h2>
        <p className="state-hint">You become its owner and can invite people by email.</p>
        <CreateTeamForm />
      </section>
    </>
  );
}
