"use client";

import { useId, useState } from "react";
import { authClient } from "@/lib/auth/auth-client";
import { validateEmail } from "@/lib/auth/auth-errors";
import { teamErrorMessage } from "@/lib/teams/team-errors";
import { INVITATION_HOURS } from "@/lib/teams/team-rules";
import { SubmitButton } from "../SubmitButton";
import { EMAIL_INPUT, TextField } from "../TextField";
import type { TeamView } from "./useTeam";

/** Owners and admins invite by email (the mail's link works for an address with no account yet) and cancel pending invitations. */
export function InviteSection({ team, onChange }: { team: TeamView; onChange: () => Promise<void> }) {
  const id = useId();
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<"member" | "admin">("member");
  const [error, setError] = useState<string | null>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const pendingInvitations = team.invitations.filter((i) => i.status === "pending" && new Date(i.expiresAt) > new Date());

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const address = email.trim();
    const invalid = validateEmail(address);
    setError(invalid ?? null);
    setSentTo(null);
    if (invalid) return;
    setPending(true);
    try {
      const result = await authClient.organization.inviteMember({ organizationId: team.id, email: address, role });
      if (result.error) return setError(teamErrorMessage(result.error));
      setSentTo(address);
      setEmail("");
      await onChange();
    } catch {
      setError(teamErrorMessage({ status: 0 }));
    } finally {
      setPending(false);
    }
  }

  async function cancel(invitationId: string) {
    setError(null);
    const result = await authClient.organization.cancelInvitation({ invitationId }).catch(() => ({ error: { status: 0 } }));
    if (result.error) setError(teamErrorMessage(result.error));
    await onChange();
  }

  return (
    <section className="card team-card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Invite people</h2>
      <p className="state-hint">
        We email them a link that works once, for {INVITATION_HOURS} hours, and only for an account with that address (they can
        create one from the link).
      </p>
      <form onSubmit={onSubmit} noValidate className="team-form" aria-label="Invite by email">
        <TextField
          id={`${id}-email`}
          label="Email address"
          {...EMAIL_INPUT}
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={error}
          announceError
        />
        <div className="field">
          <label htmlFor={`${id}-role`}>Role</label>
          <select id={`${id}-role`} value={role} onChange={(e) => setRole(e.target.value as "member" | "admin")}>
            <option value="member">member: reads and writes tasks</option>
            <option value="admin">admin: also manages lists and members</option>
          </select>
        </div>
        <SubmitButton className="btn btn-primary" pending={pending} label="Send invitation" pendingLabel="Sending…" />
        <p role="status" aria-live="polite" className={sentTo ? "alert alert-success" : "visually-hidden"}>
          {sentTo ? `Invitation sent to ${sentTo}.` : ""}
        </p>
      </form>
      {pendingInvitations.length > 0 && (
        <div className="team-subsection">
          <h3>Pending invitations</h3>
          <ul className="team-rows" data-testid="pending-invitations">
            {pendingInvitations.map((i) => (
              <li key={i.id} className="team-row">
                <span>
                  {i.email} <span className="role-badge">{i.role}</span>
                </span>
                <button
                  type="button"
                  className="btn btn-ghost btn-small"
                  onClick={() => cancel(i.id)}
                  aria-label={`Cancel the invitation to ${i.email}`}
                >
                  Cancel
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
