import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fakeJwt } from "../auth/test-tokens";
import { createTokenSource } from "../auth/token-source";
import { task as fixture } from "./task-fixture";
import { createSavedEdits, savedEditsKey } from "../live/saved-edits";
import { memoryStorage } from "../live/test-storage";

const authClientMock = vi.hoisted(() => ({ token: vi.fn(), signOut: vi.fn(), getSession: vi.fn() }));
vi.mock("../auth/auth-client", () => ({ authClient: authClientMock }));

const { ApiError, createApiClient, fetchBetterAuthToken, NETWORK_ERROR_MESSAGE, pageApiUrl, signOutAndGoToSignIn } =
  await import("./api");

const BASE = "http://api.test";
const USER = "user-1";

function jsonResponse(body: unknown, init: ResponseInit = {}) {
  return new Response(JSON.stringify(body), {
    status: 200,
    ...init,
    headers: { "Content-Type": "application/json", ...(init.headers as Record<string, string>) },
  });
}

function problem(status: number, detail: string, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify({ type: "about:blank", title: "Problem", status, detail }), {
    status,
    headers: { "Content-Type": "application/problem+json", ...headers },
  });
}

const task = fixture({ id: 7, user_id: USER, description: null });

/** Wires the client to a fake Better Auth (token per call) and a fake backend. */
function setup(backend: (req: { url: string; init: RequestInit; token: string | null }) => Response | Promise<Response>) {
  let minted = 0;
  const fetchToken = vi.fn(async (): Promise<string | null> => fakeJwt({ sub: USER, iat: 1, exp: 9e9 }, `tok${++minted}`));
  const tokens = createTokenSource({ fetchToken });
  const onUnauthorized = vi.fn();
  const calls: { url: string; init: RequestInit; token: string | null }[] = [];
  const fetchImpl = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const auth = new Headers(init.headers).get("Authorization");
    const call = { url: String(input), init, token: auth?.replace(/^Bearer /, "") ?? null };
    calls.push(call);
    return backend(call);
  });
  const api = createApiClient({ baseUrl: `${BASE}/`, tokens, onUnauthorized, fetch: fetchImpl as typeof fetch });
  return { api, fetchToken, tokens, onUnauthorized, calls, label: (t: string | null) => t?.split(".")[2] };
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.clearAllMocks();
});

describe("API client: tokens", () => {
  it("sends the JWT as a Bearer header, not as a cookie or query parameter", async () => {
    const s = setup(() => jsonResponse({ id: USER, email: "a@b.c", name: "A" }));
    await s.api.me();
    const [call] = s.calls;
    expect(call.url).toBe(`${BASE}/api/me`);
    expect(s.label(call.token)).toBe("tok1");
    expect(call.init.credentials).toBe("omit");
    expect(call.url).not.toContain("tok");
  });

  it("fetches the token once for many requests, in parallel and in sequence", async () => {
    const s = setup(() => jsonResponse([], { headers: { "X-Total-Count": "0" } }));
    await Promise.all([
      s.api.listTasks(USER),
      s.api.countTasks(USER, { completed: true }),
      s.api.countTasks(USER, { completed: false }),
    ]);
    await s.api.listTasks(USER);
    expect(s.fetchToken).toHaveBeenCalledTimes(1);
    expect(s.calls).toHaveLength(4);
  });

  it("retries once with a fresh token after a 401, and succeeds", async () => {
    const s = setup(({ token }) => (token?.endsWith("tok1") ? problem(401, "expired") : jsonResponse(task)));
    await expect(s.api.getTask(USER, 7)).resolves.toEqual(task);
    expect(s.calls.map((c) => s.label(c.token))).toEqual(["tok1", "tok2"]);
    expect(s.onUnauthorized).not.toHaveBeenCalled();
  });

  it("signs out after a second 401 and forgets the token", async () => {
    const s = setup(() => problem(401, "invalid token"));
    const error = await s.api.getTask(USER, 7).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as InstanceType<typeof ApiError>).status).toBe(401);
    expect(s.calls).toHaveLength(2);
    expect(s.onUnauthorized).toHaveBeenCalledTimes(1);
    // The next call starts from scratch rather than reusing the refused token.
    await s.api.getTask(USER, 7).catch(() => undefined);
    expect(s.label(s.calls[2].token)).toBe("tok3");
  });

  it("shares one renewal among parallel requests that all got 401", async () => {
    const s = setup(({ token }) => (token?.endsWith("tok1") ? problem(401, "expired") : jsonResponse(task)));
    await Promise.all([s.api.getTask(USER, 1), s.api.getTask(USER, 2), s.api.getTask(USER, 3)]);
    expect(s.fetchToken).toHaveBeenCalledTimes(2);
  });

  it("without a session, goes to sign-in without calling the backend", async () => {
    const s = setup(() => jsonResponse(task));
    s.fetchToken.mockResolvedValueOnce(null);
    await expect(s.api.getTask(USER, 7)).rejects.toMatchObject({ status: 401 });
    expect(s.calls).toHaveLength(0);
    expect(s.onUnauthorized).toHaveBeenCalledTimes(1);
  });

  it("does not retry other errors, and does not sign out on 403", async () => {
    const s = setup(() => problem(403, "not yours"));
    await expect(s.api.listTasks("someone-else")).rejects.toMatchObject({ status: 403 });
    expect(s.calls).toHaveLength(1);
    expect(s.onUnauthorized).not.toHaveBeenCalled();
  });

  it("renews the token shortly before exp, before sending the request", async () => {
    let clock = 1_000_000_000_000;
    let minted = 0;
    const fetchToken = vi.fn(async () => fakeJwt({ iat: clock / 1000, exp: clock / 1000 + 900 }, `tok${++minted}`));
    const tokens = createTokenSource({ fetchToken, now: () => clock });
    const seen: string[] = [];
    const api = createApiClient({
      baseUrl: BASE,
      tokens,
      onUnauthorized: vi.fn(),
      fetch: (async (_: RequestInfo | URL, init: RequestInit = {}) => {
        seen.push(new Headers(init.headers).get("Authorization")!.split(".")[2]);
        return jsonResponse(task);
      }) as typeof fetch,
    });
    await api.getTask(USER, 7);
    clock += 845_000; // 55 s before exp
    await api.getTask(USER, 7);
    expect(seen).toEqual(["tok1", "tok2"]);
  });
});

describe("API client: endpoints", () => {
  it("lists with filters, search, sort and paging, and reads X-Total-Count", async () => {
    const s = setup(() => jsonResponse([task], { headers: { "X-Total-Count": "42" } }));
    const page = await s.api.listTasks("user/1", { completed: false, q: "  milk ", sort: "-created_at", limit: 50, offset: 50 });
    expect(page).toEqual({ tasks: [task], total: 42 });
    const url = new URL(s.calls[0].url);
    expect(url.pathname).toBe("/api/user%2F1/tasks");
    expect(Object.fromEntries(url.searchParams)).toEqual({
      completed: "false",
      q: "milk",
      sort: "-created_at",
      limit: "50",
      offset: "50",
    });
  });

  it("sends the planning query: repeated labels, list, priority, due range, overdue with tz", async () => {
    const s = setup(() => jsonResponse([], { headers: { "X-Total-Count": "0" } }));
    await s.api.listTasks(USER, {
      list_id: "inbox",
      label: ["work", "Urgent"],
      priority: 2,
      due_after: "2026-12-07",
      due_before: "2026-12-13",
      overdue: true,
      tz: "Europe/Berlin",
      sort: "due_date",
    });
    const url = new URL(s.calls[0].url);
    expect(url.searchParams.getAll("label")).toEqual(["work", "Urgent"]);
    expect(url.search).toBe(
      "?list_id=inbox&label=work&label=Urgent&priority=2&due_after=2026-12-07&due_before=2026-12-13&overdue=true&tz=Europe%2FBerlin&sort=due_date",
    );
  });

  it("moves a task, and reads and writes lists and labels at their paths", async () => {
    const s = setup(({ init }) => jsonResponse(init.method === "GET" ? [] : task));
    await s.api.moveTask(USER, 7, { after: null });
    await s.api.listLists(USER);
    await s.api.createList(USER, "Groceries");
    await s.api.renameList(USER, 3, "Food");
    await s.api.deleteList(USER, 3, "delete");
    await s.api.listLabels(USER);
    await s.api.renameLabel(USER, "a/b", "c");
    await s.api.deleteLabel(USER, "a/b");
    expect(s.calls.map((c) => `${c.init.method ?? "GET"} ${new URL(c.url).pathname}${new URL(c.url).search}`)).toEqual([
      `POST /api/${USER}/tasks/7/move`,
      `GET /api/${USER}/lists`,
      `POST /api/${USER}/lists`,
      `PUT /api/${USER}/lists/3`,
      `DELETE /api/${USER}/lists/3?tasks=delete`,
      `GET /api/${USER}/labels`,
      `PUT /api/${USER}/labels/a%2Fb`,
      `DELETE /api/${USER}/labels/a%2Fb`,
    ]);
    expect(JSON.parse(String(s.calls[0].init.body))).toEqual({ after: null });
    expect(JSON.parse(String(s.calls[3].init.body))).toEqual({ name: "Food" });
    expect(JSON.parse(String(s.calls[6].init.body))).toEqual({ name: "c" });
  });

  it("falls back to the array length without X-Total-Count", async () => {
    const s = setup(() => jsonResponse([task, task]));
    expect((await s.api.listTasks(USER)).total).toBe(2);
  });

  it("counts with limit=1", async () => {
    const s = setup(() => jsonResponse([task], { headers: { "X-Total-Count": "9" } }));
    expect(await s.api.countTasks(USER, { completed: true })).toBe(9);
    expect(new URL(s.calls[0].url).search).toBe("?completed=true&limit=1");
  });

  it("creates, updates, toggles and deletes with the SPEC's methods and paths", async () => {
    const s = setup(({ init }) =>
      init.method === "DELETE" ? jsonResponse({ status: "deleted", task_id: 7 }) : jsonResponse(task),
    );
    await s.api.createTask(USER, { title: "Buy milk", description: null });
    await s.api.updateTask(USER, 7, { title: "Buy oat milk" });
    await s.api.toggleTask(USER, 7);
    await s.api.deleteTask(USER, 7, { keepalive: true });
    expect(s.calls.map((c) => `${c.init.method} ${new URL(c.url).pathname}`)).toEqual([
      `POST /api/${USER}/tasks`,
      `PUT /api/${USER}/tasks/7`,
      `PATCH /api/${USER}/tasks/7/complete`,
      `DELETE /api/${USER}/tasks/7`,
    ]);
    expect(JSON.parse(String(s.calls[0].init.body))).toEqual({ title: "Buy milk", description: null });
    expect(JSON.parse(String(s.calls[1].init.body))).toEqual({ title: "Buy oat milk" });
    expect(new Headers(s.calls[0].init.headers).get("Content-Type")).toBe("application/json");
    expect(s.calls[3].init.keepalive).toBe(true);
    expect(new Headers(s.calls[0].init.headers).has("Idempotency-Key")).toBe(false);
  });

  it("sends a create's Idempotency-Key, the same one on every retry of it", async () => {
    const s = setup(() => new Response(JSON.stringify({ id: 7 }), { status: 201 }));
    await s.api.createTask(USER, { title: "Buy milk" }, "k1");
    await s.api.createTask(USER, { title: "Buy milk" }, "k1");
    expect(s.calls.map((c) => new Headers(c.init.headers).get("Idempotency-Key"))).toEqual(["k1", "k1"]);
    expect(new Headers(s.calls[0].init.headers).get("Authorization")).toMatch(/^Bearer /);
  });
});

describe("API client: errors", () => {
  it("shows the problem's detail for validation errors", async () => {
    const s = setup(() => problem(422, "title: must be 1-200 characters"));
    await expect(s.api.createTask(USER, { title: "" })).rejects.toMatchObject({
      status: 422,
      message: "title: must be 1-200 characters",
    });
  });

  it("shows a per-owner limit's detail (409 without Retry-After, so the outbox does not retry it)", async () => {
    const detail =
      "You can keep at most 100,000 tasks (open and completed together); this would go over that, so nothing was added. Delete some first.";
    const s = setup(() => problem(409, detail));
    const refused = s.api.createTask(USER, { title: "one more" });
    await expect(refused).rejects.toMatchObject({ status: 409, message: detail, retryAfterSeconds: undefined });
    const lists = setup(() =>
      problem(409, "You can keep at most 1,000 lists; this would go over that, so nothing was added. Delete some first."),
    );
    await expect(lists.api.createList(USER, "One more")).rejects.toMatchObject({ status: 409, message: /at most 1,000 lists/ });
  });

  it("explains rate limits with Retry-After and outages without internals", async () => {
    const limited = setup(() => problem(429, "slow down", { "Retry-After": "3" }));
    await expect(limited.api.me()).rejects.toMatchObject({
      status: 429,
      retryAfterSeconds: 3,
      message: "Too many requests. Try again in 3 s.",
    });
    const down = setup(() => new Response("<html>Bad gateway</html>", { status: 502 }));
    await expect(down.api.me()).rejects.toMatchObject({ status: 502, message: "Something went wrong on our side. Try again." });
  });

  it("turns a network failure into status 0 with a plain message", async () => {
    const s = setup(() => {
      throw new TypeError("Failed to fetch");
    });
    await expect(s.api.me()).rejects.toMatchObject({ status: 0, message: NETWORK_ERROR_MESSAGE });
  });

  it("lets an abort through as an abort", async () => {
    const s = setup(() => {
      throw new DOMException("aborted", "AbortError");
    });
    await expect(s.api.me()).rejects.toMatchObject({ name: "AbortError" });
  });
});

describe("browser wiring", () => {
  const assign = vi.fn();
  beforeEach(() => {
    vi.stubGlobal("window", { location: { pathname: "/en/tasks", search: "?x=1", assign } });
  });

  it("reads the JWT from GET /api/auth/token, null on 401", async () => {
    authClientMock.token.mockResolvedValueOnce({ data: { token: "jwt" }, error: null });
    expect(await fetchBetterAuthToken()).toBe("jwt");
    authClientMock.token.mockResolvedValueOnce({ data: null, error: { status: 401, statusText: "Unauthorized" } });
    expect(await fetchBetterAuthToken()).toBeNull();
  });

  it("reports an unreachable Better Auth as a network error, not as signed-out", async () => {
    authClientMock.token.mockRejectedValueOnce(new TypeError("Failed to fetch"));
    await expect(fetchBetterAuthToken()).rejects.toMatchObject({ status: 0 });
    authClientMock.token.mockResolvedValueOnce({ data: null, error: { status: 503, statusText: "" } });
    await expect(fetchBetterAuthToken()).rejects.toMatchObject({ status: 503 });
  });

  it("signs out and goes to sign-in with next pointing back", async () => {
    authClientMock.signOut.mockResolvedValueOnce({ data: { success: true }, error: null });
    await signOutAndGoToSignIn("/en/tasks?x=1");
    expect(authClientMock.signOut).toHaveBeenCalledTimes(1);
    expect(assign).toHaveBeenCalledWith("/en/signin?next=%2Fen%2Ftasks%3Fx%3D1");
  });

  it("removes the person's unsent task edits from the browser on a sign-out they chose, not on an ended session", async () => {
    const localStorage = memoryStorage();
    vi.stubGlobal("window", { location: { pathname: "/en/tasks", search: "", assign }, localStorage });
    for (const userId of [USER, "someone-else"])
      createSavedEdits({ storage: localStorage, userId, owner: "p" }).add({ kind: "delete", id: 1, title: "t" });
    authClientMock.getSession.mockResolvedValue({ data: { user: { id: USER } }, error: null });

    await signOutAndGoToSignIn("/en/tasks", "session-ended");
    expect(localStorage.map.has(savedEditsKey(USER))).toBe(true);

    await signOutAndGoToSignIn();
    expect(localStorage.map.has(savedEditsKey(USER))).toBe(false);
    expect(localStorage.map.has(savedEditsKey("someone-else"))).toBe(true);
    authClientMock.getSession.mockReset();
  });

  it("still leaves for sign-in when the sign-out request fails", async () => {
    authClientMock.signOut.mockRejectedValueOnce(new TypeError("Failed to fetch"));
    await signOutAndGoToSignIn();
    expect(assign).toHaveBeenCalledWith("/en/signin");
  });

  it("calls the API at the address the page was served with (run time), the default without one", () => {
    vi.stubGlobal("document", {
      querySelector: (selector: string) =>
        selector === 'meta[name="tasks-api-url"]' ? { content: "http://localhost:25001" } : null,
    });
    expect(pageApiUrl()).toBe("http://localhost:25001");
    vi.stubGlobal("document", { querySelector: () => null });
    expect(pageApiUrl()).toBe("http://localhost:8000");
    vi.unstubAllGlobals();
  });

  it("a baseUrl function is asked on every call", async () => {
    let base = "http://a.example";
    const seen: string[] = [];
    const tokens = createTokenSource({ fetchToken: async () => fakeJwt({ exp: Date.now() / 1000 + 900 }) });
    const api = createApiClient({
      baseUrl: () => base,
      tokens,
      onUnauthorized: vi.fn(),
      fetch: (async (url: RequestInfo | URL) => {
        seen.push(String(url));
        return new Response(JSON.stringify({ id: "u", email: null, name: null }), {
          headers: { "content-type": "application/json" },
        });
      }) as typeof fetch,
    });
    await api.me();
    base = "http://b.example/";
    await api.me();
    expect(seen).toEqual(["http://a.example/api/me", "http://b.example/api/me"]);
  });
});
