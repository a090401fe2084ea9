// Deleting an account needs proof: probe issue 21, finding 2 (real Better Auth, in memory).
import { describe, expect, it } from "vitest";
import { cookiesOf, mailAuth } from "../auth/test-auth";
import { deletedUserToForget } from "./account-deleted";

const ADA = { email: "ada@example.com", password: "correct-horse-1", name: "Ada" };
type Setup = ReturnType<typeof mailAuth>;
const users = (s: Setup) => s.db.user as { id: string; email: string }[];

/** A fresh session (seconds old, well inside Better Auth's 24 h freshAge). */
async function signedUp(s: Setup) {
  return cookiesOf(await s.call("/sign-up/email", { body: ADA }));
}

/** An account that signs in only through a provider: its password account replaced by an OIDC one. */
async function ssoOnly(s: Setup) {
  const cookie = await signedUp(s);
  const userId = users(s)[0].id;
  s.db.account.length = 0;
  s.db.account.push({
    id: "acc-oidc",
    userId,
    providerId: "oidc",
    accountId: "idp-sub-1",
    createdAt: new Date(),
    updatedAt: new Date(),
  });
  return cookie;
}

describe("delete-user needs the password or a mailed confirmation, whatever the session's age", () => {
  it("{} with a fresh session is refused and deletes nothing", async () => {
    const s = mailAuth();
    const cookie = await signedUp(s);
    const res = await s.call("/delete-user", { body: {}, cookie });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: "DELETE_NEEDS_PROOF" });
    expect(users(s)).toHaveLength(1);
    expect((await s.call("/get-session", { cookie }).then((r) => r.json()))?.user.email).toBe(ADA.email);
  });

  it("with the password it deletes the account", async () => {
    const s = mailAuth();
    const cookie = await signedUp(s);
    expect((await s.call("/delete-user", { body: { password: ADA.password }, cookie })).status).toBe(200);
    expect(users(s)).toEqual([]);
  });

  it("an SSO-only account: {} is refused; the mailed link deletes it, only where the account is signed in", async () => {
    const s = mailAuth();
    const cookie = await ssoOnly(s);
    const userId = users(s)[0].id;
    expect((await s.call("/delete-user", { body: {}, cookie })).status).toBe(400);
    expect(users(s)).toHaveLength(1);

    expect((await s.call("/delete-user/send-confirmation", { body: {}, cookie })).status).toBe(200);
    const [mail] = s.mails(/Confirm deleting your Tasks account/);
    expect(mail.to).toBe(ADA.email);
    expect(new URL(mail.link).pathname).toBe("/api/auth/delete-user/callback");

    // The link alone, in a browser without the session, deletes nothing.
    const elsewhere = await s.call(mail.link);
    expect(elsewhere.status).toBeGreaterThanOrEqual(400);
    expect(users(s)).toHaveLength(1);

    const here = await s.call(mail.link, { cookie });
    expect(here.status).toBe(302);
    // Lands where the browser forgets the gone user's unsent task edits (the session is gone with them).
    const landing = new URL(here.headers.get("location") ?? "", "http://app");
    expect(landing.pathname).toBe("/en/account-deleted");
    expect(landing.searchParams.get("user")).toBe(userId);
    // The server's proof that the link was made for this user (only then does the landing forget anything).
    expect(
      await deletedUserToForget(
        userId,
        landing.searchParams.get("proof") ?? undefined,
        (await s.auth.$context).secret,
        async () => null,
      ),
    ).toBe(userId);
    expect(users(s)).toEqual([]);
    // Used once: the same link again does nothing (there is nothing left, and the token is gone).
    expect(s.db.verification.filter((v) => (v as { identifier: string }).identifier.startsWith("delete-account-"))).toEqual([]);
  });

  it("the confirmation link needs a session, and is not offered to accounts that have a password", async () => {
    const s = mailAuth();
    expect((await s.call("/delete-user/send-confirmation", { body: {} })).status).toBe(401);
    const cookie = await signedUp(s);
    const res = await s.call("/delete-user/send-confirmation", { body: {}, cookie });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: "USE_PASSWORD" });
    expect(s.sent.filter((m) => /deleting/.test(m.subject))).toEqual([]);
  });
});
