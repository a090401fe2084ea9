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

export function eventsUrl(userId: string): string {
  return `${pageApiUrl().replace(/\/+$/, "")}/api/${encodeURIComponent(userId)}/events`;
}

export function openLiveStream(
  userId: string,
  handlers: { onChange: (change: LiveChange) => void; onReset: () => void; onStatus: (status: LiveStatus) => void },
) {
  return connectLiveStream({
    url: eventsUrl(userId),
    tokens: browserTokens,
    ...handlers,
    onUnauthorized: () => void signOutAndGoToSignIn(window.location.pathname + window.location.search, "session-ended"),
  });
}
