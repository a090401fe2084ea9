"use client";

import { useCallback, useEffect, useState } from "react";
import { ApiError, errorMessage } from "@/lib/tasks/api";
import { useLiveUpdates } from "@/lib/live/use-live-updates";
import { teamApi, type TeamList, type TeamTask } from "@/lib/teams/team-api";

/** What a team's routes answer a non-member (SPEC 1.9: 404, the team's existence is not revealed). */
export const NOT_A_MEMBER_MESSAGE = "You are not a member of this team (any more).";

export function teamWorkError(err: unknown): string {
  if (err instanceof ApiError && err.status === 404) return NOT_A_MEMBER_MESSAGE;
  if (err instanceof ApiError && err.status === 403) return "Only the team's owners and admins can do that.";
  return errorMessage(err);
}

type Loaded = { tasks: TeamTask[]; lists: TeamList[] } | { error: string };

async function load(teamId: string): Promise<Loaded> {
  try {
    const [tasks, lists] = await Promise.all([teamApi.listTasks(teamId), teamApi.listLists(teamId)]);
    return { tasks, lists };
  } catch (err) {
    return { error: teamWorkError(err) };
  }
}

/** A team's tasks and lists from the Java API (/api/teams/{team_id}/…), and the writes on them. */
export function useTeamWork(teamId: string, myUserId: string) {
  const [tasks, setTasks] = useState<TeamTask[] | null>(null);
  const [lists, setLists] = useState<TeamList[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const apply = useCallback((loaded: Loaded) => {
    if ("error" in loaded) return setError(loaded.error);
    setTasks(loaded.tasks);
    setLists(loaded.lists);
    setError(null);
  }, []);
  const reload = useCallback(async () => apply(await load(teamId)), [apply, teamId]);

  useEffect(() => {
    let live = true;
    void load(teamId).then((loaded) => live && apply(loaded));
    return () => {
      live = false;
    };
  }, [apply, teamId]);

  // Another member's change (SPEC 1.8 on the team's stream, 1.9) shows without a reload of the page.
  useLiveUpdates({ userId: myUserId, teamId, onChange: () => void reload(), onReset: () => void reload() });

  /** Runs one write, then reloads; returns the sentence to show when it failed. */
  const write = useCallback(
    async (action: () => Promise<unknown>): Promise<string | null> => {
      try {
        await action();
        await reload();
        return null;
      } catch (err) {
        return teamWorkError(err);
      }
    },
    [reload],
  );

  return { tasks, lists, error, reload, write };
}
