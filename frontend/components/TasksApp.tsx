"use client";

import Link from "next/link";
import { useCallback, useEffect, useId, useRef, useState } from "react";
import { api, ApiError, errorMessage, signOutAndGoToSignIn } from "@/lib/api";
import { accountPath, type Locale } from "@/lib/paths";
import {
  countsAfterAdd,
  countsAfterToggle,
  filterToCompleted,
  matchesFilter,
  matchesQuery,
  type NewTask,
  type Task,
  type TaskChanges,
  type TaskCounts,
  type TaskFilter,
} from "@/lib/task";
import { AddTaskForm } from "./AddTaskForm";
import { Logo } from "./Logo";
import { TaskItem } from "./TaskItem";
import { useDebounced } from "./useDebounced";

export const PAGE_SIZE = 50;
export const UNDO_MS = 5000;
const SEARCH_DEBOUNCE_MS = 300;

interface Props {
  user: { id: string; email: string; name: string };
  locale: Locale;
}

type ListState =
  | { status: "loading"; tasks: Task[]; total: number }
  | { status: "ready"; tasks: Task[]; total: number }
  | { status: "error"; tasks: Task[]; total: number; error: string };

interface Notice {
  text: string;
  tone: "info" | "error";
  key: number;
}

interface PendingDelete {
  task: Task;
  index: number;
  timer: ReturnType<typeof setTimeout>;
}

const FILTERS: { value: TaskFilter; label: string; count: keyof TaskCounts }[] = [
  { value: "all", label: "All", count: "total" },
  { value: "active", label: "Active", count: "active" },
  { value: "completed", label: "Completed", count: "completed" },
];

export function TasksApp({ user, locale }: Props) {
  const id = useId();
  const [filter, setFilter] = useState<TaskFilter>("all");
  const [search, setSearch] = useState("");
  const q = useDebounced(search.trim(), SEARCH_DEBOUNCE_MS);
  const [list, setList] = useState<ListState>({ status: "loading", tasks: [], total: 0 });
  const [reloadKey, setReloadKey] = useState(0);
  const [loadingMore, setLoadingMore] = useState(false);
  const [counts, setCounts] = useState<TaskCounts | null>(null);
  const [toggling, setToggling] = useState<ReadonlySet<number>>(new Set());
  const [notice, setNotice] = useState<Notice | null>(null);
  const [undoTask, setUndoTask] = useState<Task | null>(null);
  const [signingOut, setSigningOut] = useState(false);
  const pendingDelete = useRef<PendingDelete | null>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const noticeKey = useRef(0);

  const announce = useCallback((text: string, tone: Notice["tone"] = "info") => {
    setNotice({ text, tone, key: ++noticeKey.current });
  }, []);

  // Info notices fade by themselves; errors stay until dismissed or replaced.
  useEffect(() => {
    if (!notice || notice.tone === "error") return;
    const timer = setTimeout(() => setNotice((n) => (n?.key === notice.key ? null : n)), 4000);
    return () => clearTimeout(timer);
  }, [notice]);

  /* ---- loading ---- */

  useEffect(() => {
    const controller = new AbortController();
    setList((l) => ({ status: "loading", tasks: l.tasks, total: l.total }));
    api
      .listTasks(
        user.id,
        { completed: filterToCompleted(filter), q, sort: "-created_at", limit: PAGE_SIZE },
        { signal: controller.signal },
      )
      .then((page) => {
        const hidden = pendingDelete.current?.task.id;
        const tasks = page.tasks.filter((t) => t.id !== hidden);
        setList({ status: "ready", tasks, total: page.total - (page.tasks.length - tasks.length) });
      })
      .catch((err: unknown) => {
        if (controller.signal.aborted) return;
        setList({ status: "error", tasks: [], total: 0, error: errorMessage(err) });
      });
    return () => controller.abort();
  }, [user.id, filter, q, reloadKey]);

  useEffect(() => {
    const controller = new AbortController();
    const init = { signal: controller.signal };
    Promise.all([
      api.countTasks(user.id, { completed: false }, init),
      api.countTasks(user.id, { completed: true }, init),
    ])
      .then(([active, completed]) => {
        const hidden = pendingDelete.current?.task;
        const c = { total: active + completed, active, completed };
        setCounts(hidden ? countsAfterAdd(c, hidden, -1) : c);
      })
      .catch(() => {
        // Counts are a nicety: the list shows its own error.
      });
    return () => controller.abort();
  }, [user.id, reloadKey]);

  async function loadMore() {
    setLoadingMore(true);
    try {
      const page = await api.listTasks(user.id, {
        completed: filterToCompleted(filter),
        q,
        sort: "-created_at",
        limit: PAGE_SIZE,
        offset: list.tasks.length,
      });
      setList((l) => {
        const seen = new Set(l.tasks.map((t) => t.id));
        const hidden = pendingDelete.current?.task.id;
        const more = page.tasks.filter((t) => !seen.has(t.id) && t.id !== hidden);
        return { status: "ready", tasks: [...l.tasks, ...more], total: Math.max(page.total, l.tasks.length + more.length) };
      });
    } catch (err) {
      announce(`Couldn't load more tasks. ${errorMessage(err)}`, "error");
    } finally {
      setLoadingMore(false);
    }
  }

  /* ---- list edits (local state) ---- */

  const visible = (task: Task) => matchesFilter(task, filter) && matchesQuery(task, q);

  function replaceTask(task: Task) {
    setList((l) => ({ ...l, tasks: l.tasks.map((t) => (t.id === task.id ? task : t)) }));
  }

  function removeTask(taskId: number) {
    setList((l) => {
      const tasks = l.tasks.filter((t) => t.id !== taskId);
      return { ...l, tasks, total: l.total - (l.tasks.length - tasks.length) };
    });
  }

  /** Keeps keyboard focus in the list when the focused task disappears from it. */
  function focusAfterRemoval(index: number) {
    requestAnimationFrame(() => {
      const checks = listRef.current?.querySelectorAll<HTMLInputElement>(".task-check");
      const target = checks?.[Math.min(index, checks.length - 1)];
      (target ?? headingRef.current)?.focus();
    });
  }

  /* ---- actions ---- */

  async function addTask(newTask: NewTask): Promise<boolean> {
    try {
      const task = await api.createTask(user.id, newTask);
      setCounts((c) => c && countsAfterAdd(c, task));
      if (visible(task)) setList((l) => ({ ...l, tasks: [task, ...l.tasks], total: l.total + 1 }));
      announce(visible(task) ? `Added “${task.title}”.` : `Added “${task.title}” (hidden by the current filter or search).`);
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
      const saved = await api.toggleTask(user.id, task.id);
      if (saved.completed === task.completed) setCounts((c) => c && countsAfterToggle(c, !task.completed));
      if (visible(saved)) {
        replaceTask(saved);
      } else {
        const index = list.tasks.findIndex((t) => t.id === task.id);
        removeTask(saved.id);
        focusAfterRemoval(index);
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
      const saved = await api.updateTask(user.id, task.id, changes);
      replaceTask(saved);
      announce(`Saved “${saved.title}”.`);
      return null;
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) removeTask(task.id);
      return errorMessage(err);
    }
  }

  /** Sends the DELETE whose undo window is open, now. */
  const commitPendingDelete = useCallback(
    (init?: RequestInit) => {
      const pending = pendingDelete.current;
      if (!pending) return Promise.resolve();
      clearTimeout(pending.timer);
      pendingDelete.current = null;
      setUndoTask(null);
      return api
        .deleteTask(user.id, pending.task.id, init)
        .then(() => undefined)
        .catch((err: unknown) => {
          if (err instanceof ApiError && (err.status === 404 || err.status === 401)) return;
          restore(pending);
          announce(`Couldn't delete “${pending.task.title}”. ${errorMessage(err)}`, "error");
        });
    },
    // restore() and announce() only use state setters and refs, so user.id is the only input.
    [user.id],
  );

  function restore(pending: { task: Task; index: number }) {
    setCounts((c) => c && countsAfterAdd(c, pending.task));
    if (!visible(pending.task)) return;
    setList((l) => {
      if (l.tasks.some((t) => t.id === pending.task.id)) return l;
      const tasks = [...l.tasks];
      tasks.splice(Math.min(pending.index, tasks.length), 0, pending.task);
      return { ...l, tasks, total: l.total + 1 };
    });
  }

  function deleteTask(task: Task) {
    void commitPendingDelete();
    const index = list.tasks.findIndex((t) => t.id === task.id);
    removeTask(task.id);
    setCounts((c) => c && countsAfterAdd(c, task, -1));
    pendingDelete.current = { task, index, timer: setTimeout(() => void commitPendingDelete(), UNDO_MS) };
    setUndoTask(task);
    setNotice(null);
    focusAfterRemoval(index);
  }

  function undoDelete() {
    const pending = pendingDelete.current;
    if (!pending) return;
    clearTimeout(pending.timer);
    pendingDelete.current = null;
    setUndoTask(null);
    restore(pending);
    announce(`Restored “${pending.task.title}”.`);
  }

  // Leaving the page sends a pending delete rather than dropping it.
  useEffect(() => {
    const flush = () => void commitPendingDelete({ keepalive: true });
    window.addEventListener("pagehide", flush);
    return () => {
      window.removeEventListener("pagehide", flush);
      flush();
    };
  }, [commitPendingDelete]);

  async function signOut() {
    setSigningOut(true);
    await commitPendingDelete();
    await signOutAndGoToSignIn();
  }

  /* ---- rendering ---- */

  const searching = q.length > 0;
  const showSkeleton = list.status === "loading" && list.tasks.length === 0;
  const listLabelId = `${id}-list-label`;

  function emptyMessage(): { title: string; hint: string } {
    if (searching) return { title: `No tasks match “${q}”.`, hint: "Try other words, or clear the search." };
    if (filter === "active")
      return counts?.total
        ? { title: "Nothing left to do.", hint: "Every task is done. Enjoy the moment." }
        : { title: "No active tasks.", hint: "Add a task above to get started." };
    if (filter === "completed") return { title: "No completed tasks yet.", hint: "Tick a task when it's done and it shows up here." };
    return { title: "No tasks yet.", hint: "Add your first task above: what's the next thing you need to do?" };
  }

  return (
    <div className="app">
      <header className="topbar">
        <div className="topbar-inner">
          <Logo />
          <div className="account">
            <span className="account-email" data-testid="user-email" title={user.email}>
              {user.email}
            </span>
            <Link href={accountPath(locale)} className="btn btn-ghost btn-small">
              Account
            </Link>
            <button type="button" className="btn btn-ghost btn-small" onClick={signOut} disabled={signingOut}>
              {signingOut ? "Signing out…" : "Sign out"}
            </button>
          </div>
        </div>
      </header>

      <main className="tasks-main">
        <h1 ref={headingRef} tabIndex={-1} className="page-title">
          My tasks
        </h1>
        {counts && (
          <p className="summary" data-testid="task-summary">
            <span data-testid="count-active">{counts.active}</span> active ·{" "}
            <span data-testid="count-completed">{counts.completed}</span> completed ·{" "}
            <span data-testid="count-total">{counts.total}</span> total
          </p>
        )}

        <AddTaskForm onAdd={addTask} />

        <div className="toolbar">
          <div className="filters" role="group" aria-label="Show tasks">
            {FILTERS.map((f) => (
              <button
                key={f.value}
                type="button"
                className="filter"
                aria-pressed={filter === f.value}
                onClick={() => setFilter(f.value)}
                data-testid={`filter-${f.value}`}
              >
                {f.label}
                {counts && <span className="filter-count">{counts[f.count]}</span>}
              </button>
            ))}
          </div>
          <div className="search">
            <label htmlFor={`${id}-search`} className="visually-hidden">
              Search tasks
            </label>
            <svg aria-hidden="true" className="search-icon" width="16" height="16" viewBox="0 0 16 16" focusable="false">
              <circle cx="7" cy="7" r="5" fill="none" stroke="currentColor" strokeWidth="1.6" />
              <path d="M11 11l3.5 3.5" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
            </svg>
            <input
              id={`${id}-search`}
              type="search"
              placeholder="Search tasks"
              value={search}
              onChange={(e) => setSearch(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === "Escape" && search) {
                  e.preventDefault();
                  setSearch("");
                }
              }}
              autoComplete="off"
            />
          </div>
        </div>

        <section aria-labelledby={listLabelId} aria-busy={list.status === "loading"} className="list-section">
          <h2 id={listLabelId} className="visually-hidden">
            {filter === "all" ? "All tasks" : filter === "active" ? "Active tasks" : "Completed tasks"}
            {searching ? ` matching “${q}”` : ""}
          </h2>

          {showSkeleton && (
            <div className="skeleton-list" data-testid="tasks-loading">
              <span className="visually-hidden">Loading tasks…</span>
              {[0, 1, 2].map((i) => (
                <div key={i} className="skeleton-row" aria-hidden="true">
                  <span className="skeleton skeleton-check" />
                  <span className="skeleton skeleton-line" style={{ width: `${70 - i * 15}%` }} />
                </div>
              ))}
            </div>
          )}

          {list.status === "error" && (
            <div className="state state-error" role="alert" data-testid="tasks-error">
              <p className="state-title">Couldn't load your tasks.</p>
              <p className="state-hint">{list.error}</p>
              <button type="button" className="btn btn-primary" onClick={() => setReloadKey((k) => k + 1)}>
                Try again
              </button>
            </div>
          )}

          {list.status === "ready" && list.tasks.length === 0 && (
            <div className="state" data-testid="tasks-empty">
              <p className="state-title">{emptyMessage().title}</p>
              <p className="state-hint">{emptyMessage().hint}</p>
              {searching && (
                <button type="button" className="btn btn-ghost" onClick={() => setSearch("")}>
                  Clear search
                </button>
              )}
            </div>
          )}

          {list.tasks.length > 0 && list.status !== "error" && (
            <ul ref={listRef} className={`task-list${list.status === "loading" ? " is-stale" : ""}`} data-testid="task-list">
              {list.tasks.map((task) => (
                <TaskItem
                  key={task.id}
                  task={task}
                  toggling={toggling.has(task.id)}
                  onToggle={toggleTask}
                  onSave={saveTask}
                  onDelete={deleteTask}
                />
              ))}
            </ul>
          )}

          {list.status === "ready" && list.tasks.length < list.total && (
            <div className="load-more">
              <button type="button" className="btn btn-ghost" onClick={loadMore} disabled={loadingMore} aria-busy={loadingMore}>
                {loadingMore ? "Loading…" : `Show more (${list.total - list.tasks.length} left)`}
              </button>
            </div>
          )}
        </section>
      </main>

      {/* Live regions stay mounted so screen readers announce changes to their text. */}
      <div className="toaster">
        <div className={undoTask ? "toast" : "visually-hidden"} data-testid="undo-toast">
          <p role="status" className="toast-text">
            {undoTask ? `Deleted “${undoTask.title}”.` : ""}
          </p>
          {undoTask && (
            <button type="button" className="btn btn-small toast-action" onClick={undoDelete}>
              Undo
            </button>
          )}
        </div>
        <div className={notice?.tone === "info" ? "toast" : "visually-hidden"} data-testid="notice">
          <p role="status" className="toast-text">
            {notice?.tone === "info" ? notice.text : ""}
          </p>
        </div>
        <div className={notice?.tone === "error" ? "toast toast-error" : "visually-hidden"} data-testid="error-notice">
          <p role="alert" className="toast-text">
            {notice?.tone === "error" ? notice.text : ""}
          </p>
          {notice?.tone === "error" && (
            <button type="button" className="btn btn-small toast-action" onClick={() => setNotice(null)} aria-label="Dismiss message">
              ×
            </button>
          )}
        </div>
      </div>
    </div>
  );
}
