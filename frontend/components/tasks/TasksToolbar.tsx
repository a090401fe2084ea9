"use client";

import { useId } from "react";
import type { TaskCounts, TaskFilter } from "@/lib/tasks/task";

const FILTERS: { value: TaskFilter; label: string; count: keyof TaskCounts }[] = [
  { value: "all", label: "All", count: "total" },
  { value: "active", label: "Active", count: "active" },
  { value: "completed", label: "Completed", count: "completed" },
];

interface Props {
  filter: TaskFilter;
  onFilter: (filter: TaskFilter) => void;
  /** Shown on each filter once known. */
  counts: TaskCounts | null;
  search: string;
  onSearch: (search: string) => void;
}

/** The filters (with their counts) and the search box; Escape clears the search. */
export function TasksToolbar({ filter, onFilter, counts, search, onSearch }: Props) {
  const searchId = `${useId()}-search`;
  return (
    <div className="toolbar">
      <div className="filters" role="group" aria-label="Show tasks">
        {FILTERS.map((f) => (
          <button
            key={f.value}
            type="button"
            className="filter"
            aria-pressed={filter === f.value}
            onClick={() => onFilter(f.value)}
            data-testid={`filter-${f.value}`}
          >
            {f.label}
            {counts && <span className="filter-count">{counts[f.count]}</span>}
          </button>
        ))}
      </div>
      <div className="search">
        <label htmlFor={searchId} className="visually-hidden">
          Search tasks
        </label>
        <svg aria-hidden="true" className="search-icon" width="16" height="16" viewBox="0 0 16 16" focusable="false">
          <circle cx="7" cy="7" r="5" fill="none" stroke="currentColor" strokeWidth="1.6" />
          <path d="M11 11l3.5 3.5" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
        </svg>
        <input
          id={searchId}
          type="search"
          placeholder="Search tasks"
          value={search}
          onChange={(e) => onSearch(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Escape" && search) {
              e.preventDefault();
              onSearch("");
            }
          }}
          autoComplete="off"
        />
      </div>
    </div>
  );
}
