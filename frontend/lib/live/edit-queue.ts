import type { NewTask, Task, TaskChanges } from "../tasks/task";
import type { Outbox } from "./outbox";
import type { Edit, SavedEdit, SavedEdits } from "./saved-edits";

/**
 * The page's task edits: each is saved (saved-edits.ts) before it joins the outbox and forgotten
 * once the API has answered it, so an edit the page could not finish is replayed, in order, by the
 * next tasks page of the same user. Without storage (disabled, or a test) edits live in memory only.
 */

/** The API calls an edit needs (the browser's are in browser.ts). */
export interface EditApi {
  createTask(task: NewTask, idempotencyKey: string): Promise<Task>;
  getTask(id: number): Promise<Task>;
  updateTask(id: number, changes: TaskChanges): Promise<Task>;
  deleteTask(id: number): Promise<unknown>;
  /** Manual order: right after `after` (null: first). */
  moveTask(id: number, after: number | null): Promise<Task>;
}

/** What became of a replayed edit, for the page to show. */
export type ReplayOutcome =
  | { kind: "saved"; edit: Edit; task: Task }
  | { kind: "deleted"; edit: Edit }
  /** The task changed elsewhere after this edit was made: the newer version stays, the edit was not sent. */
  | { kind: "conflict"; edit: Edit; task: Task }
  /** The API refused it (the task is gone: 404; invalid now: 422 …). */
  | { kind: "refused"; edit: Edit; error: unknown };

type Answer<E extends Edit> = E extends { kind: "delete" } ? unknown : Task;

interface Options {
  outbox: Pick<Outbox, "send">;
  /** null: no storage, edits are kept in memory only. */
  store: SavedEdits | null;
  api: EditApi;
}

export function createEditQueue({ outbox, store, api }: Options) {
  function run(edit: Edit): Promise<unknown> {
    switch (edit.kind) {
      case "create":
        return api.createTask(edit.task, edit.key);
      case "update":
        return api.updateTask(edit.id, edit.changes);
      case "delete":
        return api.deleteTask(edit.id);
      case "move":
        return api.moveTask(edit.id, edit.after);
    }
  }

  /** The API answered a saved edit: forget it; the edits after it on the same task build on the answer. */
  function answered(saved: SavedEdit | null, task?: Task) {
    if (!saved || !store) return;
    store.remove(saved.seq);
    if (task) store.rebase(task.id, task.updated_at);
  }

  /** One replayed edit; `bases` and `newer` are the replay's memory of the tasks it already touched. */
  async function replayOne(edit: Edit, bases: Map<number, string>, newer: Map<number, Task>): Promise<ReplayOutcome> {
    switch (edit.kind) {
      case "create":
        // The same Idempotency-Key: a create that reached the API before the page went answers its task again.
        return { kind: "saved", edit, task: await api.createTask(edit.task, edit.key) };
      case "delete":
        try {
          await api.deleteTask(edit.id);
        } catch (error) {
          if (statusOf(error) !== 404) throw error; // gone already is what was asked
        }
        return { kind: "deleted", edit };
      case "update": {
        const shown = newer.get(edit.id);
        if (shown) return { kind: "conflict", edit, task: shown };
        const current = await api.getTask(edit.id);
        const base = bases.get(edit.id) ?? edit.base;
        if (current.updated_at === base) {
          const task = await api.updateTask(edit.id, edit.changes);
          bases.set(edit.id, task.updated_at);
          return { kind: "saved", edit, task };
        }
        // Changed since the edit was made: by this very edit (sent, its answer lost with the page), or elsewhere.
        if (holds(current, edit.changes)) {
          bases.set(edit.id, current.updated_at);
          return { kind: "saved", edit, task: current };
        }
        newer.set(edit.id, current);
        return { kind: "conflict", edit, task: current };
      }
      case "move": {
        // A move is about order alone, so it is sent again as made, whatever changed in the task
        // elsewhere: "right after X" a second time leaves the task where the first one put it, so a
        // move that reached the API before the page went is harmless to repeat. The API's refusals
        // settle it as "refused" for the page's notice: 404 (the moved task is gone: the page takes
        // it off, as for an update of a deleted task) or 422 (the task it was to follow is gone or
        // in another list now: the task stays where the API has it).
        const task = await api.moveTask(edit.id, edit.after);
        if (!newer.has(edit.id)) bases.set(edit.id, task.updated_at);
        return { kind: "saved", edit, task };
      }
    }
  }

  return {
    /**
     * Saves the edit, then sends it after the ones before it. Settles as the outbox does: the API's
     * answer, or its refusal; rejects at once with OutboxFullError when the edit cannot be kept.
     */
    send<E extends Edit>(edit: E): Promise<Answer<E>> {
      let saved: SavedEdit | null = null;
      try {
        saved = store?.add(edit) ?? null;
      } catch (error) {
        return Promise.reject(error);
      }
      return outbox
        .send(() => run(edit))
        .then(
          (value) => {
            answered(saved, edit.kind === "delete" ? undefined : (value as Task));
            return value as Answer<E>;
          },
          (error: unknown) => {
            answered(saved);
            throw error;
          },
        );
    },

    /**
     * Sends the saved edits that no running page owns (the reloaded or closed page's), oldest first,
     * each after `ready` (the page's list has loaded); `onOutcome` hears of each. An update whose task
     * changed elsewhere since is not sent: the newer version wins, as a live change does, and the
     * edits after it on that task are not sent either (they were made on top of it).
     */
    async replay({
      isLive,
      ready,
      onOutcome,
    }: {
      isLive: (owner: string) => boolean;
      ready: Promise<unknown>;
      onOutcome: (outcome: ReplayOutcome) => void;
    }): Promise<number> {
      if (!store) return 0;
      const orphans = store.claimOrphans(isLive);
      const bases = new Map<number, string>();
      const newer = new Map<number, Task>();
      await Promise.all(
        orphans.map((saved) =>
          outbox
            .send(async () => {
              await ready;
              return replayOne(saved.edit, bases, newer);
            })
            .then(
              (outcome) => {
                answered(saved, outcome.kind === "saved" ? outcome.task : undefined);
                onOutcome(outcome);
              },
              (error: unknown) => {
                answered(saved);
                onOutcome({ kind: "refused", edit: saved.edit, error });
              },
            ),
        ),
      );
      return orphans.length;
    },
  };
}

export type EditQueue = ReturnType<typeof createEditQueue>;

/** Whether the task already has what the edit asks for (the API trims text and folds label case). */
export function holds(task: Task, changes: TaskChanges): boolean {
  const t = task as unknown as Record<string, unknown>;
  return Object.entries(changes).every(([field, wanted]) => same(t[field], wanted, field === "labels"));
}

function same(have: unknown, wanted: unknown, caseless: boolean): boolean {
  const norm = (v: unknown): unknown => {
    if (v === undefined || v === null) return null;
    if (typeof v === "string") return caseless ? v.trim().toLowerCase() : v.trim();
    if (Array.isArray(v)) return [...new Set(v.map((x) => JSON.stringify(norm(x))))].sort();
    return v;
  };
  return JSON.stringify(norm(have)) === JSON.stringify(norm(wanted));
}

function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === "number" ? status : undefined;
}
