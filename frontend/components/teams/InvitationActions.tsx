"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { authClient } from "@/lib/auth/auth-client";
import { teamErrorMessage } from "@/lib/teams/team-errors";
import { teamPath, teamsPath } from "@/lib/teams/team-links";

/** Accept (join, and open the team) or decline one invitation addressed to the signed-in person. */
export function InvitationActions({ invitationId, teamName }: { invitationId: string; teamName: string }) {
  const router = useRouter();
  const [pending, setPending] = useState<"accept" | "decline" | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [declined, setDeclined] = useState(false);

  async function act(kind: "accept" | "decline") {
    setPending(kind);
    setError(null);
    try {
      if (kind === "accept") {
        const result = await authClient.organization.acceptInvitation({ invitationId });
        if (result.error || !result.data) return setError(teamErrorMessage(result.error));
        // Better Auth made the team the active one: the top bar's switcher follows.
        router.push(teamPath(result.data.member.organizationId));
      } else {
        const result = await authClient.organization.rejectInvitation({ invitationId });
        if (result.error) return setError(teamErrorMessage(result.error));
        setDeclined(true);
        router.refresh();
      }
    } catch {
      setError(teamErrorMessage({ status: 0 }));
    } finally {
      setPending(null);
    }
  }

  if (declined) {
    return (
      <p role="status" className="alert alert-success">
        You declined the invitation to {teamName}. <a href={teamsPath()}>Your teams</a>
      </p>
    );
  }
  return (
    <div className="invitation-actions">
      <div role="alert" className={error ? "alert alert-error" : "visually-hidden"}>
        {error}
      </div>
      <div className="row-actions">
        <button
          type="button"
          className="btn btn-primary"
          onClick={() => act("accept")}
          disabled={pending !== null}
          aria-busy={pending === "accept"}
        >
          {pending === "accept" ? "Joining…" : `Join ${teamName}`}
        </button>
        <button
          type="button"
          className="btn btn-ghost"
          onClick={() => act("decline")}
          disabled={pending !== null}
          aria-busy={pending === "decline"}
        >
          {pending === "decline" ? "Declining…" : "Decline"}
        </button>
      </div>
    </div>
  );
}
