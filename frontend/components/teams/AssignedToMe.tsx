"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { teamApi, type TeamTask } from "@/lib/teams/team-api";
import { teamPath } from "@/lib/teams/team-links";
import { teamWorkError } from "./useTeamWork";

/** "Assigned to me" across the person's teams (SPEC 1.9 GET /api/me/assigned): open tasks, each with its team. */
export function AssignedToMe({ teams }: { teams: { id: string; name: string }[] }) {
  const [tasks, setTasks] = useState<TeamTask[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    teamApi
      .assignedToMe()
      .then((found) => live && setTasks(found))
      .catch((err: unknown) => live && setError(teamWorkError(err)));
    return () => {
      live = false;
    };
  }, []);

  const teamName = (id: string | undefined) => teams.find((t) => t.id === id)?.name ?? "A team";
  return (
    <section className="card team-card" aria-labelledby="assigned-title">
      <h2 id="assigned-title">Assigned to you</h2>
      {error ? (
        <p role="alert" className="alert alert-error">
          {error}
        </p>
      ) : tasks === null ? (
        <p aria-busy="true">Loading…</p>
      ) : tasks.length === 0 ? (
        <p className="state-hint">No open task of your teams is assigned to you.</p>
      ) : (
        <ul className="team-rows" data-testid="assigned-to-me">
          {tasks.map((t) => (
            <li key={`${t.team_id}-${t.id}`} className="team-row" data-testid="assigned-task">
              <span>{t.title}</span>
              {t.team_id && <Link href={teamPath(t.team_id)}>{teamName(t.team_id)}</Link>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
