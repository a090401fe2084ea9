"use client";

import { useId, type RefObject } from "react";
import type { TaskCounts, TaskFilter, TaskSort } from "@/lib/tasks/task";
import type { DueFilter } from "@/lib/tasks/views";

const FILTERS: { value: TaskFilter; label: string; count: keyof TaskCounts }[] = [
  { value: "all", label: "All", count: "total" },
  { value: "active", label: "Active", count: "active" },
  { value: "completed", label: "Completed", count: "completed" },
];

const SORTS: { value: TaskSort; label: string }[] = [
  { value: "position", label: "My order" },
  { value: "due_date", label: "Due date" },
  { value: "-priority", label: "Priority" },
  { value: "-created_at", label: "Newest" },
  { value: "created_at", label: "Oldest" },
  { value: "title", label: "Title" },
];

interface Props {
  filter: TaskFilter;
  onFilter: (filter: TaskFilter) => void;
  /** Shown on each filter once known. */
  counts: TaskCounts | null;
  search: string;
  onSearch: (search: string) => void;
  searchRef: RefObject<HTMLInputElement | null>;
  minPriority: number;
  onMinPriority: (priority: number) => void;
  due: DueFilter;
  onDue: (due: DueFilter) => void;
  sort: TaskSort;
  onSort: (sort: TaskSort) => void;
}

/** The filters (with their counts), priority and due filters, the sort, and the search box; Escape clears the search. */
export function TasksToolbar({ filter, onFilter, counts, search, onSearch, searchRef, ...more }: Props) {
  const id = useId();
  const searchId = `${id}-search`;
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
          ref={searchRef}
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
      <div className="selects">
        <label className="select-field">
          <span>Priority</span>
          <select
            value={more.minPriority}
            onChange={(e) => more.onMinPriority(Number(e.target.value))}
            data-testid="filter-priority"
          >
            <option value={0}>Any</option>
            <option value={1}>Low or higher</option>
            <option value={2}>Medium or higher</option>
            <option value={3}>High</option>
          </select>
        </label>
        <label className="select-field">
          <span>Due</span>
          <select value={more.due} onChange={(e) => more.onDue(e.target.value as DueFilter)} data-testid="filter-due">
            <option value="any">Any time</option>
            <option value="overdue">Overdue</option>
            <option value="week">Within 7 days</option>
          </select>
        </label>
        <label className="select-field">
          <span>Sort</span>
          <select value={more.sort} onChange={(e) => more.onSort(e.target.value as TaskSort)} data-testid="sort">
            {SORTS.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
      </div>
    </div>
  );
}
