"use client";

import { useState } from "react";
import { useLiveUpdates } from "@/lib/live/use-live-updates";
import { signOutAndGoToSignIn } from "@/lib/tasks/api";
import type { Locale } from "@/lib/http/paths";
import type { TaskFilter } from "@/lib/tasks/task";
import { AddTaskForm } from "./AddTaskForm";
import { TaskListSection } from "./TaskListSection";
import { TasksHeader } from "./TasksHeader";
import { TaskSummary } from "./TaskSummary";
import { TasksToolbar } from "./TasksToolbar";
import { OfflineNotice } from "./OfflineNotice";
import { Toaster } from "./Toaster";
import { useDebounced } from "./useDebounced";
import { useFocusAfterRemoval } from "./useFocusAfterRemoval";
import { useNotices } from "./useNotices";
import { usePendingDelete } from "./usePendingDelete";
import { useTaskList } from "./useTaskList";

const SEARCH_DEBOUNCE_MS = 300;

interface Props {
  user: { id: string; email: string; name: string };
  locale: Locale;
}

/** The tasks page: state lives in the use* hooks beside this file, the components draw it. */
export function TasksApp({ user, locale }: Props) {
  const [filter, setFilter] = useState<TaskFilter>("all");
  const [search, setSearch] = useState("");
  const q = useDebounced(search.trim(), SEARCH_DEBOUNCE_MS);
  const [signingOut, setSigningOut] = useState(false);
  const { notice, announce, dismiss } = useNotices();
  const { listRef, headingRef, focusAfterRemoval } = useFocusAfterRemoval();
  const tasks = useTaskList({ userId: user.id, filter, q, announce, onRemoved: focusAfterRemoval });
  const live = useLiveUpdates({ userId: user.id, onChange: tasks.applyChange, onReset: tasks.reload });
  const deletes = usePendingDelete({
    userId: user.id,
    tasks,
    announce,
    dismissNotice: dismiss,
    onRemoved: focusAfterRemoval,
  });

  async function signOut() {
    setSigningOut(true);
    await deletes.commitPendingDelete();
    await signOutAndGoToSignIn();
  }

  return (
    <div className="app">
      <TasksHeader email={user.email} locale={locale} signingOut={signingOut} onSignOut={signOut} />

      <main className="tasks-main">
        <h1 ref={headingRef} tabIndex={-1} className="page-title">
          My tasks
        </h1>
        {tasks.counts && <TaskSummary counts={tasks.counts} />}
        {live.offline && <OfflineNotice pendingEdits={live.pendingEdits} />}

        <AddTaskForm onAdd={tasks.addTask} />

        <TasksToolbar filter={filter} onFilter={setFilter} counts={tasks.counts} search={search} onSearch={setSearch} />

        <TaskListSection
          list={tasks.list}
          filter={filter}
          q={q}
          hasTasks={Boolean(tasks.counts?.total)}
          toggling={tasks.toggling}
          loadingMore={tasks.loadingMore}
          listRef={listRef}
          onRetry={tasks.reload}
          onClearSearch={() => setSearch("")}
          onLoadMore={tasks.loadMore}
          onToggle={tasks.toggleTask}
          onSave={tasks.saveTask}
          onDelete={deletes.deleteTask}
        />
      </main>

      <Toaster undoTask={deletes.undoTask} onUndo={deletes.undoDelete} notice={notice} onDismiss={dismiss} />
    </div>
  );
}
