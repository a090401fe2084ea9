"use client";

import { useId } from "react";
import { IMPORT_FORMATS, summary, type ImportFormat } from "@/lib/account/data-transfer";
import { useDataTransfer } from "./useDataTransfer";

/** "Your data": download everything (JSON) or the tasks (CSV), and import a file after a preview. */
export function DataSection({ userId }: { userId: string }) {
  const id = useId();
  const data = useDataTransfer(userId);
  const canImport = data.preview !== null && data.preview.tasks_added + data.preview.lists_added > 0;

  return (
    <section className="account-card card" aria-labelledby={`${id}-title`} aria-busy={data.busy !== null}>
      <h2 id={`${id}-title`}>Your data</h2>
      <p>Download everything you have here, or bring tasks in from a file (at most 5 MiB and 10,000 tasks).</p>
      <div role="alert" className={data.error ? "alert alert-error" : "visually-hidden"} data-testid="data-error">
        {data.error}
      </div>
      <div className="data-actions">
        <button type="button" className="btn" onClick={() => data.download("json")} disabled={data.busy !== null}>
          {data.busy === "json" ? "Preparing…" : "Download my data"}
        </button>
        <button type="button" className="btn" onClick={() => data.download("csv")} disabled={data.busy !== null}>
          {data.busy === "csv" ? "Preparing…" : "Download tasks (CSV)"}
        </button>
      </div>

      <h3 className="data-subtitle">Import</h3>
      <div className="data-import">
        <label htmlFor={`${id}-file`}>File to import</label>
        <input
          id={`${id}-file`}
          type="file"
          accept=".json,.csv,application/json,text/csv"
          data-testid="import-file"
          disabled={data.busy === "import"}
          onChange={(event) => void data.choose(event.target.files?.[0] ?? null)}
        />
        <label htmlFor={`${id}-format`}>Format</label>
        <select
          id={`${id}-format`}
          value={data.format}
          data-testid="import-format"
          disabled={data.busy !== null}
          onChange={(event) => void data.changeFormat(event.target.value as ImportFormat)}
        >
          {IMPORT_FORMATS.map((f) => (
            <option key={f.value} value={f.value}>
              {f.label}
            </option>
          ))}
        </select>
      </div>
      <div role="status" data-testid="import-status">
        {data.busy === "preview" && <p>Reading the file…</p>}
        {data.preview && (
          <div className="data-preview" data-testid="import-preview">
            <p>In {data.file?.name ?? "the file"}:</p>
            <ul>
              {summary(data.preview).map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </div>
        )}
        {data.result && (
          <div className="alert alert-success" data-testid="import-result">
            <p>Done:</p>
            <ul>
              {summary(data.result).map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </div>
        )}
      </div>
      {data.preview && (
        <button
          type="button"
          className="btn btn-primary"
          onClick={() => void data.confirm()}
          disabled={!canImport || data.busy !== null}
          aria-busy={data.busy === "import"}
          data-testid="import-confirm"
        >
          {data.busy === "import"
            ? "Importing…"
            : `Import ${data.preview.tasks_added.toLocaleString("en-US")} task${data.preview.tasks_added === 1 ? "" : "s"}`}
        </button>
      )}
    </section>
  );
}
