// REQUIRE_EMAIL_VERIFICATION and provider sign-ins (probe issue 21, finding 13), on the real
// Better Auth in memory. The provider is Better Auth's Google provider signing in with an ID token
// (`POST /sign-in/social` with `idToken`), its verification and user info replaced by the test: the
// same handleOAuthUserInfo as the OIDC callback decides whether a session is made.
import { describe, expect, it } from "vitest";
import { cookiesOf, mailAuth } from "../auth/test-auth";

const GOOGLE = { GOOGLE_CLIENT_ID: "tasks-test", GOOGLE_CLIENT_SECRET: "secret" };

function withProvider(vars: Record<string, string>, emailVerified: boolean) {
  const s = mailAuth({ ...GOOGLE, ...vars });
  const google = s.auth.options.socialProviders!.google as unknown as Record<string, unknown>;
  google.verifyIdToken = async () => true;
  google.getUserInfo = async () => ({
    user: { id: "google-sub-1", email: "sam@example.com", name: "Sam", emailVerified },
    data: { sub: "google-sub-1" },
  });
  const signIn = () => s.call("/sign-in/social", { body: { provider: "google", idToken: { token: "id-token-from-google" } } });
  return { ...s, signIn };
}

describe("a provider sign-in with an unconfirmed address", () => {
  it("REQUIRE_EMAIL_VERIFICATION=true and email_verified=false: no session, no JWT; a confirmation mail goes out", async () => {
    const s = withProvider({ REQUIRE_EMAIL_VERIFICATION: "true" }, false);
    const res = await s.signIn();
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ code: "EMAIL_NOT_VERIFIED" });
    expect(s.db.session).toEqual([]);
    expect((await s.call("/token", { cookie: cookiesOf(res) })).status).toBe(401);
    expect(s.mails(/Confirm your email/).map((m) => m.to)).toEqual(["sam@example.com"]);
  });

  it("REQUIRE_EMAIL_VERIFICATION=true and email_verified=true: signed in", async () => {
    const s = withProvider({ REQUIRE_EMAIL_VERIFICATION: "true" }, true);
    const res = await s.signIn();
    expect(res.status).toBe(200);
    expect((await s.call("/token", { cookie: cookiesOf(res) })).status).toBe(200);
  });

  it("REQUIRE_EMAIL_VERIFICATION off (the default): the provider's word is enough, as before", async () => {
    const s = withProvider({}, false);
    expect((await s.signIn()).status).toBe(200);
  });
});
