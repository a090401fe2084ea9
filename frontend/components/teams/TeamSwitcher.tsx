"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { tasksPath } from "@/lib/http/paths";
import { teamPath, teamsPath } from "@/lib/teams/team-links";
import { useActiveTeam } from "@/lib/teams/use-active-team";

const PERSONAL = "";

/**
 * The top bar's switch between "Personal" and each team: sets Better Auth's active organization
 * (lib/teams/use-active-team.ts) and opens that workspace's tasks.
 */
export function TeamSwitcher() {
  const id = useId();
  const router = useRouter();
  const { teamId, teams, setActiveTeam } = useActiveTeam();
  const [switching, setSwitching] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function onChange(event: React.ChangeEvent<HTMLSelectElement>) {
    const next = event.target.value || null;
    setSwitching(true);
    setError(null);
    try {
      await setActiveTeam(next);
      router.push(next ? teamPath(next) : tasksPath());
    } catch {
      setError("Couldn't switch. Try again.");
    } finally {
      setSwitching(false);
    }
  }

  return (
    <div className="team-switcher">
      <label htmlFor={`${id}-workspace`} className="visually-hidden">
        Workspace
      </label>
      <select
        id={`${id}-workspace`}
        data-testid="team-switcher"
        value={teamId ?? PERSONAL}
        onChange={onChange}
        disabled={switching}
        aria-describedby={error ? `${id}-error` : undefined}
      >
        <option value={PERSONAL}>Personal</option>
        {teams.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name}
          </option>
        ))}
      </select>
      <Link href={teamsPath()} className="btn btn-ghost btn-small">
        Teams
      </Link>
      {error && (
        <span id={`${id}-error`} role="alert" className="field-error">
          {error}
        </span>
      )}
    </div>
  );
}
