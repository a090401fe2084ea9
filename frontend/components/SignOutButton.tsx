"use client";

import { useState } from "react";
import { signOutAndGoToSignIn } from "@/lib/tasks/api";

/** "Sign out" in the top bar of the account and settings pages (the tasks page has its own). */
export function SignOutButton() {
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      className="btn btn-ghost btn-small"
      disabled={pending}
      aria-busy={pending}
      onClick={async () => {
        setPending(true);
        await signOutAndGoToSignIn();
      }}
    >
      {pending ? "Signing out…" : "Sign out"}
    </button>
  );
}
