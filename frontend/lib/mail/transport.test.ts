import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { mailConfig } from "./config";
import { passwordResetMail } from "./messages";
import { createMailer } from "./transport";

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const LINK = "http://localhost:3000/api/auth/reset-password/tok123?callbackURL=%2Fen%2Freset-password";

describe("the outbox (no SMTP configured)", () => {
  it("writes each message as .eml and .json under TASKS_DATA_DIR/outbox and prints one line with the file, never the link", async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "tasks-outbox-test-"));
    dirs.push(dataDir);
    const lines: string[] = [];
    const mailer = createMailer(mailConfig({ TASKS_DATA_DIR: dataDir } as unknown as NodeJS.ProcessEnv), (l) => lines.push(l));
    expect(mailer.description).toBe(`outbox ${path.join(dataDir, "outbox")}`);

    await mailer.send(passwordResetMail({ email: "ada@example.com", name: "Ada" }, LINK, 60));

    const outbox = path.join(dataDir, "outbox");
    const files = readdirSync(outbox).sort();
    expect(files).toHaveLength(2);
    const [eml, json] = [files.find((f) => f.endsWith(".eml"))!, files.find((f) => f.endsWith(".json"))!];
    expect(lines).toEqual([`mail to ada@example.com: Reset your Tasks password — in ${path.join(outbox, eml)}`]);
    expect(lines.join("\n")).not.toContain("tok123");
    const raw = readFileSync(path.join(outbox, eml), "utf8");
    expect(raw).toMatch(/^To: ada@example.com$/m);
    expect(raw).toMatch(/^Subject: Reset your Tasks password$/m);
    expect(raw).toMatch(/^Content-Type: multipart\/alternative/m);
    expect(raw).toMatch(/text\/html/);
    const parsed = JSON.parse(readFileSync(path.join(outbox, json), "utf8"));
    expect(parsed).toMatchObject({ to: "ada@example.com", subject: "Reset your Tasks password", link: LINK });
    // Working links inside: readable by the owner only.
    expect(statSync(path.join(outbox, eml)).mode & 0o077).toBe(0);
    expect(statSync(path.join(outbox, json)).mode & 0o077).toBe(0);
    expect(statSync(outbox).mode & 0o777).toBe(0o700);
  });

  it("makes an outbox folder that others could read owner-only before writing into it", async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "tasks-outbox-test-"));
    dirs.push(dataDir);
    mkdirSync(path.join(dataDir, "outbox"), { mode: 0o755 });
    chmodSync(path.join(dataDir, "outbox"), 0o755);
    const mailer = createMailer(mailConfig({ TASKS_DATA_DIR: dataDir } as unknown as NodeJS.ProcessEnv), () => {});
    await mailer.send(passwordResetMail({ email: "ada@example.com", name: "Ada" }, LINK, 60));
    expect(statSync(path.join(dataDir, "outbox")).mode & 0o777).toBe(0o700);
  });
});

describe("SMTP (SMTP_URL and MAIL_FROM set)", () => {
  it("is chosen from the environment and described without credentials", () => {
    const mailer = createMailer(
      mailConfig({
        SMTP_URL: "smtp://mailer:s3cret@127.0.0.1:2525",
        MAIL_FROM: "no-reply@example.com",
      } as unknown as NodeJS.ProcessEnv),
      () => {},
    );
    expect(mailer.description).toBe("SMTP smtp://127.0.0.1:2525");
  });

  it("reports a server that cannot be reached as a failed send, without the password", async () => {
    const lines: string[] = [];
    // Port 9 (discard) on loopback: nothing listens there, the connection is refused at once.
    const mailer = createMailer(
      mailConfig({
        SMTP_URL: "smtp://mailer:s3cret@127.0.0.1:9",
        MAIL_FROM: "no-reply@example.com",
      } as unknown as NodeJS.ProcessEnv),
      (l) => lines.push(l),
    );
    const err = await mailer.send(passwordResetMail({ email: "ada@example.com" }, LINK, 60)).catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    expect(String((err as Error).message)).not.toContain("s3cret");
    expect(lines).toEqual([]);
  });
});
