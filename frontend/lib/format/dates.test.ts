import { describe, expect, it } from "vitest";
import {
  addDays,
  daysBetween,
  formatDate,
  formatDateTime,
  formatDay,
  formatDue,
  formatInstant,
  isOverdue,
  todayIn,
  weekday,
} from "./dates";

describe("dates", () => {
  it("says today's date in a given zone", () => {
    const instant = new Date("2026-12-07T02:00:00Z");
    expect(todayIn("UTC", instant)).toBe("2026-12-07");
    expect(todayIn("America/Los_Angeles", instant)).toBe("2026-12-06");
    expect(todayIn("Pacific/Kiritimati", new Date("2026-12-07T12:00:00Z"))).toBe("2026-12-08");
  });

  it("adds days across months, years and a DST change, and counts them", () => {
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(addDays("2026-03-28", 2)).toBe("2026-03-30");
    expect(daysBetween("2026-12-07", "2026-12-14")).toBe(7);
    expect(daysBetween("2026-12-07", "2026-12-01")).toBe(-6);
    expect(weekday("2026-12-07")).toBe(1);
  });

  it("writes days one way: relative near today, month and day this year, with the year otherwise", () => {
    const today = "2026-12-07";
    expect(formatDay(today, today)).toBe("Today");
    expect(formatDay("2026-12-08", today)).toBe("Tomorrow");
    expect(formatDay("2026-12-06", today)).toBe("Yesterday");
    expect(formatDay("2026-12-11", today)).toBe("Fri, Dec 11");
    expect(formatDay("2027-01-04", today)).toBe("Jan 4, 2027");
    expect(formatDue("2026-12-11", "09:30", today)).toBe("Fri, Dec 11 09:30");
  });

  it("writes an instant as its day in the browser's zone", () => {
    expect(formatInstant("2026-12-07T23:30:00Z", "UTC", "2026-12-07")).toBe("Today");
    expect(formatInstant("2026-12-07T23:30:00Z", "Asia/Tokyo", "2026-12-07")).toBe("Tomorrow");
  });

  it("calls an open task due before today overdue, not a done one or one due today", () => {
    const today = "2026-12-07";
    expect(isOverdue({ completed: false, due_date: "2026-12-06" }, today)).toBe(true);
    expect(isOverdue({ completed: true, due_date: "2026-12-06" }, today)).toBe(false);
    expect(isOverdue({ completed: false, due_date: today }, today)).toBe(false);
    expect(isOverdue({ completed: false, due_date: null }, today)).toBe(false);
  });
});

describe("moments", () => {
  it("writes a moment's date and time with the zone's short name", () => {
    expect(formatDate("2026-12-02T23:30:00.000Z")).toBe("2 Dec 2026");
    expect(formatDate("2026-12-02T23:30:00.000Z", "Europe/Paris")).toBe("3 Dec 2026");
    expect(formatDateTime("2026-12-02T13:57:00.000Z", "Europe/Paris")).toBe("2 Dec 2026, 14:57 CET");
    expect(formatDate("not a date")).toBe("unknown");
  });
});
