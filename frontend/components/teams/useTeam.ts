"use client";

import { useCallback, useEffect, useState } from "react";
import { authClient } from "@/lib/auth/auth-client";
import { teamErrorMessage } from "@/lib/teams/team-errors";

export interface TeamMember {
  id: string;
  userId: string;
  role: string;
  createdAt: string | Date;
  user: { id: string; name: string; email: string };
}

export interface TeamInvitation {
  id: string;
  email: string;
  role: string;
  status: string;
  expiresAt: string | Date;
}

export interface TeamView {
  id: string;
  name: string;
  members: TeamMember[];
  invitations: TeamInvitation[];
}

type Loaded = { team: TeamView } | { error: string };

async function load(teamId: string): Promise<Loaded> {
  try {
    const result = await authClient.organization.getFullOrganization({ query: { organizationId: teamId } });
    if (result.error || !result.data) return { error: teamErrorMessage(result.error ?? { code: "ORGANIZATION_NOT_FOUND" }) };
    return { team: result.data as unknown as TeamView };
  } catch {
    return { error: teamErrorMessage({ status: 0 }) };
  }
}

/** One team as Better Auth shows it to a member (members with their names, invitations for admins and owners). */
export function useTeam(teamId: string) {
  const [team, setTeam] = useState<TeamView | null>(null);
  const [error, setError] = useState<string | null>(null);

  const apply = useCallback((loaded: Loaded) => {
    if ("error" in loaded) return setError(loaded.error);
    setError(null);
    setTeam(loaded.team);
  }, []);
  const reload = useCallback(async () => apply(await load(teamId)), [apply, teamId]);

  useEffect(() => {
    let live = true;
    void load(teamId).then((loaded) => live && apply(loaded));
    return () => {
      live = false;
    };
  }, [apply, teamId]);

  return { team, error, reload };
}
