import { describe, expect, it } from "vitest";
import { describeRecurrence, presetOf, ruleOf } from "./recurrence";

describe("recurrence presets", () => {
  it("maps presets to the API's RRULE subset and back", () => {
    expect(ruleOf("weekdays", null)).toBe("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR");
    expect(ruleOf("", "FREQ=DAILY")).toBeNull();
    expect(presetOf("FREQ=DAILY")).toBe("daily");
    expect(presetOf("FREQ=MONTHLY;INTERVAL=1")).toBe("monthly");
    expect(presetOf(null)).toBe("");
  });

  it("keeps a rule made elsewhere as custom", () => {
    expect(presetOf("FREQ=WEEKLY;INTERVAL=2")).toBe("custom");
    expect(ruleOf("custom", "FREQ=WEEKLY;INTERVAL=2")).toBe("FREQ=WEEKLY;INTERVAL=2");
    expect(describeRecurrence("FREQ=YEARLY")).toBe("Yearly");
    expect(describeRecurrence("FREQ=WEEKLY;INTERVAL=2")).toBe("Repeats");
  });
});
