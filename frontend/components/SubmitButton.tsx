interface Props {
  /** What the button does, e.g. "Sign in". */
  label: string;
  /** What it says while the request runs, e.g. "Signing in…". */
  pendingLabel: string;
  pending: boolean;
  className: string;
}

/** A form's submit button: disabled and marked busy while its request runs, so a second click cannot send it twice. */
export function SubmitButton({ label, pendingLabel, pending, className }: Props) {
  return (
    <button type="submit" className={className} disabled={pending} aria-busy={pending}>
      {pending ? pendingLabel : label}
    </button>
  );
}
