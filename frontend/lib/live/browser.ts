import { newIdempotencyKey } from "../http/idempotency-key";
import { api, ApiError, browserTokens, pageApiUrl, signOutAndGoToSignIn } from "../tasks/api";
import { createEditQueue, type EditQueue } from "./edit-queue";
import { connectLiveStream, type LiveChange, type LiveStatus } from "./live-stream";
import { createOutbox, type OutboxState } from "./outbox";
import { createSavedEdits, type EditStorage } from "./saved-edits";

/** The browser's wiring of the live stream and the outbox to the API client and Better Auth. */

/**
 * Worth trying again later: the API was not reached, is overloaded or restarting, or is still
 * carrying out the first attempt of this create (409 with Retry-After: IdempotencyKeyFilter's "in
 * progress", met when a page sent it with keepalive just before it was left and the next page replays it).
 */
export function isRetryable(error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  return [0, 429, 502, 503, 504].includes(error.status) || (error.status === 409 && error.retryAfterSeconds !== undefined);
}

const outboxListeners = new Set<(state: OutboxState) => void>();

/** Every edit of the page goes through this one queue, so they reach the API in the order made. */
export const outbox = createOutbox({
  isRetryable,
  onState: (state) => outboxListeners.forEach((listener) => listener(state)),
});

export function onOutboxState(listener: (state: OutboxState) => void): () => void {
  outboxListeners.add(listener);
  return () => {
    outboxListeners.delete(listener);
  };
}

// A write with `keepalive` is finished by the browser even when the page goes meanwhile (the
// browser allows 64 KB of such bodies in flight; a task's edit is far below that, and the outbox
// sends one at a time). An edit still queued then is sent by the next page (saved-edits.ts).
const KEEPALIVE: RequestInit = { keepalive: true };

const PAGE_LOCK_PREFIX = "tasks-page:";
let thisPage: string | null = null;

/**
 * This page's id, the owner of the edits it saves. A Web Lock named after it is held while the page
 * lives, so another page can tell which saved edits are still being sent (navigator.locks.query)
 * and which a reloaded, closed or crashed page left behind.
 */
function pageId(): string {
  if (thisPage) return thisPage;
  const id = newIdempotencyKey();
  thisPage = id;
  navigator.locks?.request(`${PAGE_LOCK_PREFIX}${id}`, () => new Promise<never>(() => {})).catch(() => {});
  return id;
}

/** Which pages still run; without Web Locks (a plain-http origin) every other page counts as gone. */
async function livePages(): Promise<(owner: string) => boolean> {
  try {
    const { held = [] } = await navigator.locks.query();
    const names = new Set(held.map((lock) => lock.name));
    return (owner) => names.has(`${PAGE_LOCK_PREFIX}${owner}`);
  } catch {
    return () => false;
  }
}

function browserStorage(): EditStorage | null {
  try {
    return window.localStorage;
  } catch {
    return null; // storage disabled: edits live in the page only, as they did before
  }
}

const queues = new Map<string, EditQueue>();

/** The task edits of this user, saved until the API answers them (edit-queue.ts). */
export function editsFor(userId: string): EditQueue {
  let queue = queues.get(userId);
  if (!queue) {
    const storage = browserStorage();
    queue = createEditQueue({
      outbox,
      store: storage && createSavedEdits({ storage, userId, owner: pageId() }),
      api: {
        createTask: (task, key) => api.createTask(userId, task, key, KEEPALIVE),
        getTask: (id) => api.getTask(userId, id),
        updateTask: (id, changes) => api.updateTask(userId, id, changes, KEEPALIVE),
        deleteTask: (id) => api.deleteTask(userId, id, KEEPALIVE),
        moveTask: (id, after) => api.moveTask(userId, id, { after }, KEEPALIVE),
        createList: (name, key) => api.createList(userId, name, key, KEEPALIVE),
        getList: (id) => api.getList(userId, id),
        renameList: (id, name) => api.renameList(userId, id, name, KEEPALIVE),
        deleteList: (id, tasks) => api.deleteList(userId, id, tasks, KEEPALIVE),
        renameLabel: (name, to) => api.renameLabel(userId, name, to, KEEPALIVE),
        deleteLabel: (name) => api.deleteLabel(userId, name, KEEPALIVE),
      },
    });
    queues.set(userId, queue);
  }
  return queue;
}

/** Whether this browser keeps unsent edits across a reload (false: storage disabled). */
export const editsSurviveReload = () => browserStorage() !== null;

/** Sends the edits a previous page of this user left unsent; see EditQueue.replay. */
export async function replaySavedEdits(userId: string, options: Omit<Parameters<EditQueue["replay"]>[0], "isLive">) {
  return editsFor(userId).replay({ ...options, isLive: await livePages() });
}

/** The person's own stream, or a team's (SPEC 1.9: the same events under /api/teams/{team_id}). */
export function eventsUrl(userId: string, teamId?: string): string {
  const path = teamId ? `/api/teams/${encodeURIComponent(teamId)}/events` : `/api/${encodeURIComponent(userId)}/events`;
  return `${pageApiUrl().replace(/\/+$/, "")}${path}`;
}

export function openLiveStream(
  userId: string,
  handlers: { onChange: (change: LiveChange) => void; onReset: () => void; onStatus: (status: LiveStatus) => void },
  teamId?: string,
) {
  return connectLiveStream({
    url: eventsUrl(userId, teamId),
    tokens: browserTokens,
    ...handlers,
    onUnauthorized: () => void signOutAndGoToSignIn(window.location.pathname + window.location.search, "session-ended"),
  });
}
