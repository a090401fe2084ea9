import type { TaskCounts } from "@/lib/tasks/task";

export function TaskSummary({ counts }: { counts: TaskCounts }) {
  return (
    <p className="summary" data-testid="task-summary">
      <span data-testid="count-active">{counts.active}</span> active ·{" "}
      <span data-testid="count-completed">{counts.completed}</span> completed ·{" "}
      <span data-testid="count-total">{counts.total}</span> total
    </p>
  );
}
