"use client";

import { useEffect, useId, useRef, useState } from "react";
import { formatDue, formatInstant, isOverdue } from "@/lib/format/dates";
import { describeRecurrence, presetOf, RECURRENCE_PRESETS, ruleOf, type RecurrencePreset } from "@/lib/tasks/recurrence";
import {
  DESCRIPTION_MAX,
  inputMaxLength,
  LABEL_MAX,
  LABELS_PER_TASK_MAX,
  PRIORITY_NAMES,
  TITLE_MAX,
  validateTask,
  type NamedList,
  type Priority,
  type Task,
  type TaskChanges,
} from "@/lib/tasks/task";

interface Props {
  task: Task;
  today: string;
  tz: string;
  lists: NamedList[];
  onToggle: (task: Task) => void;
  onSave: (task: Task, changes: TaskChanges) => Promise<string | null>;
  onDelete: (task: Task) => void;
  /** Manual order: set when the list shown can be reordered (Alt+↑/↓, drag). */
  onMove?: (task: Task, direction: -1 | 1) => void;
  drag?: React.LiHTMLAttributes<HTMLLIElement>;
  toggling: boolean;
}

/** "a, b" → the labels, trimmed, one per spelling that differs in more than case. */
function labelsOf(text: string): string[] {
  const seen = new Set<string>();
  return text
    .split(",")
    .map((l) => l.trim())
    .filter((l) => l && !seen.has(l.toLowerCase()) && seen.add(l.toLowerCase()));
}

export function TaskItem({ task, today, tz, lists, onToggle, onSave, onDelete, onMove, drag, toggling }: Props) {
  const id = useId();
  const [editing, setEditing] = useState(false);
  const [title, setTitle] = useState(task.title);
  const [description, setDescription] = useState(task.description ?? "");
  const [dueDate, setDueDate] = useState(task.due_date ?? "");
  const [dueTime, setDueTime] = useState(task.due_time ?? "");
  const [priority, setPriority] = useState<number>(task.priority);
  const [listId, setListId] = useState(task.list_id === null ? "" : String(task.list_id));
  const [labels, setLabels] = useState(task.labels.join(", "));
  const [repeat, setRepeat] = useState<RecurrencePreset>(presetOf(task.recurrence));
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
    setDueDate(task.due_date ?? "");
    setDueTime(task.due_time ?? "");
    setPriority(task.priority);
    setListId(task.list_id === null ? "" : String(task.list_id));
    setLabels(task.labels.join(", "));
    setRepeat(presetOf(task.recurrence));
    setError(null);
    setEditing(true);
  }

  function stopEditing() {
    returnFocus.current = true;
    setEditing(false);
  }

  function check(): string | null {
    const errors = validateTask(title, description);
    if (errors.title ?? errors.description) return (errors.title ?? errors.description)!;
    const names = labelsOf(labels);
    if (names.length > LABELS_PER_TASK_MAX) return `Keep to ${LABELS_PER_TASK_MAX} labels (there are ${names.length}).`;
    const long = names.find((l) => Array.from(l).length > LABEL_MAX);
    if (long) return `Keep each label to ${LABEL_MAX} characters (“${long.slice(0, 20)}…” is longer).`;
    if (dueTime && !dueDate) return "A time needs a due date.";
    if (repeat && !dueDate) return "A repeating task needs a due date.";
    return null;
  }

  async function save(event: React.FormEvent) {
    event.preventDefault();
    if (saving) return;
    const message = check();
    if (message) {
      setError(message);
      return titleRef.current?.focus();
    }
    const changes: TaskChanges = {};
    if (title.trim() !== task.title) changes.title = title.trim();
    const newDescription = description.trim() ? description.trim() : null;
    if (newDescription !== task.description) changes.description = newDescription;
    if ((dueDate || null) !== task.due_date) changes.due_date = dueDate || null;
    if ((dueTime || null) !== task.due_time && dueDate) changes.due_time = dueTime || null;
    if (priority !== task.priority) changes.priority = priority;
    const newList = listId === "" ? null : Number(listId);
    if (newList !== task.list_id) changes.list_id = newList;
    const newLabels = labelsOf(labels);
    if (newLabels.join("\u0000") !== task.labels.join("\u0000")) changes.labels = newLabels;
    const rule = ruleOf(repeat, task.recurrence);
    if (rule !== task.recurrence) changes.recurrence = rule;
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
          <div className="edit-grid">
            <div className="field">
              <label htmlFor={`${id}-due`}>Due date</label>
              <input id={`${id}-due`} type="date" value={dueDate} onChange={(e) => setDueDate(e.target.value)} />
            </div>
            <div className="field">
              <label htmlFor={`${id}-time`}>
                Time <span className="optional">(optional)</span>
              </label>
              <input
                id={`${id}-time`}
                type="time"
                value={dueTime}
                disabled={!dueDate}
                onChange={(e) => setDueTime(e.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor={`${id}-priority`}>Priority</label>
              <select id={`${id}-priority`} value={priority} onChange={(e) => setPriority(Number(e.target.value))}>
                {([0, 1, 2, 3] as Priority[]).map((p) => (
                  <option key={p} value={p}>
                    {PRIORITY_NAMES[p]}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${id}-list`}>List</label>
              <select id={`${id}-list`} value={listId} onChange={(e) => setListId(e.target.value)}>
                <option value="">Inbox</option>
                {lists.map((l) => (
                  <option key={l.id} value={l.id}>
                    {l.name}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${id}-repeat`}>Repeat</label>
              <select id={`${id}-repeat`} value={repeat} onChange={(e) => setRepeat(e.target.value as RecurrencePreset)}>
                {RECURRENCE_PRESETS.map((p) => (
                  <option key={p.value} value={p.value}>
                    {p.label}
                  </option>
                ))}
                {presetOf(task.recurrence) === "custom" && <option value="custom">Custom ({task.recurrence})</option>}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${id}-labels`}>
                Labels <span className="optional">(comma-separated)</span>
              </label>
              <input id={`${id}-labels`} type="text" value={labels} onChange={(e) => setLabels(e.target.value)} />
            </div>
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

  const overdue = isOverdue(task, today);
  const list = task.list_id === null ? null : lists.find((l) => l.id === task.list_id);
  const repeats = describeRecurrence(task.recurrence);

  return (
    <li
      className={`task${task.completed ? " task-done" : ""}${onMove ? " task-movable" : ""}`}
      data-testid="task-item"
      data-task-id={task.id}
      data-completed={task.completed}
      tabIndex={-1}
      aria-labelledby={titleId}
      onKeyDown={(e) => {
        if (onMove && e.altKey && (e.key === "ArrowUp" || e.key === "ArrowDown")) {
          e.preventDefault();
          onMove(task, e.key === "ArrowUp" ? -1 : 1);
        }
      }}
      {...drag}
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
            {overdue ? " Overdue." : ""}
          </span>
          {task.due_date && (
            <span className={`due${overdue ? " due-overdue" : ""}`} data-testid="task-due">
              <time dateTime={task.due_time ? `${task.due_date}T${task.due_time}` : task.due_date}>
                Due {formatDue(task.due_date, task.due_time, today)}
              </time>
            </span>
          )}
          {task.priority > 0 && (
            <span className={`priority priority-${task.priority}`} data-testid="task-priority">
              {PRIORITY_NAMES[task.priority as Priority]} priority
            </span>
          )}
          {repeats && (
            <span className="meta-item" data-testid="task-repeat">
              ↻ {repeats}
            </span>
          )}
          {list && <span className="meta-item">in {list.name}</span>}
          {task.labels.map((l) => (
            <span key={l} className="label-tag" data-testid="task-label">
              @{l}
            </span>
          ))}
          <time className="meta-item" dateTime={task.created_at}>
            Added {formatInstant(task.created_at, tz, today)}
          </time>
        </p>
      </div>
      <div className="task-actions">
        {onMove && (
          <span className="drag-handle" aria-hidden="true" title="Drag to reorder, or Alt+↑/↓">
            ⠿
          </span>
        )}
        <button
          ref={editButtonRef}
          type="button"
          className="btn btn-ghost btn-small"
          onClick={startEditing}
          aria-label={`Edit “${task.title}”`}
          data-action="edit"
        >
          Edit
        </button>
        <button
          type="button"
          className="btn btn-ghost btn-small btn-danger"
          onClick={() => onDelete(task)}
          aria-label={`Delete “${task.title}”`}
          data-action="delete"
        >
          Delete
        </button>
      </div>
    </li>
  );
}
