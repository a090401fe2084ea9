import { describe, expect, it } from "vitest";
import { task as fixture } from "../tasks/task-fixture";
import type { NewTask, Task, TaskChanges } from "../tasks/task";
import { createEditQueue, holds, type EditApi, type ReplayOutcome } from "./edit-queue";
import { createOutbox } from "./outbox";
import { createSavedEdits, OutboxFullError, SAVED_EDITS_MAX } from "./saved-edits";
import { memoryStorage } from "./test-storage";

class Unreachable extends Error {}
class Refused extends Error {
  constructor(readonly status: number) {
    super(`refused ${status}`);
  }
}

const V0 = "2026-01-01T00:00:00Z";

/** The API in memory: what it was asked, in order; `server` holds its tasks. */
function fakeApi(server = new Map<number, Task>()) {
  const calls: string[] = [];
  // The manual order (ids, first to last); tasks not in it yet go last.
  const order: number[] = [];
  const ordered = () => [...order.filter((id) => server.has(id)), ...[...server.keys()].filter((id) => !order.includes(id))];
  const keys = new Map<string, Task>();
  let nextId = 100;
  let clock = 1;
  const stamp = () => `2026-01-02T00:00:${String(clock++).padStart(2, "0")}Z`;
  const api: EditApi = {
    async createTask(t: NewTask, key: string) {
      calls.push(`POST ${t.title} ${key}`);
      const known = keys.get(key);
      if (known) return known;
      const created = fixture({ id: nextId++, title: t.title, updated_at: stamp() });
      keys.set(key, created);
      server.set(created.id, created);
      return created;
    },
    async getTask(id: number) {
      calls.push(`GET ${id}`);
      const found = server.get(id);
      if (!found) throw new Refused(404);
      return found;
    },
    async updateTask(id: number, changes: TaskChanges) {
      calls.push(`PUT ${id} ${JSON.stringify(changes)}`);
      const found = server.get(id);
      if (!found) throw new Refused(404);
      const updated = { ...found, ...changes, updated_at: stamp() } as Task;
      server.set(id, updated);
      return updated;
    },
    async deleteTask(id: number) {
      calls.push(`DELETE ${id}`);
      if (!server.delete(id)) throw new Refused(404);
      return { status: "deleted", task_id: id };
    },
    async moveTask(id: number, after: number | null) {
      calls.push(`MOVE ${id} after ${after}`);
      const found = server.get(id);
      if (!found) throw new Refused(404);
      if (after !== null && !server.has(after)) throw new Refused(422);
      const rest = ordered().filter((t) => t !== id);
      rest.splice(after === null ? 0 : rest.indexOf(after) + 1, 0, id);
      order.splice(0, order.length, ...rest);
      const moved = { ...found, updated_at: stamp() };
      server.set(id, moved);
      return moved;
    },
  };
  return { api, calls, server, ordered };
}

/** An API that never answers: the page is left while its edits are on their way. */
const silentApi: EditApi = {
  createTask: () => new Promise(() => {}),
  getTask: () => new Promise(() => {}),
  updateTask: () => new Promise(() => {}),
  deleteTask: () => new Promise(() => {}),
  moveTask: () => new Promise(() => {}),
};

function page(storage: ReturnType<typeof memoryStorage>, api: EditApi, owner: string, userId = "ada") {
  const outbox = createOutbox({ isRetryable: (e) => e instanceof Unreachable, backoffMs: () => 1 });
  const store = createSavedEdits({ storage, userId, owner });
  return { queue: createEditQueue({ outbox, store, api }), store, outbox };
}

async function replay(queue: ReturnType<typeof page>["queue"], ready: Promise<unknown> = Promise.resolve()) {
  const outcomes: ReplayOutcome[] = [];
  const count = await queue.replay({ isLive: () => false, ready, onOutcome: (o) => outcomes.push(o) });
  return { count, outcomes };
}

describe("the edit queue", () => {
  it("keeps an edit saved until the API answers it, and forgets it then (accepted or refused)", async () => {
    const storage = memoryStorage();
    const { api, server } = fakeApi(new Map([[1, fixture({ id: 1, updated_at: V0 })]]));
    const { queue, store } = page(storage, api, "p1");
    const saved = queue.send({ kind: "update", id: 1, title: "Buy milk", base: V0, changes: { completed: true } });
    expect(store.all()).toHaveLength(1); // saved before it is sent
    expect((await saved).completed).toBe(true);
    expect(store.all()).toEqual([]);
    await expect(queue.send({ kind: "delete", id: 42, title: "Gone" })).rejects.toThrow("refused 404");
    expect(store.all()).toEqual([]);
    expect(server.get(1)?.completed).toBe(true);
  });

  it("replays the edits a left page did not finish, in the order made, the create with its Idempotency-Key", async () => {
    const storage = memoryStorage();
    const { api, calls, server } = fakeApi(
      new Map([
        [1, fixture({ id: 1, title: "Call Alice", updated_at: V0 })],
        [2, fixture({ id: 2, title: "Old", updated_at: V0 })],
      ]),
    );
    const left = page(storage, silentApi, "p1");
    void left.queue.send({ kind: "create", task: { title: "Buy milk" }, key: "key-1" });
    void left.queue.send({ kind: "update", id: 1, title: "Call Alice", base: V0, changes: { title: "Call Bob" } });
    void left.queue.send({ kind: "update", id: 1, title: "Call Alice", base: V0, changes: { completed: true } });
    void left.queue.send({ kind: "delete", id: 2, title: "Old" });

    const next = page(storage, api, "p2");
    const { count, outcomes } = await replay(next.queue);
    expect(count).toBe(4);
    expect(calls).toEqual([
      "POST Buy milk key-1",
      "GET 1",
      'PUT 1 {"title":"Call Bob"}',
      "GET 1",
      'PUT 1 {"completed":true}',
      "DELETE 2",
    ]);
    expect(outcomes.map((o) => o.kind)).toEqual(["saved", "saved", "saved", "deleted"]);
    expect(server.get(1)).toMatchObject({ title: "Call Bob", completed: true });
    expect(next.store.all()).toEqual([]);
    // Nothing left for a third page.
    expect((await replay(page(storage, api, "p3").queue)).count).toBe(0);
  });

  it("does not make a second task when the create had reached the API before the page was left", async () => {
    const storage = memoryStorage();
    const { api, calls, server } = fakeApi();
    // The first attempt reached the API; its answer was lost with the page.
    await api.createTask({ title: "Buy milk" }, "key-1");
    const left = page(storage, silentApi, "p1");
    void left.queue.send({ kind: "create", task: { title: "Buy milk" }, key: "key-1" });

    const { outcomes } = await replay(page(storage, api, "p2").queue);
    expect(calls).toEqual(["POST Buy milk key-1", "POST Buy milk key-1"]);
    expect(server.size).toBe(1);
    expect(outcomes[0]).toMatchObject({ kind: "saved", task: { id: 100, title: "Buy milk" } });
  });

  it("sends no update again that had reached the API (the task already holds it)", async () => {
    const storage = memoryStorage();
    const { api, calls } = fakeApi(new Map([[1, fixture({ id: 1, completed: true, updated_at: "2026-01-01T09:00:00Z" })]]));
    void page(storage, silentApi, "p1").queue.send({
      kind: "update",
      id: 1,
      title: "Buy milk",
      base: V0,
      changes: { completed: true },
    });
    const { outcomes } = await replay(page(storage, api, "p2").queue);
    expect(calls).toEqual(["GET 1"]);
    expect(outcomes[0]).toMatchObject({ kind: "saved", task: { completed: true } });
  });

  it("lets the newer version win when the task changed elsewhere since the edit, and says so for each of its edits", async () => {
    const storage = memoryStorage();
    const newer = fixture({ id: 1, title: "Renamed on the phone", updated_at: "2026-01-01T09:00:00Z" });
    const { api, calls, server } = fakeApi(new Map([[1, newer]]));
    const left = page(storage, silentApi, "p1");
    void left.queue.send({ kind: "update", id: 1, title: "Buy milk", base: V0, changes: { title: "Buy oat milk" } });
    void left.queue.send({ kind: "update", id: 1, title: "Buy milk", base: V0, changes: { priority: 3 } });

    const { outcomes } = await replay(page(storage, api, "p2").queue);
    expect(calls).toEqual(["GET 1"]);
    expect(outcomes).toEqual([
      { kind: "conflict", edit: expect.objectContaining({ changes: { title: "Buy oat milk" } }), task: newer },
      { kind: "conflict", edit: expect.objectContaining({ changes: { priority: 3 } }), task: newer },
    ]);
    expect(server.get(1)).toBe(newer);
  });

  it("reports an edit the API refuses on replay (task deleted elsewhere) and goes on with the next", async () => {
    const storage = memoryStorage();
    const { api, calls } = fakeApi(new Map([[2, fixture({ id: 2, updated_at: V0 })]]));
    const left = page(storage, silentApi, "p1");
    void left.queue.send({ kind: "update", id: 1, title: "Deleted elsewhere", base: V0, changes: { completed: true } });
    void left.queue.send({ kind: "update", id: 2, title: "Buy milk", base: V0, changes: { completed: true } });

    const next = page(storage, api, "p2");
    const { outcomes } = await replay(next.queue);
    expect(outcomes[0]).toMatchObject({ kind: "refused", error: { status: 404 } });
    expect(outcomes[1]).toMatchObject({ kind: "saved" });
    expect(calls).toEqual(["GET 1", "GET 2", 'PUT 2 {"completed":true}']);
    expect(next.store.all()).toEqual([]);
  });

  it("keeps a replayed edit while the API cannot be reached and sends it when it can", async () => {
    const storage = memoryStorage();
    const { api, calls } = fakeApi();
    void page(storage, silentApi, "p1").queue.send({ kind: "create", task: { title: "Buy milk" }, key: "key-1" });
    let down = 2;
    const flaky: EditApi = {
      ...api,
      createTask: (t, key) => (down-- > 0 ? Promise.reject(new Unreachable()) : api.createTask(t, key)),
    };
    const next = page(storage, flaky, "p2");
    const { outcomes } = await replay(next.queue);
    expect(outcomes.map((o) => o.kind)).toEqual(["saved"]);
    expect(calls).toEqual(["POST Buy milk key-1"]);
  });

  it("sends replayed edits after the page's list has loaded, and the page's new edits after them", async () => {
    const storage = memoryStorage();
    const { api, calls, server } = fakeApi(new Map([[1, fixture({ id: 1, updated_at: V0 })]]));
    void page(storage, silentApi, "p1").queue.send({ kind: "create", task: { title: "From before" }, key: "key-1" });

    const next = page(storage, api, "p2");
    let loaded = () => {};
    const ready = new Promise<void>((resolve) => (loaded = resolve));
    const replayed = replay(next.queue, ready);
    const fresh = next.queue.send({ kind: "update", id: 1, title: "Buy milk", base: V0, changes: { priority: 2 } });
    await new Promise((r) => setTimeout(r, 5));
    expect(calls).toEqual([]);
    loaded();
    await replayed;
    await fresh;
    expect(calls).toEqual(["POST From before key-1", 'PUT 1 {"priority":2}']);
    expect(server.get(1)?.priority).toBe(2);
  });

  it("leaves the edits of a page that still runs (another tab) to that page", async () => {
    const storage = memoryStorage();
    const { api, calls } = fakeApi();
    void page(storage, silentApi, "other-tab").queue.send({ kind: "create", task: { title: "Mine" }, key: "k" });
    const outcomes: ReplayOutcome[] = [];
    const count = await page(storage, api, "p2").queue.replay({
      isLive: (owner) => owner === "other-tab",
      ready: Promise.resolve(),
      onOutcome: (o) => outcomes.push(o),
    });
    expect(count).toBe(0);
    expect(calls).toEqual([]);
  });

  it("replays nothing of another user's", async () => {
    const storage = memoryStorage();
    const { api, calls } = fakeApi();
    void page(storage, silentApi, "p1", "ada").queue.send({ kind: "create", task: { title: "Ada's" }, key: "k" });
    expect((await replay(page(storage, api, "p2", "bob").queue)).count).toBe(0);
    expect(calls).toEqual([]);
  });

  it("refuses an edit beyond the bound at once, sending nothing", async () => {
    const storage = memoryStorage();
    const left = page(storage, silentApi, "p1");
    for (let i = 0; i < SAVED_EDITS_MAX; i++)
      void left.queue.send({ kind: "update", id: i, title: "t", base: V0, changes: { priority: 1 } });
    await expect(left.queue.send({ kind: "create", task: { title: "One more" }, key: "k" })).rejects.toBeInstanceOf(
      OutboxFullError,
    );
    expect(left.outbox.state().pending).toBe(SAVED_EDITS_MAX);
  });

  it("keeps edits in memory when there is no storage", async () => {
    const { api, calls } = fakeApi();
    const outbox = createOutbox({ isRetryable: () => false });
    const queue = createEditQueue({ outbox, store: null, api });
    expect(await queue.send({ kind: "create", task: { title: "Buy milk" }, key: "k" })).toMatchObject({ id: 100 });
    expect(await queue.replay({ isLive: () => false, ready: Promise.resolve(), onOutcome: () => {} })).toBe(0);
    expect(calls).toEqual(["POST Buy milk k"]);
  });
});

describe("a move (manual order) in the edit queue", () => {
  const three = () =>
    new Map([
      [1, fixture({ id: 1, title: "Buy milk", updated_at: V0 })],
      [2, fixture({ id: 2, title: "Call Alice", updated_at: V0 })],
      [3, fixture({ id: 3, title: "Pay rent", updated_at: V0 })],
    ]);

  it("is saved, sent after the edits made before it, and kept while the API cannot be reached", async () => {
    const storage = memoryStorage();
    const { api, calls, ordered } = fakeApi(three());
    let down = 2;
    const flaky: EditApi = {
      ...api,
      moveTask: (id, after) => (down-- > 0 ? Promise.reject(new Unreachable()) : api.moveTask(id, after)),
    };
    const { queue, store, outbox } = page(storage, flaky, "p1");
    const renamed = queue.send({ kind: "update", id: 1, title: "Buy milk", base: V0, changes: { title: "Buy oat milk" } });
    const moved = queue.send({ kind: "move", id: 3, after: null, title: "Pay rent" });
    const after = queue.send({ kind: "delete", id: 2, title: "Call Alice" });
    expect(store.all().map((e) => e.edit.kind)).toEqual(["update", "move", "delete"]);
    await renamed;
    expect((await moved).id).toBe(3);
    await after;
    expect(calls).toEqual(['PUT 1 {"title":"Buy oat milk"}', "MOVE 3 after null", "DELETE 2"]);
    expect(ordered()).toEqual([3, 1]);
    expect(store.all()).toEqual([]);
    expect(outbox.state().pending).toBe(0);
  });

  it("settles with the API's refusal (the task to follow is gone) and is forgotten", async () => {
    const storage = memoryStorage();
    const { api } = fakeApi(three());
    const { queue, store } = page(storage, api, "p1");
    await expect(queue.send({ kind: "move", id: 3, after: 42, title: "Pay rent" })).rejects.toMatchObject({ status: 422 });
    expect(store.all()).toEqual([]);
  });

  it("rebases the later saved updates of its task on the version the move answered", async () => {
    const storage = memoryStorage();
    const { api } = fakeApi(three());
    const { queue, store } = page(storage, api, "p1");
    const left = page(storage, silentApi, "p0");
    void left.queue.send({ kind: "update", id: 3, title: "Pay rent", base: V0, changes: { priority: 2 } });
    const moved = await queue.send({ kind: "move", id: 3, after: 1, title: "Pay rent" });
    expect(store.all().map((e) => (e.edit as { base: string }).base)).toEqual([moved.updated_at]);
  });

  it("is replayed by the next page in order with the other edits, and the updates after it are not taken for conflicts", async () => {
    const storage = memoryStorage();
    const { api, calls, server, ordered } = fakeApi(three());
    const left = page(storage, silentApi, "p1");
    void left.queue.send({ kind: "create", task: { title: "Water plants" }, key: "key-1" });
    void left.queue.send({ kind: "move", id: 3, after: null, title: "Pay rent" });
    void left.queue.send({ kind: "update", id: 3, title: "Pay rent", base: V0, changes: { priority: 3 } });

    const next = page(storage, api, "p2");
    const { count, outcomes } = await replay(next.queue);
    expect(count).toBe(3);
    expect(calls).toEqual(["POST Water plants key-1", "MOVE 3 after null", "GET 3", 'PUT 3 {"priority":3}']);
    expect(outcomes.map((o) => o.kind)).toEqual(["saved", "saved", "saved"]);
    expect(ordered()).toEqual([3, 1, 2, 100]);
    expect(server.get(3)?.priority).toBe(3);
    expect(next.store.all()).toEqual([]);
  });

  it("is sent again on replay when it had reached the API before the page went: the task stays in the same place", async () => {
    const storage = memoryStorage();
    const { api, calls, ordered } = fakeApi(three());
    await api.moveTask(1, 3); // reached the API; its answer was lost with the page
    void page(storage, silentApi, "p1").queue.send({ kind: "move", id: 1, after: 3, title: "Buy milk" });
    const { outcomes } = await replay(page(storage, api, "p2").queue);
    expect(calls).toEqual(["MOVE 1 after 3", "MOVE 1 after 3"]);
    expect(outcomes.map((o) => o.kind)).toEqual(["saved"]);
    expect(ordered()).toEqual([2, 3, 1]);
  });

  it("is reported as refused on replay when its task or the task to follow is gone, and the next edit goes on", async () => {
    const storage = memoryStorage();
    const { api, calls } = fakeApi(three());
    const left = page(storage, silentApi, "p1");
    void left.queue.send({ kind: "move", id: 9, after: null, title: "Deleted elsewhere" });
    void left.queue.send({ kind: "move", id: 1, after: 9, title: "Buy milk" });
    void left.queue.send({ kind: "move", id: 2, after: null, title: "Call Alice" });

    const next = page(storage, api, "p2");
    const { outcomes } = await replay(next.queue);
    expect(outcomes).toMatchObject([
      { kind: "refused", edit: { id: 9 }, error: { status: 404 } },
      { kind: "refused", edit: { id: 1 }, error: { status: 422 } },
      { kind: "saved", edit: { id: 2 } },
    ]);
    expect(calls).toEqual(["MOVE 9 after null", "MOVE 1 after 9", "MOVE 2 after null"]);
    expect(next.store.all()).toEqual([]);
  });

  it("is kept on replay while the API cannot be reached, and sent once when it can", async () => {
    const storage = memoryStorage();
    const { api, calls, ordered } = fakeApi(three());
    void page(storage, silentApi, "p1").queue.send({ kind: "move", id: 2, after: 3, title: "Call Alice" });
    let down = 3;
    const flaky: EditApi = {
      ...api,
      moveTask: (id, after) => (down-- > 0 ? Promise.reject(new Unreachable()) : api.moveTask(id, after)),
    };
    const { outcomes } = await replay(page(storage, flaky, "p2").queue);
    expect(outcomes.map((o) => o.kind)).toEqual(["saved"]);
    expect(calls).toEqual(["MOVE 2 after 3"]);
    expect(ordered()).toEqual([1, 3, 2]);
  });
});

describe("holds", () => {
  it("reads text as the API stores it (trimmed) and labels without case or order", () => {
    const t = fixture({ title: "Buy milk", labels: ["Home", "errand"], description: null });
    expect(holds(t, { title: " Buy milk " })).toBe(true);
    expect(holds(t, { labels: ["Errand", "home", "HOME"] })).toBe(true);
    expect(holds(t, { description: null })).toBe(true);
    expect(holds(t, { title: "Buy oat milk" })).toBe(false);
    expect(holds(t, { labels: ["home"] })).toBe(false);
  });
});
