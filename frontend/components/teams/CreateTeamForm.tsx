"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { authClient } from "@/lib/auth/auth-client";
import { teamErrorMessage } from "@/lib/teams/team-errors";
import { teamPath } from "@/lib/teams/team-links";
import { TEAM_NAME_MAX, teamNameError } from "@/lib/teams/team-rules";
import { SubmitButton } from "../SubmitButton";
import { TextField } from "../TextField";

/** Better Auth wants a unique slug; nothing shows it, so it is random (lib/teams/team-options.ts checks its shape). */
function randomSlug() {
  const bytes = crypto.getRandomValues(new Uint8Array(10));
  return `t-${Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("")}`;
}

/** "Create a team": the creator becomes its owner, and the new team the active one. */
export function CreateTeamForm() {
  const id = useId();
  const router = useRouter();
  const [name, setName] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const invalid = teamNameError(name);
    setError(invalid ?? null);
    if (invalid) return;
    setPending(true);
    try {
      const result = await authClient.organization.create({ name: name.trim(), slug: randomSlug() });
      if (result.error || !result.data) {
        setError(teamErrorMessage(result.error));
        return;
      }
      router.push(teamPath(result.data.id));
    } catch {
      setError(teamErrorMessage({ status: 0 }));
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="team-form" aria-label="Create a team">
      <TextField
        id={`${id}-name`}
        label="Team name"
        value={name}
        maxLength={TEAM_NAME_MAX}
        onChange={(e) => setName(e.target.value)}
        error={error}
        announceError
      />
      <SubmitButton className="btn btn-primary" pending={pending} label="Create team" pendingLabel="Creating…" />
    </form>
  );
}
