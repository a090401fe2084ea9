import { authClient } from "../auth/auth-client";
import { API_URL_META, DEFAULT_API_URL } from "../http/api-url";
import { signInPath } from "../http/paths";
import { withSignInNotice, type SignInNotice } from "../sign-in/signin-notices";
import { createTokenSource, type TokenSource } from "../auth/token-source";
import type { Label, ListDeletion, Me, NamedList, NewTask, Task, TaskChanges, TaskMove, TaskQuery } from "./task";
import { IDEMPOTENCY_KEY_HEADER } from "../http/idempotency-key";
import { forgetSavedEdits, OutboxFullError } from "../live/saved-edits";

/**
 * The one client for the Java task API. Every call carries `Authorization: Bearer <JWT>`,
 * where the JWT comes from Better Auth and lives only in memory (see token-source.ts).
 * A 401 is retried once with a fresh token; a second 401 means the session is gone, so the
 * person is signed out and sent to sign-in with `next` pointing back here.
 */

export type { Me } from "./task";

export class ApiError extends Error {
  constructor(
    /** HTTP status, or 0 when the server could not be reached. */
    readonly status: number,
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export interface ApiClientOptions {
  /** The API's address, or a function giving it (read on each call). */
  baseUrl: string | (() => string);
  tokens: TokenSource;
  /** Called after the second 401 (or when there is no session at all). */
  onUnauthorized: () => void | Promise<void>;
  fetch?: typeof fetch;
}

export interface TaskPage {
  tasks: Task[];
  /** From X-Total-Count: matching tasks on the server, beyond this page too. */
  total: number;
}

export const NETWORK_ERROR_MESSAGE = "Can't reach the task service. Check your connection and try again.";
export const SESSION_EXPIRED_MESSAGE = "Your session has ended. Please sign in again.";

export function createApiClient({ baseUrl, tokens, onUnauthorized, fetch: fetchImpl }: ApiClientOptions) {
  // A function is asked on each call: the browser's instance is created before the page is read.
  const baseOf = () => (typeof baseUrl === "function" ? baseUrl() : baseUrl).replace(/\/+$/, "");
  const doFetch: typeof fetch = fetchImpl ?? ((...args) => globalThis.fetch(...args));

  async function unauthorized(): Promise<never> {
    tokens.clear();
    await onUnauthorized();
    throw new ApiError(401, SESSION_EXPIRED_MESSAGE);
  }

  async function send(path: string, init: RequestInit, token: string): Promise<Response> {
    const headers = new Headers(init.headers);
    headers.set("Authorization", `Bearer ${token}`);
    if (!headers.has("Accept")) headers.set("Accept", "application/json, application/problem+json");
    // JSON unless the caller says otherwise (an import sends a file as it is: lib/account/data-transfer.ts).
    if (init.body !== undefined && !headers.has("Content-Type")) headers.set("Content-Type", "application/json");
    try {
      return await doFetch(`${baseOf()}${path}`, { ...init, headers, credentials: "omit", cache: "no-store" });
    } catch (err) {
      if (err instanceof DOMException && err.name === "AbortError") throw err;
      throw new ApiError(0, NETWORK_ERROR_MESSAGE);
    }
  }

  async function request(path: string, init: RequestInit = {}): Promise<Response> {
    const token = await tokenOrNetworkError(() => tokens.get());
    if (!token) return unauthorized();
    let res = await send(path, init, token);
    if (res.status === 401) {
      const fresh = await tokenOrNetworkError(() => tokens.refresh(token));
      if (!fresh) return unauthorized();
      res = await send(path, init, fresh);
      if (res.status === 401) return unauthorized();
    }
    if (!res.ok) throw await errorFrom(res);
    return res;
  }

  async function json<T>(path: string, init?: RequestInit): Promise<T> {
    return (await (await request(path, init)).json()) as T;
  }

  const tasksPath = (userId: string) => `/api/${encodeURIComponent(userId)}/tasks`;
  const listsPath = (userId: string) => `/api/${encodeURIComponent(userId)}/lists`;
  const labelsPath = (userId: string) => `/api/${encodeURIComponent(userId)}/labels`;
  const taskPath = (userId: string, id: number) => `${tasksPath(userId)}/${encodeURIComponent(String(id))}`;

  return {
    /** Any other route of the API, with the same token handling (team routes: lib/teams/team-api.ts). */
    call: json,
    /** Any route, answered as the raw Response (non-2xx still throws ApiError): for files, not JSON. */
    response: request,
    me: (init?: RequestInit) => json<Me>("/api/me", init),

    async listTasks(userId: string, query: TaskQuery = {}, init?: RequestInit): Promise<TaskPage> {
      const params = new URLSearchParams();
      for (const [name, value] of Object.entries(query)) {
        if (value === undefined || value === null) continue;
        if (Array.isArray(value)) for (const v of value) params.append(name, String(v));
        else if (name === "q") {
          if (String(value).trim()) params.set("q", String(value).trim());
        } else params.set(name, String(value));
      }
      const qs = params.toString();
      const res = await request(`${tasksPath(userId)}${qs ? `?${qs}` : ""}`, init);
      const tasks = (await res.json()) as Task[];
      const header = Number(res.headers.get("X-Total-Count"));
      return { tasks, total: Number.isFinite(header) && res.headers.has("X-Total-Count") ? header : tasks.length };
    },

    /** How many tasks match, without their bodies. */
    async countTasks(userId: string, query: Omit<TaskQuery, "limit" | "offset"> = {}, init?: RequestInit): Promise<number> {
      const page = await this.listTasks(userId, { ...query, limit: 1 }, init);
      return page.total;
    },

    /**
     * `idempotencyKey`: the same for every retry of this one create, so a retry whose first attempt
     * reached the API (its answer lost) gets that task back instead of making a second.
     */
    createTask: (userId: string, task: NewTask, idempotencyKey?: string, init?: RequestInit) =>
      json<Task>(tasksPath(userId), {
        ...init,
        method: "POST",
        body: JSON.stringify(task),
        headers: idempotencyKey ? { [IDEMPOTENCY_KEY_HEADER]: idempotencyKey } : undefined,
      }),

    getTask: (userId: string, id: number) => json<Task>(taskPath(userId, id)),

    updateTask: (userId: string, id: number, changes: TaskChanges, init?: RequestInit) =>
      json<Task>(taskPath(userId, id), { ...init, method: "PUT", body: JSON.stringify(changes) }),

    deleteTask: (userId: string, id: number, init?: RequestInit) =>
      json<{ status: "deleted"; task_id: number }>(taskPath(userId, id), { ...init, method: "DELETE" }),

    toggleTask: (userId: string, id: number) => json<Task>(`${taskPath(userId, id)}/complete`, { method: "PATCH" }),

    /** Puts the task right after `after` (null: first); one row is written, whatever the list's size. */
    moveTask: (userId: string, id: number, move: TaskMove, init?: RequestInit) =>
      json<Task>(`${taskPath(userId, id)}/move`, { ...init, method: "POST", body: JSON.stringify(move) }),

    listLists: (userId: string, init?: RequestInit) => json<NamedList[]>(listsPath(userId), init),

    /** `idempotencyKey`: as for createTask (the outbox's retries and replays of one create). */
    createList: (userId: string, name: string, idempotencyKey?: string, init?: RequestInit) =>
      json<NamedList>(listsPath(userId), {
        ...init,
        method: "POST",
        body: JSON.stringify({ name }),
        headers: idempotencyKey ? { [IDEMPOTENCY_KEY_HEADER]: idempotencyKey } : undefined,
      }),

    getList: (userId: string, id: number) => json<NamedList>(`${listsPath(userId)}/${id}`),

    renameList: (userId: string, id: number, name: string, init?: RequestInit) =>
      json<NamedList>(`${listsPath(userId)}/${id}`, { ...init, method: "PUT", body: JSON.stringify({ name }) }),

    deleteList: (userId: string, id: number, tasks: ListDeletion = "inbox", init?: RequestInit) =>
      json<unknown>(`${listsPath(userId)}/${id}?tasks=${tasks}`, { ...init, method: "DELETE" }),

    listLabels: (userId: string, init?: RequestInit) => json<Label[]>(labelsPath(userId), init),

    renameLabel: (userId: string, name: string, newName: string, init?: RequestInit) =>
      json<unknown>(`${labelsPath(userId)}/${encodeURIComponent(name)}`, {
        ...init,
        method: "PUT",
        body: JSON.stringify({ name: newName }),
      }),

    deleteLabel: (userId: string, name: string, init?: RequestInit) =>
      json<unknown>(`${labelsPath(userId)}/${encodeURIComponent(name)}`, { ...init, method: "DELETE" }),
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;

async function tokenOrNetworkError(get: () => Promise<string | null>): Promise<string | null> {
  try {
    return await get();
  } catch (err) {
    if (err instanceof ApiError) throw err;
    throw new ApiError(0, NETWORK_ERROR_MESSAGE);
  }
}

/** Turns an RFC 9457 problem (or any error response) into a sentence for a person. */
export async function errorFrom(res: Response): Promise<ApiError> {
  let detail: string | undefined;
  try {
    const body = (await res.json()) as { detail?: unknown; title?: unknown };
    if (typeof body.detail === "string" && body.detail) detail = body.detail;
    else if (typeof body.title === "string" && body.title) detail = body.title;
  } catch {
    // not JSON: fall through to the status-based message
  }
  const retryAfter = Number(res.headers.get("Retry-After"));
  const retryAfterSeconds = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined;
  return new ApiError(res.status, messageForStatus(res.status, detail, retryAfterSeconds), retryAfterSeconds);
}

/** The sentence to show for any error thrown by the client. */
export function errorMessage(err: unknown): string {
  return err instanceof ApiError || err instanceof OutboxFullError ? err.message : "Something went wrong. Try again.";
}

/** Why a move was refused: a 422 names `after`, which means the task it was to follow is gone or elsewhere. */
export function moveRefusal(err: unknown): string {
  return err instanceof ApiError && (err.status === 400 || err.status === 422)
    ? "The task it was to follow no longer exists, or is in another list now."
    : errorMessage(err);
}

export function messageForStatus(status: number, detail?: string, retryAfterSeconds?: number): string {
  switch (status) {
    case 400:
    case 422:
      return detail ?? "That request wasn't valid.";
    case 403:
      return "You don't have access to that.";
    case 404:
      return "That task no longer exists. It may have been deleted elsewhere.";
    case 413:
      return "That's too much text to save.";
    case 429:
      return retryAfterSeconds
        ? `Too many requests. Try again in ${retryAfterSeconds} s.`
        : "Too many requests. Wait a moment and try again.";
    case 503:
      return "The task service is temporarily unavailable. Try again in a moment.";
    default:
      return status >= 500 ? "Something went wrong on our side. Try again." : (detail ?? `Request failed (${status}).`);
  }
}

/* ---- The browser's instance, wired to Better Auth ---- */

/** The API's address the server wrote into the page at request time (app/layout.tsx, lib/http/api-url.ts). */
export function pageApiUrl(): string {
  const meta = typeof document === "undefined" ? null : document.querySelector<HTMLMetaElement>(`meta[name="${API_URL_META}"]`);
  return meta?.content || DEFAULT_API_URL;
}

/** GET /api/auth/token with the session cookie: the JWT, null without a session. */
export async function fetchBetterAuthToken(): Promise<string | null> {
  let result: Awaited<ReturnType<typeof authClient.token>>;
  try {
    result = await authClient.token();
  } catch {
    throw new ApiError(0, NETWORK_ERROR_MESSAGE);
  }
  if (result.data?.token) return result.data.token;
  const status = result.error?.status ?? 0;
  if (status === 401 || status === 403) return null;
  throw new ApiError(status, status ? messageForStatus(status) : NETWORK_ERROR_MESSAGE);
}

/** The browser's JWT, in memory; also read by the live events stream (lib/live). */
export const browserTokens = createTokenSource({ fetchToken: fetchBetterAuthToken });

function currentPath(): string {
  return window.location.pathname + window.location.search;
}

/**
 * Drops the JWT held in memory, so the next API call fetches a new one. Needed when the session
 * is replaced (a password change that signs out other devices replaces the current session
 * too): the old JWT names the old session (`sid`) and the API would refuse it.
 */
export function forgetApiToken(): void {
  browserTokens.clear();
}

/**
 * Ends the Better Auth session, forgets the JWT and goes to sign-in (with `next` when given,
 * and `notice` for the sentence the sign-in page shows). A sign-out the person chose (no notice)
 * also removes their unsent task edits from the browser (lib/live/saved-edits.ts); one forced by
 * an ended session keeps them for when they sign in again.
 */
export async function signOutAndGoToSignIn(next?: string, notice?: SignInNotice): Promise<void> {
  browserTokens.clear();
  if (!notice) await forgetUnsentEdits();
  try {
    await authClient.signOut();
  } catch {
    // Unreachable or already signed out: the sign-in page is still the right place.
  }
  window.location.assign(notice ? withSignInNotice(signInPath(next), notice) : signInPath(next));
}

async function forgetUnsentEdits(): Promise<void> {
  try {
    const { data } = await authClient.getSession();
    if (data?.user.id) forgetSavedEdits(window.localStorage, data.user.id);
  } catch {
    // No session or no storage: nothing of theirs is kept.
  }
}

export const api = createApiClient({
  baseUrl: pageApiUrl,
  tokens: browserTokens,
  onUnauthorized: () => signOutAndGoToSignIn(currentPath(), "session-ended"),
});
