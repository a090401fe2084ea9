import { ApiError, browserTokens, pageApiUrl, signOutAndGoToSignIn } from "../tasks/api";
import { connectLiveStream, type LiveChange, type LiveStatus } from "./live-stream";
import { createOutbox, type OutboxState } from "./outbox";

/** The browser's wiring of the live stream and the outbox to the API client and Better Auth. */

/** Worth trying again later: the API was not reached, is overloaded or restarting. */
export function isRetryable(error: unknown): boolean {
  return error instanceof ApiError && [0, 429, 502, 503, 504].includes(error.status);
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
