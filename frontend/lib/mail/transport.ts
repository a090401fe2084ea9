import { randomUUID } from "node:crypto";
import { chmod, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";
import type { MailConfig } from "./config";
import type { MailMessage } from "./messages";

export interface Mailer {
  /** Where mail goes, for the start-up log: never holds credentials. */
  readonly description: string;
  send(message: MailMessage): Promise<void>;
}

type Log = (line: string) => void;

/** SMTP when configured; otherwise each message becomes files in the outbox and one console line. */
export function createMailer(config: MailConfig, log: Log = (line) => console.log(line)): Mailer {
  return config.kind === "smtp" ? smtpMailer(config, log) : outboxMailer(config, log);
}

function smtpMailer(config: Extract<MailConfig, { kind: "smtp" }>, log: Log): Mailer {
  // nodemailer reads host, port, user and password from the URL; smtp:// upgrades with STARTTLS
  // when the server offers it, smtps:// is TLS from the first byte.
  const transport = nodemailer.createTransport(config.url);
  return {
    description: `SMTP ${config.server}`,
    async send(message) {
      await transport.sendMail({
        from: config.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
      });
      // The link is a credential: in SMTP mode it goes to the mailbox only, not to the logs.
      log(`mail to ${message.to}: ${message.subject} (sent via ${config.server})`);
    },
  };
}

function outboxMailer(config: Extract<MailConfig, { kind: "outbox" }>, log: Log): Mailer {
  const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    description: `outbox ${config.dir}`,
    async send(message) {
      const info = await composer.sendMail({
        from: config.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
      });
      // Owner-only: the files hold working sign-in links (chmod too: the folder may predate this).
      await mkdir(config.dir, { recursive: true, mode: 0o700 });
      await chmod(config.dir, 0o700);
      const base = path.join(config.dir, `${new Date().toISOString().replace(/[:.]/g, "-")}-${randomUUID().slice(0, 8)}`);
      await writeFile(`${base}.eml`, info.message as Buffer, { mode: 0o600 });
      const { to, subject, link, text } = message;
      await writeFile(`${base}.json`, JSON.stringify({ to, subject, link, text }, null, 2) + "\n", { mode: 0o600 });
      // Where the mail is, never the link: console output ends up in log files (run.sh's web.log),
      // which are not the place for a credential. The outbox is the owner's only.
      log(`mail to ${to}: ${subject} — in ${base}.eml`);
    },
  };
}
