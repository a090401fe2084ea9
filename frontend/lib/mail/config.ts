import path from "node:path";

/** How mail leaves the app: a real SMTP server, or files in a local outbox (plus a console line). */
export type MailConfig =
  | { kind: "smtp"; url: string; from: string; /** host:port only, for logs: never the credentials */ server: string }
  | { kind: "outbox"; dir: string; from: string };

const OUTBOX_FROM = "Tasks <no-reply@localhost>";

/**
 * SMTP_URL and MAIL_FROM together select SMTP; neither selects the outbox under the data
 * directory. One without the other is a mistake that would lose every mail: refused.
 */
export function mailConfig(env: NodeJS.ProcessEnv = process.env): MailConfig {
  const url = env.SMTP_URL?.trim() || "";
  const from = env.MAIL_FROM?.trim() || "";
  if (!url && !from) return { kind: "outbox", dir: outboxDir(env), from: OUTBOX_FROM };
  if (!url || !from) {
    throw new Error(
      `SMTP_URL and MAIL_FROM go together: set both to send mail over SMTP, or neither to write mail to the local outbox (${
        url ? "MAIL_FROM" : "SMTP_URL"
      } is missing)`,
    );
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    // The value may hold a password: never repeat it.
    throw new Error("SMTP_URL is not a URL; expected smtp://user:pass@host:587 or smtps://user:pass@host:465");
  }
  if (parsed.protocol !== "smtp:" && parsed.protocol !== "smtps:") {
    throw new Error(`SMTP_URL must start with smtp:// or smtps://; got ${parsed.protocol}//…`);
  }
  if (!parsed.hostname) throw new Error("SMTP_URL has no host; expected smtp://user:pass@host:587");
  if (!isMailbox(from)) {
    throw new Error(`MAIL_FROM must be an address such as "Tasks <no-reply@example.com>"; got "${from}"`);
  }
  const port = parsed.port || (parsed.protocol === "smtps:" ? "465" : "587");
  return { kind: "smtp", url, from, server: `${parsed.protocol}//${parsed.hostname}:${port}` };
}

/** `a@b.c` or `Name <a@b.c>`, nothing else (no lists, no line breaks). */
function isMailbox(value: string) {
  return /^(?:[^<>\r\n]*<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/.test(value);
}

/**
 * `$TASKS_DATA_DIR/outbox` (run.sh sets TASKS_DATA_DIR); without it the repository's `.data/outbox`
 * (npm scripts run in frontend/, so that is one level up).
 */
export function outboxDir(env: NodeJS.ProcessEnv = process.env): string {
  // A run-time folder, not a source file: the ignore comments keep Next.js's build from tracing
  // (and bundling) the whole project because of this path.
  const dataDir = env.TASKS_DATA_DIR?.trim() || path.resolve(/*turbopackIgnore: true*/ process.cwd(), "..", ".data");
  return path.join(path.resolve(/*turbopackIgnore: true*/ dataDir), "outbox");
}

/** REQUIRE_EMAIL_VERIFICATION: `true` or `false` (default); anything else is refused. */
export function requireEmailVerification(env: NodeJS.ProcessEnv = process.env): boolean {
  const raw = env.REQUIRE_EMAIL_VERIFICATION?.trim() ?? "";
  if (raw === "" || raw === "false") return false;
  if (raw === "true") return true;
  throw new Error(`REQUIRE_EMAIL_VERIFICATION must be true or false; got "${raw}"`);
}

/** The outbox folder when mail goes there (no SMTP configured), for pages that tell where a mail is; null with SMTP. */
export function outboxDirIfLocal(env: NodeJS.ProcessEnv = process.env): string | null {
  try {
    const config = mailConfig(env);
    return config.kind === "outbox" ? config.dir : null;
  } catch {
    return null;
  }
}
