"use client";

import { useCallback, useRef } from "react";

/** Keeps keyboard focus in the list when the focused task disappears from it (else on the heading). */
export function useFocusAfterRemoval() {
  const listRef = useRef<HTMLDivElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  const focusAfterRemoval = useCallback((index: number) => {
    requestAnimationFrame(() => {
      const checks = listRef.current?.querySelectorAll<HTMLInputElement>(".task-check");
      const target = checks?.[Math.min(index, checks.length - 1)];
      (target ?? headingRef.current)?.focus();
    });
  }, []);

  return { listRef, headingRef, focusAfterRemoval };
}
