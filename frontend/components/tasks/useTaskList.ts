"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { editsFor } from "@/lib/live/browser";
import type { LiveChange } from "@/lib/live/live-stream";
import { api, ApiError, errorMessage, moveRefusal } from "@/lib/tasks/api";
import {
  countsAfterAdd,
  countsAfterRemove,
  countsAfterToggle,
  type NewTask,
  type Task,
  type TaskChanges,
  type TaskCounts,
} from "@/lib/tasks/task";
import { matchesView, moveTarget, queryFor, type ViewState } from "@/lib/tasks/views";
import type { Announce } from "./useNotices";
import { newIdempotencyKey } from "@/lib/http/idempotency-key";
import { useReplayedEdits } from "./useReplayedEdits";

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
  /** The view, the toolbar's filters and sort, and the debounced, trimmed search. */
  state: ViewState;
  /** "YYYY-MM-DD" and the IANA zone of the browser: what Today and overdue mean. */
  today: string;
  tz: string;
  announce: Announce;
  /** Called with the index a task had when a change takes it out of the list. */
  onRemoved: (index: number) => void;
  /** After any change to a task here (the sidebar's counts follow). */
  onChanged?: () => void;
}

/** The task list of one view (filters, sort, search), its counts, and the edits that keep both in step with the API. */
export function useTaskList({ userId, state, today, tz, announce, onRemoved, onChanged = () => {} }: Options) {
  const isVisible = (task: Task, s: ViewState) => matchesView(task, s, today);
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
  const onChangedRef = useRef(onChanged);
  useEffect(() => {
    onChangedRef.current = onChanged;
  });
  // restore() runs from a delete's timer, so it reads the view of that moment.
  const view = useRef({ state, today });
  useEffect(() => {
    view.current = { state, today };
  }, [state, today]);
  // Settles with the first answer to a list request: edits a previous page left unsent go after it.
  const [listLoaded] = useState(() => {
    let settle = () => {};
    const promise = new Promise<void>((resolve) => (settle = resolve));
    return { promise, settle };
  });

  const query = queryFor(state, today, tz);
  // Counts of the view whatever the completed filter says (All / Active / Completed show them).
  const countQuery = queryFor({ ...state, filter: "all", q: "" }, today, tz);
  const queryKey = JSON.stringify(query);
  const countKey = JSON.stringify(countQuery);
  // Until the answer for this view, search and retry arrives, the list shows the previous one (stale).
  const key = JSON.stringify([userId, queryKey, reloadKey]);
  const list: ListState =
    loaded.key !== key
      ? { status: "loading", tasks: loaded.tasks, total: loaded.total }
      : loaded.error !== undefined
        ? { status: "error", tasks: [], total: 0, error: loaded.error }
        : { status: "ready", tasks: loaded.tasks, total: loaded.total };

  useEffect(() => {
    const controller = new AbortController();
    api
      .listTasks(userId, { ...JSON.parse(queryKey), limit: PAGE_SIZE }, { signal: controller.signal })
      .then((page) => {
        const hiddenId = hidden.current?.id;
        const tasks = page.tasks.filter((t) => t.id !== hiddenId);
        setLoaded({ key, tasks, total: page.total - (page.tasks.length - tasks.length) });
        listLoaded.settle();
      })
      .catch((err: unknown) => {
        if (controller.signal.aborted) return;
        setLoaded({ key, tasks: [], total: 0, error: errorMessage(err) });
        listLoaded.settle();
      });
    return () => controller.abort();
  }, [key, userId, queryKey, listLoaded]);

  useEffect(() => {
    const controller = new AbortController();
    const init = { signal: controller.signal };
    const base = JSON.parse(countKey);
    Promise.all([
      api.countTasks(userId, { ...base, completed: false }, init),
      api.countTasks(userId, { ...base, completed: true }, init),
    ])
      .then(([active, completed]) => {
        const c = { total: active + completed, active, completed };
        setCounts(hidden.current ? countsAfterRemove(c, hidden.current) : c);
      })
      .catch(() => {
        // Counts are a nicety: the list shows its own error.
      });
    return () => controller.abort();
  }, [userId, countKey, reloadKey, countsKey]);

  const reload = () => setReloadKey((k) => k + 1);

  async function loadMore() {
    setLoadingMore(true);
    try {
      const page = await api.listTasks(userId, { ...query, limit: PAGE_SIZE, offset: list.tasks.length });
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

  /** A task as the API has it now, in the view's list or out of it (the newer version wins). */
  const removeTask = useCallback((taskId: number) => {
    setLoaded((l) => {
      const tasks = l.tasks.filter((t) => t.id !== taskId);
      return { ...l, tasks, total: l.total - (l.tasks.length - tasks.length) };
    });
  }, []);

  const showAsApiHasIt = useCallback(
    (task: Task) => {
      if (task.id === hidden.current?.id) return;
      if (!matchesView(task, view.current.state, view.current.today)) {
        removeTask(task.id);
        return;
      }
      setLoaded((l) =>
        l.tasks.some((t) => t.id === task.id)
          ? { ...l, tasks: l.tasks.map((t) => (t.id === task.id ? task : t)) }
          : { ...l, tasks: [task, ...l.tasks], total: l.total + 1 },
      );
    },
    [removeTask],
  );

  async function addTask(newTask: NewTask): Promise<boolean> {
    try {
      // One key for all of this create's retries: one that reached the API is answered, not repeated.
      const key = newIdempotencyKey();
      const task = await editsFor(userId).send({ kind: "create", task: newTask, key });
      const visible = isVisible(task, state);
      onChanged();
      if (isVisible(task, { ...state, filter: "all", q: "" })) setCounts((c) => c && countsAfterAdd(c, task));
      // Newest first shows it on top; the other orders (manual order: a new task goes last) are the server's.
      if (visible) {
        if (state.sort === "-created_at") setLoaded((l) => ({ ...l, tasks: [task, ...l.tasks], total: l.total + 1 }));
        else reload();
      }
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
      // (A PUT of completed steps a recurring task as PATCH …/complete does.)
      const saved = await editsFor(userId).send({
        kind: "update",
        id: task.id,
        title: task.title,
        base: task.updated_at,
        changes: { completed: !task.completed },
      });
      onChanged();
      if (saved.completed === task.completed) setCounts((c) => c && countsAfterToggle(c, !task.completed));
      if (isVisible(saved, state)) {
        replaceTask(saved);
      } else {
        const index = list.tasks.findIndex((t) => t.id === task.id);
        removeTask(saved.id);
        onRemoved(index);
      }
      // A recurring task stays open: its due date moved to the next occurrence (SPEC 1.7).
      const stepped = !task.completed && !saved.completed && saved.due_date !== task.due_date;
      announce(
        stepped
          ? `Done; “${saved.title}” is next due ${saved.due_date}.`
          : saved.completed
            ? `Marked “${saved.title}” as done.`
            : `Marked “${saved.title}” as not done.`,
      );
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
      const saved = await editsFor(userId).send({
        kind: "update",
        id: task.id,
        title: task.title,
        base: task.updated_at,
        changes,
      });
      onChanged();
      if (isVisible(saved, state)) replaceTask(saved);
      else {
        const index = list.tasks.findIndex((t) => t.id === task.id);
        removeTask(saved.id);
        onRemoved(index);
      }
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
      onChangedRef.current(); // the sidebar's lists, labels and counts
      if (change.kind !== "task") return;
      setCountsKey((k) => k + 1);
      if (change.op === "delete") {
        removeTask(change.id);
        return;
      }
      api.getTask(userId, change.id).then(showAsApiHasIt, (err: unknown) => {
        if (err instanceof ApiError && err.status === 404) removeTask(change.id);
      });
    },
    [userId, showAsApiHasIt, removeTask],
  );

  // Edits a previous page of this user left unsent (reloaded, closed, crashed) are sent now, in order.
  useReplayedEdits({
    userId,
    ready: listLoaded.promise,
    announce,
    onTask: (task) => {
      showAsApiHasIt(task);
      setCountsKey((k) => k + 1);
      onChangedRef.current();
    },
    onGone: (taskId) => {
      removeTask(taskId);
      setCountsKey((k) => k + 1);
      onChangedRef.current();
    },
    // A replayed move changed the order the list was loaded in: it is read again.
    onReordered: reload,
    // Replayed list and label edits: the sidebar and the tasks they moved or relabelled are read again.
    onSidebar: () => {
      reload();
      onChangedRef.current();
    },
  });

  /** Takes a task off the page (list and counts) and keeps it off until unhide(); returns where it was. */
  function hide(task: Task): number {
    const index = list.tasks.findIndex((t) => t.id === task.id);
    hidden.current = task;
    removeTask(task.id);
    setCounts((c) => c && countsAfterRemove(c, task));
    return index;
  }

  /** Manual order: one step up (-1) or down (1) in the list shown, written with the API's `move`. */
  async function moveTask(task: Task, direction: -1 | 1): Promise<boolean> {
    const target = moveTarget(
      list.tasks.map((t) => t.id),
      task.id,
      direction,
    );
    if (!target) return false;
    return placeTask(task, target.after, target.index);
  }

  /**
   * Puts a task right after `after` (null: first), shown at `index` at once. The move goes through
   * the edit queue like any edit: saved, sent after the edits before it, tried again while the API
   * cannot be reached (the new order stays meanwhile) and replayed by the next page if this one goes.
   * Only the API's refusal puts the task back where it was (404: it is gone, so it leaves the list).
   */
  async function placeTask(task: Task, after: number | null, index: number): Promise<boolean> {
    const from = loaded.tasks.findIndex((t) => t.id === task.id);
    setLoaded((l) => {
      const tasks = l.tasks.filter((t) => t.id !== task.id);
      tasks.splice(index, 0, task);
      return { ...l, tasks };
    });
    try {
      const saved = await editsFor(userId).send({ kind: "move", id: task.id, after, title: task.title });
      replaceTask(saved);
      announce(`Moved “${task.title}” to place ${index + 1}.`);
      return true;
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) removeTask(task.id);
      else if (from >= 0) putBack(task.id, from);
      announce(`Couldn't move “${task.title}”. ${moveRefusal(err)}`, "error");
      return false;
    }
  }

  /** The task back at `index` among the tasks shown now (edits made while the move waited stay). */
  function putBack(taskId: number, index: number) {
    setLoaded((l) => {
      const current = l.tasks.find((t) => t.id === taskId);
      if (!current) return l;
      const tasks = l.tasks.filter((t) => t.id !== taskId);
      tasks.splice(Math.min(index, tasks.length), 0, current);
      return { ...l, tasks };
    });
  }

  /** Stops leaving a task out of pages that arrive from now on. */
  const unhide = useCallback(() => {
    hidden.current = null;
  }, []);

  /** Puts a task back at `index` (when the filter and search still show it) and in the counts. */
  const restore = useCallback((task: Task, index: number) => {
    setCounts((c) => c && countsAfterAdd(c, task));
    onChangedRef.current();
    if (!matchesView(task, view.current.state, view.current.today)) return;
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
    moveTask,
    placeTask,
    hide,
    unhide,
    restore,
    applyChange,
  };
}

export type TaskList = ReturnType<typeof useTaskList>;
