import type { ListDeletion, NamedList, NewTask, Task, TaskChanges } from "../tasks/task";
import type { Outbox } from "./outbox";
import type { Edit, SavedEdit, SavedEdits, SidebarEdit } from "./saved-edits";

/**
 * The page's task edits: each is saved (saved-edits.ts) before it joins the outbox and forgotten
 * once the API has answered it, so an edit the page could not finish is replayed, in order, by the
 * next tasks page of the same user. Without storage (disabled, or a test) edits live in memory only.
 *
 * The personal sidebar's list and label edits (components/tasks/useSidebar.ts) share the queue, so
 * they keep their place among the task edits (a task added to a list made just before waits for it):
 * - `list-create` {name, key} carries an Idempotency-Key like a task's create (the API's
 *   IdempotencyKeyFilter covers every write under /api/, POST /lists included), so a replayed create
 *   that had reached the API answers that list instead of making a second. It is not optimistic (no
 *   id yet): the sidebar shows the name as "Creating …" until the API answers.
 * - `list-rename` {id, name, base}: optimistic; replayed only if the list is as it was (`base`, its
 *   `updated_at`) or already has the name; changed elsewhere since → conflict, the newer version stays
 *   and the rename is not sent; 404 → refused.
 * - `list-delete` {id, name, tasks} and `label-delete` {name}: optimistic; on replay 404 = already done.
 * - `label-rename` {name, to}: optimistic; replayed as made (404 → refused, named).
 * Renames and deletes are put back only when the API refuses them (4xx), never while it cannot be
 * reached (the outbox retries). After a replay of any of them the sidebar reads its lists and labels again.
 * Team pages (components/teams/TeamWork.tsx) still call the API directly.
 */

/** The API calls an edit needs (the browser's are in browser.ts). */
export interface EditApi {
  createTask(task: NewTask, idempotencyKey: string): Promise<Task>;
  getTask(id: number): Promise<Task>;
  updateTask(id: number, changes: TaskChanges): Promise<Task>;
  deleteTask(id: number): Promise<unknown>;
  /** Manual order: right after `after` (null: first). */
  moveTask(id: number, after: number | null): Promise<Task>;
  createList(name: string, idempotencyKey: string): Promise<NamedList>;
  getList(id: number): Promise<NamedList>;
  renameList(id: number, name: string): Promise<NamedList>;
  deleteList(id: number, tasks: ListDeletion): Promise<unknown>;
  renameLabel(name: string, to: string): Promise<unknown>;
  deleteLabel(name: string): Promise<unknown>;
}

/** What became of a replayed edit, for the page to show. */
export type ReplayOutcome =
  | { kind: "saved"; edit: Edit; task: Task }
  | { kind: "deleted"; edit: Edit }
  /** The task changed elsewhere after this edit was made: the newer version stays, the edit was not sent. */
  | { kind: "conflict"; edit: Edit; task: Task }
  /** The API refused it (the task is gone: 404; invalid now: 422 …). */
  | { kind: "refused"; edit: Edit; error: unknown }
  /** A list or label edit went through (or was already done: a delete of what is gone). */
  | { kind: "sidebar"; edit: SidebarEdit }
  /** The list was changed elsewhere after this rename was made: the newer version stays, the rename was not sent. */
  | { kind: "list-conflict"; edit: SidebarEdit; list: NamedList };

type Answer<E extends Edit> = E extends { kind: "create" | "update" | "move" }
  ? Task
  : E extends { kind: "list-create" | "list-rename" }
    ? NamedList
    : unknown;

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
      case "list-create":
        return api.createList(edit.name, edit.key);
      case "list-rename":
        return api.renameList(edit.id, edit.name);
      case "list-delete":
        return api.deleteList(edit.id, edit.tasks);
      case "label-rename":
        return api.renameLabel(edit.name, edit.to);
      case "label-delete":
        return api.deleteLabel(edit.name);
    }
  }

  /**
   * The API answered a saved edit: forget it; the edits after it on the same task (or renames of the
   * same list) build on the answer.
   */
  function answered(saved: SavedEdit | null, value?: unknown) {
    if (!saved || !store) return;
    store.remove(saved.seq);
    const kind = saved.edit.kind;
    const answer = value as { id?: unknown; updated_at?: unknown } | undefined;
    if (typeof answer?.id !== "number" || typeof answer.updated_at !== "string") return;
    if (kind === "create" || kind === "update" || kind === "move") store.rebase(answer.id, answer.updated_at);
    else if (kind === "list-rename") store.rebase(answer.id, answer.updated_at, "list-rename");
  }

  /** A delete whose target is gone already did what was asked. */
  async function goneIsDone(request: Promise<unknown>) {
    try {
      await request;
    } catch (error) {
      if (statusOf(error) !== 404) throw error;
    }
  }

  /**
   * One replayed edit; `bases` and `newer` are the replay's memory of the tasks it already touched,
   * `lists` of the lists.
   */
  async function replayOne(
    edit: Edit,
    bases: Map<number, string>,
    newer: Map<number, Task>,
    lists: { bases: Map<number, string>; newer: Map<number, NamedList> },
  ): Promise<ReplayOutcome> {
    switch (edit.kind) {
      case "list-create":
        // The same Idempotency-Key: a create that reached the API before the page went answers its list again.
        await api.createList(edit.name, edit.key);
        return { kind: "sidebar", edit };
      case "list-rename": {
        const shown = lists.newer.get(edit.id);
        if (shown) return { kind: "list-conflict", edit, list: shown };
        const current = await api.getList(edit.id); // 404: refused (the list is gone)
        const base = lists.bases.get(edit.id) ?? edit.base;
        if (current.name === edit.name.trim()) {
          // This very rename got through (its answer lost with the page), or the same was done elsewhere.
          lists.bases.set(edit.id, current.updated_at);
          return { kind: "sidebar", edit };
        }
        if (current.updated_at !== base) {
          lists.newer.set(edit.id, current);
          return { kind: "list-conflict", edit, list: current };
        }
        const list = await api.renameList(edit.id, edit.name);
        lists.bases.set(edit.id, list.updated_at);
        return { kind: "sidebar", edit };
      }
      case "list-delete":
        await goneIsDone(api.deleteList(edit.id, edit.tasks));
        return { kind: "sidebar", edit };
      case "label-rename":
        await api.renameLabel(edit.name, edit.to); // 404: refused (no task has the label any more)
        return { kind: "sidebar", edit };
      case "label-delete":
        await goneIsDone(api.deleteLabel(edit.name));
        return { kind: "sidebar", edit };
      case "create":
        // The same Idempotency-Key: a create that reached the API before the page went answers its task again.
        return { kind: "saved", edit, task: await api.createTask(edit.task, edit.key) };
      case "delete":
        await goneIsDone(api.deleteTask(edit.id));
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
            answered(saved, value);
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
      const lists = { bases: new Map<number, string>(), newer: new Map<number, NamedList>() };
      await Promise.all(
        orphans.map((saved) =>
          outbox
            .send(async () => {
              await ready;
              return replayOne(saved.edit, bases, newer, lists);
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
