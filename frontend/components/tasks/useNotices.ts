"use client";

import { useCallback, useEffect, useRef, useState } from "react";

export interface Notice {
  text: string;
  tone: "info" | "error";
  key: number;
}

export type Announce = (text: string, tone?: Notice["tone"]) => void;

const INFO_NOTICE_MS = 4000;

/** The page's one notice at a time: info notices fade by themselves; errors stay until dismissed or replaced. */
export function useNotices() {
  const [notice, setNotice] = useState<Notice | null>(null);
  const lastKey = useRef(0);

  const announce = useCallback<Announce>((text, tone = "info") => {
    setNotice({ text, tone, key: ++lastKey.current });
  }, []);

  const dismiss = useCallback(() => setNotice(null), []);

  useEffect(() => {
    if (!notice || notice.tone === "error") return;
    const timer = setTimeout(() => setNotice((n) => (n?.key === notice.key ? null : n)), INFO_NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice]);

  return { notice, announce, dismiss };
}
