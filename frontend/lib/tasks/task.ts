import type { components, paths } from "./api-types";

// The shapes crossing the wire are generated from the API's OpenAPI document (api-types.ts, see
// scripts/api-types.ts): a field added in Java reaches these types with `npm run api-types`.
type Schemas = components["schemas"];

/** A task as the Java task API returns it (SPEC 1.3, 1.7): snake_case, timestamps ISO-8601 UTC. */
export type Task = Schemas["Task"];
export type NewTask = Schemas["NewTask"];
/** PUT is a partial update: omitted fields stay unchanged, null clears the nullable ones. */
export type TaskChanges = Schemas["TaskUpdate"];
export type TaskMove = Schemas["TaskMove"];
/** A list of tasks (SPEC 1.7); named as in the Java API, where `List` is taken. */
export type NamedList = Schemas["List"];
export type Label = Schemas["Label"];
export type Me = Schemas["Me"];

export type TaskQuery = NonNullable<paths["/api/{user_id}/tasks"]["get"]["parameters"]["query"]>;
export type TaskSort = NonNullable<TaskQuery["sort"]>;
/** What deleting a list does with its tasks (`?tasks=`), from the Java enum. */
export type ListDeletion = NonNullable<NonNullable<paths["/api/{user_id}/lists/{id}"]["delete"]["parameters"]["query"]>["tasks"]>;

/** 0 none, 1 low, 2 medium, 3 high (SPEC 1.7). */
export type Priority = 0 | 1 | 2 | 3;
export const PRIORITY_NAMES: Record<Priority, string> = { 0: "None", 1: "Low", 2: "Medium", 3: "High" };

export type TaskFilter = "all" | "active" | "completed";

// The Java API's limits (backend/task-api/.../task/TaskText.java), counted the way it counts them:
// in Unicode code points, so an emoji is one character on both sides. task.test.ts reads the Java
// source and fails if the two ever differ.
export const TITLE_MAX = 200;
export const DESCRIPTION_MAX = 2000;
// label/LabelNames.java and list/ListName.java, checked the same way.
export const LABEL_MAX = 40;
export const LABELS_PER_TASK_MAX = 20;
export const LIST_NAME_MAX = 100;

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
