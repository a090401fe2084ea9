"use client";

import { useId, useState, type Ref } from "react";
import { formatDay } from "@/lib/format/dates";
import type { NamedList, Task, TaskChanges, TaskFilter } from "@/lib/tasks/task";
import { afterForDrop, groupByDay, type View } from "@/lib/tasks/views";
import { TaskItem } from "./TaskItem";
import type { ListState } from "./useTaskList";

interface Props {
  list: ListState;
  view: View;
  /** The heading's words for the view ("Today", a list's name). */
  viewName: string;
  today: string;
  tz: string;
  lists: NamedList[];
  /** Manual order is on: Alt+↑/↓ and drag move tasks. */
  reorder: boolean;
  onMove: (task: Task, direction: -1 | 1) => void;
  onPlace: (task: Task, after: number | null, index: number) => void;
  filter: TaskFilter;
  /** The search the list answers. */
  q: string;
  /** Whether the user has any task at all (for the empty "Active" list's words). */
  hasTasks: boolean;
  toggling: ReadonlySet<number>;
  loadingMore: boolean;
  listRef: Ref<HTMLDivElement>;
  onRetry: () => void;
  onClearSearch: () => void;
  onLoadMore: () => void;
  onToggle: (task: Task) => void;
  onSave: (task: Task, changes: TaskChanges) => Promise<string | null>;
  onDelete: (task: Task) => void;
}

function emptyMessage(view: View, filter: TaskFilter, q: string, hasTasks: boolean): { title: string; hint: string } {
  if (q) return { title: `No tasks match “${q}”.`, hint: "Try other words, or clear the search." };
  if (view.kind === "today" && filter !== "completed")
    return { title: "Nothing due today.", hint: "Add one with “today” in its title, or look at Upcoming." };
  if (view.kind === "upcoming" && filter !== "completed")
    return { title: "Nothing due this week.", hint: "Give a task a date (“fri”, “tomorrow”) and it shows up here." };
  if ((view.kind === "list" || view.kind === "inbox" || view.kind === "label") && filter === "all")
    return { title: "No tasks here yet.", hint: "Add one above: it goes into this view." };
  if (filter === "active")
    return hasTasks
      ? { title: "Nothing left to do.", hint: "Every task is done. Enjoy the moment." }
      : { title: "No active tasks.", hint: "Add a task above to get started." };
  if (filter === "completed")
    return { title: "No completed tasks yet.", hint: "Tick a task when it's done and it shows up here." };
  return { title: "No tasks yet.", hint: "Add your first task above: what's the next thing you need to do?" };
}

/** The list in each of its states: loading, error, empty, tasks, and "Show more". */
export function TaskListSection({
  list,
  view,
  viewName,
  today,
  tz,
  lists,
  reorder,
  filter,
  q,
  hasTasks,
  toggling,
  loadingMore,
  listRef,
  ...on
}: Props) {
  const labelId = `${useId()}-list-label`;
  const [dragged, setDragged] = useState<Task | null>(null);
  const ids = list.tasks.map((t) => t.id);

  const item = (task: Task, index: number) => (
    <TaskItem
      key={task.id}
      task={task}
      today={today}
      tz={tz}
      lists={lists}
      toggling={toggling.has(task.id)}
      onToggle={on.onToggle}
      onSave={on.onSave}
      onDelete={on.onDelete}
      onMove={reorder ? on.onMove : undefined}
      drag={
        reorder
          ? {
              draggable: true,
              onDragStart: (e) => {
                e.dataTransfer.effectAllowed = "move";
                e.dataTransfer.setData("text/plain", String(task.id));
                setDragged(task);
              },
              onDragEnd: () => setDragged(null),
              onDragOver: (e) => {
                if (dragged) e.preventDefault();
              },
              onDrop: (e) => {
                e.preventDefault();
                if (!dragged || dragged.id === task.id) return;
                on.onPlace(dragged, afterForDrop(ids, dragged.id, index), index);
                setDragged(null);
              },
            }
          : undefined
      }
    />
  );
  const taskList = (tasks: Task[], offset = 0, label?: string) => (
    <ul className={`task-list card${list.status === "loading" ? " is-stale" : ""}`} data-testid="task-list" aria-label={label}>
      {tasks.map((task, i) => item(task, offset + i))}
    </ul>
  );
  const searching = q.length > 0;
  const showSkeleton = list.status === "loading" && list.tasks.length === 0;
  const empty = emptyMessage(view, filter, q, hasTasks);

  return (
    <section aria-labelledby={labelId} aria-busy={list.status === "loading"} className="list-section">
      <h2 id={labelId} className="visually-hidden">
        {viewName}
        {filter === "all" ? "" : filter === "active" ? ": active" : ": completed"}
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

      <div ref={listRef} className="task-groups">
        {list.tasks.length > 0 &&
          list.status !== "error" &&
          (view.kind === "upcoming"
            ? groupByDay(list.tasks, today).map((day) => (
                <div key={day.date} className="day-group" data-testid="day-group" data-date={day.date}>
                  <h3 className="day-heading">{formatDay(day.date, today)}</h3>
                  {day.tasks.length > 0 ? (
                    taskList(day.tasks, 0, formatDay(day.date, today))
                  ) : (
                    <p className="day-empty">Nothing due.</p>
                  )}
                </div>
              ))
            : taskList(list.tasks))}
      </div>

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
