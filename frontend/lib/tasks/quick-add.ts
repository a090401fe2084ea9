import { addDays, weekday } from "../format/dates";
import { LABEL_MAX, LABELS_PER_TASK_MAX, type NamedList, type Priority } from "./task";

/**
 * Quick add: the words of a new task's title that set its other fields (issue 24).
 *   today, tod · tomorrow, tmr     the due date (today is the browser's, passed in)
 *   mon … sun, monday … sunday     the next such day after today (on a Friday, "fri" is a week on)
 *   #list                          a list, by name, case-insensitive ("-" or "_" stand for spaces;
 *                                  digits alone, "#42", are not a list)
 *   @label                         a label (several allowed)
 *   !1 !2 !3                       priority: 1 low, 2 medium, 3 high (the API's numbers)
 * A word only counts on its own (whitespace around it); the last date, list and priority win.
 * Words in `ignore` (lowercase) stay in the title: a chip's × puts its word back.
 * Pure: no clock, no zone, no I/O, so every case has a test in quick-add.test.ts.
 */

export type Chip =
  | { kind: "date"; token: string; date: string }
  | { kind: "list"; token: string; name: string; listId: number | null }
  | { kind: "label"; token: string; name: string }
  | { kind: "priority"; token: string; priority: Priority };

export interface QuickAdd {
  /** The title without the words that became chips, spaces collapsed. */
  title: string;
  dueDate: string | null;
  /** The list's name as typed (when no list has it, `listId` is null: a new list). */
  listName: string | null;
  listId: number | null;
  labels: string[];
  priority: Priority | null;
  chips: Chip[];
}

export interface QuickAddContext {
  /** "YYYY-MM-DD" in the browser's time zone. */
  today: string;
  lists: Pick<NamedList, "id" | "name">[];
  ignore?: ReadonlySet<string>;
}

const WEEKDAYS: Record<string, number> = {
  sun: 0, sunday: 0,
  mon: 1, monday: 1,
  tue: 2, tues: 2, tuesday: 2,
  wed: 3, wednesday: 3,
  thu: 4, thur: 4, thurs: 4, thursday: 4,
  fri: 5, friday: 5,
  sat: 6, saturday: 6,
}; // prettier-ignore

function dateOf(word: string, today: string): string | null {
  const w = word.toLowerCase();
  if (w === "today" || w === "tod") return today;
  if (w === "tomorrow" || w === "tmr") return addDays(today, 1);
  const day = WEEKDAYS[w];
  if (day === undefined) return null;
  const ahead = (day - weekday(today) + 7) % 7 || 7;
  return addDays(today, ahead);
}

const squash = (name: string) => name.toLowerCase().replace(/[\s_-]+/g, "");

export function parseQuickAdd(text: string, { today, lists, ignore }: QuickAddContext): QuickAdd {
  const result: QuickAdd = { title: "", dueDate: null, listName: null, listId: null, labels: [], priority: null, chips: [] };
  const kept: string[] = [];
  const chips: Chip[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const chip = ignore?.has(word.toLowerCase()) ? null : chipOf(word, today, lists);
    if (chip?.kind === "label") {
      // Names that differ only in case are one label (SPEC 1.7): a second spelling adds nothing.
      if (result.labels.some((l) => l.toLowerCase() === chip.name.toLowerCase())) continue;
      if (result.labels.length >= LABELS_PER_TASK_MAX) {
        kept.push(word);
        continue;
      }
    }
    if (!chip) {
      kept.push(word);
      continue;
    }
    // Two dates (lists, priorities) were both typed as keywords: both leave the title, the last one counts.
    const earlier = chips.findIndex((c) => c.kind === chip.kind && chip.kind !== "label");
    if (earlier >= 0) chips.splice(earlier, 1);
    chips.push(chip);
    if (chip.kind === "date") result.dueDate = chip.date;
    else if (chip.kind === "list") {
      result.listName = chip.name;
      result.listId = chip.listId;
    } else if (chip.kind === "label") result.labels.push(chip.name);
    else result.priority = chip.priority;
  }
  result.title = kept.join(" ");
  result.chips = chips;
  return result;
}

function chipOf(word: string, today: string, lists: QuickAddContext["lists"]): Chip | null {
  const date = dateOf(word, today);
  if (date) return { kind: "date", token: word, date };
  const priority = /^!([123])$/.exec(word);
  if (priority) return { kind: "priority", token: word, priority: Number(priority[1]) as Priority };
  const name = word.slice(1);
  // "#42" is an issue number, not a list.
  if (word.startsWith("#") && name && !name.includes("#") && !/^\d+$/.test(name)) {
    const list =
      lists.find((l) => l.name.toLowerCase() === name.toLowerCase()) ?? lists.find((l) => squash(l.name) === squash(name));
    return { kind: "list", token: word, name: list?.name ?? name, listId: list?.id ?? null };
  }
  if (word.startsWith("@") && name && !name.includes("@") && Array.from(name).length <= LABEL_MAX) {
    return { kind: "label", token: word, name };
  }
  return null;
}

/** What a chip says, for people (and screen readers). */
export function chipText(chip: Chip, formatDate: (date: string) => string): string {
  switch (chip.kind) {
    case "date":
      return `Due ${formatDate(chip.date)}`;
    case "list":
      return chip.listId === null ? `New list: ${chip.name}` : `List: ${chip.name}`;
    case "label":
      return `Label: ${chip.name}`;
    case "priority":
      return `Priority: ${["none", "low", "medium", "high"][chip.priority]}`;
  }
}
