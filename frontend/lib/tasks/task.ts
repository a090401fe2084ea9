/** A task as the Java task API returns it (SPEC 1.3): snake_case, timestamps ISO-8601 UTC. */
export interface Task {
  id: number;
  user_id: string;
  title: string;
  description: string | null;
  completed: boolean;
  created_at: string;
  updated_at: string;
}

export interface NewTask {
  title: string;
  description?: string | null;
  completed?: boolean;
}

/** PUT is a partial update: omitted fields stay unchanged. */
export type TaskChanges = Partial<Pick<Task, "title" | "description" | "completed">>;

export type TaskSort = "created_at" | "-created_at" | "title" | "-title" | "updated_at" | "-updated_at";

export interface TaskQuery {
  completed?: boolean;
  q?: string;
  sort?: TaskSort;
  limit?: number;
  offset?: number;
}

export type TaskFilter = "all" | "active" | "completed";

// The Java API's limits (backend/task-api/.../task/TaskText.java), counted the way it counts them:
// in Unicode code points, so an emoji is one character on both sides. task.test.ts reads the Java
// source and fails if the two ever differ.
export const TITLE_MAX = 200;
export const DESCRIPTION_MAX = 2000;

/** Characters as the API counts them (code points), not UTF-16 units as `String.length` does. */
export function characterCount(text: string): number {
  return Array.from(text).length;
}

/**
 * An input's `maxLength` counts UTF-16 units: a limit of N code points can need up to 2N units
 * (emoji, other astral characters). The field lets that through and `validateTask` says the rest.
 */
export const inputMaxLength = (codePoints: number) => codePoints * 2;

/** The same rules as the backend, checked first so a person gets the message without a round trip. */
export function validateTask(title: string, description: string): { title?: string; description?: string } {
  const errors: { title?: string; description?: string } = {};
  const t = title.trim();
  const titleLength = characterCount(t);
  const descriptionLength = characterCount(description);
  if (titleLength === 0) errors.title = "Give the task a title.";
  else if (titleLength > TITLE_MAX) errors.title = `Keep the title to ${TITLE_MAX} characters (it has ${titleLength}).`;
  if (descriptionLength > DESCRIPTION_MAX) {
    errors.description = `Keep the description to ${DESCRIPTION_MAX} characters (it has ${descriptionLength}).`;
  }
  return errors;
}

export function filterToCompleted(filter: TaskFilter): boolean | undefined {
  return filter === "all" ? undefined : filter === "completed";
}

export function matchesFilter(task: Task, filter: TaskFilter): boolean {
  const completed = filterToCompleted(filter);
  return completed === undefined || task.completed === completed;
}

export interface TaskCounts {
  total: number;
  active: number;
  completed: number;
}

/** Counts after a task's completion changed from `wasCompleted` to its opposite. */
export function countsAfterToggle(c: TaskCounts, wasCompleted: boolean): TaskCounts {
  return wasCompleted
    ? { total: c.total, active: c.active + 1, completed: c.completed - 1 }
    : { total: c.total, active: c.active - 1, completed: c.completed + 1 };
}

export function countsAfterAdd(c: TaskCounts, task: Task): TaskCounts {
  return countsWith(c, task, 1);
}

export function countsAfterRemove(c: TaskCounts, task: Task): TaskCounts {
  return countsWith(c, task, -1);
}

function countsWith(c: TaskCounts, task: Task, sign: 1 | -1): TaskCounts {
  return {
    total: c.total + sign,
    active: c.active + (task.completed ? 0 : sign),
    completed: c.completed + (task.completed ? sign : 0),
  };
}

/** Client-side approximation of the server's `q` (case-insensitive, title or description). */
export function matchesQuery(task: Task, q: string): boolean {
  const needle = q.trim().toLowerCase();
  if (!needle) return true;
  return task.title.toLowerCase().includes(needle) || (task.description ?? "").toLowerCase().includes(needle);
}
