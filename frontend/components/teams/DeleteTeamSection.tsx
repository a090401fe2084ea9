"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { authClient } from "@/lib/auth/auth-client";
import { teamErrorMessage } from "@/lib/teams/team-errors";
import { teamsPath } from "@/lib/teams/team-links";

/** Owners only: deleting a team deletes its lists and tasks too, after a confirmation that says so (with the counts when known). */
export function DeleteTeamSection({
  teamId,
  teamName,
  counts,
}: {
  teamId: string;
  teamName: string;
  counts: { lists: number; tasks: number } | null;
}) {
  const id = useId();
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const what = counts
    ? `its ${counts.lists} ${counts.lists === 1 ? "list" : "lists"} and ${counts.tasks} ${counts.tasks === 1 ? "task" : "tasks"}`
    : "all of its lists and tasks";

  async function remove() {
    setPending(true);
    setError(null);
    try {
      const result = await authClient.organization.delete({ organizationId: teamId });
      if (result.error) return setError(teamErrorMessage(result.error));
      router.push(teamsPath());
      router.refresh();
    } catch {
      setError(teamErrorMessage({ status: 0 }));
    } finally {
      setPending(false);
    }
  }

  return (
    <section className="card team-card danger-zone" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Delete team</h2>
      <p>
        Deleting {teamName} removes every member from it and deletes {what}, for good.
      </p>
      <div role="alert" className={error ? "alert alert-error" : "visually-hidden"}>
        {error}
      </div>
      {!confirming ? (
        <button type="button" className="btn btn-ghost btn-danger" onClick={() => setConfirming(true)}>
          Delete team…
        </button>
      ) : (
        <div className="confirm-box" role="group" aria-label="Confirm deleting the team">
          <p className="confirm-text">
            Delete {teamName} and {what} now? This can&apos;t be undone.
          </p>
          <div className="row-actions">
            <button type="button" className="btn btn-danger-solid" onClick={remove} disabled={pending} aria-busy={pending}>
              {pending ? "Deleting…" : "Delete team, its lists and tasks"}
            </button>
            <button type="button" className="btn btn-ghost" onClick={() => setConfirming(false)} disabled={pending}>
              Keep it
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
