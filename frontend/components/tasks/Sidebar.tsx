"use client";

import { useId, useState } from "react";
import { LIST_NAME_MAX } from "@/lib/tasks/task";
import { viewKey, type View } from "@/lib/tasks/views";
import type { SidebarData } from "./useSidebar";

interface Props {
  view: View;
  onView: (view: View) => void;
  data: Pick<SidebarData, "lists" | "labels" | "creating" | "counts" | "createList">;
  /** Below 720 px the sidebar is a menu: open or closed. */
  open: boolean;
  onClose: () => void;
}

/** Today, Upcoming, Inbox, the lists, the labels and All, each with the count that matters. */
export function Sidebar({ view, onView, data, open, onClose }: Props) {
  const id = useId();
  const [adding, setAdding] = useState(false);
  const [name, setName] = useState("");
  const { counts } = data;
  const current = viewKey(view);

  function go(next: View) {
    onView(next);
    onClose();
  }

  const item = (next: View, label: string, count?: number | null, extra?: React.ReactNode) => (
    <li key={viewKey(next)}>
      <button
        type="button"
        className="nav-item"
        aria-current={current === viewKey(next) ? "page" : undefined}
        onClick={() => go(next)}
        data-testid={`nav-${viewKey(next)}`}
      >
        <span className="nav-label">{label}</span>
        {extra}
        {count ? (
          <span className="nav-count" aria-label={`${count} open`}>
            {count}
          </span>
        ) : null}
      </button>
    </li>
  );

  async function addList(event: React.FormEvent) {
    event.preventDefault();
    if (!name.trim()) return setAdding(false);
    // The form closes at once; the list shows as "Creating …" until the API answers (it may be unreachable a while).
    const typed = name;
    setName("");
    setAdding(false);
    const list = await data.createList(typed);
    if (list) go({ kind: "list", id: list.id });
    else {
      setName(typed);
      setAdding(true);
    }
  }

  return (
    <nav className={`sidebar${open ? " is-open" : ""}`} aria-label="Task views" id="task-views" data-testid="sidebar">
      <ul className="nav-group">
        {item(
          { kind: "today" },
          "Today",
          counts?.today,
          counts?.overdue ? (
            <span className="nav-overdue" data-testid="count-overdue">
              {counts.overdue} overdue
            </span>
          ) : null,
        )}
        {item({ kind: "upcoming" }, "Upcoming", counts?.upcoming)}
        {item({ kind: "inbox" }, "Inbox", counts?.inbox)}
        {item({ kind: "all" }, "All tasks", counts?.all)}
      </ul>

      <h2 className="nav-heading" id={`${id}-lists`}>
        Lists
      </h2>
      <ul className="nav-group" aria-labelledby={`${id}-lists`}>
        {data.lists.map((l) => item({ kind: "list", id: l.id }, l.name, l.task_count))}
        {data.creating.map((name, i) => (
          <li key={`creating-${i}`}>
            <button type="button" className="nav-item" disabled aria-busy="true" data-testid="nav-creating">
              <span className="nav-label">Creating “{name}” …</span>
            </button>
          </li>
        ))}
      </ul>
      {adding ? (
        <form className="nav-add" onSubmit={addList}>
          <label htmlFor={`${id}-new-list`} className="visually-hidden">
            New list name
          </label>
          <input
            id={`${id}-new-list`}
            value={name}
            maxLength={LIST_NAME_MAX * 2}
            placeholder="List name"
            onChange={(e) => setName(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Escape") setAdding(false);
            }}
            autoComplete="off"
            autoFocus
          />
          <button type="submit" className="btn btn-primary btn-small">
            Add
          </button>
        </form>
      ) : (
        <button type="button" className="btn-link nav-new" onClick={() => setAdding(true)}>
          + New list
        </button>
      )}

      {data.labels.length > 0 && (
        <>
          <h2 className="nav-heading" id={`${id}-labels`}>
            Labels
          </h2>
          <ul className="nav-group" aria-labelledby={`${id}-labels`}>
            {data.labels.map((l) => item({ kind: "label", name: l.name }, `@${l.name}`, l.task_count))}
          </ul>
        </>
      )}
    </nav>
  );
}
