/**
 * A form's own error (the request failed), above the form. It stays in the page while empty, so
 * screen readers announce it as soon as a message appears; the form's aria-describedby names `id`.
 */
export function FormAlert({ id, message }: { id: string; message: string | null }) {
  return (
    <div id={id} role="alert" aria-live="assertive" className={message ? "alert alert-error" : "visually-hidden"}>
      {message}
    </div>
  );
}
