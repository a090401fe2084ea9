import { createSseParser, type SseEvent } from "./sse";

/**
 * The client half of the API's live events (SPEC 1.8, `GET /api/{user_id}/events`): reads the
 * stream with fetch (EventSource cannot send `Authorization`), hands each change on, and keeps
 * reconnecting: at once with a fresh token when the stream ends (`event: end` at the token's exp),
 * with `Last-Event-ID` so nothing is missed, and with a growing pause while the API cannot be
 * reached (status "offline", which the page shows as "offline — changes will sync").
 */

export type LiveStatus = "connecting" | "live" | "offline";

/** One change: which resource, and whether it is gone. Labels have no id: the set changed. */
export type LiveChange =
  { kind: "task" | "list"; op: "upsert" | "delete"; id: number } | { kind: "label"; op: "upsert" | "delete"; id: null };

export interface LiveTokens {
  get(): Promise<string | null>;
  /** A fresh token after `rejected` was refused or ran out. */
  refresh(rejected?: string | null): Promise<string | null>;
}

export interface LiveStreamOptions {
  /** The events URL, e.g. `${API_URL}/api/${userId}/events`. */
  url: string;
  tokens: LiveTokens;
  onChange: (change: LiveChange) => void;
  /** Changes may have been missed (a new stream, a cursor too old): read everything again. */
  onReset: () => void;
  onStatus?: (status: LiveStatus) => void;
  /** The session is gone: a fresh token was refused too, or there is none. */
  onUnauthorized: () => void;
  fetch?: typeof fetch;
  /** Pause before the attempt-th retry (1, 2, …) while the API cannot be reached. */
  backoffMs?: (attempt: number) => number;
  /** No byte (not even the 15 s keep-alive) for this long: the connection is dead, reconnect. */
  silenceMs?: number;
}

export const MAX_BACKOFF_MS = 30_000;

/** 0.5 s, 1 s, 2 s … up to 30 s, each with up to a quarter more at random (tabs do not retry in step). */
export function defaultBackoff(attempt: number): number {
  const base = Math.min(MAX_BACKOFF_MS, 500 * 2 ** Math.max(0, attempt - 1));
  return base + Math.random() * base * 0.25;
}

export function parseChange(event: SseEvent): LiveChange | null {
  if (event.event !== "task" && event.event !== "list" && event.event !== "label") return null;
  let data: unknown;
  try {
    data = JSON.parse(event.data);
  } catch {
    return null;
  }
  if (typeof data !== "object" || data === null) return null;
  const { op, id } = data as { op?: unknown; id?: unknown };
  if (op !== "upsert" && op !== "delete") return null;
  if (event.event === "label") return { kind: "label", op, id: null };
  return typeof id === "number" && Number.isSafeInteger(id) ? { kind: event.event, op, id } : null;
}

type Ending = "end" | "closed" | "broken";

export function connectLiveStream(options: LiveStreamOptions) {
  const doFetch: typeof fetch = options.fetch ?? ((...args) => globalThis.fetch(...args));
  const backoff = options.backoffMs ?? defaultBackoff;
  const silenceMs = options.silenceMs ?? 45_000;
  let closed = false;
  let lastEventId: string | undefined;
  let connection: AbortController | null = null;
  let reading: ReadableStreamDefaultReader<Uint8Array> | null = null;
  let wake: (() => void) | null = null;
  let status: LiveStatus | null = null;

  function setStatus(next: LiveStatus) {
    if (next !== status) {
      status = next;
      options.onStatus?.(next);
    }
  }

  function pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wake = null;
        resolve();
      }
      wake = done;
    });
  }

  async function read(body: ReadableStream<Uint8Array>, controller: AbortController): Promise<Ending> {
    const reader = body.getReader();
    reading = reader;
    const decoder = new TextDecoder();
    let ending: Ending | null = null;
    const parser = createSseParser((event) => {
      if (ending) return;
      if (event.id !== undefined) lastEventId = event.id;
      if (event.event === "end") {
        ending = "end";
      } else if (event.event === "reset") {
        options.onReset();
      } else {
        const change = parseChange(event);
        if (change) options.onChange(change);
      }
    });
    const silent = () => {
      controller.abort();
      reader.cancel().catch(() => {});
    };
    let silence = setTimeout(silent, silenceMs);
    try {
      while (!ending) {
        const { done, value } = await reader.read();
        clearTimeout(silence);
        if (done) return closed ? "closed" : "broken";
        silence = setTimeout(silent, silenceMs);
        parser.push(decoder.decode(value, { stream: true }));
      }
      return ending;
    } catch {
      return closed ? "closed" : "broken";
    } finally {
      clearTimeout(silence);
      reader.cancel().catch(() => {});
    }
  }

  async function run() {
    let failures = 0;
    // The token the API refused (401) or the stream ended for: the next one must be newer.
    let stale: string | null = null;
    let refused = false;
    setStatus("connecting");
    while (!closed) {
      let token: string | null;
      try {
        token = stale ? await options.tokens.refresh(stale) : await options.tokens.get();
      } catch {
        failures++;
        setStatus("offline");
        await pause(backoff(failures));
        continue;
      }
      if (closed) return;
      if (!token) {
        options.onUnauthorized();
        return;
      }
      const headers: Record<string, string> = { Authorization: `Bearer ${token}`, Accept: "text/event-stream" };
      if (lastEventId !== undefined) headers["Last-Event-ID"] = lastEventId;
      const controller = new AbortController();
      connection = controller;
      let res: Response;
      try {
        res = await doFetch(options.url, { headers, signal: controller.signal, cache: "no-store", credentials: "omit" });
      } catch {
        if (closed) return;
        failures++;
        setStatus("offline");
        await pause(backoff(failures));
        continue;
      }
      if (res.status === 401) {
        res.body?.cancel().catch(() => {});
        if (refused) {
          options.onUnauthorized();
          return;
        }
        refused = true;
        stale = token;
        continue;
      }
      if (!res.ok || !res.body) {
        res.body?.cancel().catch(() => {});
        failures++;
        setStatus("offline");
        const retryAfter = Number(res.headers.get("Retry-After"));
        await pause(Math.max(backoff(failures), Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : 0));
        continue;
      }
      refused = false;
      stale = null;
      failures = 0;
      setStatus("live");
      if (lastEventId === undefined) options.onReset(); // what changed before this stream opened
      const ending = await read(res.body, controller);
      if (closed || ending === "closed") return;
      if (ending === "end") {
        stale = token; // ended at exp (or its session ended): reconnect at once with a newer token
        continue;
      }
      // The connection broke (the instance went away): reconnect after a short pause, resuming.
      failures++;
      setStatus("connecting");
      await pause(backoff(failures));
    }
  }

  const finished = run().catch(() => {});

  return {
    /** Settles when the stream has stopped for good (closed, or the session is gone). */
    finished,
    /** Stops for good (the page is leaving). */
    close() {
      closed = true;
      connection?.abort();
      reading?.cancel().catch(() => {});
      wake?.();
    },
    /** Retries now instead of after the pause (e.g. the browser says it is online again). */
    retryNow() {
      wake?.();
    },
    lastEventId: () => lastEventId,
  };
}

export type LiveStream = ReturnType<typeof connectLiveStream>;
