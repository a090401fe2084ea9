import type { ListDeletion, NewTask, TaskChanges } from "../tasks/task";

/**
 * The outbox's edits as data, kept in the browser's storage until the API has answered them, so an
 * edit still on its way when the page is reloaded, closed or crashes is sent by the next tasks page
 * (edit-queue.ts replays them). One key per signed-in user: a page reads only its own user's key,
 * and an explicit sign-out removes it (lib/tasks/api.ts).
 */

/** What the API is asked to do; enough to send it again, and to name it to the person. */
export type Edit =
  | { kind: "create"; task: NewTask; key: string }
  | {
      kind: "update";
      id: number;
      title: string;
      changes: TaskChanges;
      /** The task's `updated_at` the edit was made on: a newer one at replay means it changed since. */
      base: string;
    }
  | { kind: "delete"; id: number; title: string }
  /** Manual order: the task goes right after `after` (null: first); see edit-queue.ts for its replay. */
  | { kind: "move"; id: number; after: number | null; title: string }
  /** The sidebar's list and label edits (edit-queue.ts says how each is replayed). */
  | { kind: "list-create"; name: string; key: string }
  /** `base`: the list's `updated_at` the rename was made on. */
  | { kind: "list-rename"; id: number; name: string; base: string }
  | { kind: "list-delete"; id: number; name: string; tasks: ListDeletion }
  | { kind: "label-rename"; name: string; to: string }
  | { kind: "label-delete"; name: string };

/** The edits of the sidebar's lists and labels, not of one task. */
export type SidebarEdit = Extract<Edit, { kind: `list-${string}` | `label-${string}` }>;

export function isSidebarEdit(edit: Edit): edit is SidebarEdit {
  return edit.kind.startsWith("list-") || edit.kind.startsWith("label-");
}

export interface SavedEdit {
  /** Order of the edits (increasing), and which saved edit to remove once answered. */
  seq: number;
  /** The page that sends it (edit-queue.ts); a page that no longer exists leaves it to the next one. */
  owner: string;
  edit: Edit;
}

/**
 * At most this many edits wait per user, and their JSON at most SAVED_EDITS_MAX_CHARS: an edit
 * beyond either is refused (the page shows why) rather than kept in memory only. A task's text is
 * at most 2,200 characters (TITLE_MAX + DESCRIPTION_MAX), so 100 full edits fit; localStorage
 * gives an origin about 5 M characters, shared by every account on the browser.
 */
export const SAVED_EDITS_MAX = 100;
export const SAVED_EDITS_MAX_CHARS = 512 * 1024;

export class OutboxFullError extends Error {
  constructor(message = `${SAVED_EDITS_MAX} changes are already waiting to be sent. Wait until they are, then try again.`) {
    super(message);
    this.name = "OutboxFullError";
  }
}

/** The part of the Web Storage API this needs (localStorage in the browser, a Map in tests). */
export interface EditStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const KEY_PREFIX = "tasks.outbox.v1:";
export const savedEditsKey = (userId: string) => `${KEY_PREFIX}${userId}`;

interface Options {
  storage: EditStorage;
  userId: string;
  /** This page's id (the owner of the edits it adds). */
  owner: string;
  max?: number;
  maxChars?: number;
}

export function createSavedEdits({ storage, userId, owner, max = SAVED_EDITS_MAX, maxChars = SAVED_EDITS_MAX_CHARS }: Options) {
  const key = savedEditsKey(userId);

  // Read on every call, never cached: other tabs of the same user write the same key.
  function read(): SavedEdit[] {
    try {
      const parsed: unknown = JSON.parse(storage.getItem(key) ?? "[]");
      return Array.isArray(parsed) ? parsed.filter(isSavedEdit) : [];
    } catch {
      return [];
    }
  }

  function write(edits: SavedEdit[]) {
    if (edits.length === 0) storage.removeItem(key);
    else storage.setItem(key, JSON.stringify(edits));
  }

  return {
    all: read,

    /** Keeps an edit; throws OutboxFullError when the bound is reached or the browser's storage is full. */
    add(edit: Edit): SavedEdit {
      const edits = read();
      if (edits.length >= max) throw new OutboxFullError();
      const saved: SavedEdit = { seq: edits.reduce((m, e) => Math.max(m, e.seq), 0) + 1, owner, edit };
      const next = [...edits, saved];
      const json = JSON.stringify(next);
      if (json.length > maxChars) throw new OutboxFullError();
      try {
        storage.setItem(key, json);
      } catch {
        throw new OutboxFullError("The browser's storage is full, so this change could not be kept. Try again later.");
      }
      return saved;
    },

    /** The API answered it (accepted or refused): it is not sent again. */
    remove(seq: number) {
      const edits = read();
      const next = edits.filter((e) => e.seq !== seq);
      if (next.length !== edits.length) write(next);
    },

    /**
     * The API now has `updatedAt` for this task (or list: `kind` "list-rename") from one of these
     * edits: the ones after it build on that.
     */
    rebase(id: number, updatedAt: string, kind: "update" | "list-rename" = "update") {
      const edits = read();
      let changed = false;
      for (const e of edits) {
        if (e.edit.kind === kind && e.edit.id === id && e.edit.base !== updatedAt) {
          e.edit.base = updatedAt;
          changed = true;
        }
      }
      if (changed) write(edits);
    },

    /**
     * The edits whose page is gone (`isLive` says which owners still run), now this page's, oldest
     * first. A page that still runs keeps sending its own.
     */
    claimOrphans(isLive: (owner: string) => boolean): SavedEdit[] {
      const edits = read();
      const orphans = edits.filter((e) => e.owner !== owner && !isLive(e.owner));
      if (orphans.length === 0) return [];
      for (const e of orphans) e.owner = owner;
      write(edits);
      return orphans;
    },

    clear() {
      storage.removeItem(key);
    },
  };
}

export type SavedEdits = ReturnType<typeof createSavedEdits>;

/** Removes a user's saved edits (an explicit sign-out: nothing of theirs stays on the browser). */
export function forgetSavedEdits(storage: EditStorage, userId: string) {
  storage.removeItem(savedEditsKey(userId));
}

/**
 * A saved edit this page can send. One it cannot read (a kind from a newer version of the page, or
 * a damaged entry) is skipped rather than crashing the page; it goes with the next write of the key.
 */
function isSavedEdit(value: unknown): value is SavedEdit {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Partial<SavedEdit>;
  const edit = v.edit as Record<string, unknown> | undefined;
  if (typeof v.seq !== "number" || typeof v.owner !== "string" || typeof edit !== "object" || edit === null) return false;
  switch (edit.kind) {
    case "create":
    case "update":
    case "delete":
      return true;
    case "move":
      return (
        typeof edit.id === "number" && (edit.after === null || typeof edit.after === "number") && typeof edit.title === "string"
      );
    case "list-create":
      return typeof edit.name === "string" && typeof edit.key === "string";
    case "list-rename":
      return typeof edit.id === "number" && typeof edit.name === "string" && typeof edit.base === "string";
    case "list-delete":
      return typeof edit.id === "number" && typeof edit.name === "string" && (edit.tasks === "inbox" || edit.tasks === "delete");
    case "label-rename":
      return typeof edit.name === "string" && typeof edit.to === "string";
    case "label-delete":
      return typeof edit.name === "string";
    default:
      return false;
  }
}
