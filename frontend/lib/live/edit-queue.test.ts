import { describe, expect, it } from "vitest";
import { task as fixture } from "../tasks/task-fixture";
import type { ListDeletion, NamedList, NewTask, Task, TaskChanges } from "../tasks/task";
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

const list = (id: number, name: string, updated_at = V0): NamedList =>
  ({ id, name, updated_at, created_at: V0, task_count: 0 }) as unknown as NamedList;

/** The API in memory: what it was asked, in order; `server` holds its tasks, `lists` and `labels` the rest. */
function fakeApi(server = new Map<number, Task>(), lists = new Map<number, NamedList>(), labels = new Set<string>()) {
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
    async createList(name: string, key: string) {
      calls.push(`POST list ${name} ${key}`);
      const known = listKeys.get(key);
      if (known) return known;
      if ([...lists.values()].some((l) => l.name === name)) throw new Refused(409);
      const created = list(nextId++, name, stamp());
      listKeys.set(key, created);
      lists.set(created.id, created);
      return created;
    },
    async getList(id: number) {
      calls.push(`GET list ${id}`);
      const found = lists.get(id);
      if (!found) throw new Refused(404);
      return found;
    },
    async renameList(id: number, name: string) {
      calls.push(`PUT list ${id} ${name}`);
      const found = lists.get(id);
      if (!found) throw new Refused(404);
      const renamed = { ...found, name, updated_at: stamp() };
      lists.set(id, renamed);
      return renamed;
    },
    async deleteList(id: number, tasks: ListDeletion) {
      calls.push(`DELETE list ${id} ${tasks}`);
      if (!lists.delete(id)) throw new Refused(404);
      return {};
    },
    async renameLabel(name: string, to: string) {
      calls.push(`PUT label ${name} ${to}`);
      if (!labels.delete(name)) throw new Refused(404);
      labels.add(to);
      return {};
    },
    async deleteLabel(name: string) {
      calls.push(`DELETE label ${name}`);
      if (!labels.delete(name)) throw new Refused(404);
      return {};
    },
  };
  const listKeys = new Map<string, NamedList>();
  return { api, calls, server, ordered, lists, labels, stamp };
}

/** An API that never answers: the page is left while its edits are on their way. */
const silentApi: EditApi = {
  createTask: () => new Promise(() => {}),
  getTask: () => new Promise(() => {}),
  updateTask: () => new Promise(() => {}),
  deleteTask: () => new Promise(() => {}),
  moveTask: () => new Promise(() => {}),
  createList: () => new Promise(() => {}),
  getList: () => new Promise(() => {}),
  renameList: () => new Promise(() => {}),
  deleteList: () => new Promise(() => {}),
  renameLabel: () => new Promise(() => {}),
  deleteLabel: () => new Promise(() => {}),
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

describe("the sidebar's list and label edits in the edit queue", () => {
  const home = () => new Map([[1, list(1, "Home")]]);

  it("are saved, sent in order with the task edits, kept while the API cannot be reached, and forgotten once answered", async () => {
    const storage = memoryStorage();
    const { api, calls, lists, labels } = fakeApi(new Map(), home(), new Set(["shop", "old"]));
    let down = 2;
    const flaky: EditApi = {
      ...api,
      renameList: (id, name) => (down-- > 0 ? Promise.reject(new Unreachable()) : api.renameList(id, name)),
    };
    const { queue, store } = page(storage, flaky, "p1");
    const renamed = queue.send({ kind: "list-rename", id: 1, name: "House", base: V0 });
    const created = queue.send({ kind: "list-create", name: "Work", key: "key-l" });
    const relabelled = queue.send({ kind: "label-rename", name: "shop", to: "store" });
    const unlabelled = queue.send({ kind: "label-delete", name: "old" });
    const deleted = queue.send({ kind: "list-delete", id: 1, name: "House", tasks: "inbox" });
    expect(store.all()).toHaveLength(5);
    expect((await renamed).name).toBe("House");
    expect((await created).name).toBe("Work");
    await Promise.all([relabelled, unlabelled, deleted]);
    expect(calls).toEqual([
      "PUT list 1 House",
      "POST list Work key-l",
      "PUT label shop store",
      "DELETE label old",
      "DELETE list 1 inbox",
    ]);
    expect(store.all()).toEqual([]);
    expect([...lists.values()].map((l) => l.name)).toEqual(["Work"]);
    expect([...labels]).toEqual(["store"]);
  });

  it("settle with the API's refusal (4xx) and are forgotten", async () => {
    const storage = memoryStorage();
    const { api } = fakeApi(new Map(), home());
    const { queue, store } = page(storage, api, "p1");
    await expect(queue.send({ kind: "list-create", name: "Home", key: "k" })).rejects.toThrow("refused 409");
    await expect(queue.send({ kind: "list-rename", id: 9, name: "X", base: V0 })).rejects.toThrow("refused 404");
    await expect(queue.send({ kind: "label-rename", name: "nope", to: "x" })).rejects.toThrow("refused 404");
    expect(store.all()).toEqual([]);
  });

  it("rebase a later saved rename of the same list on the version the first answered", async () => {
    const storage = memoryStorage();
    const { api } = fakeApi(new Map(), home());
    // The second rename stays on its way (the page is left), so its saved copy is what the next page reads.
    const held: EditApi = {
      ...api,
      renameList: (id, name) => (name === "Flat" ? new Promise(() => {}) : api.renameList(id, name)),
    };
    const { queue, store } = page(storage, held, "p1");
    const first = queue.send({ kind: "list-rename", id: 1, name: "House", base: V0 });
    void queue.send({ kind: "list-rename", id: 1, name: "Flat", base: V0 });
    const answer = await first;
    const second = store.all()[0]?.edit;
    expect(answer.updated_at).not.toBe(V0);
    expect(second?.kind === "list-rename" && second.base).toBe(answer.updated_at);
  });

  it("are replayed by the next page in order; the create with its Idempotency-Key, deletes of what is gone count as done", async () => {
    const storage = memoryStorage();
    const { api, calls, lists, labels } = fakeApi(new Map(), home(), new Set(["shop"]));
    const left = page(storage, silentApi, "p1");
    void left.queue.send({ kind: "list-create", name: "Work", key: "key-l" });
    void left.queue.send({ kind: "list-rename", id: 1, name: "House", base: V0 });
    void left.queue.send({ kind: "list-rename", id: 1, name: "Flat", base: V0 });
    void left.queue.send({ kind: "label-rename", name: "shop", to: "store" });
    void left.queue.send({ kind: "label-delete", name: "gone" });
    void left.queue.send({ kind: "list-delete", id: 77, name: "Gone", tasks: "delete" });

    const next = page(storage, api, "p2");
    const { count, outcomes } = await replay(next.queue);
    expect(count).toBe(6);
    expect(outcomes.map((o) => o.kind)).toEqual(["sidebar", "sidebar", "sidebar", "sidebar", "sidebar", "sidebar"]);
    expect(calls).toEqual([
      "POST list Work key-l",
      "GET list 1",
      "PUT list 1 House",
      "GET list 1",
      "PUT list 1 Flat", // made on top of the first: not a conflict
      "PUT label shop store",
      "DELETE label gone",
      "DELETE list 77 delete",
    ]);
    expect([...lists.values()].map((l) => l.name)).toEqual(["Flat", "Work"]);
    expect([...labels]).toEqual(["store"]);
    expect(next.store.all()).toEqual([]);
  });

  it("make no second list when the create had reached the API before the page was left", async () => {
    const storage = memoryStorage();
    const { api, lists } = fakeApi();
    await api.createList("Work", "key-l"); // the first attempt got through; its answer was lost with the page
    void page(storage, silentApi, "p1").queue.send({ kind: "list-create", name: "Work", key: "key-l" });
    const { outcomes } = await replay(page(storage, api, "p2").queue);
    expect(outcomes.map((o) => o.kind)).toEqual(["sidebar"]);
    expect([...lists.values()].map((l) => l.name)).toEqual(["Work"]);
  });

  it("send no rename again that had reached the API (the list already has the name)", async () => {
    const storage = memoryStorage();
    const { api, calls } = fakeApi(new Map(), home());
    await api.renameList(1, "House");
    calls.length = 0;
    void page(storage, silentApi, "p1").queue.send({ kind: "list-rename", id: 1, name: "House", base: V0 });
    const { outcomes } = await replay(page(storage, api, "p2").queue);
    expect(outcomes.map((o) => o.kind)).toEqual(["sidebar"]);
    expect(calls).toEqual(["GET list 1"]);
  });

  it("let the newer name win when the list was renamed elsewhere since, and send neither that rename nor the later ones", async () => {
    const storage = memoryStorage();
    const { api, calls } = fakeApi(new Map(), home());
    const left = page(storage, silentApi, "p1");
    void left.queue.send({ kind: "list-rename", id: 1, name: "House", base: V0 });
    void left.queue.send({ kind: "list-rename", id: 1, name: "Flat", base: V0 });
    await api.renameList(1, "Cottage"); // another device
    calls.length = 0;
    const { outcomes } = await replay(page(storage, api, "p2").queue);
    expect(outcomes.map((o) => o.kind)).toEqual(["list-conflict", "list-conflict"]);
    expect(outcomes.map((o) => (o.kind === "list-conflict" ? o.list.name : null))).toEqual(["Cottage", "Cottage"]);
    expect(calls).toEqual(["GET list 1"]);
  });

  it("report a rename of a list deleted elsewhere, or of a label no task has, as refused, and go on", async () => {
    const storage = memoryStorage();
    const { api, calls } = fakeApi(new Map(), new Map(), new Set(["shop"]));
    const left = page(storage, silentApi, "p1");
    void left.queue.send({ kind: "list-rename", id: 1, name: "House", base: V0 });
    void left.queue.send({ kind: "label-rename", name: "old", to: "new" });
    void left.queue.send({ kind: "label-delete", name: "shop" });
    const { outcomes } = await replay(page(storage, api, "p2").queue);
    expect(outcomes.map((o) => [o.kind, o.kind === "refused" ? (o.error as Refused).status : null])).toEqual([
      ["refused", 404],
      ["refused", 404],
      ["sidebar", null],
    ]);
    expect(calls).toEqual(["GET list 1", "PUT label old new", "DELETE label shop"]);
  });

  it("keep a replayed create while the API cannot be reached, and send it with the same key when it can", async () => {
    const storage = memoryStorage();
    const { api, calls } = fakeApi();
    void page(storage, silentApi, "p1").queue.send({ kind: "list-create", name: "Work", key: "key-l" });
    let down = 2;
    const flaky: EditApi = {
      ...api,
      createList: (name, key) => {
        calls.push(`attempt ${key}`);
        return down-- > 0 ? Promise.reject(new Unreachable()) : api.createList(name, key);
      },
    };
    const { outcomes } = await replay(page(storage, flaky, "p2").queue);
    expect(outcomes.map((o) => o.kind)).toEqual(["sidebar"]);
    expect(calls).toEqual(["attempt key-l", "attempt key-l", "attempt key-l", "POST list Work key-l"]);
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
