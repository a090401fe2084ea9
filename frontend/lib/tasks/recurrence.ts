/**
 * The repeat choices the task editor offers, as the API's RRULE subset (SPEC 1.7). A rule made
 * elsewhere (the API takes more than these) shows as "Custom" and is kept unless changed.
 */
export const RECURRENCE_PRESETS = [
  { value: "", label: "Doesn't repeat", rule: null },
  { value: "daily", label: "Daily", rule: "FREQ=DAILY" },
  { value: "weekdays", label: "Weekdays", rule: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR" },
  { value: "weekly", label: "Weekly", rule: "FREQ=WEEKLY" },
  { value: "monthly", label: "Monthly", rule: "FREQ=MONTHLY" },
  { value: "yearly", label: "Yearly", rule: "FREQ=YEARLY" },
] as const;

export type RecurrencePreset = (typeof RECURRENCE_PRESETS)[number]["value"] | "custom";

/** The preset a stored rule is ("custom" when none is; "" for no rule). */
export function presetOf(rule: string | null): RecurrencePreset {
  if (!rule) return "";
  const normalized = rule.toUpperCase().replace(/;INTERVAL=1(?=;|$)/, "");
  return RECURRENCE_PRESETS.find((p) => p.rule === normalized)?.value ?? "custom";
}

export function ruleOf(preset: RecurrencePreset, current: string | null): string | null {
  if (preset === "custom") return current;
  return RECURRENCE_PRESETS.find((p) => p.value === preset)?.rule ?? null;
}

/** A short name for a rule, for the task row. */
export function describeRecurrence(rule: string | null): string | null {
  if (!rule) return null;
  const preset = presetOf(rule);
  return preset === "custom" ? "Repeats" : (RECURRENCE_PRESETS.find((p) => p.value === preset)?.label ?? "Repeats");
}
