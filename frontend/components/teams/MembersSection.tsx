"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { authClient } from "@/lib/auth/auth-client";
import { teamErrorMessage } from "@/lib/teams/team-errors";
import { teamsPath } from "@/lib/teams/team-links";
import { canManage, highestRole } from "@/lib/teams/team-rules";
import type { TeamView } from "./useTeam";

type Result = { error?: { code?: string; message?: string; status?: number } | null };

/**
 * Members and their roles. Owners and admins change roles (member ↔ admin) and remove members;
 * an owner transfers ownership (the other becomes owner, then they step down to admin); anyone
 * leaves (the last owner is refused by Better Auth until they transfer). The server decides every
 * rule (lib/teams/team-options.ts); the buttons shown only follow them.
 */
export function MembersSection({
  team,
  myUserId,
  onChange,
}: {
  team: TeamView;
  myUserId: string;
  onChange: () => Promise<void>;
}) {
  const id = useId();
  const router = useRouter();
  const me = team.members.find((m) => m.userId === myUserId);
  const myRole = highestRole(me?.role);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [transferTo, setTransferTo] = useState("");
  const [confirmTransfer, setConfirmTransfer] = useState(false);

  async function run(key: string, steps: (() => Promise<Result>)[], after?: () => void) {
    setBusy(key);
    setError(null);
    try {
      for (const step of steps) {
        const result = await step();
        if (result.error) return setError(teamErrorMessage(result.error));
      }
      if (after) after();
      else await onChange();
    } catch {
      setError(teamErrorMessage({ status: 0 }));
    } finally {
      setBusy(null);
    }
  }

  const setRole = (memberId: string, role: string) =>
    run(`role-${memberId}`, [() => authClient.organization.updateMemberRole({ organizationId: team.id, memberId, role })]);
  const remove = (memberId: string) =>
    run(`remove-${memberId}`, [
      () => authClient.organization.removeMember({ organizationId: team.id, memberIdOrEmail: memberId }),
    ]);
  const leave = () =>
    run("leave", [() => authClient.organization.leave({ organizationId: team.id })], () => {
      router.push(teamsPath());
      router.refresh();
    });
  const transfer = () =>
    me &&
    run("transfer", [
      () => authClient.organization.updateMemberRole({ organizationId: team.id, memberId: transferTo, role: "owner" }),
      () => authClient.organization.updateMemberRole({ organizationId: team.id, memberId: me.id, role: "admin" }),
    ]).then(() => {
      setConfirmTransfer(false);
      setTransferTo("");
    });

  const others = team.members.filter((m) => m.userId !== myUserId);
  const transferName = others.find((m) => m.id === transferTo)?.user.name;

  return (
    <section className="card team-card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Members</h2>
      <div role="alert" className={error ? "alert alert-error" : "visually-hidden"}>
        {error}
      </div>
      <ul className="team-rows" data-testid="members">
        {team.members.map((m) => {
          const role = highestRole(m.role);
          const mine = m.userId === myUserId;
          const editable = !mine && canManage(myRole) && role !== "owner";
          return (
            <li key={m.id} className="team-row" data-testid="member" data-email={m.user.email}>
              <span className="member-who">
                <strong>{m.user.name || m.user.email}</strong>
                <span className="member-email">{m.user.email}</span>
              </span>
              {editable ? (
                <span className="row-actions">
                  <label className="visually-hidden" htmlFor={`${id}-role-${m.id}`}>
                    Role of {m.user.email}
                  </label>
                  <select
                    id={`${id}-role-${m.id}`}
                    value={role}
                    disabled={busy !== null}
                    onChange={(e) => setRole(m.id, e.target.value)}
                  >
                    <option value="member">member</option>
                    <option value="admin">admin</option>
                  </select>
                  <button
                    type="button"
                    className="btn btn-ghost btn-small btn-danger"
                    disabled={busy !== null}
                    onClick={() => remove(m.id)}
                    aria-label={`Remove ${m.user.email}`}
                  >
                    Remove
                  </button>
                </span>
              ) : (
                <span className="role-badge" data-testid="member-role">
                  {role}
                  {mine ? " (you)" : ""}
                </span>
              )}
            </li>
          );
        })}
      </ul>
      {myRole === "owner" && others.length > 0 && (
        <div className="team-subsection">
          <h3>Transfer ownership</h3>
          <p className="state-hint">The person you choose becomes owner; you stay in the team as an admin.</p>
          <div className="row-actions">
            <label htmlFor={`${id}-transfer`}>New owner</label>
            <select
              id={`${id}-transfer`}
              value={transferTo}
              onChange={(e) => {
                setTransferTo(e.target.value);
                setConfirmTransfer(false);
              }}
            >
              <option value="">Choose a member…</option>
              {others.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.user.name || m.user.email} ({m.user.email})
                </option>
              ))}
            </select>
            {!confirmTransfer ? (
              <button type="button" className="btn btn-ghost" disabled={!transferTo} onClick={() => setConfirmTransfer(true)}>
                Transfer…
              </button>
            ) : (
              <button type="button" className="btn btn-primary" disabled={busy !== null} onClick={transfer}>
                {busy === "transfer" ? "Transferring…" : `Make ${transferName} owner`}
              </button>
            )}
          </div>
        </div>
      )}
      <div className="team-subsection">
        <button type="button" className="btn btn-ghost" disabled={busy !== null} onClick={leave}>
          {busy === "leave" ? "Leaving…" : "Leave team"}
        </button>
      </div>
    </section>
  );
}
