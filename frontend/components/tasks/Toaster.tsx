import type { Task } from "@/lib/tasks/task";
import type { Notice } from "./useNotices";

interface Props {
  /** The deleted task whose undo window is open. */
  undoTask: Task | null;
  onUndo: () => void;
  notice: Notice | null;
  onDismiss: () => void;
}

/** The undo toast, the info notice and the error notice. */
export function Toaster({ undoTask, onUndo, notice, onDismiss }: Props) {
  // Live regions stay mounted so screen readers announce changes to their text.
  return (
    <div className="toaster">
      <div className={undoTask ? "toast" : "visually-hidden"} data-testid="undo-toast">
        <p role="status" className="toast-text">
          {undoTask ? `Deleted “${undoTask.title}”.` : ""}
        </p>
        {undoTask && (
          <button type="button" className="btn btn-small toast-action" onClick={onUndo}>
            Undo
          </button>
        )}
      </div>
      <div className={notice?.tone === "info" ? "toast" : "visually-hidden"} data-testid="notice">
        <p role="status" className="toast-text">
          {notice?.tone === "info" ? notice.text : ""}
        </p>
      </div>
      <div className={notice?.tone === "error" ? "toast toast-error" : "visually-hidden"} data-testid="error-notice">
        <p role="alert" className="toast-text">
          {notice?.tone === "error" ? notice.text : ""}
        </p>
        {notice?.tone === "error" && (
          <button type="button" className="btn btn-small toast-action" onClick={onDismiss} aria-label="Dismiss message">
            ×
          </button>
        )}
      </div>
    </div>
  );
}
