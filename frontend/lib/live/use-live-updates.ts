"use client";

import { useEffect, useRef, useState } from "react";
import { onOutboxState, openLiveStream, outbox } from "./browser";
import type { LiveChange, LiveStatus } from "./live-stream";

interface Options {
  userId: string;
  /** A team's stream instead of the person's own (the team page). */
  teamId?: string;
  /** A task, list or label changed (here or elsewhere): read it again, or drop it. */
  onChange: (change: LiveChange) => void;
  /** Changes may have been missed: read everything again. */
  onReset: () => void;
}

/**
 * Keeps a page in step with the user's other tabs and devices (SPEC 1.8) and says whether it is
 * offline: the live stream cannot reach the API, or an edit is waiting to be sent again.
 */
export function useLiveUpdates({ userId, teamId, onChange, onReset }: Options) {
  const handlers = useRef({ onChange, onReset });
  useEffect(() => {
    handlers.current = { onChange, onReset };
  }, [onChange, onReset]);
  const [status, setStatus] = useState<LiveStatus>("connecting");
  const [edits, setEdits] = useState(outbox.state());

  useEffect(() => {
    // The first stream starts without a cursor while the page loads its list: that load is the
    // reload. (A change made between that load and the stream opening shows with its next change.)
    let opened = false;
    const stream = openLiveStream(
      userId,
      {
        onChange: (change) => handlers.current.onChange(change),
        onReset: () => {
          if (opened) handlers.current.onReset();
          opened = true;
        },
        onStatus: (next) => {
          setStatus(next);
          if (next === "live") outbox.retryNow(); // the API is back: send waiting edits now
        },
      },
      teamId,
    );
    const online = () => {
      stream.retryNow();
      outbox.retryNow();
    };
    window.addEventListener("online", online);
    return () => {
      window.removeEventListener("online", online);
      stream.close();
    };
  }, [userId, teamId]);

  useEffect(() => onOutboxState(setEdits), []);

  return { offline: status === "offline" || edits.waiting, pendingEdits: edits.pending };
}
