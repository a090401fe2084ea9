import { addDays } from "../format/dates";
import { matchesFilter, matchesQuery, type Task, type TaskFilter, type TaskQuery, type TaskSort } from "./task";

/** What the sidebar shows (issue 24). "today" is the browser's, passed in: these functions are pure. */
export type View =
  | { kind: "today" }
  | { kind: "upcoming" }
  | { kind: "inbox" }
  | { kind: "all" }
  | { kind: "list"; id: number }
  | { kind: "label"; name: string };

/** Upcoming: today and the 6 days after it. */
export const UPCOMING_DAYS = 7;

/** Due filter of the toolbar: any date, overdue, due within the next week, no constraint. */
export type DueFilter = "any" | "overdue" | "week";

export interface ViewState {
  view: View;
  filter: TaskFilter;
  /** Tasks of at least this priority (0: any). */
  minPriority: number;
  due: DueFilter;
  sort: TaskSort;
  q: string;
}

export function viewKey(view: View): string {
  return view.kind === "list" ? `list:${view.id}` : view.kind === "label" ? `label:${view.name}` : view.kind;
}

/** A view's own order: by due date where dates matter, the manual order in a list, newest first in All. */
export function defaultSort(view: View): TaskSort {
  switch (view.kind) {
    case "today":
    case "upcoming":
      return "due_date";
    case "inbox":
    case "list":
      return "position";
    default:
      return "-created_at";
  }
}

/** Manual order (drag, Alt+↑/↓) means something only inside one list shown in its own order. */
export function canReorder(state: Pick<ViewState, "view" | "sort" | "q" | "minPriority" | "due">): boolean {
  return (
    (state.view.kind === "inbox" || state.view.kind === "list") &&
    state.sort === "position" &&
    !state.q &&
    state.minPriority === 0 &&
    state.due === "any"
  );
}

/** The API query for a view and the toolbar's filters, without paging. */
export function queryFor(state: Omit<ViewState, "q"> & { q?: string }, today: string, tz: string): TaskQuery {
  const query: TaskQuery = { sort: state.sort };
  const completed = state.filter === "all" ? undefined : state.filter === "completed";
  if (completed !== undefined) query.completed = completed;
  if (state.q) query.q = state.q;
  if (state.minPriority > 0) query.priority = state.minPriority;
  switch (state.view.kind) {
    case "today":
      query.due_before = today;
      if (completed === undefined) query.completed = false;
      break;
    case "upcoming":
      query.due_after = today;
      query.due_before = addDays(today, UPCOMING_DAYS - 1);
      break;
    case "inbox":
      query.list_id = "inbox";
      break;
    case "list":
      query.list_id = String(state.view.id);
      break;
    case "label":
      query.label = [state.view.name];
      break;
  }
  if (state.due === "overdue") {
    query.overdue = true;
    query.tz = tz;
  } else if (state.due === "week") {
    query.due_before = min(query.due_before, addDays(today, UPCOMING_DAYS - 1));
  }
  // "today" is the browser's: the API is told the zone whenever the query depends on it.
  if (state.view.kind === "today" || state.view.kind === "upcoming" || state.due !== "any") query.tz = tz;
  return query;
}

const min = (a: string | undefined, b: string) => (a === undefined || b < a ? b : a);

/** Whether a task belongs on the page of this view: the client's copy of `queryFor`, after an add or an edit. */
export function matchesView(task: Task, state: ViewState, today: string): boolean {
  if (!matchesFilter(task, state.filter) || !matchesQuery(task, state.q)) return false;
  if (task.priority < state.minPriority) return false;
  const due = task.due_date;
  if (state.due === "overdue" && !(due !== null && due < today && !task.completed)) return false;
  if (state.due === "week" && !(due !== null && due <= addDays(today, UPCOMING_DAYS - 1))) return false;
  switch (state.view.kind) {
    case "today":
      return !task.completed && due !== null && due <= today;
    case "upcoming":
      return due !== null && due >= today && due <= addDays(today, UPCOMING_DAYS - 1);
    case "inbox":
      return task.list_id === null;
    case "list":
      return task.list_id === state.view.id;
    case "label": {
      const name = state.view.name.toLowerCase();
      return task.labels.some((l) => l.toLowerCase() === name);
    }
    default:
      return true;
  }
}

/** Upcoming's days, each with its tasks (days without tasks included: a week at a glance). */
export function groupByDay(tasks: Task[], today: string, days = UPCOMING_DAYS): { date: string; tasks: Task[] }[] {
  return Array.from({ length: days }, (_, i) => {
    const date = addDays(today, i);
    return { date, tasks: tasks.filter((t) => t.due_date === date) };
  });
}

/** Where a task moves one step up or down in a list, as the API's `move` says it: the task to follow (null: first). */
export function moveTarget(ids: number[], id: number, direction: -1 | 1): { after: number | null; index: number } | null {
  const from = ids.indexOf(id);
  const to = from + direction;
  if (from < 0 || to < 0 || to >= ids.length) return null;
  const rest = ids.filter((x) => x !== id);
  return { after: to === 0 ? null : rest[to - 1], index: to };
}

/** `move`'s `after` when a dragged task is dropped at `index` of the list without it. */
export function afterForDrop(ids: number[], id: number, index: number): number | null {
  const rest = ids.filter((x) => x !== id);
  return index <= 0 ? null : rest[Math.min(index, rest.length) - 1];
}
