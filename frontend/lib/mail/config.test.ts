import path from "node:path";
import { describe, expect, it } from "vitest";
import { mailConfig, outboxDir, requireEmailVerification } from "./config";

const env = (vars: Record<string, string>) => vars as unknown as NodeJS.ProcessEnv;

describe("mailConfig: the transport follows SMTP_URL and MAIL_FROM", () => {
  it("uses the outbox under TASKS_DATA_DIR when neither is set", () => {
    expect(mailConfig(env({ TASKS_DATA_DIR: "/var/tasks" }))).toEqual({
      kind: "outbox",
      dir: path.join("/var/tasks", "outbox"),
      from: expect.stringContaining("@"),
    });
  });

  it("uses the repository's .data/outbox without TASKS_DATA_DIR", () => {
    expect(outboxDir(env({}))).toBe(path.resolve(process.cwd(), "..", ".data", "outbox"));
  });

  it("uses SMTP when both are set, and names the server without the credentials", () => {
    const c = mailConfig(
      env({ SMTP_URL: "smtp://mailer:s3cret@mail.example.com:2525", MAIL_FROM: "Tasks <no-reply@example.com>" }),
    );
    expect(c).toEqual({
      kind: "smtp",
      url: "smtp://mailer:s3cret@mail.example.com:2525",
      from: "Tasks <no-reply@example.com>",
      server: "smtp://mail.example.com:2525",
    });
    const tls = mailConfig(env({ SMTP_URL: "smtps://u:p@mail.example.com", MAIL_FROM: "no-reply@example.com" }));
    expect(tls).toMatchObject({ kind: "smtp", server: "smtps://mail.example.com:465" });
  });

  it("refuses one without the other", () => {
    expect(() => mailConfig(env({ SMTP_URL: "smtp://mail.example.com" }))).toThrow(
      /SMTP_URL and MAIL_FROM go together.*MAIL_FROM is missing/,
    );
    expect(() => mailConfig(env({ MAIL_FROM: "no-reply@example.com" }))).toThrow(/SMTP_URL is missing/);
  });

  it("refuses a malformed SMTP_URL without repeating its password", () => {
    for (const url of ["mail.example.com:587 with pass s3cret", "http://u:s3cret@mail.example.com", "smtp://u:s3cret@"]) {
      let message = "";
      try {
        mailConfig(env({ SMTP_URL: url, MAIL_FROM: "no-reply@example.com" }));
      } catch (err) {
        message = (err as Error).message;
      }
      expect(message).toMatch(/SMTP_URL/);
      expect(message).not.toContain("s3cret");
    }
  });

  it("refuses a MAIL_FROM that is not one address", () => {
    for (const from of ["tasks", "a@b.c, c@d.e", "Tasks <no-reply@example.com>\r\nBcc: x@y.z"]) {
      expect(() => mailConfig(env({ SMTP_URL: "smtp://mail.example.com", MAIL_FROM: from }))).toThrow(
        /MAIL_FROM must be an address/,
      );
    }
  });
});

describe("REQUIRE_EMAIL_VERIFICATION", () => {
  it("is false by default, true or false when set, refused otherwise", () => {
    expect(requireEmailVerification(env({}))).toBe(false);
    expect(requireEmailVerification(env({ REQUIRE_EMAIL_VERIFICATION: "false" }))).toBe(false);
    expect(requireEmailVerification(env({ REQUIRE_EMAIL_VERIFICATION: "true" }))).toBe(true);
    for (const bad of ["yes", "1", "TRUE"]) {
      expect(() => requireEmailVerification(env({ REQUIRE_EMAIL_VERIFICATION: bad }))).toThrow(/must be true or false/);
    }
  });
});
