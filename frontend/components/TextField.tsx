import type { InputHTMLAttributes, ReactNode, Ref } from "react";

type Props = InputHTMLAttributes<HTMLInputElement> & {
  id: string;
  label: ReactNode;
  /** Marks the input invalid and describes it by the error line (`${id}-error`) below it. */
  error?: string | null;
  /** A line under the input (`${id}-hint`) that describes it too. */
  hint?: string;
  /** The error line is an alert: for forms that do not move focus to the field that is wrong. */
  announceError?: boolean;
  inputRef?: Ref<HTMLInputElement>;
};

/** An email address input: the phone keyboard with "@", and the browser's autofill (spread it, then override). */
export const EMAIL_INPUT = { type: "email", inputMode: "email", autoComplete: "email" } as const;

/** A labelled input with its hint and error wired to it for screen readers; the rest of the props go to the input. */
export function TextField({ id, label, error, hint, announceError = false, inputRef, ...input }: Props) {
  const describedBy = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(" ");
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        ref={inputRef}
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        {...input}
      />
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error" role={announceError ? "alert" : undefined}>
          {error}
        </p>
      )}
    </div>
  );
}
