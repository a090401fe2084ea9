import type { Task } from "./task";

/** A task as the API answers it, for tests: every field the generated type requires. */
export const task = (over: Partial<Task> = {}): Task => ({
  id: 1,
  user_id: "u",
  assignee_id: null,
  team_id: null,
  title: "Buy milk",
  description: "Semi-skimmed",
  completed: false,
  due_date: null,
  due_time: null,
  priority: 0,
  list_id: null,
  labels: [],
  position: "a0",
  recurrence: null,
  completed_at: null,
  created_at: "2026-01-01T00:00:00Z",
  updated_at: "2026-01-01T00:00:00Z",
  ...over,
});
