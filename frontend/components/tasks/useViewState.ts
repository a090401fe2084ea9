"use client";

import { useState } from "react";
import { browserTimeZone, todayIn } from "@/lib/format/dates";
import type { TaskFilter, TaskSort } from "@/lib/tasks/task";
import { defaultSort, type DueFilter, type View, type ViewState } from "@/lib/tasks/views";
import { useDebounced } from "./useDebounced";

const SEARCH_DEBOUNCE_MS = 300;

/** "Today" and the zone of the browser (computed in the browser: the server's zone is not the person's). */
export function useToday() {
  const [tz] = useState(browserTimeZone);
  const [today] = useState(() => todayIn(tz));
  return { today, tz };
}

/** The view shown and the toolbar's choices; a new view starts with its own sort. */
export function useViewState() {
  const [view, setViewRaw] = useState<View>({ kind: "all" });
  const [filter, setFilter] = useState<TaskFilter>("all");
  const [minPriority, setMinPriority] = useState(0);
  const [due, setDue] = useState<DueFilter>("any");
  const [sort, setSort] = useState<TaskSort>(defaultSort({ kind: "all" }));
  const [search, setSearch] = useState("");
  const q = useDebounced(search.trim(), SEARCH_DEBOUNCE_MS);

  function setView(next: View) {
    setViewRaw(next);
    setSort(defaultSort(next));
  }

  const state: ViewState = { view, filter, minPriority, due, sort, q };
  return { state, search, setView, setFilter, setMinPriority, setDue, setSort, setSearch };
}
