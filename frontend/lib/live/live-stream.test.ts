import { describe, expect, it, vi } from "vitest";
import { connectLiveStream, parseChange, type LiveChange, type LiveStatus } from "./live-stream";

/** A response whose body the test writes to, as the API would. */
function streamResponse() {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
    },
  });
  const encoder = new TextEncoder();
  return {
    response: new Response(body, { status: 200, headers: { "Content-Type": "text/event-stream" } }),
    send: (text: string) => controller.enqueue(encoder.encode(text)),
    close: () => controller.close(),
  };
}

interface Call {
  headers: Record<string, string>;
}

function harness(answers: Array<() => Response | Promise<Response>>) {
  const calls: Call[] = [];
  const changes: LiveChange[] = [];
  const statuses: LiveStatus[] = [];
  let resets = 0;
  let unauthorized = 0;
  let tokenNumber = 1;
  const tokens = {
    get: vi.fn(async () => `t${tokenNumber}`),
    refresh: vi.fn(async () => `t${++tokenNumber}`),
  };
  const fetch = vi.fn(async (_url: string | URL | Request, init?: RequestInit) => {
    calls.push({ headers: { ...(init?.headers as Record<string, string>) } });
    const next = answers.shift();
    if (!next) return new Promise<Response>(() => {}); // never answers: the test is over
    return next();
  });
  const stream = connectLiveStream({
    url: "http://api/api/u/events",
    tokens,
    fetch: fetch as unknown as typeof globalThis.fetch,
    onChange: (c) => changes.push(c),
    onReset: () => resets++,
    onStatus: (s) => statuses.push(s),
    onUnauthorized: () => unauthorized++,
    backoffMs: () => 1,
  });
  return {
    calls,
    changes,
    statuses,
    tokens,
    stream,
    resets: () => resets,
    unauthorized: () => unauthorized,
  };
}

describe("parseChange", () => {
  it("accepts the API's three kinds and refuses anything else", () => {
    expect(parseChange({ event: "task", data: '{"op":"upsert","id":4}' })).toEqual({ kind: "task", op: "upsert", id: 4 });
    expect(parseChange({ event: "list", data: '{"op":"delete","id":2}' })).toEqual({ kind: "list", op: "delete", id: 2 });
    expect(parseChange({ event: "label", data: '{"op":"upsert","id":null}' })).toEqual({
      kind: "label",
      op: "upsert",
      id: null,
    });
    expect(parseChange({ event: "task", data: '{"op":"upsert","id":"4"}' })).toBeNull();
    expect(parseChange({ event: "task", data: "not json" })).toBeNull();
    expect(parseChange({ event: "task", data: '{"op":"explode","id":4}' })).toBeNull();
    expect(parseChange({ event: "message", data: '{"op":"upsert","id":4}' })).toBeNull();
  });
});

describe("connectLiveStream", () => {
  it("sends the token, hands changes on, and resumes from the last id after the connection breaks", async () => {
    const first = streamResponse();
    const second = streamResponse();
    const h = harness([() => first.response, () => second.response]);
    await vi.waitFor(() => expect(h.statuses).toContain("live"));
    expect(h.calls[0].headers).toMatchObject({ Authorization: "Bearer t1", Accept: "text/event-stream" });
    expect(h.calls[0].headers["Last-Event-ID"]).toBeUndefined();
    expect(h.resets()).toBe(1); // a stream without a cursor: what changed before it opened is read again

    first.send(
      'id: 7\n\nid: 7\nevent: task\ndata: {"op":"upsert","id":3}\n\nid: 9\nevent: label\ndata: {"op":"upsert","id":null}\n\n',
    );
    await vi.waitFor(() => expect(h.changes).toHaveLength(2));
    expect(h.changes).toEqual([
      { kind: "task", op: "upsert", id: 3 },
      { kind: "label", op: "upsert", id: null },
    ]);
    first.close(); // the instance went away
    await vi.waitFor(() => expect(h.calls).toHaveLength(2));
    expect(h.calls[1].headers["Last-Event-ID"]).toBe("9");
    await vi.waitFor(() => expect(h.statuses.at(-1)).toBe("live"));
    expect(h.resets()).toBe(1); // resumed: no reload
    h.stream.close();
  });

  it("reconnects at once with a fresh token when the stream ends at exp", async () => {
    const first = streamResponse();
    const second = streamResponse();
    const h = harness([() => first.response, () => second.response]);
    await vi.waitFor(() => expect(h.statuses).toContain("live"));
    first.send('id: 4\n\nevent: end\ndata: {"reason":"token_expired"}\n\n');
    await vi.waitFor(() => expect(h.calls).toHaveLength(2));
    expect(h.tokens.refresh).toHaveBeenCalledWith("t1");
    expect(h.calls[1].headers).toMatchObject({ Authorization: "Bearer t2", "Last-Event-ID": "4" });
    h.stream.close();
  });

  it("passes a reset on: the page reloads", async () => {
    const first = streamResponse();
    const h = harness([() => first.response]);
    await vi.waitFor(() => expect(h.statuses).toContain("live"));
    first.send("event: reset\ndata: {}\n\nid: 20\n\n");
    await vi.waitFor(() => expect(h.resets()).toBe(2));
    expect(h.stream.lastEventId()).toBe("20");
    h.stream.close();
  });

  it("is offline while the API cannot be reached, and live again once it can", async () => {
    const ok = streamResponse();
    const h = harness([
      () => Promise.reject(new TypeError("Failed to fetch")),
      () => new Response("{}", { status: 503 }),
      () => ok.response,
    ]);
    await vi.waitFor(() => expect(h.statuses.at(-1)).toBe("live"));
    expect(h.statuses).toEqual(["connecting", "offline", "live"]);
    expect(h.calls).toHaveLength(3);
    h.stream.close();
  });

  it("retries a 401 once with a fresh token, then gives the session up", async () => {
    const h = harness([() => new Response("", { status: 401 }), () => new Response("", { status: 401 })]);
    await h.stream.finished;
    expect(h.unauthorized()).toBe(1);
    expect(h.calls.map((c) => c.headers.Authorization)).toEqual(["Bearer t1", "Bearer t2"]);
  });

  it("stops for good when closed", async () => {
    const first = streamResponse();
    const h = harness([() => first.response]);
    await vi.waitFor(() => expect(h.statuses).toContain("live"));
    h.stream.close();
    await h.stream.finished;
    expect(h.calls).toHaveLength(1);
  });
});
