"use client";

import { useId, useRef, useState } from "react";
import { DESCRIPTION_MAX, inputMaxLength, TITLE_MAX, validateTask, type NewTask } from "@/lib/tasks/task";
import { SubmitButton } from "../SubmitButton";

interface Props {
  onAdd: (task: NewTask) => Promise<boolean>;
}

export function AddTaskForm({ onAdd }: Props) {
  const id = useId();
  const [title, setTitle] = useState("");
  const [description, setDescription] = useState("");
  const [showDetails, setShowDetails] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const titleRef = useRef<HTMLInputElement>(null);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    if (pending) return;
    const errors = validateTask(title, description);
    const message = errors.title ?? errors.description ?? null;
    setError(message);
    if (message) return titleRef.current?.focus();
    setPending(true);
    const ok = await onAdd({ title: title.trim(), description: description.trim() ? description.trim() : null });
    setPending(false);
    if (ok) {
      setTitle("");
      setDescription("");
      setShowDetails(false);
    }
    titleRef.current?.focus();
  }

  return (
    <form className="add-form card" onSubmit={submit} aria-label="Add a task" noValidate>
      <div className="add-row">
        <label htmlFor={`${id}-title`} className="visually-hidden">
          New task title
        </label>
        <input
          ref={titleRef}
          id={`${id}-title`}
          className="add-title"
          type="text"
          placeholder="What needs doing?"
          autoComplete="off"
          value={title}
          maxLength={inputMaxLength(TITLE_MAX) + 50}
          onChange={(e) => {
            setTitle(e.target.value);
            if (error) setError(null);
          }}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
        />
        <SubmitButton className="btn btn-primary" pending={pending} label="Add task" pendingLabel="Adding…" />
      </div>
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
