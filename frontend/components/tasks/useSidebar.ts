"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { newIdempotencyKey } from "@/lib/http/idempotency-key";
import { editsFor } from "@/lib/live/browser";
import type { SidebarEdit } from "@/lib/live/saved-edits";
import { api, errorMessage } from "@/lib/tasks/api";
import { addDays } from "@/lib/format/dates";
import type { Label, ListDeletion, NamedList } from "@/lib/tasks/task";
import { UPCOMING_DAYS } from "@/lib/tasks/views";
import type { Announce } from "./useNotices";

export interface SidebarCounts {
  /** Open tasks due today or before. */
  today: number;
  /** Open tasks due before today (shown in red). */
  overdue: number;
  upcoming: number;
  inbox: number;
  /** Open tasks. */
  all: number;
}

interface Options {
  userId: string;
  today: string;
  tz: string;
  announce: Announce;
  /** A list or label edit was carried out by the API (its tasks changed: the task list reads them again). */
  onApplied?: () => void;
}

/** The sidebar's lists, labels and counts, and the list and label edits (SPEC 1.7). */
export function useSidebar({ userId, today, tz, announce, onApplied = () => {} }: Options) {
  const [lists, setLists] = useState<NamedList[]>([]);
  const [labels, setLabels] = useState<Label[]>([]);
  const [counts, setCounts] = useState<SidebarCounts | null>(null);
  /** Names of lists being created (no id until the API answers). */
  const [creating, setCreating] = useState<string[]>([]);
  const [version, setVersion] = useState(0);
  const refresh = useCallback(() => setVersion((v) => v + 1), []);

  useEffect(() => {
    const controller = new AbortController();
    const init = { signal: controller.signal };
    const count = (query: Parameters<typeof api.countTasks>[1]) => api.countTasks(userId, { completed: false, ...query }, init);
    Promise.all([
      api.listLists(userId, init),
      api.listLabels(userId, init),
      count({ due_before: today }),
      count({ overdue: true, tz }),
      count({ due_after: today, due_before: addDays(today, UPCOMING_DAYS - 1) }),
      count({ list_id: "inbox" }),
      count({}),
    ])
      .then(([lists, labels, todayCount, overdue, upcoming, inbox, all]) => {
        setLists(lists);
        setLabels(labels);
        setCounts({ today: todayCount, overdue, upcoming, inbox, all });
      })
      .catch(() => {
        // The sidebar's counts are a nicety: the task list shows its own error.
      });
    return () => controller.abort();
  }, [userId, today, tz, version]);

  // The list and label edits go through the page's edit queue (lib/live/edit-queue.ts): saved before
  // they are sent, kept in order with the task edits, retried while the API cannot be reached and
  // replayed by the next page. A create waits for its id (shown as "Creating …" meanwhile); renames
  // and deletes show at once and are put back only when the API refuses them.
  const edits = () => editsFor(userId);
  const handlers = useRef({ announce, onApplied });
  useEffect(() => {
    handlers.current = { announce, onApplied };
  });
  /** A rename or delete the API has carried out: the counts and the task list follow. */
  const applied = () => {
    refresh();
    handlers.current.onApplied();
  };

  async function createList(name: string): Promise<NamedList | null> {
    const wanted = name.trim();
    setCreating((c) => [...c, wanted]);
    try {
      const list = await edits().send({ kind: "list-create", name: wanted, key: newIdempotencyKey() });
      setLists((l) => (l.some((x) => x.id === list.id) ? l : [...l, list]));
      handlers.current.announce(`Created the list “${list.name}”.`);
      return list;
    } catch (err) {
      handlers.current.announce(`Couldn't create the list. ${errorMessage(err)}`, "error");
      return null;
    } finally {
      setCreating((c) => {
        const i = c.indexOf(wanted);
        return i < 0 ? c : [...c.slice(0, i), ...c.slice(i + 1)];
      });
    }
  }

  async function renameList(list: NamedList, name: string): Promise<boolean> {
    const wanted = name.trim();
    setLists((l) => l.map((x) => (x.id === list.id ? { ...x, name: wanted } : x)));
    edits()
      .send({ kind: "list-rename", id: list.id, name: wanted, base: list.updated_at })
      .then(
        (saved) => {
          setLists((l) => l.map((x) => (x.id === saved.id ? saved : x)));
          handlers.current.announce(`Renamed the list to “${saved.name}”.`);
        },
        (err: unknown) => {
          setLists((l) => l.map((x) => (x.id === list.id ? { ...x, name: list.name } : x)));
          handlers.current.announce(`Couldn't rename the list. ${errorMessage(err)}`, "error");
        },
      );
    return true;
  }

  /**
   * Sends a delete or a label rename already shown: once the API has carried it out the page follows
   * (`done`); if the API refuses it the sidebar reads lists and labels again, which puts it back.
   */
  function sendShown(edit: SidebarEdit, done: string, failed: string): true {
    edits()
      .send(edit)
      .then(
        () => {
          applied();
          handlers.current.announce(done);
        },
        (err: unknown) => {
          refresh();
          handlers.current.announce(`${failed} ${errorMessage(err)}`, "error");
        },
      );
    return true;
  }

  async function deleteList(list: NamedList, tasks: ListDeletion = "inbox"): Promise<boolean> {
    setLists((l) => l.filter((x) => x.id !== list.id));
    return sendShown(
      { kind: "list-delete", id: list.id, name: list.name, tasks },
      tasks === "inbox" ? `Deleted the list “${list.name}”; its tasks are in the Inbox.` : `Deleted “${list.name}”.`,
      "Couldn't delete the list.",
    );
  }

  async function renameLabel(label: string, name: string): Promise<boolean> {
    const to = name.trim();
    setLabels((l) => l.map((x) => (x.name === label ? { ...x, name: to } : x)));
    return sendShown({ kind: "label-rename", name: label, to }, `Renamed the label to “${to}”.`, "Couldn't rename the label.");
  }

  async function deleteLabel(label: string): Promise<boolean> {
    setLabels((l) => l.filter((x) => x.name !== label));
    return sendShown(
      { kind: "label-delete", name: label },
      `Removed the label “${label}” from every task.`,
      "Couldn't remove the label.",
    );
  }

  return { lists, labels, creating, counts, refresh, createList, renameList, deleteList, renameLabel, deleteLabel };
}

export type SidebarData = ReturnType<typeof useSidebar>;
