"use client";

import { useEffect, useId, useRef, useState } from "react";
import { DESCRIPTION_MAX, inputMaxLength, TITLE_MAX, validateTask, type Task, type TaskChanges } from "@/lib/tasks/task";

interface Props {
  task: Task;
  onToggle: (task: Task) => void;
  onSave: (task: Task, changes: TaskChanges) => Promise<string | null>;
  onDelete: (task: Task) => void;
  toggling: boolean;
}

const dateFormat = new Intl.DateTimeFormat("en", { month: "short", day: "numeric", year: "numeric" });

export function TaskItem({ task, onToggle, onSave, onDelete, toggling }: Props) {
  const id = useId();
  const [editing, setEditing] = useState(false);
  const [title, setTitle] = useState(task.title);
  const [description, setDescription] = useState(task.description ?? "");
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const titleRef = useRef<HTMLInputElement>(null);
  const editButtonRef = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);

  useEffect(() => {
    if (editing) titleRef.current?.select();
    else if (returnFocus.current) {
      returnFocus.current = false;
      editButtonRef.current?.focus();
    }
  }, [editing]);

  function startEditing() {
    setTitle(task.title);
    setDescription(task.description ?? "");
    setError(null);
    setEditing(true);
  }

  function stopEditing() {
    returnFocus.current = true;
    setEditing(false);
  }

  async function save(event: React.FormEvent) {
    event.preventDefault();
    if (saving) return;
    const errors = validateTask(title, description);
    const message = errors.title ?? errors.description ?? null;
    if (message) {
      setError(message);
      return titleRef.current?.focus();
    }
    const changes: TaskChanges = {};
    if (title.trim() !== task.title) changes.title = title.trim();
    const newDescription = description.trim() ? description.trim() : null;
    if (newDescription !== task.description) changes.description = newDescription;
    if (Object.keys(changes).length === 0) return stopEditing();
    setSaving(true);
    const failure = await onSave(task, changes);
    setSaving(false);
    if (failure) setError(failure);
    else stopEditing();
  }

  const titleId = `${id}-title`;

  if (editing) {
    return (
      <li className="task task-editing" data-testid="task-item" data-task-id={task.id}>
        <form
          className="edit-form"
          onSubmit={save}
          aria-label={`Edit “${task.title}”`}
          noValidate
          onKeyDown={(e) => {
            if (e.key === "Escape") {
              e.preventDefault();
              stopEditing();
            }
          }}
        >
          <div className="field">
            <label htmlFor={`${id}-edit-title`}>Title</label>
            <input
              ref={titleRef}
              id={`${id}-edit-title`}
              type="text"
              value={title}
              maxLength={inputMaxLength(TITLE_MAX) + 50}
              onChange={(e) => setTitle(e.target.value)}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${id}-edit-error` : undefined}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-edit-description`}>
              Description <span className="optional">(optional)</span>
            </label>
            <textarea
              id={`${id}-edit-description`}
              rows={3}
              value={description}
              maxLength={inputMaxLength(DESCRIPTION_MAX) + 100}
              onChange={(e) => setDescription(e.target.value)}
            />
          </div>
          {error && (
            <p id={`${id}-edit-error`} className="field-error" role="alert">
              {error}
            </p>
          )}
          <div className="edit-actions">
            <button type="button" className="btn btn-ghost" onClick={stopEditing}>
              Cancel
            </button>
            <button type="submit" className="btn btn-primary" disabled={saving} aria-busy={saving}>
              {saving ? "Saving…" : "Save"}
            </button>
          </div>
        </form>
      </li>
    );
  }

  return (
    <li
      className={`task${task.completed ? " task-done" : ""}`}
      data-testid="task-item"
      data-task-id={task.id}
      data-completed={task.completed}
    >
      <input
        type="checkbox"
        className="task-check"
        checked={task.completed}
        disabled={toggling}
        onChange={() => onToggle(task)}
        aria-labelledby={titleId}
        aria-describedby={`${id}-state`}
      />
      <div className="task-body">
        <p id={titleId} className="task-title">
          {task.title}
        </p>
        {task.description && <p className="task-description">{task.description}</p>}
        <p className="task-meta">
          <span id={`${id}-state`} className="visually-hidden">
            {task.completed ? "Completed." : "Not completed."}
          </span>
          <time dateTime={task.created_at}>Added {dateFormat.format(new Date(task.created_at))}</time>
        </p>
      </div>
      <div className="task-actions">
        <button
          ref={editButtonRef}
          type="button"
          className="btn btn-ghost btn-small"
          onClick={startEditing}
          aria-label={`Edit “${task.title}”`}
        >
          Edit
        </button>
        <button
          type="button"
          className="btn btn-ghost btn-small btn-danger"
          onClick={() => onDelete(task)}
          aria-label={`Delete “${task.title}”`}
        >
          Delete
        </button>
      </div>
    </li>
  );
}
