import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { emailKey } from "../account/email-key";
import { fits, MAIL_LIMITS } from "./mail-limit";
import { memoryAuth } from "../auth/test-auth";

const BASE = "http://localhost:3000";
const ADA = { email: "ada@example.com", password: "correct-horse-1", name: "Ada" };
const MINUTE = 60_000;

function setup() {
  const { auth, db, mail } = memoryAuth({ AUTH_RATE_LIMIT: "off" });
  const call = (path: string, body: unknown, forwardedFor = "203.0.113.1") =>
    auth.handler(
      new Request(`${BASE}/api/auth${path}`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: BASE, "x-forwarded-for": forwardedFor },
        body: JSON.stringify(body),
      }),
    );
  const askReset = (i = 0, email = ADA.email) =>
    call("/request-password-reset", { email, redirectTo: "/en/reset-password" }, `198.51.100.${(i % 250) + 1}`);
  const resetMails = () => mail.filter((m) => /Reset/.test(m.subject));
  return { auth, db, mail, call, askReset, resetMails };
}

describe("fits", () => {
  it("allows 3 in any 15 minutes and 10 in any 24 hours", () => {
    expect(MAIL_LIMITS).toEqual([
      { windowMs: 15 * MINUTE, max: 3 },
      { windowMs: 24 * 60 * MINUTE, max: 10 },
    ]);
    const now = 100 * 24 * 60 * MINUTE;
    expect(fits([now - 1, now - 2], now)).toBe(true);
    expect(fits([now - 1, now - 2, now - 3], now)).toBe(false);
    expect(fits([now - 15 * MINUTE, now - 2, now - 3], now)).toBe(true);
    expect(
      fits(
        Array.from({ length: 10 }, (_, i) => now - (i + 1) * 60 * MINUTE),
        now,
      ),
    ).toBe(false);
  });
});

describe("a per-recipient limit on every mail (issue 21, 12)", () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-12-07T12:00:00Z"));
  });
  afterEach(() => vi.useRealTimers());

  it("reset requests from rotating addresses: 3 mails reach the mailbox, every answer is the same", async () => {
    const s = setup();
    await s.call("/sign-up/email", ADA); // the confirmation mail is the first of the 3
    const answers = [];
    for (let i = 0; i < 20; i++) {
      const res = await s.askReset(i);
      answers.push({ status: res.status, body: await res.json() });
    }
    expect(s.mail.map((m) => m.to)).toEqual([ADA.email, ADA.email, ADA.email]);
    expect(s.resetMails()).toHaveLength(2);
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    expect(answers[0].status).toBe(200);
  });

  it("a burst in parallel gets no more than the limit (compare-and-set on the stored row)", async () => {
    const s = setup();
    await s.call("/sign-up/email", ADA);
    await Promise.all(Array.from({ length: 12 }, (_, i) => s.askReset(i)));
    expect(s.mail).toHaveLength(3);
  });

  it("confirmation mails count toward the same limit as reset mails", async () => {
    const s = setup();
    await s.call("/sign-up/email", ADA); // one confirmation mail
    for (let i = 0; i < 3; i++) await s.call("/send-verification-email", { email: ADA.email });
    await s.askReset();
    expect(s.mail.map((m) => m.to)).toEqual([ADA.email, ADA.email, ADA.email]);
  });

  it("3 more after 15 minutes, at most 10 in a day, and the next day again", async () => {
    const s = setup();
    await s.call("/sign-up/email", ADA); // one of the day's 10
    const perQuarter = [];
    for (let q = 0; q < 5; q++) {
      const before = s.resetMails().length;
      for (let i = 0; i < 5; i++) await s.askReset(i);
      perQuarter.push(s.resetMails().length - before);
      vi.setSystemTime(Date.now() + 15 * MINUTE);
    }
    expect(perQuarter).toEqual([2, 3, 3, 1, 0]);
    expect(s.mail).toHaveLength(10);
    vi.setSystemTime(Date.now() + 24 * 60 * MINUTE);
    for (let i = 0; i < 5; i++) await s.askReset(i);
    expect(s.mail).toHaveLength(13);
  });

  it("one recipient's limit is not another's; the table holds a hash of the address, not the address", async () => {
    const s = setup();
    await s.call("/sign-up/email", ADA);
    await s.call("/sign-up/email", { ...ADA, email: "bob@example.com", name: "Bob" });
    for (let i = 0; i < 5; i++) await s.askReset(i);
    await s.askReset(0, "bob@example.com");
    expect(s.resetMails().filter((m) => m.to === "bob@example.com")).toHaveLength(1);
    const rows = s.db.mailLimit as { key: string }[];
    expect(rows.map((r) => r.key).sort()).toEqual([emailKey(ADA.email), emailKey("bob@example.com")].sort());
    expect(JSON.stringify(rows)).not.toContain("example.com");
  });
});
