"use client";

import { useEffect } from "react";
import { canManage, highestRole } from "@/lib/teams/team-rules";
import { useActiveTeam } from "@/lib/teams/use-active-team";
import { DeleteTeamSection } from "./DeleteTeamSection";
import { InviteSection } from "./InviteSection";
import { MembersSection } from "./MembersSection";
import { TeamWork } from "./TeamWork";
import { useTeam } from "./useTeam";
import { useTeamWork } from "./useTeamWork";

/** /teams/[id]: the team's tasks and lists (Java API), its members and invitations (Better Auth), and deleting it. */
export function TeamApp({ teamId, myUserId }: { teamId: string; myUserId: string }) {
  const { team, error, reload } = useTeam(teamId);
  const work = useTeamWork(teamId, myUserId);
  const { teamId: activeTeamId, setActiveTeam, loading } = useActiveTeam();

  // Opening a team makes it the active one, so the switcher and the tasks page agree with what is shown.
  useEffect(() => {
    if (!loading && activeTeamId !== teamId) void setActiveTeam(teamId).catch(() => {});
  }, [loading, activeTeamId, teamId, setActiveTeam]);

  if (error && !team) {
    return (
      <p role="alert" className="alert alert-error">
        {error}
      </p>
    );
  }
  if (!team) return <p aria-busy="true">Loading…</p>;
  const myRole = highestRole(team.members.find((m) => m.userId === myUserId)?.role);
  const refresh = async () => {
    await reload();
    await work.reload();
  };

  return (
    <>
      <h1 className="page-title" data-testid="team-name">
        {team.name}
      </h1>
      <p className="state-hint" data-testid="my-role">
        You are {myRole === "member" ? "a member" : `an ${myRole}`} of this team.
      </p>
      <TeamWork
        teamId={teamId}
        work={work}
        canManageLists={canManage(myRole)}
        assignees={team.members.map((m) => ({
          userId: m.userId,
          label: m.userId === myUserId ? `Me (${m.user.name || m.user.email})` : m.user.name || m.user.email,
        }))}
      />
      <MembersSection team={team} myUserId={myUserId} onChange={refresh} />
      {canManage(myRole) && <InviteSection team={team} onChange={reload} />}
      {myRole === "owner" && (
        <DeleteTeamSection
          teamId={teamId}
          teamName={team.name}
          counts={work.tasks && work.lists ? { tasks: work.tasks.length, lists: work.lists.length } : null}
        />
      )}
    </>
  );
}
