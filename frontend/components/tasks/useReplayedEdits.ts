"use client";

import { useEffect, useRef } from "react";
import { replaySavedEdits } from "@/lib/live/browser";
import type { ReplayOutcome } from "@/lib/live/edit-queue";
import { ApiError, errorMessage, moveRefusal } from "@/lib/tasks/api";
import { isSidebarEdit, type SidebarEdit } from "@/lib/live/saved-edits";
import type { Task } from "@/lib/tasks/task";
import type { Announce } from "./useNotices";

interface Options {
  userId: string;
  /** Settles when the page's list has loaded: the replayed edits' answers land on it. */
  ready: Promise<unknown>;
  announce: Announce;
  /** A replayed edit's task, as the API has it now. */
  onTask: (task: Task) => void;
  /** A replayed delete went through, or the task is gone. */
  onGone: (taskId: number) => void;
  /** Replayed moves went through: the manual order is the API's now (called once, after the replay). */
  onReordered: () => void;
  /** Replayed list or label edits were answered: the sidebar (and the tasks they touched) are read again (called once). */
  onSidebar: () => void;
}

/**
 * Sends the edits a previous page of this user left unsent (lib/live/edit-queue.ts), once per page,
 * and says in one notice what became of them: saved, or which could not be and why.
 */
export function useReplayedEdits({ userId, ready, announce, onTask, onGone, onReordered, onSidebar }: Options) {
  const handlers = useRef({ announce, onTask, onGone, onReordered, onSidebar });
  useEffect(() => {
    handlers.current = { announce, onTask, onGone, onReordered, onSidebar };
  });

  useEffect(() => {
    let saved = 0;
    let moved = false;
    let sidebar = false;
    const problems: string[] = [];
    const onOutcome = (outcome: ReplayOutcome) => {
      const { onTask, onGone } = handlers.current;
      const line = describe(outcome);
      if (line) problems.push(line);
      if (isSidebarEdit(outcome.edit)) {
        sidebar = true;
        if (outcome.kind === "sidebar") saved++;
        return;
      }
      switch (outcome.kind) {
        case "saved":
          saved++;
          if (outcome.edit.kind === "move") moved = true;
          onTask(outcome.task);
          break;
        case "conflict":
          onTask(outcome.task);
          break;
        case "deleted":
          saved++;
          if (outcome.edit.kind === "delete") onGone(outcome.edit.id);
          break;
        case "refused":
          if ("id" in outcome.edit && outcome.error instanceof ApiError && outcome.error.status === 404) onGone(outcome.edit.id);
      }
    };
    // Claimed edits belong to this page from here on (a second run, as in React's strict mode, finds none).
    void replaySavedEdits(userId, { ready, onOutcome }).then(() => {
      const { announce, onReordered, onSidebar } = handlers.current;
      if (moved) onReordered();
      if (sidebar) onSidebar();
      // Conflicts repeat for each later edit of the same task; one line each is enough.
      const lines = [...new Set(problems)];
      if (lines.length > 0) announce(lines.join(" "), "error");
      else if (saved > 0) announce(`Saved ${saved} earlier ${saved === 1 ? "change" : "changes"} that had not been sent yet.`);
    });
  }, [userId, ready]);
}

function describe(outcome: ReplayOutcome): string | null {
  const { edit } = outcome;
  if (isSidebarEdit(edit)) return describeSidebar(outcome, edit);
  const name = outcome.kind === "conflict" ? outcome.task.title : edit.kind === "create" ? edit.task.title : edit.title;
  switch (outcome.kind) {
    case "conflict":
      return `“${name}” was changed elsewhere before your earlier change to it was sent; it shows the newer version.`;
    case "refused":
      switch (edit.kind) {
        case "create":
          return `Couldn't add “${name}”. ${errorMessage(outcome.error)}`;
        case "move":
          return `Couldn't move “${name}” as you did earlier. ${moveRefusal(outcome.error)}`;
        default:
          return `Couldn't save an earlier change to “${name}”. ${errorMessage(outcome.error)}`;
      }
    default:
      return null;
  }
}

/** What became of a replayed list or label edit, when it is worth saying. */
function describeSidebar(outcome: ReplayOutcome, edit: SidebarEdit): string | null {
  if (outcome.kind === "list-conflict")
    return `The list “${outcome.list.name}” was changed elsewhere before your earlier rename to “${edit.name}” was sent; it keeps the newer name, and the rename was not sent.`;
  if (outcome.kind !== "refused") return null;
  const why = errorMessage(outcome.error);
  switch (edit.kind) {
    case "list-create":
      return `Couldn't create the list “${edit.name}”. ${why}`;
    case "list-rename":
      return `Couldn't rename a list to “${edit.name}” as you did earlier. ${why}`;
    case "list-delete":
      return `Couldn't delete the list “${edit.name}”. ${why}`;
    case "label-rename":
      return `Couldn't rename the label “${edit.name}” to “${edit.to}”. ${why}`;
    case "label-delete":
      return `Couldn't remove the label “${edit.name}”. ${why}`;
  }
}
