"use client";

import { useCallback, useEffect, useState } from "react";
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
}

/** The sidebar's lists, labels and counts, and the list and label edits (SPEC 1.7). */
export function useSidebar({ userId, today, tz, announce }: Options) {
  const [lists, setLists] = useState<NamedList[]>([]);
  const [labels, setLabels] = useState<Label[]>([]);
  const [counts, setCounts] = useState<SidebarCounts | null>(null);
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

  async function createList(name: string): Promise<NamedList | null> {
    try {
      const list = await api.createList(userId, name.trim());
      setLists((l) => [...l, list]);
      announce(`Created the list “${list.name}”.`);
      return list;
    } catch (err) {
      announce(`Couldn't create the list. ${errorMessage(err)}`, "error");
      return null;
    }
  }

  async function renameList(list: NamedList, name: string): Promise<boolean> {
    try {
      const saved = await api.renameList(userId, list.id, name.trim());
      setLists((l) => l.map((x) => (x.id === saved.id ? saved : x)));
      announce(`Renamed the list to “${saved.name}”.`);
      return true;
    } catch (err) {
      announce(`Couldn't rename the list. ${errorMessage(err)}`, "error");
      return false;
    }
  }

  async function deleteList(list: NamedList, tasks: ListDeletion = "inbox"): Promise<boolean> {
    try {
      await api.deleteList(userId, list.id, tasks);
      setLists((l) => l.filter((x) => x.id !== list.id));
      refresh();
      announce(tasks === "inbox" ? `Deleted the list “${list.name}”; its tasks are in the Inbox.` : `Deleted “${list.name}”.`);
      return true;
    } catch (err) {
      announce(`Couldn't delete the list. ${errorMessage(err)}`, "error");
      return false;
    }
  }

  async function renameLabel(label: string, name: string): Promise<boolean> {
    try {
      await api.renameLabel(userId, label, name.trim());
      refresh();
      announce(`Renamed the label to “${name.trim()}”.`);
      return true;
    } catch (err) {
      announce(`Couldn't rename the label. ${errorMessage(err)}`, "error");
      return false;
    }
  }

  async function deleteLabel(label: string): Promise<boolean> {
    try {
      await api.deleteLabel(userId, label);
      setLabels((l) => l.filter((x) => x.name !== label));
      refresh();
      announce(`Removed the label “${label}” from every task.`);
      return true;
    } catch (err) {
      announce(`Couldn't remove the label. ${errorMessage(err)}`, "error");
      return false;
    }
  }

  return { lists, labels, counts, refresh, createList, renameList, deleteList, renameLabel, deleteLabel };
}

export type SidebarData = ReturnType<typeof useSidebar>;
