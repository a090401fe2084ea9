import { describe, expect, it } from "vitest";
import { task } from "./task-fixture";
import { afterForDrop, canReorder, defaultSort, groupByDay, matchesView, moveTarget, queryFor, type ViewState } from "./views";

const TODAY = "2026-12-07";
const TZ = "Europe/Berlin";
const state = (over: Partial<ViewState> = {}): ViewState => ({
  view: { kind: "all" },
  filter: "all",
  minPriority: 0,
  due: "any",
  sort: "-created_at",
  q: "",
  ...over,
});

describe("queryFor", () => {
  it("asks Today for open tasks due today or before, in the browser's zone", () => {
    expect(queryFor(state({ view: { kind: "today" }, sort: "due_date" }), TODAY, TZ)).toEqual({
      sort: "due_date",
      completed: false,
      due_before: TODAY,
      tz: TZ,
    });
  });

  it("asks Upcoming for today and the next six days", () => {
    expect(queryFor(state({ view: { kind: "upcoming" } }), TODAY, TZ)).toMatchObject({
      due_after: TODAY,
      due_before: "2026-12-13",
      tz: TZ,
    });
  });

  it("asks a list, the Inbox and a label by their parameters", () => {
    expect(queryFor(state({ view: { kind: "inbox" } }), TODAY, TZ).list_id).toBe("inbox");
    expect(queryFor(state({ view: { kind: "list", id: 4 } }), TODAY, TZ).list_id).toBe("4");
    expect(queryFor(state({ view: { kind: "label", name: "work" } }), TODAY, TZ).label).toEqual(["work"]);
    expect(queryFor(state(), TODAY, TZ)).toEqual({ sort: "-created_at" });
  });

  it("adds the toolbar's filters: completion, priority, overdue (with tz), the next week, search", () => {
    expect(queryFor(state({ filter: "completed", minPriority: 2, due: "overdue", q: "tax" }), TODAY, TZ)).toEqual({
      sort: "-created_at",
      completed: true,
      priority: 2,
      overdue: true,
      tz: TZ,
      q: "tax",
    });
    expect(queryFor(state({ due: "week" }), TODAY, TZ).due_before).toBe("2026-12-13");
  });
});

describe("matchesView", () => {
  it("keeps Today to open tasks due today or overdue", () => {
    const today = state({ view: { kind: "today" } });
    expect(matchesView(task({ due_date: TODAY }), today, TODAY)).toBe(true);
    expect(matchesView(task({ due_date: "2026-12-01" }), today, TODAY)).toBe(true);
    expect(matchesView(task({ due_date: "2026-12-08" }), today, TODAY)).toBe(false);
    expect(matchesView(task({ due_date: TODAY, completed: true }), today, TODAY)).toBe(false);
    expect(matchesView(task(), today, TODAY)).toBe(false);
  });

  it("keeps a list, the Inbox and a label (any case) to their tasks", () => {
    expect(matchesView(task({ list_id: 3 }), state({ view: { kind: "list", id: 3 } }), TODAY)).toBe(true);
    expect(matchesView(task({ list_id: 3 }), state({ view: { kind: "inbox" } }), TODAY)).toBe(false);
    expect(matchesView(task({ labels: ["Work"] }), state({ view: { kind: "label", name: "work" } }), TODAY)).toBe(true);
  });

  it("applies priority, due and search filters like the API", () => {
    expect(matchesView(task({ priority: 1 }), state({ minPriority: 2 }), TODAY)).toBe(false);
    expect(matchesView(task({ due_date: "2026-12-06" }), state({ due: "overdue" }), TODAY)).toBe(true);
    expect(matchesView(task({ due_date: TODAY }), state({ due: "overdue" }), TODAY)).toBe(false);
    expect(matchesView(task({ title: "Taxes" }), state({ q: "tax" }), TODAY)).toBe(true);
  });
});

describe("sorting and order", () => {
  it("sorts each view its own way and reorders only a list in manual order", () => {
    expect(defaultSort({ kind: "today" })).toBe("due_date");
    expect(defaultSort({ kind: "list", id: 1 })).toBe("position");
    expect(defaultSort({ kind: "all" })).toBe("-created_at");
    expect(canReorder(state({ view: { kind: "inbox" }, sort: "position" }))).toBe(true);
    expect(canReorder(state({ view: { kind: "inbox" }, sort: "due_date" }))).toBe(false);
    expect(canReorder(state({ view: { kind: "all" }, sort: "position" }))).toBe(false);
    expect(canReorder(state({ view: { kind: "inbox" }, sort: "position", q: "x" }))).toBe(false);
  });

  it("says move's `after` for a step up or down (null: first), nothing past the ends", () => {
    const ids = [10, 20, 30, 40];
    expect(moveTarget(ids, 30, -1)).toEqual({ after: 10, index: 1 });
    expect(moveTarget(ids, 20, -1)).toEqual({ after: null, index: 0 });
    expect(moveTarget(ids, 20, 1)).toEqual({ after: 30, index: 2 });
    expect(moveTarget(ids, 10, -1)).toBeNull();
    expect(moveTarget(ids, 40, 1)).toBeNull();
  });

  it("says move's `after` for a drop at an index", () => {
    const ids = [10, 20, 30];
    expect(afterForDrop(ids, 30, 0)).toBeNull();
    expect(afterForDrop(ids, 10, 2)).toBe(30);
    expect(afterForDrop(ids, 10, 1)).toBe(20);
  });

  it("groups Upcoming by day, every day of the week shown", () => {
    const groups = groupByDay([task({ id: 1, due_date: "2026-12-09" }), task({ id: 2, due_date: TODAY })], TODAY);
    expect(groups).toHaveLength(7);
    expect(groups[0]).toEqual({ date: TODAY, tasks: [expect.objectContaining({ id: 2 })] });
    expect(groups[2].tasks.map((t) => t.id)).toEqual([1]);
    expect(groups[6].date).toBe("2026-12-13");
  });
});
