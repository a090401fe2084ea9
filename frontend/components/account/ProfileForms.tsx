"use client";

import { useRouter } from "next/navigation";
import { useId, useRef } from "react";
import { NAME_MAX_CHARS, EMAIL_MAX_CHARS } from "@/lib/auth/user-limits";
import { SubmitButton } from "../SubmitButton";
import { EMAIL_INPUT, TextField } from "../TextField";
import { useChangeEmail, useEditName } from "./useProfileEdit";

/** Editing the name: one field and Save. */
export function NameForm({ current, here }: { current: string; here: string }) {
  const id = useId();
  const router = useRouter();
  const form = useEditName({ current, here, onSaved: () => router.refresh() });
  const input = useRef<HTMLInputElement>(null);
  return (
    <form
      className="auth-form profile-form"
      noValidate
      aria-label="Change your name"
      onSubmit={async (e) => {
        e.preventDefault();
        if (!(await form.submit())) input.current?.focus();
      }}
    >
      <TextField
        id={`${id}-name`}
        label="Name"
        type="text"
        autoComplete="name"
        maxLength={NAME_MAX_CHARS * 2 /* code units; the check counts characters */}
        value={form.value}
        onChange={(e) => form.setValue(e.target.value)}
        error={form.error}
        announceError
        inputRef={input}
        data-testid="name-input"
      />
      <SubmitButton className="btn btn-ghost" pending={form.pending} label="Save name" pendingLabel="Saving…" />
      <p role="status" className={form.success ? "alert alert-success" : "visually-hidden"} data-testid="name-saved">
        {form.success}
      </p>
    </form>
  );
}

/** Changing the address: the new one gets a link; nothing changes before it is opened. */
export function EmailChangeForm({ current, confirmed, here }: { current: string; confirmed: boolean; here: string }) {
  const id = useId();
  const form = useChangeEmail({ current, confirmed, here });
  const input = useRef<HTMLInputElement>(null);
  return (
    <form
      className="auth-form profile-form"
      noValidate
      aria-label="Change your email address"
      onSubmit={async (e) => {
        e.preventDefault();
        if (!(await form.submit())) input.current?.focus();
      }}
    >
      <TextField
        id={`${id}-email`}
        label="New email address"
        {...EMAIL_INPUT}
        autoComplete="off"
        maxLength={EMAIL_MAX_CHARS}
        hint="We send a link to the new address; your address changes when you open it."
        value={form.value}
        onChange={(e) => form.setValue(e.target.value)}
        error={form.error}
        announceError
        inputRef={input}
        data-testid="new-email-input"
      />
      <SubmitButton className="btn btn-ghost" pending={form.pending} label="Change email" pendingLabel="Sending the link…" />
      <p role="status" className={form.success ? "alert alert-success" : "visually-hidden"} data-testid="email-change-sent">
        {form.success}
      </p>
    </form>
  );
}
