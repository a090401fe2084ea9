"use client";

import { useId, useState } from "react";
import { teamApi } from "@/lib/teams/team-api";
import type { useTeamWork } from "./useTeamWork";

type Work = ReturnType<typeof useTeamWork>;

/** Who a task can be assigned to: the team's members (SPEC 1.9). */
export interface Assignee {
  userId: string;
  label: string;
}

/** The team's tasks (every member reads and writes them) and lists (owners and admins manage them, SPEC 1.9). */
export function TeamWork({
  teamId,
  work,
  canManageLists,
  assignees,
}: {
  teamId: string;
  work: Work;
  canManageLists: boolean;
  assignees: Assignee[];
}) {
  const id = useId();
  const [title, setTitle] = useState("");
  const [listName, setListName] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function run(action: () => Promise<unknown>, after?: () => void) {
    setPending(true);
    const failed = await work.write(action);
    setPending(false);
    setError(failed);
    if (!failed) after?.();
  }

  if (work.error && !work.tasks) {
    return (
      <section className="card team-card" aria-labelledby={`${id}-tasks`}>
        <h2 id={`${id}-tasks`}>Tasks</h2>
        <p role="alert" className="alert alert-error" data-testid="team-work-error">
          {work.error}
        </p>
        <button type="button" className="btn btn-ghost" onClick={() => void work.reload()}>
          Try again
        </button>
      </section>
    );
  }

  return (
    <>
      <section className="card team-card" aria-labelledby={`${id}-tasks`}>
        <h2 id={`${id}-tasks`}>Tasks</h2>
        <div role="alert" className={error || work.error ? "alert alert-error" : "visually-hidden"} data-testid="team-work-alert">
          {error ?? work.error}
        </div>
        <form
          className="team-form team-form-inline"
          aria-label="Add a team task"
          onSubmit={(e) => {
            e.preventDefault();
            if (title.trim())
              void run(
                () => teamApi.createTask(teamId, { title: title.trim() }),
                () => setTitle(""),
              );
          }}
        >
          <label htmlFor={`${id}-title`} className="visually-hidden">
            New team task
          </label>
          <input
            id={`${id}-title`}
            placeholder="Add a task for the team"
            value={title}
            maxLength={200}
            onChange={(e) => setTitle(e.target.value)}
          />
          <button type="submit" className="btn btn-primary" disabled={pending || !title.trim()}>
            Add
          </button>
        </form>
        {work.tasks === null ? (
          <p aria-busy="true">Loading…</p>
        ) : work.tasks.length === 0 ? (
          <p className="state-hint">No tasks in this team yet.</p>
        ) : (
          <ul className="team-rows" data-testid="team-tasks">
            {work.tasks.map((t) => (
              <li key={t.id} className="team-row" data-testid="team-task">
                <label className="checkbox-row">
                  <input
                    type="checkbox"
                    checked={t.completed}
                    disabled={pending}
                    onChange={() => void run(() => teamApi.toggleTask(teamId, t.id))}
                  />
                  <span className={t.completed ? "task-done" : undefined}>{t.title}</span>
                </label>
                <label className="visually-hidden" htmlFor={`${id}-assignee-${t.id}`}>
                  {`Assignee of ${t.title}`}
                </label>
                <select
                  id={`${id}-assignee-${t.id}`}
                  className="team-assignee"
                  value={t.assignee_id ?? ""}
                  disabled={pending}
                  onChange={(e) => void run(() => teamApi.assignTask(teamId, t.id, e.target.value || null))}
                >
                  <option value="">Nobody</option>
                  {assignees.map((a) => (
                    <option key={a.userId} value={a.userId}>
                      {a.label}
                    </option>
                  ))}
                </select>
                <button
                  type="button"
                  className="btn btn-ghost btn-small btn-danger"
                  disabled={pending}
                  onClick={() => void run(() => teamApi.deleteTask(teamId, t.id))}
                  aria-label={`Delete ${t.title}`}
                >
                  Delete
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card team-card" aria-labelledby={`${id}-lists`}>
        <h2 id={`${id}-lists`}>Lists</h2>
        {work.lists && work.lists.length > 0 ? (
          <ul className="team-rows" data-testid="team-lists">
            {work.lists.map((l) => (
              <li key={l.id} className="team-row" data-testid="team-list">
                <span>{l.name}</span>
                {canManageLists && (
                  <button
                    type="button"
                    className="btn btn-ghost btn-small btn-danger"
                    disabled={pending}
                    onClick={() => void run(() => teamApi.deleteList(teamId, l.id))}
                    aria-label={`Delete the list ${l.name}`}
                  >
                    Delete
                  </button>
                )}
              </li>
            ))}
          </ul>
        ) : (
          <p className="state-hint">No lists yet.</p>
        )}
        {canManageLists ? (
          <form
            className="team-form team-form-inline"
            aria-label="Add a list"
            onSubmit={(e) => {
              e.preventDefault();
              if (listName.trim())
                void run(
                  () => teamApi.createList(teamId, listName.trim()),
                  () => setListName(""),
                );
            }}
          >
            <label htmlFor={`${id}-list`} className="visually-hidden">
              New list name
            </label>
            <input
              id={`${id}-list`}
              placeholder="New list"
              value={listName}
              maxLength={100}
              onChange={(e) => setListName(e.target.value)}
            />
            <button type="submit" className="btn btn-ghost" disabled={pending || !listName.trim()}>
              Add list
            </button>
          </form>
        ) : (
          <p className="state-hint">Owners and admins manage the team&apos;s lists.</p>
        )}
      </section>
    </>
  );
}
