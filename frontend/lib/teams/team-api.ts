import { api } from "../tasks/api";
import type { NewTask, Task } from "../tasks/task";

/** A team's list as the API returns it (SPEC 1.7 lists, under /api/teams/{team_id}/lists). */
export interface TeamList {
  id: number;
  name: string;
}

/** A team task: a task (SPEC 1.4/1.7) with the team's id and an optional assignee (SPEC 1.9). */
export type TeamTask = Task & { team_id?: string; assignee_id?: string | null; list_id?: number | null };

const base = (teamId: string) => `/api/teams/${encodeURIComponent(teamId)}`;

/** The Java API's team routes (SPEC 1.9), through the app's one API client (Bearer JWT, retry on 401). */
export const teamApi = {
  listTasks: (teamId: string, init?: RequestInit) =>
    api.call<TeamTask[]>(`${base(teamId)}/tasks?sort=-created_at&limit=100`, init),
  createTask: (teamId: string, task: NewTask) =>
    api.call<TeamTask>(`${base(teamId)}/tasks`, { method: "POST", body: JSON.stringify(task) }),
  toggleTask: (teamId: string, id: number) => api.call<TeamTask>(`${base(teamId)}/tasks/${id}/complete`, { method: "PATCH" }),
  /** Sets or clears a task's assignee (SPEC 1.9: a member of the team, or null; anyone else is a 422). */
  assignTask: (teamId: string, id: number, assigneeId: string | null) =>
    api.call<TeamTask>(`${base(teamId)}/tasks/${id}`, { method: "PUT", body: JSON.stringify({ assignee_id: assigneeId }) }),
  /** "Assigned to me": the open tasks assigned to the caller in every team they are still in. */
  assignedToMe: (init?: RequestInit) => api.call<TeamTask[]>(`/api/me/assigned`, init),
  deleteTask: (teamId: string, id: number) => api.call<unknown>(`${base(teamId)}/tasks/${id}`, { method: "DELETE" }),
  listLists: (teamId: string, init?: RequestInit) => api.call<TeamList[]>(`${base(teamId)}/lists`, init),
  createList: (teamId: string, name: string) =>
    api.call<TeamList>(`${base(teamId)}/lists`, { method: "POST", body: JSON.stringify({ name }) }),
  renameList: (teamId: string, id: number, name: string) =>
    api.call<TeamList>(`${base(teamId)}/lists/${id}`, { method: "PUT", body: JSON.stringify({ name }) }),
  deleteList: (teamId: string, id: number) => api.call<unknown>(`${base(teamId)}/lists/${id}`, { method: "DELETE" }),
};
