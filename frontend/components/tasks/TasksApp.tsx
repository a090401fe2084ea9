"use client";

import { useEffect, useRef, useState } from "react";
import { editsSurviveReload } from "@/lib/live/browser";
import { useLiveUpdates } from "@/lib/live/use-live-updates";
import { signOutAndGoToSignIn } from "@/lib/tasks/api";
import type { Locale } from "@/lib/http/paths";
import type { NewTask } from "@/lib/tasks/task";
import { canReorder, type View } from "@/lib/tasks/views";
import { AddTaskForm } from "./AddTaskForm";
import { ShortcutsDialog } from "./ShortcutsDialog";
import { Sidebar } from "./Sidebar";
import { TaskListSection } from "./TaskListSection";
import { TasksHeader } from "./TasksHeader";
import { TaskSummary } from "./TaskSummary";
import { TasksToolbar } from "./TasksToolbar";
import { OfflineNotice } from "./OfflineNotice";
import { Toaster } from "./Toaster";
import { ViewHeader } from "./ViewHeader";
import { useFocusAfterRemoval } from "./useFocusAfterRemoval";
import { useNotices } from "./useNotices";
import { usePendingDelete } from "./usePendingDelete";
import { useShortcuts } from "./useShortcuts";
import { useSidebar, type SidebarData } from "./useSidebar";
import { useTaskList } from "./useTaskList";
import { useToday, useViewState } from "./useViewState";

interface Props {
  user: { id: string; email: string; name: string };
  locale: Locale;
}

function viewName(view: View, lists: SidebarData["lists"]): string {
  switch (view.kind) {
    case "today":
      return "Today";
    case "upcoming":
      return "Upcoming";
    case "inbox":
      return "Inbox";
    case "list":
      return lists.find((l) => l.id === view.id)?.name ?? "List";
    case "label":
      return `@${view.name}`;
    default:
      return "My tasks";
  }
}

/** The tasks page: state lives in the use* hooks beside this file, the components draw it. */
export function TasksApp({ user, locale }: Props) {
  const { today, tz } = useToday();
  const views = useViewState();
  const { state } = views;
  const [signingOut, setSigningOut] = useState(false);
  const [menuOpen, setMenuOpen] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  const addRef = useRef<HTMLInputElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const { notice, announce, dismiss } = useNotices();
  const { listRef, headingRef, focusAfterRemoval } = useFocusAfterRemoval();
  // A list or label edit the API carried out changes tasks (moved to the Inbox, relabelled): read them again.
  const sidebar = useSidebar({ userId: user.id, today, tz, announce, onApplied: () => tasks.reload() });
  const tasks = useTaskList({
    userId: user.id,
    state,
    today,
    tz,
    announce,
    onRemoved: focusAfterRemoval,
    onChanged: sidebar.refresh,
  });
  const live = useLiveUpdates({ userId: user.id, onChange: tasks.applyChange, onReset: tasks.reload });
  const deletes = usePendingDelete({
    userId: user.id,
    tasks,
    announce,
    dismissNotice: dismiss,
    onRemoved: focusAfterRemoval,
    onDeleted: sidebar.refresh,
  });
  useShortcuts({
    newTask: () => addRef.current?.focus(),
    search: () => searchRef.current?.focus(),
    help: () => setHelpOpen(true),
    list: () => listRef.current,
  });

  /** Opening a view also refreshes the sidebar's counts (changes made elsewhere show up then). */
  function showView(next: View) {
    views.setView(next);
    sidebar.refresh();
  }

  // Unsent edits are saved in the browser and sent by the next page; only where it cannot keep them
  // (storage disabled) does leaving the page warn.
  const unsaved = live.pendingEdits > 0 && !editsSurviveReload();
  useEffect(() => {
    if (!unsaved) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [unsaved]);

  async function signOut() {
    const waiting = live.pendingEdits;
    const changes = waiting === 1 ? "1 change has" : `${waiting} changes have`;
    if (waiting > 0 && !window.confirm(`${changes} not reached the server yet. Sign out anyway and lose them?`)) return;
    setSigningOut(true);
    const deleted = deletes.commitPendingDelete();
    if (waiting === 0) await deleted; // otherwise it may wait for an API that cannot be reached
    await signOutAndGoToSignIn();
  }

  /** A task added in a view lands in it: a list's, a label's, Today's date, unless its words said otherwise. */
  async function addTask(task: NewTask, newListName: string | null): Promise<boolean> {
    const { view } = state;
    const withView: NewTask = { ...task };
    if (newListName !== null) {
      const list = await sidebar.createList(newListName);
      if (!list) return false;
      withView.list_id = list.id;
    } else if (task.list_id === undefined && view.kind === "list") withView.list_id = view.id;
    if (view.kind === "label" && !(task.labels ?? []).some((l) => l.toLowerCase() === view.name.toLowerCase()))
      withView.labels = [...(task.labels ?? []), view.name];
    if (view.kind === "today" && !task.due_date) withView.due_date = today;
    return tasks.addTask(withView);
  }

  const name = viewName(state.view, sidebar.lists);

  return (
    <div className="app">
      <TasksHeader email={user.email} locale={locale} signingOut={signingOut} onSignOut={signOut} />

      <div className="tasks-layout">
        <Sidebar view={state.view} onView={showView} data={sidebar} open={menuOpen} onClose={() => setMenuOpen(false)} />

        <main className="tasks-main">
          <ViewHeader
            view={state.view}
            title={name}
            headingRef={headingRef}
            data={sidebar}
            onView={showView}
            menuOpen={menuOpen}
            onMenu={() => setMenuOpen((o) => !o)}
          />
          {tasks.counts && <TaskSummary counts={tasks.counts} />}
          {live.offline && <OfflineNotice pendingEdits={live.pendingEdits} />}

          <AddTaskForm onAdd={addTask} today={today} lists={sidebar.lists} titleRef={addRef} />

          <TasksToolbar
            filter={state.filter}
            onFilter={views.setFilter}
            counts={tasks.counts}
            search={views.search}
            onSearch={views.setSearch}
            searchRef={searchRef}
            minPriority={state.minPriority}
            onMinPriority={views.setMinPriority}
            due={state.due}
            onDue={views.setDue}
            sort={state.sort}
            onSort={views.setSort}
          />

          <TaskListSection
            list={tasks.list}
            view={state.view}
            viewName={name}
            today={today}
            tz={tz}
            lists={sidebar.lists}
            reorder={canReorder(state)}
            onMove={tasks.moveTask}
            onPlace={tasks.placeTask}
            filter={state.filter}
            q={state.q}
            hasTasks={Boolean(tasks.counts?.total)}
            toggling={tasks.toggling}
            loadingMore={tasks.loadingMore}
            listRef={listRef}
            onRetry={tasks.reload}
            onClearSearch={() => views.setSearch("")}
            onLoadMore={tasks.loadMore}
            onToggle={tasks.toggleTask}
            onSave={tasks.saveTask}
            onDelete={deletes.deleteTask}
          />
          <p className="shortcut-hint">
            Press <kbd>?</kbd> for keyboard shortcuts.
          </p>
        </main>
      </div>

      <ShortcutsDialog open={helpOpen} onClose={() => setHelpOpen(false)} />
      <Toaster undoTask={deletes.undoTask} onUndo={deletes.undoDelete} notice={notice} onDismiss={dismiss} />
    </div>
  );
}
