import { ApiError, type ApiClient } from "../tasks/api";
import type { components } from "../tasks/api-types";

/**
 * "Your data, in and out" (issue 25) for the account page: download the JSON export or the tasks'
 * CSV with the JWT (a plain link cannot send it), and import a file, previewed first. The bounds are
 * the API's (task-api README, transfer): 5 MiB and 10,000 tasks a file.
 */

export type ImportResult = components["schemas"]["ImportResult"];
export type ImportFormat = ImportResult["format"];
export type DownloadKind = "json" | "csv";

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
export const MAX_IMPORT_TASKS = 10_000;

export const IMPORT_FORMATS: { value: ImportFormat; label: string }[] = [
  { value: "json", label: "This app's export (JSON)" },
  { value: "todoist-csv", label: "Todoist CSV export" },
  { value: "csv", label: "CSV (title, description, due date, priority, list, labels)" },
];

export const TOO_LARGE_MESSAGE = "That file is too large: at most 5 MiB and 10,000 tasks. Split it and import the parts.";

/** The format of a file, as the API would detect it: a JSON object, Todoist's header, or a CSV. */
export function detectFormat(fileName: string, text: string): ImportFormat {
  const start = text.replace(/^\uFEFF/, "").trimStart();
  if (start.startsWith("{") || fileName.toLowerCase().endsWith(".json")) return "json";
  const header = (start.split(/\r?\n/, 1)[0] ?? "").replaceAll('"', "").toUpperCase();
  return header.startsWith("TYPE,CONTENT") ? "todoist-csv" : "csv";
}

/** The file name of an attachment (Content-Disposition), or a dated default. */
export function attachmentName(disposition: string | null, kind: DownloadKind, today = new Date()): string {
  const match = disposition?.match(/filename="?([^";]+)"?/i);
  if (match?.[1]) return match[1];
  return `tasks-${today.toISOString().slice(0, 10)}.${kind}`;
}

/** One sentence a line for the preview or the result. */
export function summary(result: ImportResult): string[] {
  const would = result.dry_run;
  const lines = [
    `${plural(result.tasks_added, "task")} ${would ? "to import" : "imported"}`,
    ...(result.tasks_already_present > 0
      ? [`${plural(result.tasks_already_present, "task")} already here, ${would ? "to be skipped" : "skipped"}`]
      : []),
    ...(result.lists_added > 0 ? [`${plural(result.lists_added, "new list")}`] : []),
    ...(result.labels_added > 0 ? [`${plural(result.labels_added, "new label")}`] : []),
    ...(result.rows_ignored > 0 ? [`${plural(result.rows_ignored, "comment or note row")} left out`] : []),
    ...(result.dates_in_description > 0
      ? [`${plural(result.dates_in_description, "date")} in words kept in the task's description`]
      : []),
  ];
  return lines;
}

function plural(n: number, noun: string): string {
  return `${n.toLocaleString("en-US")} ${noun}${n === 1 ? "" : "s"}`;
}

/** What to show for a failed import: the API's own words (they name the line), or the bounds. */
export function importErrorMessage(err: unknown): string {
  if (err instanceof ApiError) return err.status === 413 ? TOO_LARGE_MESSAGE : err.message;
  return "Something went wrong. Try again.";
}

export function createDataTransfer(client: Pick<ApiClient, "response" | "call">) {
  const base = (userId: string) => `/api/${encodeURIComponent(userId)}`;
  return {
    /** The export as a file to save: the JSON document, or the tasks as CSV. */
    async download(userId: string, kind: DownloadKind): Promise<{ blob: Blob; name: string }> {
      const res = await client.response(`${base(userId)}/${kind === "json" ? "export" : "export.csv"}`, {
        headers: { Accept: kind === "json" ? "application/json" : "text/csv" },
      });
      return { blob: await res.blob(), name: attachmentName(res.headers.get("Content-Disposition"), kind) };
    },

    /** Imports `file` (dryRun: only counts what would be imported). */
    async importFile(userId: string, file: Blob, format: ImportFormat, dryRun: boolean): Promise<ImportResult> {
      if (file.size > MAX_IMPORT_BYTES) throw new ApiError(413, TOO_LARGE_MESSAGE);
      const query = new URLSearchParams({ format, dry_run: String(dryRun) });
      return client.call<ImportResult>(`${base(userId)}/import?${query}`, {
        method: "POST",
        body: file,
        headers: { "Content-Type": format === "json" ? "application/json" : "text/csv" },
      });
    },
  };
}

/** Saves a blob as a file, as a link with `download` does. */
export function saveFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
