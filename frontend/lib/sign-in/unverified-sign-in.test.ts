// REQUIRE_EMAIL_VERIFICATION=true: sign-up + sign-in does not tell a free address from a taken one
// (probe issue 21, finding 10), against the real Better Auth in memory.
import { describe, expect, it } from "vitest";
import { mailAuth } from "../auth/test-auth";

const PASSWORD = "attacker-pass-1";

/** The probe's check: sign up with the address and a password, then sign in with the same. */
async function signUpThenSignIn(s: ReturnType<typeof mailAuth>, email: string) {
  const signUp = await s.call("/sign-up/email", { body: { email, password: PASSWORD, name: "X" } });
  const signIn = await s.call("/sign-in/email", { body: { email, password: PASSWORD } });
  return {
    signUp: { status: signUp.status, body: await signUp.json() },
    signIn: { status: signIn.status, body: await signIn.json() },
  };
}

describe("REQUIRE_EMAIL_VERIFICATION=true: a free and a taken address answer alike", () => {
  it("sign-up then sign-in with the same password: 401 INVALID_EMAIL_OR_PASSWORD for both, no session", async () => {
    const s = mailAuth({ REQUIRE_EMAIL_VERIFICATION: "true" });
    await s.call("/sign-up/email", { body: { email: "taken@example.com", password: "owners-pass-1", name: "Owner" } });

    const free = await signUpThenSignIn(s, "free@example.com");
    const taken = await signUpThenSignIn(s, "taken@example.com");
    expect(free.signIn).toEqual({
      status: 401,
      body: { code: "INVALID_EMAIL_OR_PASSWORD", message: "Invalid email or password" },
    });
    expect(taken.signIn).toEqual(free.signIn);
    expect(s.db.session).toEqual([]);
  });

  it("the owner's right password still signs in once the address is confirmed", async () => {
    const s = mailAuth({ REQUIRE_EMAIL_VERIFICATION: "true" });
    await s.call("/sign-up/email", { body: { email: "ada@example.com", password: "owners-pass-1", name: "Ada" } });
    const link = s.mails(/Confirm your email/)[0].link;
    const opened = await s.call(link);
    const token = new URL(opened.headers.get("location")!, "http://localhost:3000").searchParams.get("token")!;
    expect((await s.call("/reset-password", { body: { newPassword: "owners-pass-1", token } })).status).toBe(200);
    expect((await s.call("/sign-in/email", { body: { email: "ada@example.com", password: "owners-pass-1" } })).status).toBe(200);
  });
});
