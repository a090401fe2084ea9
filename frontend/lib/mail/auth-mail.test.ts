// The mail flows against the real Better Auth (in memory), with a mailer that keeps what it is given.
import { memoryAdapter } from "better-auth/adapters/memory";
import { describe, expect, it } from "vitest";
import { createAuth } from "../auth/auth-config";
import type { MailMessage } from "./messages";
import { memoryTables } from "../auth/test-auth";

const BASE = "http://localhost:3000";
const ENV = {
  BETTER_AUTH_URL: BASE,
  BETTER_AUTH_SECRET: "test-secret-0123456789abcdef0123456789abcdef",
  NODE_ENV: "test",
  AUTH_RATE_LIMIT: "off",
};
const ADA = { email: "ada@example.com", password: "correct-horse-1", name: "Ada" };
const NEW_PASSWORD = "battery-staple-2";

function setup(vars: Record<string, string> = {}) {
  const db = memoryTables();
  const sent: MailMessage[] = [];
  const auth = createAuth({ ...ENV, ...vars } as unknown as NodeJS.ProcessEnv, memoryAdapter(db), {
    description: "test",
    send: async (m) => void sent.push(m),
  });
  const call = (path: string, init: { method?: string; body?: unknown; cookie?: string } = {}) =>
    auth.handler(
      new Request(path.startsWith("http") ? path : `${BASE}/api/auth${path}`, {
        method: init.method ?? (init.body ? "POST" : "GET"),
        headers: { "content-type": "application/json", origin: BASE, ...(init.cookie ? { cookie: init.cookie } : {}) },
        body: init.body ? JSON.stringify(init.body) : undefined,
      }),
    );
  const mails = (subject: RegExp) => sent.filter((m) => subject.test(m.subject));
  return { auth, db, sent, call, mails };
}

const cookieOf = (res: Response) =>
  res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");

async function signIn(call: ReturnType<typeof setup>["call"], password: string) {
  return call("/sign-in/email", { body: { email: ADA.email, password } });
}

async function sessionOf(call: ReturnType<typeof setup>["call"], cookie: string) {
  return (await call("/get-session", { cookie })).json();
}

/** The reset mail's link, followed as a browser would: Better Auth redirects to our page with the token. */
async function resetToken(s: ReturnType<typeof setup>) {
  expect((await s.call("/request-password-reset", { body: { email: ADA.email, redirectTo: "/en/reset-password" } })).status).toBe(
    200,
  );
  const link = s.mails(/Reset your Tasks password/).at(-1)!.link;
  const res = await s.call(link);
  expect(res.status).toBe(302);
  const location = new URL(res.headers.get("location")!);
  expect(`${location.origin}${location.pathname}`).toBe(`${BASE}/en/reset-password`);
  return { link, token: location.searchParams.get("token")! };
}

describe("forgot password", () => {
  it("answers the same whether or not the account exists, and mails only an existing one", async () => {
    const s = setup();
    await s.call("/sign-up/email", { body: ADA });
    const known = await s.call("/request-password-reset", { body: { email: ADA.email, redirectTo: "/en/reset-password" } });
    const unknown = await s.call("/request-password-reset", {
      body: { email: "nobody@example.com", redirectTo: "/en/reset-password" },
    });
    expect(known.status).toBe(200);
    expect(unknown.status).toBe(200);
    expect(await unknown.json()).toEqual(await known.json());
    expect(s.mails(/Reset/).map((m) => m.to)).toEqual([ADA.email]);
  });

  it("a reset through the mailed link changes the password and ends every session of the user", async () => {
    const s = setup();
    const laptop = cookieOf(await s.call("/sign-up/email", { body: ADA }));
    const phone = cookieOf(await signIn(s.call, ADA.password));
    expect((await sessionOf(s.call, phone))?.user.email).toBe(ADA.email);

    const { token } = await resetToken(s);
    const reset = await s.call("/reset-password", { body: { newPassword: NEW_PASSWORD, token } });
    expect(reset.status).toBe(200);

    expect(await sessionOf(s.call, laptop)).toBeNull();
    expect(await sessionOf(s.call, phone)).toBeNull();
    expect(s.db.session).toEqual([]);
    expect((await signIn(s.call, ADA.password)).status).toBe(401);
    expect((await signIn(s.call, NEW_PASSWORD)).status).toBe(200);
  });

  it("a link works once: the second use is refused and changes nothing", async () => {
    const s = setup();
    await s.call("/sign-up/email", { body: ADA });
    const { link, token } = await resetToken(s);
    expect((await s.call("/reset-password", { body: { newPassword: NEW_PASSWORD, token } })).status).toBe(200);

    const again = await s.call("/reset-password", { body: { newPassword: "another-pass-3", token } });
    expect(again.status).toBe(400);
    expect((await again.json()).code).toBe("INVALID_TOKEN");
    const followed = await s.call(link);
    expect(new URL(followed.headers.get("location")!).searchParams.get("error")).toBe("INVALID_TOKEN");
    expect((await signIn(s.call, NEW_PASSWORD)).status).toBe(200);
  });

  it("an expired link is refused", async () => {
    const s = setup();
    await s.call("/sign-up/email", { body: ADA });
    const { link, token } = await resetToken(s);
    for (const v of s.db.verification as { expiresAt: Date }[]) v.expiresAt = new Date(Date.now() - 1000);
    const followed = await s.call(link);
    expect(new URL(followed.headers.get("location")!).searchParams.get("error")).toBe("INVALID_TOKEN");
    expect((await s.call("/reset-password", { body: { newPassword: NEW_PASSWORD, token } })).status).toBe(400);
    expect((await signIn(s.call, ADA.password)).status).toBe(200);
  });

  it("a too-short new password is refused and leaves the link usable", async () => {
    const s = setup();
    await s.call("/sign-up/email", { body: ADA });
    const { token } = await resetToken(s);
    const weak = await s.call("/reset-password", { body: { newPassword: "short", token } });
    expect(weak.status).toBe(400);
    expect((await weak.json()).code).toBe("PASSWORD_TOO_SHORT");
    expect((await signIn(s.call, ADA.password)).status).toBe(200);
    expect((await s.call("/reset-password", { body: { newPassword: NEW_PASSWORD, token } })).status).toBe(200);
  });

  it("the reset link expires after an hour", async () => {
    const s = setup();
    await s.call("/sign-up/email", { body: ADA });
    const before = Date.now();
    await resetToken(s);
    const [v] = s.db.verification as { expiresAt: Date }[];
    expect(v.expiresAt.getTime() - before).toBeGreaterThan(59 * 60_000);
    expect(v.expiresAt.getTime() - before).toBeLessThanOrEqual(60 * 60_000 + 5_000);
  });
});

describe("email verification", () => {
  it("sign-up mails a link that verifies the address; the first confirmation lands on the reset page to choose the password", async () => {
    const s = setup();
    const cookie = cookieOf(await s.call("/sign-up/email", { body: ADA }));
    expect((await sessionOf(s.call, cookie)).user.emailVerified).toBe(false);
    const [mail] = s.mails(/Confirm your email/);
    expect(mail.to).toBe(ADA.email);
    expect(new URL(mail.link).searchParams.get("callbackURL")).toBe("/en/email-verified");

    const res = await s.call(mail.link);
    expect(res.status).toBe(302);
    // What was set up before the proof (password, sessions) ends: lib/account/email-proof.ts.
    expect(res.headers.get("location")).toMatch(/^\/en\/reset-password\?token=[^&]+&notice=email-confirmed$/);
    expect(await sessionOf(s.call, cookie)).toBeNull();
    expect((s.db.user as { emailVerified: boolean }[])[0].emailVerified).toBe(true);
  });

  it("a tampered link is refused with an error on the landing page", async () => {
    const s = setup();
    await s.call("/sign-up/email", { body: ADA });
    const link = new URL(s.mails(/Confirm your email/)[0].link);
    link.searchParams.set("token", link.searchParams.get("token")!.slice(0, -2) + "xx");
    const res = await s.call(link.href);
    expect(res.headers.get("location")).toBe("/en/email-verified?error=INVALID_TOKEN");
  });

  it("REQUIRE_EMAIL_VERIFICATION=true: no session at sign-up, sign-in refused (like a wrong password) until the link is opened", async () => {
    const s = setup({ REQUIRE_EMAIL_VERIFICATION: "true" });
    const signUp = await s.call("/sign-up/email", { body: ADA });
    expect(signUp.status).toBe(200);
    expect((await signUp.json()).token).toBeNull();
    expect(cookieOf(signUp)).not.toMatch(/session_token/);

    const refused = await signIn(s.call, ADA.password);
    // Answered like a wrong password, so a taken address looks like a free one (lib/sign-in/unverified-sign-in.ts).
    expect(refused.status).toBe(401);
    expect((await refused.json()).code).toBe("INVALID_EMAIL_OR_PASSWORD");

    // The "send the link again" button: another mail, same kind of link.
    expect((await s.call("/send-verification-email", { body: { email: ADA.email } })).status).toBe(200);
    const links = s.mails(/Confirm your email/).map((m) => m.link);
    expect(links).toHaveLength(2);

    const opened = await s.call(links[1]);
    // No sign-in after verification (finding 3 of issue 21): the link's response carries no session.
    expect(cookieOf(opened)).not.toMatch(/session_token=[^;]/);
    const token = new URL(opened.headers.get("location")!, BASE).searchParams.get("token")!;
    expect((await s.call("/reset-password", { body: { newPassword: ADA.password, token } })).status).toBe(200);
    expect((await signIn(s.call, ADA.password)).status).toBe(200);
  });

  it("REQUIRE_EMAIL_VERIFICATION=false (default): sign-up signs in at once", async () => {
    const s = setup();
    const signUp = await s.call("/sign-up/email", { body: ADA });
    expect((await signUp.json()).token).toEqual(expect.any(String));
  });
});

describe("Better Auth's rate limits stay on for the mail endpoints", () => {
  it("a fourth reset request or verification mail within a minute from one address gets 429, and no mail", async () => {
    const s = setup({ AUTH_RATE_LIMIT: "on" });
    const reset = () =>
      s.call("/request-password-reset", { body: { email: "nobody@example.com", redirectTo: "/en/reset-password" } });
    const verify = () => s.call("/send-verification-email", { body: { email: "nobody@example.com" } });
    for (const send of [reset, verify]) {
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await send()).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
    }
    expect(s.sent).toEqual([]);
  });
});
