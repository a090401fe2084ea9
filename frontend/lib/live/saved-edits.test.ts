import { describe, expect, it } from "vitest";
import { createSavedEdits, forgetSavedEdits, OutboxFullError, SAVED_EDITS_MAX, savedEditsKey, type Edit } from "./saved-edits";
import { memoryStorage } from "./test-storage";

const update = (id: number, title = `Task ${id}`): Edit => ({
  kind: "update",
  id,
  title,
  base: "2026-01-01T00:00:00Z",
  changes: { completed: true },
});

describe("saved edits", () => {
  it("keep the edits in the order they were made, for the next page of the same user", () => {
    const storage = memoryStorage();
    const page = createSavedEdits({ storage, userId: "ada", owner: "page-1" });
    page.add({ kind: "create", task: { title: "Buy milk" }, key: "k1" });
    page.add(update(7));
    page.add({ kind: "delete", id: 8, title: "Old" });

    const next = createSavedEdits({ storage, userId: "ada", owner: "page-2" });
    const edits = next.all();
    expect(edits.map((e) => e.edit.kind)).toEqual(["create", "update", "delete"]);
    expect(edits.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(edits[0].edit).toEqual({ kind: "create", task: { title: "Buy milk" }, key: "k1" });
  });

  it("forget an edit once the API answered it", () => {
    const storage = memoryStorage();
    const page = createSavedEdits({ storage, userId: "ada", owner: "page-1" });
    const first = page.add(update(1));
    page.add(update(2));
    page.remove(first.seq);
    expect(page.all().map((e) => (e.edit as { id: number }).id)).toEqual([2]);
    page.remove(2);
    expect(storage.map.size).toBe(0);
  });

  it("are another account's to read on the same browser in no way: each user has a key, and a page reads its own", () => {
    const storage = memoryStorage();
    createSavedEdits({ storage, userId: "ada", owner: "p" }).add(update(1, "Ada's secret"));
    const bob = createSavedEdits({ storage, userId: "bob", owner: "p" });
    expect(bob.all()).toEqual([]);
    expect(bob.claimOrphans(() => false)).toEqual([]);
    bob.add(update(2));
    expect(createSavedEdits({ storage, userId: "ada", owner: "q" }).all()).toHaveLength(1);
  });

  it("are removed for that user only on sign-out", () => {
    const storage = memoryStorage();
    createSavedEdits({ storage, userId: "ada", owner: "p" }).add(update(1));
    createSavedEdits({ storage, userId: "bob", owner: "p" }).add(update(2));
    forgetSavedEdits(storage, "ada");
    expect(storage.map.has(savedEditsKey("ada"))).toBe(false);
    expect(storage.map.has(savedEditsKey("bob"))).toBe(true);
  });

  it(`hold at most ${SAVED_EDITS_MAX} edits: the next is refused, never dropped quietly`, () => {
    const page = createSavedEdits({ storage: memoryStorage(), userId: "ada", owner: "p" });
    for (let i = 0; i < SAVED_EDITS_MAX; i++) page.add(update(i));
    expect(() => page.add(update(999))).toThrow(OutboxFullError);
    expect(page.all()).toHaveLength(SAVED_EDITS_MAX);
    expect(page.all().at(-1)?.edit).toMatchObject({ id: SAVED_EDITS_MAX - 1 });
  });

  it("hold at most maxChars of JSON, and refuse an edit the browser's storage has no room for", () => {
    const small = createSavedEdits({ storage: memoryStorage(), userId: "ada", owner: "p", maxChars: 400 });
    small.add(update(1));
    expect(() => small.add({ kind: "create", task: { title: "x".repeat(400) }, key: "k" })).toThrow(OutboxFullError);
    expect(small.all()).toHaveLength(1);

    const full = createSavedEdits({ storage: memoryStorage(10), userId: "ada", owner: "p" });
    expect(() => full.add(update(1))).toThrow(/storage is full/);
  });

  it("hand a page the edits of pages that are gone, once; a running page keeps its own", () => {
    const storage = memoryStorage();
    createSavedEdits({ storage, userId: "ada", owner: "gone" }).add(update(1));
    createSavedEdits({ storage, userId: "ada", owner: "running" }).add(update(2));
    createSavedEdits({ storage, userId: "ada", owner: "gone" }).add(update(3));

    const page = createSavedEdits({ storage, userId: "ada", owner: "new" });
    const claimed = page.claimOrphans((owner) => owner === "running");
    expect(claimed.map((e) => (e.edit as { id: number }).id)).toEqual([1, 3]);
    expect(page.claimOrphans((owner) => owner === "running")).toEqual([]);
    expect(page.all().map((e) => e.owner)).toEqual(["new", "running", "new"]);
  });

  it("rebase the later edits of a task on the version the API answered", () => {
    const page = createSavedEdits({ storage: memoryStorage(), userId: "ada", owner: "p" });
    page.add(update(1));
    page.add(update(2));
    page.rebase(1, "2026-02-02T00:00:00Z");
    expect(page.all().map((e) => (e.edit as { base: string }).base)).toEqual(["2026-02-02T00:00:00Z", "2026-01-01T00:00:00Z"]);
  });

  it("read as none when the stored value is not theirs", () => {
    const storage = memoryStorage();
    storage.setItem(savedEditsKey("ada"), "{not json");
    expect(createSavedEdits({ storage, userId: "ada", owner: "p" }).all()).toEqual([]);
    storage.setItem(
      savedEditsKey("ada"),
      JSON.stringify([{ seq: 1 }, { seq: 2, owner: "p", edit: { kind: "delete", id: 1, title: "t" } }]),
    );
    expect(createSavedEdits({ storage, userId: "ada", owner: "p" }).all()).toHaveLength(1);
  });

  it("keep a move (manual order) as they keep the other kinds, within the same bound", () => {
    const storage = memoryStorage();
    const page = createSavedEdits({ storage, userId: "ada", owner: "p" });
    page.add({ kind: "move", id: 7, after: 3, title: "Buy milk" });
    page.add({ kind: "move", id: 8, after: null, title: "Call Alice" });
    expect(
      createSavedEdits({ storage, userId: "ada", owner: "q" })
        .all()
        .map((e) => e.edit),
    ).toEqual([
      { kind: "move", id: 7, after: 3, title: "Buy milk" },
      { kind: "move", id: 8, after: null, title: "Call Alice" },
    ]);
    for (let i = 2; i < SAVED_EDITS_MAX; i++) page.add({ kind: "move", id: i, after: null, title: "t" });
    expect(() => page.add({ kind: "move", id: 999, after: null, title: "t" })).toThrow(OutboxFullError);
  });

  it("keep the sidebar's list and label edits, and skip a damaged one", () => {
    const storage = memoryStorage();
    const page = createSavedEdits({ storage, userId: "ada", owner: "p" });
    const kept: Edit[] = [
      { kind: "list-create", name: "Work", key: "k1" },
      { kind: "list-rename", id: 1, name: "House", base: "2026-01-01T00:00:00Z" },
      { kind: "list-delete", id: 1, name: "House", tasks: "inbox" },
      { kind: "label-rename", name: "shop", to: "store" },
      { kind: "label-delete", name: "store" },
    ];
    for (const edit of kept) page.add(edit);
    const saved = JSON.parse(storage.getItem(savedEditsKey("ada")) ?? "[]");
    saved.push(
      { seq: 90, owner: "p", edit: { kind: "list-create", name: "No key" } },
      { seq: 91, owner: "p", edit: { kind: "list-delete", id: 1, name: "x", tasks: "archive" } },
      { seq: 92, owner: "p", edit: { kind: "label-rename", name: "a" } },
    );
    storage.setItem(savedEditsKey("ada"), JSON.stringify(saved));
    expect(
      createSavedEdits({ storage, userId: "ada", owner: "q" })
        .all()
        .map((e) => e.edit),
    ).toEqual(kept);
  });

  it("rebase the later renames of a list (and only of that list) on the version the API answered", () => {
    const storage = memoryStorage();
    const page = createSavedEdits({ storage, userId: "ada", owner: "p" });
    page.add({ kind: "list-rename", id: 1, name: "A", base: "v0" });
    page.add({ kind: "list-rename", id: 2, name: "B", base: "v0" });
    page.add(update(1));
    page.rebase(1, "v1", "list-rename");
    expect(page.all().map((e) => ("base" in e.edit ? e.edit.base : null))).toEqual(["v1", "v0", "2026-01-01T00:00:00Z"]);
  });

  it("skip an edit of a kind this page does not know (a newer page's) or a damaged move, and read the rest", () => {
    const storage = memoryStorage();
    storage.setItem(
      savedEditsKey("ada"),
      JSON.stringify([
        { seq: 1, owner: "p", edit: { kind: "rename-list", id: 1, name: "Home" } },
        { seq: 2, owner: "p", edit: { kind: "move", id: "7", after: null, title: "t" } },
        { seq: 3, owner: "p", edit: { kind: "move", id: 7, after: "first", title: "t" } },
        { seq: 4, owner: "p", edit: { kind: "move", id: 7, after: 2, title: "Buy milk" } },
      ]),
    );
    const page = createSavedEdits({ storage, userId: "ada", owner: "q" });
    expect(page.all().map((e) => e.seq)).toEqual([4]);
    expect(page.claimOrphans(() => false).map((e) => e.seq)).toEqual([4]);
  });
});
