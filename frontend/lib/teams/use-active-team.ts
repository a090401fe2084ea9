"use client";

import { useCallback } from "react";
import { authClient } from "../auth/auth-client";

/**
 * The team the person is working in, or null for "Personal": Better Auth's active organization of
 * this session (set by the top bar's switcher, components/teams/TeamSwitcher.tsx). A page that shows
 * tasks reads `teamId` and calls `/api/teams/{teamId}/…` instead of `/api/{userId}/…` when it is set.
 */
export function useActiveTeam() {
  const session = authClient.useSession();
  const teams = authClient.useListOrganizations();
  const teamId = (session.data?.session as { activeOrganizationId?: string | null } | undefined)?.activeOrganizationId ?? null;
  const setActiveTeam = useCallback(async (id: string | null) => {
    const result = await authClient.organization.setActive({ organizationId: id });
    if (result.error) throw new Error(result.error.message ?? "Could not switch team");
  }, []);
  return {
    /** The active team's id (an organization id), or null for Personal. */
    teamId: teamId && teams.data?.some((t) => t.id === teamId) !== false ? teamId : null,
    teams: teams.data ?? [],
    loading: session.isPending || teams.isPending,
    setActiveTeam,
    refetchTeams: teams.refetch,
  };
}
