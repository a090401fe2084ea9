"use client";

import { useState } from "react";
import {
  createDataTransfer,
  detectFormat,
  importErrorMessage,
  saveFile,
  type DownloadKind,
  type ImportFormat,
  type ImportResult,
} from "@/lib/account/data-transfer";
import { api, errorMessage } from "@/lib/tasks/api";

const transfer = createDataTransfer(api);

/** State of the "Your data" section: downloads, and an import previewed before it is confirmed. */
export function useDataTransfer(userId: string) {
  const [busy, setBusy] = useState<null | DownloadKind | "preview" | "import">(null);
  const [error, setError] = useState<string | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<ImportFormat>("json");
  const [preview, setPreview] = useState<ImportResult | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);

  async function download(kind: DownloadKind) {
    setBusy(kind);
    setError(null);
    try {
      const { blob, name } = await transfer.download(userId, kind);
      saveFile(blob, name);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(null);
    }
  }

  async function choose(chosen: File | null) {
    setFile(chosen);
    setPreview(null);
    setResult(null);
    setError(null);
    if (!chosen) return;
    // The first bytes are enough to tell JSON from Todoist's CSV from a plain one.
    const start = await chosen.slice(0, 4096).text();
    const detected = detectFormat(chosen.name, start);
    setFormat(detected);
    await previewWith(chosen, detected);
  }

  async function previewWith(chosen: File, chosenFormat: ImportFormat) {
    setBusy("preview");
    setError(null);
    setPreview(null);
    try {
      setPreview(await transfer.importFile(userId, chosen, chosenFormat, true));
    } catch (err) {
      setError(importErrorMessage(err));
    } finally {
      setBusy(null);
    }
  }

  async function changeFormat(next: ImportFormat) {
    setFormat(next);
    setResult(null);
    if (file) await previewWith(file, next);
  }

  async function confirm() {
    if (!file) return;
    setBusy("import");
    setError(null);
    try {
      setResult(await transfer.importFile(userId, file, format, false));
      setPreview(null);
    } catch (err) {
      setError(importErrorMessage(err));
    } finally {
      setBusy(null);
    }
  }

  return { busy, error, file, format, preview, result, download, choose, changeFormat, confirm };
}
