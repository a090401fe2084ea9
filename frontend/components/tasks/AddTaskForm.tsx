"use client";

import { useEffect, useId, useMemo, useState, type RefObject } from "react";
import { formatDay } from "@/lib/format/dates";
import { chipText, parseQuickAdd, type Chip } from "@/lib/tasks/quick-add";
import { DESCRIPTION_MAX, inputMaxLength, TITLE_MAX, validateTask, type NamedList, type NewTask } from "@/lib/tasks/task";
import { SubmitButton } from "../SubmitButton";

interface Props {
  /** The task, and the name of a list to create first when `#name` named none. */
  onAdd: (task: NewTask, newListName: string | null) => Promise<boolean>;
  today: string;
  lists: NamedList[];
  titleRef: RefObject<HTMLInputElement | null>;
}

/** The add field: quick-add words (tomorrow, fri, #list, @label, !1–!3) become chips before saving. */
export function AddTaskForm({ onAdd, today, lists, titleRef }: Props) {
  const id = useId();
  const [title, setTitle] = useState("");
  const [description, setDescription] = useState("");
  const [showDetails, setShowDetails] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [ignored, setIgnored] = useState<ReadonlySet<string>>(new Set());
  const parsed = useMemo(() => parseQuickAdd(title, { today, lists, ignore: ignored }), [title, today, lists, ignored]);

  // The page opens ready to type a task (issue 24's polish list).
  useEffect(() => {
    titleRef.current?.focus();
  }, [titleRef]);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    if (pending) return;
    const errors = validateTask(parsed.title, description);
    const message = errors.title ?? errors.description ?? null;
    setError(message);
    if (message) return titleRef.current?.focus();
    setPending(true);
    const task: NewTask = { title: parsed.title.trim(), description: description.trim() ? description.trim() : null };
    if (parsed.dueDate) task.due_date = parsed.dueDate;
    if (parsed.priority) task.priority = parsed.priority;
    if (parsed.labels.length) task.labels = parsed.labels;
    if (parsed.listId !== null) task.list_id = parsed.listId;
    const ok = await onAdd(task, parsed.listName !== null && parsed.listId === null ? parsed.listName : null);
    setPending(false);
    if (ok) {
      setTitle("");
      setDescription("");
      setShowDetails(false);
      setIgnored(new Set());
    }
    titleRef.current?.focus();
  }

  const unchip = (chip: Chip) => setIgnored((s) => new Set(s).add(chip.token.toLowerCase()));
  const describe = [error ? `${id}-error` : "", parsed.chips.length ? `${id}-chips` : "", `${id}-hint`].filter(Boolean).join(" ");

  return (
    <form
      className="add-form card"
      onSubmit={submit}
      aria-label="Add a task"
      noValidate
      onBlur={(e) => {
        // A message about the add field is stale once the person is doing something else.
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setError(null);
      }}
    >
      <div className="add-row">
        <label htmlFor={`${id}-title`} className="visually-hidden">
          New task title
        </label>
        <input
          ref={titleRef}
          id={`${id}-title`}
          className="add-title"
          type="text"
          placeholder="What needs doing? Try “Pay rent fri #home !3”"
          autoComplete="off"
          value={title}
          maxLength={inputMaxLength(TITLE_MAX) + 50}
          onChange={(e) => {
            setTitle(e.target.value);
            if (error) setError(null);
          }}
          onKeyDown={(e) => {
            // The page opens in this field: Esc leaves it, so the one-key shortcuts work.
            if (e.key === "Escape") {
              e.preventDefault();
              if (title) setTitle("");
              else e.currentTarget.blur();
            }
          }}
          aria-invalid={error ? true : undefined}
          aria-describedby={describe}
          data-testid="add-title"
        />
        <SubmitButton className="btn btn-primary" pending={pending} label="Add task" pendingLabel="Adding…" />
      </div>
      <p id={`${id}-hint`} className="visually-hidden">
        Words like today, tomorrow, a weekday, #list, @label and !1 to !3 set the date, list, labels and priority.
      </p>
      {parsed.chips.length > 0 && (
        <ul id={`${id}-chips`} className="chips" aria-label="Will be saved with" data-testid="quick-add-chips">
          {parsed.chips.map((chip) => (
            <li key={`${chip.kind}-${chip.token}`} className={`chip chip-${chip.kind}`} data-testid="chip">
              <span>{chipText(chip, (d) => formatDay(d, today))}</span>
              <button
                type="button"
                className="chip-remove"
                onClick={() => unchip(chip)}
                aria-label={`Keep “${chip.token}” as words of the title`}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      {showDetails ? (
        <div className="field add-details">
          <label htmlFor={`${id}-description`}>
            Description <span className="optional">(optional)</span>
          </label>
          <textarea
            id={`${id}-description`}
            rows={3}
            value={description}
            maxLength={inputMaxLength(DESCRIPTION_MAX) + 100}
            onChange={(e) => setDescription(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter" && (e.metaKey || e.ctrlKey)) submit(e);
            }}
          />
        </div>
      ) : (
        <button type="button" className="btn-link add-details-toggle" onClick={() => setShowDetails(true)}>
          + Add a description
        </button>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
