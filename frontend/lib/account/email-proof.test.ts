// Confirmation links against the real Better Auth (in memory): probe issue 21, findings 3 and 4.
import { TOTP } from "otpauth";
import { describe, expect, it } from "vitest";
import { cookiesOf, mailAuth } from "../auth/test-auth";
import { totpSecret } from "../two-factor/totp";

const ADA = { email: "ada@example.com", password: "correct-horse-1", name: "Ada" };
const MALLORY_PASSWORD = "mallory-knows-1";
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Setup = ReturnType<typeof mailAuth>;
const confirmLinks = (s: Setup) => s.mails(/Confirm your email/).map((m) => m.link);
const signIn = (s: Setup, password: string) => s.call("/sign-in/email", { body: { email: ADA.email, password } });
const sessionOf = async (s: Setup, cookie: string) => (await s.call("/get-session", { cookie })).json();
const userRow = (s: Setup) => (s.db.user as { email: string; emailVerified: boolean }[]).find((u) => u.email === ADA.email)!;

/** Signs up with `password` and turns two-factor on; returns the (new) session cookie. */
async function signUpWithTwoFactor(s: Setup, password: string) {
  const cookie = cookiesOf(await s.call("/sign-up/email", { body: { ...ADA, password } }));
  const enabled = await s.auth.api.enableTwoFactor({ body: { password }, headers: new Headers({ cookie }) });
  if (enabled.method !== "totp") throw new Error("expected TOTP");
  const totp = new TOTP({ secret: totpSecret(enabled.totpURI)!, digits: 6, period: 30 });
  const verified = await s.call("/two-factor/verify-totp", { body: { code: totp.generate() }, cookie });
  expect(verified.status).toBe(200);
  // Turning two-factor on replaces the session with a new one.
  return cookiesOf(verified) || cookie;
}

describe("a confirmation link never signs in (finding 3)", () => {
  it("for an account with two-factor on, a link anyone can have mailed sets no session and gives no JWT", async () => {
    const s = mailAuth();
    await signUpWithTwoFactor(s, ADA.password);
    // No session needed to have a link mailed (Better Auth's send-verification-email).
    expect((await s.call("/send-verification-email", { body: { email: ADA.email } })).status).toBe(200);
    const opened = await s.call(confirmLinks(s).at(-1)!);
    expect(opened.status).toBe(302);
    expect(opened.headers.getSetCookie().some((c) => /session_token=[^;]+/.test(c))).toBe(false);
    const cookie = cookiesOf(opened);
    expect(await sessionOf(s, cookie)).toBeNull();
    expect((await s.call("/token", { cookie })).status).toBe(401);
  });

  it("a link issued before a password reset is void; one issued after works", async () => {
    const s = mailAuth();
    await s.call("/sign-up/email", { body: ADA });
    const [before] = confirmLinks(s);
    await sleep(1100); // a JWT's iat has whole seconds
    await s.call("/request-password-reset", { body: { email: ADA.email, redirectTo: "/en/reset-password" } });
    const resetLink = s.mails(/Reset your Tasks password/).at(-1)!.link;
    const token = new URL((await s.call(resetLink)).headers.get("location")!).searchParams.get("token")!;
    expect((await s.call("/reset-password", { body: { newPassword: "battery-staple-2", token } })).status).toBe(200);

    const old = await s.call(before);
    expect(old.headers.get("location")).toBe("/en/email-verified?error=INVALID_TOKEN");
    expect(userRow(s).emailVerified).toBe(false);

    await sleep(1100);
    await s.call("/send-verification-email", { body: { email: ADA.email } });
    const fresh = await s.call(confirmLinks(s).at(-1)!);
    expect(fresh.status).toBe(302);
    expect(fresh.headers.get("location")).not.toMatch(/error=/);
    expect(userRow(s).emailVerified).toBe(true);
  });

  it("a link issued before an address change is void", async () => {
    const s = mailAuth();
    await s.call("/sign-up/email", { body: ADA });
    const [before] = confirmLinks(s);
    await sleep(1100);
    const ctx = await s.auth.$context;
    const id = (s.db.user as { id: string }[])[0].id;
    await ctx.internalAdapter.updateUser(id, { email: "ada@elsewhere.example" });
    await ctx.internalAdapter.updateUser(id, { email: ADA.email });
    expect((await s.call(before)).headers.get("location")).toBe("/en/email-verified?error=INVALID_TOKEN");
    expect(userRow(s).emailVerified).toBe(false);
  });
});

describe("pre-registration takeover: the first proof of the address ends what was set up before it (finding 4)", () => {
  it("the earlier password, sessions and two-factor stop reaching the account; the confirmer chooses a password", async () => {
    const s = mailAuth();
    // Mallory registers Ada's address with her own password and turns two-factor on.
    const mallory = await signUpWithTwoFactor(s, MALLORY_PASSWORD);
    expect((await sessionOf(s, mallory))?.user.email).toBe(ADA.email);

    // Ada, told to confirm her address, has a link mailed and opens it.
    await s.call("/send-verification-email", { body: { email: ADA.email } });
    const opened = await s.call(confirmLinks(s).at(-1)!);
    expect(opened.status).toBe(302);
    const location = new URL(opened.headers.get("location")!, "http://localhost:3000");
    expect(location.pathname).toBe("/en/reset-password");
    expect(location.searchParams.get("notice")).toBe("email-confirmed");
    expect(userRow(s).emailVerified).toBe(true);

    // Nothing of Mallory's reaches the account any more.
    expect(await sessionOf(s, mallory)).toBeNull();
    expect(s.db.session).toEqual([]);
    expect((await signIn(s, MALLORY_PASSWORD)).status).toBe(401);
    expect(s.db.twoFactor).toEqual([]);
    expect(s.db.account).toEqual([]);

    // Ada chooses her password with the token the link gave her and signs in, with no code step.
    const token = location.searchParams.get("token")!;
    expect((await s.call("/reset-password", { body: { newPassword: ADA.password, token } })).status).toBe(200);
    const adaIn = await signIn(s, ADA.password);
    expect(adaIn.status).toBe(200);
    expect(await adaIn.json()).not.toHaveProperty("twoFactorRedirect");
    expect((await signIn(s, MALLORY_PASSWORD)).status).toBe(401);
  });

  it("an already confirmed account is left alone by a later link", async () => {
    const s = mailAuth();
    const cookie = cookiesOf(await s.call("/sign-up/email", { body: ADA }));
    const [link] = confirmLinks(s);
    const first = await s.call(link);
    const token = new URL(first.headers.get("location")!, "http://localhost:3000").searchParams.get("token")!;
    await s.call("/reset-password", { body: { newPassword: ADA.password, token } });
    expect(await sessionOf(s, cookie)).toBeNull();

    const laptop = cookiesOf(await signIn(s, ADA.password));
    const again = await s.call(link);
    expect(again.headers.get("location")).toMatch(/^\/en\/email-verified/);
    expect((await sessionOf(s, laptop))?.user.email).toBe(ADA.email);
  });
});
