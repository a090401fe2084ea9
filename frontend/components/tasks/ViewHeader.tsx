"use client";

import { useId, useState, type Ref } from "react";
import { LABEL_MAX, LIST_NAME_MAX } from "@/lib/tasks/task";
import type { View } from "@/lib/tasks/views";
import type { SidebarData } from "./useSidebar";

interface Props {
  view: View;
  title: string;
  headingRef: Ref<HTMLHeadingElement>;
  data: Pick<SidebarData, "lists" | "renameList" | "deleteList" | "renameLabel" | "deleteLabel">;
  /** After the list or label shown is deleted, or a label renamed (its view has a new name). */
  onView: (view: View) => void;
  menuOpen: boolean;
  onMenu: () => void;
}

/** The view's name, the menu button (narrow screens), and renaming or deleting the list or label shown. */
export function ViewHeader({ view, title, headingRef, data, onView, menuOpen, onMenu }: Props) {
  const id = useId();
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState("");
  const list = view.kind === "list" ? data.lists.find((l) => l.id === view.id) : undefined;
  const editable = Boolean(list) || view.kind === "label";
  const noun = view.kind === "label" ? "label" : "list";

  function startRename() {
    setName(view.kind === "label" ? view.name : (list?.name ?? ""));
    setRenaming(true);
  }

  async function rename(event: React.FormEvent) {
    event.preventDefault();
    if (!name.trim()) return;
    if (list && (await data.renameList(list, name))) setRenaming(false);
    if (view.kind === "label" && (await data.renameLabel(view.name, name))) {
      setRenaming(false);
      onView({ kind: "label", name: name.trim() });
    }
  }

  async function remove() {
    if (list) {
      if (!window.confirm(`Delete the list “${list.name}”? Its tasks move to the Inbox.`)) return;
      if (await data.deleteList(list)) onView({ kind: "inbox" });
    } else if (view.kind === "label") {
      if (!window.confirm(`Remove the label “${view.name}” from every task?`)) return;
      if (await data.deleteLabel(view.name)) onView({ kind: "all" });
    }
  }

  return (
    <div className="view-header">
      <button
        type="button"
        className="btn btn-ghost btn-small menu-button"
        aria-expanded={menuOpen}
        aria-controls="task-views"
        onClick={onMenu}
      >
        <span aria-hidden="true">☰</span> Views
      </button>
      {renaming ? (
        <form className="rename-form" onSubmit={rename} aria-label={`Rename the ${noun}`}>
          <label htmlFor={`${id}-name`} className="visually-hidden">
            New {noun} name
          </label>
          <input
            id={`${id}-name`}
            value={name}
            maxLength={(view.kind === "label" ? LABEL_MAX : LIST_NAME_MAX) * 2}
            onChange={(e) => setName(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Escape") setRenaming(false);
            }}
            autoFocus
          />
          <button type="submit" className="btn btn-primary btn-small">
            Save
          </button>
          <button type="button" className="btn btn-ghost btn-small" onClick={() => setRenaming(false)}>
            Cancel
          </button>
        </form>
      ) : (
        <h1 ref={headingRef} tabIndex={-1} className="page-title" data-testid="view-title">
          {title}
        </h1>
      )}
      {editable && !renaming && (
        <div className="view-actions">
          <button type="button" className="btn btn-ghost btn-small" onClick={startRename}>
            Rename {noun}
          </button>
          <button type="button" className="btn btn-ghost btn-small btn-danger" onClick={remove}>
            {view.kind === "label" ? "Remove label" : "Delete list"}
          </button>
        </div>
      )}
    </div>
  );
}
