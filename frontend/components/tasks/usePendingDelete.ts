"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { editsFor } from "@/lib/live/browser";
import { ApiError, errorMessage } from "@/lib/tasks/api";
import type { Task } from "@/lib/tasks/task";
import type { Announce } from "./useNotices";
import type { TaskList } from "./useTaskList";

export const UNDO_MS = 5000;

interface PendingDelete {
  task: Task;
  index: number;
  timer: ReturnType<typeof setTimeout>;
}

interface Options {
  userId: string;
  tasks: Pick<TaskList, "hide" | "unhide" | "restore">;
  announce: Announce;
  dismissNotice: () => void;
  onRemoved: (index: number) => void;
  /** After the DELETE went through (the sidebar's counts follow). */
  onDeleted?: () => void;
}

/**
 * Delete with undo: the task leaves the page at once and the DELETE goes out after UNDO_MS,
 * or at once when the next delete starts, on sign-out, or when the page is left.
 */
export function usePendingDelete({ userId, tasks, announce, dismissNotice, onRemoved, onDeleted }: Options) {
  const { hide, unhide, restore } = tasks;
  const pending = useRef<PendingDelete | null>(null);
  const [undoTask, setUndoTask] = useState<Task | null>(null);

  /** Sends the DELETE whose undo window is open, now. */
  const commitPendingDelete = useCallback(() => {
    const current = pending.current;
    if (!current) return Promise.resolve();
    clearTimeout(current.timer);
    pending.current = null;
    unhide();
    setUndoTask(null);
    // Saved before it is sent (with keepalive), so leaving the page now cannot lose it.
    return editsFor(userId)
      .send({ kind: "delete", id: current.task.id, title: current.task.title })
      .then(() => onDeleted?.())
      .catch((err: unknown) => {
        if (err instanceof ApiError && (err.status === 404 || err.status === 401)) return;
        restore(current.task, current.index);
        announce(`Couldn't delete “${current.task.title}”. ${errorMessage(err)}`, "error");
      });
  }, [userId, unhide, restore, announce, onDeleted]);

  function deleteTask(task: Task) {
    void commitPendingDelete();
    const index = hide(task);
    pending.current = { task, index, timer: setTimeout(() => void commitPendingDelete(), UNDO_MS) };
    setUndoTask(task);
    dismissNotice();
    onRemoved(index);
  }

  function undoDelete() {
    const current = pending.current;
    if (!current) return;
    clearTimeout(current.timer);
    pending.current = null;
    unhide();
    setUndoTask(null);
    restore(current.task, current.index);
    announce(`Restored “${current.task.title}”.`);
  }

  // Leaving the page sends a pending delete rather than dropping it.
  useEffect(() => {
    const flush = () => void commitPendingDelete();
    window.addEventListener("pagehide", flush);
    return () => {
      window.removeEventListener("pagehide", flush);
      flush();
    };
  }, [commitPendingDelete]);

  return { undoTask, deleteTask, undoDelete, commitPendingDelete };
}
