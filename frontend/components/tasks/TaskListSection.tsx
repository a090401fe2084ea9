"use client";

import { useId, type Ref } from "react";
import type { Task, TaskChanges, TaskFilter } from "@/lib/tasks/task";
import { TaskItem } from "./TaskItem";
import type { ListState } from "./useTaskList";

interface Props {
  list: ListState;
  filter: TaskFilter;
  /** The search the list answers. */
  q: string;
  /** Whether the user has any task at all (for the empty "Active" list's words). */
  hasTasks: boolean;
  toggling: ReadonlySet<number>;
  loadingMore: boolean;
  listRef: Ref<HTMLUListElement>;
  onRetry: () => void;
  onClearSearch: () => void;
  onLoadMore: () => void;
  onToggle: (task: Task) => void;
  onSave: (task: Task, changes: TaskChanges) => Promise<string | null>;
  onDelete: (task: Task) => void;
}

function emptyMessage(filter: TaskFilter, q: string, hasTasks: boolean): { title: string; hint: string } {
  if (q) return { title: `No tasks match “${q}”.`, hint: "Try other words, or clear the search." };
  if (filter === "active")
    return hasTasks
      ? { title: "Nothing left to do.", hint: "Every task is done. Enjoy the moment." }
      : { title: "No active tasks.", hint: "Add a task above to get started." };
  if (filter === "completed")
    return { title: "No completed tasks yet.", hint: "Tick a task when it's done and it shows up here." };
  return { title: "No tasks yet.", hint: "Add your first task above: what's the next thing you need to do?" };
}

/** The list in each of its states: loading, error, empty, tasks, and "Show more". */
export function TaskListSection({ list, filter, q, hasTasks, toggling, loadingMore, listRef, ...on }: Props) {
  const labelId = `${useId()}-list-label`;
  const searching = q.length > 0;
  const showSkeleton = list.status === "loading" && list.tasks.length === 0;
  const empty = emptyMessage(filter, q, hasTasks);

  return (
    <section aria-labelledby={labelId} aria-busy={list.status === "loading"} className="list-section">
      <h2 id={labelId} className="visually-hidden">
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
          <p className="state-title">Couldn&apos;t load your tasks.</p>
          <p className="state-hint">{list.error}</p>
          <button type="button" className="btn btn-primary" onClick={on.onRetry}>
            Try again
          </button>
        </div>
      )}

      {list.status === "ready" && list.tasks.length === 0 && (
        <div className="state" data-testid="tasks-empty">
          <p className="state-title">{empty.title}</p>
          <p className="state-hint">{empty.hint}</p>
          {searching && (
            <button type="button" className="btn btn-ghost" onClick={on.onClearSearch}>
              Clear search
            </button>
          )}
        </div>
      )}

      {list.tasks.length > 0 && list.status !== "error" && (
        <ul ref={listRef} className={`task-list card${list.status === "loading" ? " is-stale" : ""}`} data-testid="task-list">
          {list.tasks.map((task) => (
            <TaskItem
              key={task.id}
              task={task}
              toggling={toggling.has(task.id)}
              onToggle={on.onToggle}
              onSave={on.onSave}
              onDelete={on.onDelete}
            />
          ))}
        </ul>
      )}

      {list.status === "ready" && list.tasks.length < list.total && (
        <div className="load-more">
          <button type="button" className="btn btn-ghost" onClick={on.onLoadMore} disabled={loadingMore} aria-busy={loadingMore}>
            {loadingMore ? "Loading…" : `Show more (${list.total - list.tasks.length} left)`}
          </button>
        </div>
      )}
    </section>
  );
}
