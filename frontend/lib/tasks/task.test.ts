import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  countsAfterAdd,
  countsAfterRemove,
  countsAfterToggle,
  DESCRIPTION_MAX,
  LABEL_MAX,
  LABELS_PER_TASK_MAX,
  LIST_NAME_MAX,
  matchesFilter,
  matchesQuery,
  TITLE_MAX,
  validateTask,
} from "./task";

import { task } from "./task-fixture";

describe("validateTask", () => {
  it("follows the backend's rules: trimmed title of 1-200 characters, description up to 2000", () => {
    expect(validateTask("  ", "")).toEqual({ title: "Give the task a title." });
    expect(validateTask("x".repeat(200), "d".repeat(2000))).toEqual({});
    expect(validateTask(` ${"x".repeat(200)} `, "")).toEqual({});
    expect(validateTask("x".repeat(201), "").title).toMatch(/200 characters \(it has 201\)/);
    expect(validateTask("ok", "d".repeat(2001)).description).toMatch(/2000 characters/);
  });
});

describe("task text limits agree with the Java API", () => {
  const javaConstant = (file: string, name: string) => {
    const source = readFileSync(path.resolve(__dirname, "../../../backend/task-api/src/main/java/dev/tasks/api", file), "utf8");
    return Number(new RegExp(`${name}\\s*=\\s*(\\d+)`).exec(source)?.[1]);
  };

  it("uses the same maxima as TaskText.java", () => {
    expect(javaConstant("task/TaskText.java", "TITLE_MAX")).toBe(TITLE_MAX);
    expect(javaConstant("task/TaskText.java", "DESCRIPTION_MAX")).toBe(DESCRIPTION_MAX);
  });

  it("uses the same label and list limits as LabelNames.java and ListName.java", () => {
    expect(javaConstant("label/LabelNames.java", "MAX_LENGTH")).toBe(LABEL_MAX);
    expect(javaConstant("label/LabelNames.java", "MAX_PER_TASK")).toBe(LABELS_PER_TASK_MAX);
    expect(javaConstant("list/ListName.java", "MAX_LENGTH")).toBe(LIST_NAME_MAX);
  });

  it("counts an emoji as one character, as the API does (code points, not UTF-16 units)", () => {
    const emoji = "\u{1F600}"; // two UTF-16 units
    expect(validateTask(emoji.repeat(200), emoji.repeat(2000))).toEqual({});
    expect(validateTask(emoji.repeat(201), "").title).toMatch(/200 characters \(it has 201\)/);
    expect(validateTask("ok", emoji.repeat(2001)).description).toMatch(/2000 characters \(it has 2001\)/);
  });
});

describe("filters and search", () => {
  it("matches all/active/completed", () => {
    expect(matchesFilter(task(), "all")).toBe(true);
    expect(matchesFilter(task(), "active")).toBe(true);
    expect(matchesFilter(task(), "completed")).toBe(false);
    expect(matchesFilter(task({ completed: true }), "completed")).toBe(true);
  });

  it("searches title and description case-insensitively", () => {
    expect(matchesQuery(task(), "MILK")).toBe(true);
    expect(matchesQuery(task(), "skimmed")).toBe(true);
    expect(matchesQuery(task({ description: null }), "skimmed")).toBe(false);
    expect(matchesQuery(task(), "  ")).toBe(true);
  });
});

describe("counts", () => {
  const c = { total: 5, active: 3, completed: 2 };
  it("move between active and completed on toggle", () => {
    expect(countsAfterToggle(c, false)).toEqual({ total: 5, active: 2, completed: 3 });
    expect(countsAfterToggle(c, true)).toEqual({ total: 5, active: 4, completed: 1 });
  });
  it("grow on add, in the task's own column", () => {
    expect(countsAfterAdd(c, task())).toEqual({ total: 6, active: 4, completed: 2 });
    expect(countsAfterAdd(c, task({ completed: true }))).toEqual({ total: 6, active: 3, completed: 3 });
  });
  it("shrink on remove, in the task's own column", () => {
    expect(countsAfterRemove(c, task())).toEqual({ total: 4, active: 2, completed: 2 });
    expect(countsAfterRemove(c, task({ completed: true }))).toEqual({ total: 4, active: 3, completed: 1 });
  });
  it("are back where they were after a remove and an add of the same task", () => {
    const done = task({ completed: true });
    expect(countsAfterAdd(countsAfterRemove(c, done), done)).toEqual(c);
  });
});
