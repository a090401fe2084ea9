"use client";

import { useState } from "react";
import { backupCodesFile } from "@/lib/two-factor/totp";
import styles from "./account-security.module.css";

/** Freshly made backup codes, shown once: copy them or download them as a text file. */
export function BackupCodes({ codes, email, onDone }: { codes: string[]; email: string; onDone: () => void }) {
  const [copied, setCopied] = useState<boolean | null>(null);
  const file = backupCodesFile(codes, email);

  async function copy() {
    try {
      await navigator.clipboard.writeText(codes.join("\n"));
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }

  return (
    <div className={styles.section} data-testid="backup-codes">
      <h2>Save your backup codes</h2>
      <p className={styles.muted}>
        Each code signs you in once if you lose your authenticator app. This is the only time they are shown: copy or download
        them now and keep them somewhere safe.
      </p>
      <ul className={styles.codes} aria-label="Backup codes">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
      <div className={styles.row}>
        <button type="button" className="btn btn-ghost" onClick={copy}>
          Copy codes
        </button>
        <a
          className="btn btn-ghost"
          href={`data:text/plain;charset=utf-8,${encodeURIComponent(file)}`}
          download="tasks-backup-codes.txt"
        >
          Download codes
        </a>
        <button type="button" className="btn btn-primary" onClick={onDone}>
          I&apos;ve saved them
        </button>
      </div>
      <p role="status" className={styles.muted}>
        {copied === true
          ? "Copied to the clipboard."
          : copied === false
            ? "Couldn't copy: select the codes and copy them by hand."
            : ""}
      </p>
    </div>
  );
}
