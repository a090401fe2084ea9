"use client";

import { useEffect } from "react";
import { forgetSavedEdits } from "@/lib/live/saved-edits";

/** Removes a deleted account's unsent task edits from this browser, then goes on to `next`. */
export function ForgetSavedEdits({ userId, next }: { userId: string; next: string }) {
  useEffect(() => {
    try {
      forgetSavedEdits(window.localStorage, userId);
    } catch {
      // no storage: nothing was kept
    }
    window.location.replace(next);
  }, [userId, next]);
  return (
    <p className="auth-switch">
      Your account has been deleted. <a href={next}>Continue</a>
    </p>
  );
}
