"use client";

import { useEffect, useId, useRef } from "react";
import { DeleteByEmailLink } from "./DeleteByEmailLink";
import { PasswordField } from "./PasswordField";
import { useDeleteAccount } from "./useDeleteAccount";

/** Deletion needs proof: the password, or for an account without one a mailed link (lib/account/deletion-proof.ts). */
export function DeleteAccountSection({
  here,
  hasPassword,
  email,
  userId,
}: {
  here: string;
  hasPassword: boolean;
  email: string;
  userId: string;
}) {
  const id = useId();
  const del = useDeleteAccount(here, userId);
  const passwordRef = useRef<HTMLInputElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);

  // Keyboard users land on what the step asks of them.
  useEffect(() => {
    if (del.step === "confirm") confirmRef.current?.focus();
  }, [del.step]);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (del.step === "password") {
      if (!del.askToConfirm()) passwordRef.current?.focus();
      return;
    }
    if (!(await del.confirm())) passwordRef.current?.focus();
  }

  return (
    <section className="account-card card danger-zone" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Delete account</h2>
      <p>This deletes your account, all of your tasks and every session, at once and for good. It can&apos;t be undone.</p>
      {!hasPassword ? (
        <DeleteByEmailLink here={here} email={email} />
      ) : (
        <PasswordDeletion del={del} id={id} passwordRef={passwordRef} confirmRef={confirmRef} onSubmit={onSubmit} />
      )}
    </section>
  );
}

function PasswordDeletion({
  del,
  id,
  passwordRef,
  confirmRef,
  onSubmit,
}: {
  del: ReturnType<typeof useDeleteAccount>;
  id: string;
  passwordRef: React.RefObject<HTMLInputElement | null>;
  confirmRef: React.RefObject<HTMLButtonElement | null>;
  onSubmit: (event: React.FormEvent<HTMLFormElement>) => void;
}) {
  return (
    <>
      <div role="alert" className={del.error ? "alert alert-error" : "visually-hidden"}>
        {del.error}
      </div>
      <form onSubmit={onSubmit} noValidate className="auth-form" aria-label="Delete account">
        <PasswordField
          id={`${id}-password`}
          label="Password"
          autoComplete="current-password"
          value={del.password}
          onChange={del.setPassword}
          inputRef={passwordRef}
        />
        {del.step === "password" ? (
          <button type="submit" className="btn btn-danger-solid">
            Delete account…
          </button>
        ) : (
          <div className="confirm-box" role="group" aria-label="Confirm deletion">
            <p className="confirm-text">Delete your account and all of your tasks now?</p>
            <div className="confirm-actions">
              <button
                ref={confirmRef}
                type="submit"
                className="btn btn-danger-solid"
                disabled={del.step === "deleting"}
                aria-busy={del.step === "deleting"}
              >
                {del.step === "deleting" ? "Deleting…" : "Yes, delete everything"}
              </button>
              <button type="button" className="btn" onClick={del.cancel} disabled={del.step === "deleting"}>
                Cancel
              </button>
            </div>
          </div>
        )}
      </form>
    </>
  );
}
