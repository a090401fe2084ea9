"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { outbox } from "@/lib/live/browser";
import type { LiveChange } from "@/lib/live/live-stream";
import { api, ApiError, errorMessage } from "@/lib/tasks/api";
import {
  countsAfterAdd,
  countsAfterRemove,
  countsAfterToggle,
  filterToCompleted,
  matchesFilter,
  matchesQuery,
  type NewTask,
  type Task,
  type TaskChanges,
  type TaskCounts,
  type TaskFilter,
} from "@/lib/tasks/task";
import type { Announce } from "./useNotices";

export const PAGE_SIZE = 50;

/** The last answer to a list request, and which request (`key`) it answered. */
interface Loaded {
  key: string;
  tasks: Task[];
  total: number;
  error?: string;
}

export type ListState =
  | { status: "loading"; tasks: Task[]; total: number }
  | { status: "ready"; tasks: Task[]; total: number }
  | { status: "error"; tasks: Task[]; total: number; error: string };

interface Options {
  userId: string;
  filter: TaskFilter;
  /** The debounced, trimmed search. */
  q: string;
  announce: Announce;
  /** Called with the index a task had when a change takes it out of the list. */
  onRemoved: (index: number) => void;
}

const isVisible = (task: Task, view: { filter: TaskFilter; q: string }) =>
  matchesFilter(task, view.filter) && matchesQuery(task, view.q);

/** The task list of one filter and search, its counts, and the edits that keep both in step with the API. */
export function useTaskList({ userId, filter, q, announce, onRemoved }: Options) {
  const [reloadKey, setReloadKey] = useState(0);
  // Bumped by a change from elsewhere (live events): the counts are read again, the list is not.
  const [countsKey, setCountsKey] = useState(0);
  const [loaded, setLoaded] = useState<Loaded>({ key: "", tasks: [], total: 0 });
  const [loadingMore, setLoadingMore] = useState(false);
  const [counts, setCounts] = useState<TaskCounts | null>(null);
  const [toggling, setToggling] = useState<ReadonlySet<number>>(new Set());
  // A task whose delete can still be undone: gone from the page, not yet from the server,
  // so pages and counts that arrive meanwhile leave it out.
  const hidden = useRef<Task | null>(null);
  // restore() runs from a delete's timer, so it reads the filter and search of that moment.
  const view = useRef({ filter, q });
  useEffect(() => {
    view.current = { filter, q };
  }, [filter, q]);

  // Until the answer for this filter, search and retry arrives, the list shows the previous one (stale).
  const key = JSON.stringify([userId, filter, q, reloadKey]);
  const list: ListState =
    loaded.key !== key
      ? { status: "loading", tasks: loaded.tasks, total: loaded.total }
      : loaded.error !== undefined
        ? { status: "error", tasks: [], total: 0, error: loaded.error }
        : { status: "ready", tasks: loaded.tasks, total: loaded.total };

  useEffect(() => {
    const controller = new AbortController();
    api
      .listTasks(
        userId,
        { completed: filterToCompleted(filter), q, sort: "-created_at", limit: PAGE_SIZE },
        { signal: controller.signal },
      )
      .then((page) => {
        const hiddenId = hidden.current?.id;
        const tasks = page.tasks.filter((t) => t.id !== hiddenId);
        setLoaded({ key, tasks, total: page.total - (page.tasks.length - tasks.length) });
      })
      .catch((err: unknown) => {
        if (controller.signal.aborted) return;
        setLoaded({ key, tasks: [], total: 0, error: errorMessage(err) });
      });
    return () => controller.abort();
  }, [key, userId, filter, q]);

  useEffect(() => {
    const controller = new AbortController();
    const init = { signal: controller.signal };
    Promise.all([api.countTasks(userId, { completed: false }, init), api.countTasks(userId, { completed: true }, init)])
      .then(([active, completed]) => {
        const c = { total: active + completed, active, completed };
        setCounts(hidden.current ? countsAfterRemove(c, hidden.current) : c);
      })
      .catch(() => {
        // Counts are a nicety: the list shows its own error.
      });
    return () => controller.abort();
  }, [userId, reloadKey, countsKey]);

  const reload = () => setReloadKey((k) => k + 1);

  async function loadMore() {
    setLoadingMore(true);
    try {
      const page = await api.listTasks(userId, {
        completed: filterToCompleted(filter),
        q,
        sort: "-created_at",
        limit: PAGE_SIZE,
        offset: list.tasks.length,
      });
      setLoaded((l) => {
        const seen = new Set(l.tasks.map((t) => t.id));
        const hiddenId = hidden.current?.id;
        const more = page.tasks.filter((t) => !seen.has(t.id) && t.id !== hiddenId);
        return { ...l, tasks: [...l.tasks, ...more], total: Math.max(page.total, l.tasks.length + more.length) };
      });
    } catch (err) {
      announce(`Couldn't load more tasks. ${errorMessage(err)}`, "error");
    } finally {
      setLoadingMore(false);
    }
  }

  function replaceTask(task: Task) {
    setLoaded((l) => ({ ...l, tasks: l.tasks.map((t) => (t.id === task.id ? task : t)) }));
  }

  function removeTask(taskId: number) {
    setLoaded((l) => {
      const tasks = l.tasks.filter((t) => t.id !== taskId);
      return { ...l, tasks, total: l.total - (l.tasks.length - tasks.length) };
    });
  }

  async function addTask(newTask: NewTask): Promise<boolean> {
    try {
      const task = await outbox.send(() => api.createTask(userId, newTask));
      const visible = isVisible(task, { filter, q });
      setCounts((c) => c && countsAfterAdd(c, task));
      if (visible) setLoaded((l) => ({ ...l, tasks: [task, ...l.tasks], total: l.total + 1 }));
      announce(visible ? `Added “${task.title}”.` : `Added “${task.title}” (hidden by the current filter or search).`);
      return true;
    } catch (err) {
      announce(`Couldn't add the task. ${errorMessage(err)}`, "error");
      return false;
    }
  }

  async function toggleTask(task: Task) {
    if (toggling.has(task.id)) return;
    setToggling((s) => new Set(s).add(task.id));
    // Optimistic: show the change at once, undo it if the server says no.
    replaceTask({ ...task, completed: !task.completed });
    setCounts((c) => c && countsAfterToggle(c, task.completed));
    try {
      // Through the outbox, as the state wanted: a toggle retried after a lost answer would undo itself.
      const saved = await outbox.send(() => api.updateTask(userId, task.id, { completed: !task.completed }));
      if (saved.completed === task.completed) setCounts((c) => c && countsAfterToggle(c, !task.completed));
      if (isVisible(saved, { filter, q })) {
        replaceTask(saved);
      } else {
        const index = list.tasks.findIndex((t) => t.id === task.id);
        removeTask(saved.id);
        onRemoved(index);
      }
      announce(saved.completed ? `Marked “${saved.title}” as done.` : `Marked “${saved.title}” as not done.`);
    } catch (err) {
      replaceTask(task);
      setCounts((c) => c && countsAfterToggle(c, !task.completed));
      if (err instanceof ApiError && err.status === 404) removeTask(task.id);
      announce(`Couldn't update “${task.title}”. ${errorMessage(err)}`, "error");
    } finally {
      setToggling((s) => {
        const next = new Set(s);
        next.delete(task.id);
        return next;
      });
    }
  }

  async function saveTask(task: Task, changes: TaskChanges): Promise<string | null> {
    try {
      const saved = await outbox.send(() => api.updateTask(userId, task.id, changes));
      replaceTask(saved);
      announce(`Saved “${saved.title}”.`);
      return null;
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) removeTask(task.id);
      return errorMessage(err);
    }
  }

  /**
   * A change from another tab or device (or this one's echo): the task is read again and shown as
   * the API has it now, the newer version winning over what the page holds.
   */
  const applyChange = useCallback(
    (change: LiveChange) => {
      if (change.kind !== "task") return; // lists and labels are not on this page yet
      setCountsKey((k) => k + 1);
      const drop = () =>
        setLoaded((l) => {
          const tasks = l.tasks.filter((t) => t.id !== change.id);
          return { ...l, tasks, total: l.total - (l.tasks.length - tasks.length) };
        });
      if (change.op === "delete") {
        drop();
        return;
      }
      api.getTask(userId, change.id).then(
        (task) => {
          if (task.id === hidden.current?.id) return;
          if (!isVisible(task, view.current)) {
            drop();
            return;
          }
          setLoaded((l) =>
            l.tasks.some((t) => t.id === task.id)
              ? { ...l, tasks: l.tasks.map((t) => (t.id === task.id ? task : t)) }
              : { ...l, tasks: [task, ...l.tasks], total: l.total + 1 },
          );
        },
        (err: unknown) => {
          if (err instanceof ApiError && err.status === 404) drop();
        },
      );
    },
    [userId],
  );

  /** Takes a task off the page (list and counts) and keeps it off until unhide(); returns where it was. */
  function hide(task: Task): number {
    const index = list.tasks.findIndex((t) => t.id === task.id);
    hidden.current = task;
    removeTask(task.id);
    setCounts((c) => c && countsAfterRemove(c, task));
    return index;
  }

  /** Stops leaving a task out of pages that arrive from now on. */
  const unhide = useCallback(() => {
    hidden.current = null;
  }, []);

  /** Puts a task back at `index` (when the filter and search still show it) and in the counts. */
  const restore = useCallback((task: Task, index: number) => {
    setCounts((c) => c && countsAfterAdd(c, task));
    if (!isVisible(task, view.current)) return;
    setLoaded((l) => {
      if (l.tasks.some((t) => t.id === task.id)) return l;
      const tasks = [...l.tasks];
      tasks.splice(Math.min(index, tasks.length), 0, task);
      return { ...l, tasks, total: l.total + 1 };
    });
  }, []);

  return {
    list,
    counts,
    toggling,
    loadingMore,
    reload,
    loadMore,
    addTask,
    toggleTask,
    saveTask,
    hide,
    unhide,
    restore,
    applyChange,
  };
}

export type TaskList = ReturnType<typeof useTaskList>;
