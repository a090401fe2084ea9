"use client";

import { useEffect, useRef } from "react";

export const SHORTCUTS: { keys: string; does: string }[] = [
  { keys: "n", does: "New task (focus the add field)" },
  { keys: "/", does: "Search" },
  { keys: "j / k", does: "Next / previous task" },
  { keys: "x", does: "Complete the focused task (or reopen it)" },
  { keys: "e", does: "Edit the focused task" },
  { keys: "Delete", does: "Delete the focused task (with undo)" },
  { keys: "Alt + ↑ / ↓", does: "Move the focused task up / down (a list in manual order)" },
  { keys: "?", does: "Show these shortcuts" },
  { keys: "Esc", does: "Close a dialog, cancel an edit, clear a field; in an empty field, leave it" },
];

interface Handlers {
  newTask: () => void;
  search: () => void;
  help: () => void;
  /** Where the task rows are (j/k move between them). */
  list: () => HTMLElement | null;
}

/** A person typing in a field is writing, not giving commands. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !["checkbox", "radio", "button", "submit"].includes(target.type);
}

const ROW = "[data-testid=task-item]";

/** The page's one-key shortcuts (issue 24); none fire while typing in a field, in a dialog, or with Ctrl/Meta/Alt. */
export function useShortcuts(handlers: Handlers) {
  const ref = useRef(handlers);
  useEffect(() => {
    ref.current = handlers;
  });

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      if (document.querySelector("dialog[open]")) return;
      const h = ref.current;
      const rows = Array.from(h.list()?.querySelectorAll<HTMLElement>(ROW) ?? []).filter((r) => !r.matches(".task-editing"));
      const current = (document.activeElement as HTMLElement | null)?.closest<HTMLElement>(ROW) ?? null;
      const act = (fn: () => void) => {
        event.preventDefault();
        fn();
      };
      switch (event.key) {
        case "n":
          return act(h.newTask);
        case "/":
          return act(h.search);
        case "?":
          return act(h.help);
        case "j":
        case "k": {
          if (rows.length === 0) return;
          const at = current ? rows.indexOf(current) : -1;
          const next = event.key === "j" ? Math.min(at + 1, rows.length - 1) : at < 0 ? 0 : Math.max(at - 1, 0);
          return act(() => rows[next].focus());
        }
        case "x":
          if (current) act(() => current.querySelector<HTMLInputElement>(".task-check")?.click());
          return;
        case "e":
          if (current) act(() => current.querySelector<HTMLButtonElement>("[data-action=edit]")?.click());
          return;
        case "Delete":
        case "Backspace":
          if (current) act(() => current.querySelector<HTMLButtonElement>("[data-action=delete]")?.click());
          return;
      }
    }
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, []);
}
