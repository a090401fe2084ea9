// The session token never reaches page scripts through Better Auth's JSON (probe issue 21, finding 14).
import { TOTP } from "otpauth";
import { describe, expect, it } from "vitest";
import { withoutSessionTokens } from "./hide-session-token";
import { cookiesOf, mailAuth } from "./test-auth";
import { nextCode } from "../two-factor/test-two-factor";
import { totpSecret } from "../two-factor/totp";

const BASE = "http://localhost:3000";
const ADA = { email: "ada@example.com", password: "correct-horse-1", name: "Ada" };

function app() {
  const { auth, db } = mailAuth();
  const handle = withoutSessionTokens((request) => auth.handler(request));
  const call = async (path: string, init: { body?: unknown; cookie?: string } = {}) => {
    const res = await handle(
      new Request(`${BASE}/api/auth${path}`, {
        method: init.body ? "POST" : "GET",
        headers: { "content-type": "application/json", origin: BASE, ...(init.cookie ? { cookie: init.cookie } : {}) },
        body: init.body ? JSON.stringify(init.body) : undefined,
      }),
    );
    return { res, text: await res.clone().text() };
  };
  /** Every session token Better Auth has stored: none may appear in a body. */
  const tokens = () => (db.session as { token: string }[]).map((s) => s.token);
  return { call, tokens };
}

function expectNoSessionToken(text: string, tokens: string[]) {
  expect(tokens.length).toBeGreaterThan(0);
  for (const token of tokens) expect(text).not.toContain(token);
  const body = JSON.parse(text);
  expect(body).not.toHaveProperty("token");
  if (body?.session) expect(body.session).not.toHaveProperty("token");
}

describe("no session token in the JSON of Better Auth's HTTP API", () => {
  it("sign-up, sign-in, get-session, change-password: no token in the body; the cookie still works; /token still gives the JWT", async () => {
    const { call, tokens } = app();
    const signUp = await call("/sign-up/email", { body: ADA });
    expect(signUp.res.status).toBe(200);
    expectNoSessionToken(signUp.text, tokens());
    expect(JSON.parse(signUp.text).user.email).toBe(ADA.email);

    const signIn = await call("/sign-in/email", { body: { email: ADA.email, password: ADA.password } });
    expectNoSessionToken(signIn.text, tokens());
    const cookie = cookiesOf(signIn.res);

    const session = await call("/get-session", { cookie });
    expectNoSessionToken(session.text, tokens());
    expect(JSON.parse(session.text)).toMatchObject({ user: { email: ADA.email }, session: { id: expect.any(String) } });

    const changed = await call("/change-password", {
      body: { currentPassword: ADA.password, newPassword: "battery-staple-2", revokeOtherSessions: true },
      cookie,
    });
    expect(changed.res.status).toBe(200);
    expectNoSessionToken(changed.text, tokens());

    const jwt = await call("/token", { cookie: cookiesOf(changed.res) });
    expect(JSON.parse(jwt.text).token.split(".")).toHaveLength(3);
  });

  it("two-factor verify-totp: no token in the body", async () => {
    const { call, tokens } = app();
    const cookie = cookiesOf((await call("/sign-up/email", { body: ADA })).res);
    const enabled = JSON.parse((await call("/two-factor/enable", { body: { password: ADA.password }, cookie })).text);
    const totp = new TOTP({ secret: totpSecret(enabled.totpURI)!, digits: 6, period: 30 });
    const verified = await call("/two-factor/verify-totp", { body: { code: totp.generate() }, cookie });
    expect(verified.res.status).toBe(200);
    expectNoSessionToken(verified.text, tokens());

    const pending = await call("/sign-in/email", { body: { email: ADA.email, password: ADA.password } });
    // A code works once per user (lib/two-factor/totp-replay.ts): the sign-in uses the next step's code.
    const code = await call("/two-factor/verify-totp", { body: { code: nextCode(totp) }, cookie: cookiesOf(pending.res) });
    expect(code.res.status).toBe(200);
    expectNoSessionToken(code.text, tokens());
  });
});
