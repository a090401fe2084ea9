import { describe, expect, it } from "vitest";
import { todayIn } from "../format/dates";
import { chipText, parseQuickAdd } from "./quick-add";

// 2026-12-07 is a Monday.
const MONDAY = "2026-12-07";
const lists = [
  { id: 1, name: "Groceries" },
  { id: 2, name: "Side project" },
];
const parse = (text: string, today = MONDAY, ignore?: Set<string>) => parseQuickAdd(text, { today, lists, ignore });

describe("parseQuickAdd: dates", () => {
  it("reads today and tomorrow (and their short forms), case-insensitively", () => {
    expect(parse("Call mom today")).toMatchObject({ title: "Call mom", dueDate: MONDAY });
    expect(parse("Call mom TOMORROW")).toMatchObject({ title: "Call mom", dueDate: "2026-12-08" });
    expect(parse("tmr pay rent").dueDate).toBe("2026-12-08");
    expect(parse("tod pay rent").dueDate).toBe(MONDAY);
  });

  it("reads a weekday as the next such day after today, a week on when it is today", () => {
    expect(parse("Report fri").dueDate).toBe("2026-12-11");
    expect(parse("Report friday").dueDate).toBe("2026-12-11");
    expect(parse("Report tue").dueDate).toBe("2026-12-08");
    expect(parse("Report sun").dueDate).toBe("2026-12-13");
    expect(parse("Report mon").dueDate).toBe("2026-12-14");
    expect(parse("Report thurs").dueDate).toBe("2026-12-10");
  });

  it("crosses months and years", () => {
    expect(parse("Party tomorrow", "2026-12-31").dueDate).toBe("2027-01-01");
    expect(parse("Rent fri", "2027-02-26").dueDate).toBe("2027-03-05");
    expect(parse("Leap tomorrow", "2028-02-28").dueDate).toBe("2028-02-29");
  });

  it("takes the last of two dates and drops both words", () => {
    const q = parse("today Plan trip fri");
    expect(q).toMatchObject({ title: "Plan trip", dueDate: "2026-12-11" });
    expect(q.chips.filter((c) => c.kind === "date")).toHaveLength(1);
  });

  it("leaves words that only contain a keyword alone", () => {
    expect(parse("Todays news, fridays, monsoon")).toMatchObject({ title: "Todays news, fridays, monsoon", dueDate: null });
    expect(parse("Fix issue #42").listName).toBe(null);
  });

  it("uses the today it is given, the browser's: the same instant is another day in Tokyo than in New York", () => {
    const instant = new Date("2026-12-07T23:30:00Z");
    const newYork = todayIn("America/New_York", instant);
    const tokyo = todayIn("Asia/Tokyo", instant);
    expect(newYork).toBe("2026-12-07");
    expect(tokyo).toBe("2026-12-08");
    expect(parse("Call tomorrow", newYork).dueDate).toBe("2026-12-08");
    expect(parse("Call tomorrow", tokyo).dueDate).toBe("2026-12-09");
    expect(parse("Call fri", tokyo).dueDate).toBe("2026-12-11");
  });
});

describe("parseQuickAdd: lists, labels, priority", () => {
  it("matches a list by name, case-insensitively, with - or _ for spaces", () => {
    expect(parse("Milk #groceries")).toMatchObject({ title: "Milk", listName: "Groceries", listId: 1 });
    expect(parse("Deploy #side-project")).toMatchObject({ listName: "Side project", listId: 2 });
    expect(parse("Deploy #Side_Project").listId).toBe(2);
  });

  it("names a list that does not exist yet (listId null: a new list)", () => {
    const q = parse("Pack #Holiday");
    expect(q).toMatchObject({ title: "Pack", listName: "Holiday", listId: null });
    expect(chipText(q.chips[0], (d) => d)).toBe("New list: Holiday");
  });

  it("collects labels, one per spelling that differs in more than case", () => {
    const q = parse("Fix bug @work @Urgent @urgent");
    expect(q.title).toBe("Fix bug");
    expect(q.labels).toEqual(["work", "Urgent"]);
  });

  it("keeps a label over 40 characters, and the 21st label, in the title", () => {
    const long = `@${"x".repeat(41)}`;
    expect(parse(`Note ${long}`)).toMatchObject({ title: `Note ${long}`, labels: [] });
    const many = Array.from({ length: 21 }, (_, i) => `@l${i}`).join(" ");
    const q = parse(`Tag ${many}`);
    expect(q.labels).toHaveLength(20);
    expect(q.title).toBe("Tag @l20");
  });

  it("reads !1 to !3 as priority low to high, and nothing else", () => {
    expect(parse("Taxes !3")).toMatchObject({ title: "Taxes", priority: 3 });
    expect(parse("Taxes !1").priority).toBe(1);
    expect(parse("Taxes !4 !0 !!")).toMatchObject({ title: "Taxes !4 !0 !!", priority: null });
    expect(parse("Wow! !2").priority).toBe(2);
  });

  it("reads everything at once, in any order, and says each chip in words", () => {
    const q = parse("!2 Buy milk tomorrow #groceries @shop");
    expect(q).toMatchObject({
      title: "Buy milk",
      dueDate: "2026-12-08",
      listId: 1,
      labels: ["shop"],
      priority: 2,
    });
    expect(q.chips.map((c) => chipText(c, (d) => d))).toEqual([
      "Priority: medium",
      "Due 2026-12-08",
      "List: Groceries",
      "Label: shop",
    ]);
  });

  it("keeps ignored words in the title (a chip's × puts its word back)", () => {
    expect(parse("Plan for monday", MONDAY, new Set(["monday"]))).toMatchObject({ title: "Plan for monday", dueDate: null });
  });

  it("gives an empty title when every word was a keyword (validation asks for one)", () => {
    expect(parse("tomorrow !3").title).toBe("");
    expect(parse("   ").chips).toEqual([]);
  });
});
