// Profile editing against the real Better Auth (in memory): name, and the address change that is
// confirmed at the new address, told to the old one and undone from there (issue 23, item 1).
import { decodeJwt } from "jose";
import { describe, expect, it } from "vitest";
import { cookiesOf, mailAuth } from "../auth/test-auth";
import { NAME_MAX_CHARS } from "../auth/user-limits";
import { MAIL_LIMITS } from "../mail/mail-limit";
import { emailChangedPath } from "./account-links";

const ADA = { email: "ada@example.com", password: "correct-horse-1", name: "Ada" };
const NEW = "ada@new.example";
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Setup = ReturnType<typeof mailAuth>;
type Row = { id: string; email: string; emailVerified: boolean; name: string };
const user = (s: Setup) => (s.db.user as Row[])[0];
const changeLinks = (s: Setup) => s.mails(/Confirm your new email address/).map((m) => m);
const notices = (s: Setup) => s.mails(/email address of your Tasks account was changed/);
const tokenClaims = async (s: Setup, cookie: string) =>
  decodeJwt(((await (await s.call("/token", { cookie })).json()) as { token: string }).token);

/** A signed-up account whose address is confirmed (the confirmation itself is email-proof's business), and its cookie. */
async function confirmedAccount(s: Setup) {
  const cookie = cookiesOf(await s.call("/sign-up/email", { body: ADA }));
  user(s).emailVerified = true;
  return cookie;
}

async function changeTo(s: Setup, cookie: string, newEmail = NEW) {
  return s.call("/change-email", { body: { newEmail, callbackURL: emailChangedPath() }, cookie });
}

/** Changes the address through the mailed link; returns the undo token from the old address's notice. */
async function changedWithNotice(s: Setup, cookie: string) {
  expect((await changeTo(s, cookie)).status).toBe(200);
  const opened = await s.call(changeLinks(s).at(-1)!.link, { cookie });
  expect(opened.status).toBe(302);
  expect(opened.headers.get("location")).toBe(emailChangedPath());
  const undo = new URL(notices(s).at(-1)!.link);
  return undo.searchParams.get("token")!;
}

describe("changing the name", () => {
  it("updates the name (trimmed) and the next JWT carries it", async () => {
    const s = mailAuth();
    const cookie = cookiesOf(await s.call("/sign-up/email", { body: ADA }));
    expect((await s.call("/update-user", { body: { name: "  Ada Lovelace " }, cookie })).status).toBe(200);
    expect(user(s).name).toBe("Ada Lovelace");
    expect((await tokenClaims(s, cookie)).name).toBe("Ada Lovelace");
  });

  it("refuses a name over the cap and one with a line break, changing nothing", async () => {
    const s = mailAuth();
    const cookie = cookiesOf(await s.call("/sign-up/email", { body: ADA }));
    const long = await s.call("/update-user", { body: { name: "x".repeat(NAME_MAX_CHARS + 1) }, cookie });
    expect(long.status).toBe(400);
    expect((await long.json()).code).toBe("NAME_TOO_LONG");
    const broken = await s.call("/update-user", { body: { name: "Ada\nadmin" }, cookie });
    expect((await broken.json()).code).toBe("NAME_HAS_CONTROL_CHARACTERS");
    expect(user(s).name).toBe("Ada");
  });

  it("update-user cannot change the address (only change-email can)", async () => {
    const s = mailAuth();
    const cookie = cookiesOf(await s.call("/sign-up/email", { body: ADA }));
    expect((await s.call("/update-user", { body: { email: NEW }, cookie })).status).toBe(400);
    expect(user(s).email).toBe(ADA.email);
  });
});

describe("changing the email address", () => {
  it("mails the new address; nothing changes until its link is opened, then the JWT and session carry the new address", async () => {
    const s = mailAuth();
    const cookie = await confirmedAccount(s);
    expect((await changeTo(s, cookie)).status).toBe(200);
    const [mail] = changeLinks(s);
    expect(mail.to).toBe(NEW);
    expect(mail.text).toContain(ADA.email);
    expect(user(s).email).toBe(ADA.email);
    expect((await tokenClaims(s, cookie)).email).toBe(ADA.email);

    expect((await s.call(mail.link)).status).toBe(302); // no session needed: opened in the mail app's browser
    expect(user(s)).toMatchObject({ email: NEW, emailVerified: true });
    expect((await tokenClaims(s, cookie)).email).toBe(NEW);
    expect((await (await s.call("/get-session", { cookie })).json()).user.email).toBe(NEW);
  });

  it("the link never signs in", async () => {
    const s = mailAuth();
    const cookie = await confirmedAccount(s);
    await changeTo(s, cookie);
    const opened = await s.call(changeLinks(s)[0].link);
    expect(opened.headers.getSetCookie().some((c) => /session_token=[^;]+/.test(c))).toBe(false);
  });

  it("tells the old address, once, with an undo link; the link works once", async () => {
    const s = mailAuth();
    const cookie = await confirmedAccount(s);
    const token = await changedWithNotice(s, cookie);
    const [notice] = notices(s);
    expect(notice.to).toBe(ADA.email);
    expect(notice.text).toContain(NEW);
    expect(notice.link).toMatch(/^http:\/\/localhost:3000\/en\/email-change\/undo\?token=/);
    // The change link a second time: refused, no second notice.
    const again = await s.call(changeLinks(s)[0].link);
    expect(again.headers.get("location")).toMatch(/error=/);
    expect(notices(s)).toHaveLength(1);
    expect(token).toBeTruthy();
  });

  it("an address that has an account gets no mail, and the answer is the same", async () => {
    const s = mailAuth();
    await s.call("/sign-up/email", { body: { ...ADA, email: NEW } });
    const mine = cookiesOf(await s.call("/sign-up/email", { body: ADA }));
    user(s).emailVerified = true;
    const before = s.sent.length;
    const res = await changeTo(s, mine);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: true });
    expect(s.sent.length).toBe(before);
  });

  it("an unconfirmed account's old address is not told (it was never shown to be the owner's)", async () => {
    const s = mailAuth();
    const cookie = cookiesOf(await s.call("/sign-up/email", { body: ADA }));
    await changeTo(s, cookie);
    await s.call(changeLinks(s)[0].link);
    expect(user(s)).toMatchObject({ email: NEW, emailVerified: false });
    expect(notices(s)).toHaveLength(0);
  });

  it("the old address is told even when its mail limit is used up", async () => {
    const s = mailAuth();
    const cookie = await confirmedAccount(s);
    // The sign-up's confirmation and reset requests use up the 15-minute share of the old address.
    for (let i = 0; i < MAIL_LIMITS[0].max; i++) {
      await s.call("/request-password-reset", { body: { email: ADA.email, redirectTo: "/en/reset-password" } });
    }
    expect(s.sent.filter((m) => m.to === ADA.email)).toHaveLength(MAIL_LIMITS[0].max);
    await changedWithNotice(s, cookie);
    expect(notices(s)).toHaveLength(1);
  });
});

describe("undoing an address change from the old address", () => {
  const undo = (s: Setup, token: string) => s.call("/email-change/undo", { body: { token } });

  it("gives back the old address, confirmed, ends every session and hands a reset token", async () => {
    const s = mailAuth();
    const cookie = await confirmedAccount(s);
    const token = await changedWithNotice(s, cookie);
    const res = await undo(s, token);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { email: string; resetPath: string };
    expect(body.email).toBe(ADA.email);
    expect(res.headers.getSetCookie().some((c) => /session_token=[^;]+/.test(c))).toBe(false);
    expect(user(s)).toMatchObject({ email: ADA.email, emailVerified: true });
    expect(s.db.session).toHaveLength(0);
    expect(await (await s.call("/get-session", { cookie })).json()).toBeNull();

    const reset = new URL(body.resetPath, "http://localhost:3000");
    expect(reset.pathname).toBe("/en/reset-password");
    expect(reset.searchParams.get("notice")).toBe("email-change-undone");
    const newPassword = "battery-staple-2";
    const done = await s.call("/reset-password", { body: { newPassword, token: reset.searchParams.get("token") } });
    expect(done.status).toBe(200);
    expect((await s.call("/sign-in/email", { body: { email: ADA.email, password: newPassword } })).status).toBe(200);
  });

  it("works once; an unknown token is refused", async () => {
    const s = mailAuth();
    const token = await changedWithNotice(s, await confirmedAccount(s));
    expect((await undo(s, token)).status).toBe(200);
    const second = await undo(s, token);
    expect(second.status).toBe(400);
    expect((await second.json()).code).toBe("INVALID_TOKEN");
    expect((await undo(s, "not-a-token")).status).toBe(400);
  });

  it("a change link mailed before the undo is void after it", async () => {
    const s = mailAuth();
    const cookie = await confirmedAccount(s);
    const token = await changedWithNotice(s, cookie);
    const fresh = cookiesOf(await s.call("/sign-in/email", { body: { ...ADA, email: NEW } }));
    await changeTo(s, fresh, "ada@third.example");
    const pending = changeLinks(s).at(-1)!.link;
    await sleep(1100); // a JWT's iat has whole seconds
    expect((await undo(s, token)).status).toBe(200);
    expect((await s.call(pending)).headers.get("location")).toMatch(/error=INVALID_TOKEN/);
    expect(user(s).email).toBe(ADA.email);
  });

  it("refuses when the old address has meanwhile become another account's", async () => {
    const s = mailAuth();
    const token = await changedWithNotice(s, await confirmedAccount(s));
    await s.call("/sign-up/email", { body: { ...ADA, name: "Someone else" } });
    const res = await undo(s, token);
    expect(res.status).toBe(409);
    expect((await res.json()).code).toBe("EMAIL_TAKEN");
    expect((s.db.user as Row[]).find((u) => u.name === "Ada")!.email).toBe(NEW);
  });
});
