// SPEC 1.1, 1.2, §4 (issue 21, finding 1): no token that Better Auth mints for another purpose is
// ever an access token at the Java API, in any configuration.
//
// The installed better-auth mints them for real: the email-verification link's token (HS256 with
// BETTER_AUTH_SECRET, claims email + userId, 24 h: before the fix it was a key to /api/me and to
// task creation, even after the account was deleted) and the session-cache cookie with the "jwt"
// strategy (HS256 with the same secret, no jwt plugin). Three API configurations:
//   - beside Better Auth, its BETTER_AUTH_SECRET in the environment (what ./run.sh used to give it):
//     the API does not read that variable, so HS256 stays off;
//   - BETTER_AUTH_HS256_SECRET set to Better Auth's secret without saying so (the worst an adopter
//     can do): the tokens still name no `sub`, so they are refused, while an HS256 token with `sub`
//     is accepted (the refusal is the subject rule, not a disabled algorithm);
//   - both variables equal: the API refuses to start, naming the mistake, not the secret.
import assert from "node:assert/strict";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { load } from "../support/better-auth.mjs";
import { decodeJwt, tokenMinter } from "../support/jwt.mjs";
import { javaHome, startGroup, stopGroup, taskApiJar } from "../support/processes.mjs";
import { startTaskApi } from "../support/task-api.mjs";

const BASE_URL = "http://localhost:3999"; // iss/aud for the API; nothing needs to listen there
const SECRET = "one-purpose-test-secret-0123456789abcdef0123456789";
const EMAIL = "one-purpose@example.com";

let auth;
let userId;
let verificationToken;
let sessionCacheToken;
let besideBetterAuth;
let hs256IsBetterAuths;

before(
  async () => {
    const [{ betterAuth }, { memoryAdapter }] = await Promise.all([load("better-auth"), load("better-auth/adapters/memory")]);
    const mailed = [];
    auth = betterAuth({
      baseURL: BASE_URL,
      secret: SECRET,
      database: memoryAdapter({ user: [], session: [], account: [], verification: [] }),
      emailAndPassword: { enabled: true },
      emailVerification: { sendVerificationEmail: async ({ token, url }) => mailed.push({ token, url }) },
      session: { cookieCache: { enabled: true, strategy: "jwt", maxAge: 300 } },
      rateLimit: { enabled: false },
      logger: { level: "error" },
    });
    const signUp = await auth.api.signUpEmail({
      body: { email: EMAIL, password: "a long enough password", name: "One Purpose" },
      returnHeaders: true,
    });
    userId = signUp.response.user.id;
    const cookie = signUp.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .find((c) => c.startsWith("better-auth.session_data="));
    assert.ok(cookie, "Better Auth set its session-cache cookie");
    sessionCacheToken = decodeURIComponent(cookie.slice("better-auth.session_data=".length));

    await auth.api.sendVerificationEmail({ body: { email: EMAIL } });
    assert.equal(mailed.length, 1, "one verification mail");
    verificationToken = mailed[0].token;
    assert.ok(mailed[0].url.includes(verificationToken), "the mailed link carries this token");

    [besideBetterAuth, hs256IsBetterAuths] = await Promise.all([
      startTaskApi({ name: "one-purpose-beside-better-auth", betterAuthUrl: BASE_URL, env: { BETTER_AUTH_SECRET: SECRET } }),
      startTaskApi({
        name: "one-purpose-hs256-is-better-auths",
        betterAuthUrl: BASE_URL,
        env: { BETTER_AUTH_HS256_SECRET: SECRET },
      }),
    ]);
  },
  { timeout: 900_000 },
);

after(async () => {
  await Promise.all([besideBetterAuth?.stop(), hs256IsBetterAuths?.stop()]);
});

async function call(api, pathname, token, body) {
  const res = await fetch(`${api.url}${pathname}`, {
    method: body ? "POST" : "GET",
    headers: { Authorization: `Bearer ${token}`, ...(body ? { "Content-Type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, challenge: res.headers.get("www-authenticate") ?? "", text: await res.text() };
}

test("the tokens are what better-auth really mints for these purposes", () => {
  const link = decodeJwt(verificationToken);
  assert.deepEqual(link.header, { alg: "HS256" });
  assert.equal(link.payload.userId, userId);
  assert.equal(link.payload.email, EMAIL);
  assert.equal(link.payload.sub, undefined);
  assert.ok(link.payload.exp - link.payload.iat >= 3600, "valid for hours");
  const cached = decodeJwt(sessionCacheToken);
  assert.equal(cached.header.alg, "HS256");
  assert.equal(cached.payload.user?.id, userId);
});

for (const [label, api] of [
  ["an API beside Better Auth, its BETTER_AUTH_SECRET in the environment", () => besideBetterAuth],
  ["an API whose BETTER_AUTH_HS256_SECRET is Better Auth's secret", () => hs256IsBetterAuths],
]) {
  describe(label, () => {
    for (const [what, token] of [
      ["the email-verification link's token", () => verificationToken],
      ["the session-cache cookie", () => sessionCacheToken],
    ]) {
      test(`${what} is refused with 401 at /api/me and creates no task`, async () => {
        const me = await call(api(), "/api/me", token());
        assert.equal(me.status, 401, me.text);
        assert.match(me.challenge, /error="invalid_token"/);
        const created = await call(api(), `/api/${encodeURIComponent(userId)}/tasks`, token(), { title: "from a mail link" });
        assert.equal(created.status, 401, created.text);
      });
    }
  });
}

test("the HS256 secret does work for access tokens that name their user in sub", async () => {
  const { hs256Token } = tokenMinter(BASE_URL);
  const me = await call(hs256IsBetterAuths, "/api/me", hs256Token(SECRET, userId));
  assert.equal(me.status, 200, me.text);
  const beside = await call(besideBetterAuth, "/api/me", hs256Token(SECRET, userId));
  assert.equal(beside.status, 401, "HS256 is off unless BETTER_AUTH_HS256_SECRET is set");
});

test("an API given Better Auth's own secret as its HS256 secret refuses to start and says why", async () => {
  const proc = startGroup(
    "one-purpose-same-secret",
    path.join(await javaHome(), "bin", "java"),
    ["-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", taskApiJar()],
    {
      env: {
        PORT: "0",
        MANAGEMENT_SERVER_PORT: "off",
        DATABASE_URL: "postgresql://nobody:nothing@127.0.0.1:9/none",
        BETTER_AUTH_URL: BASE_URL,
        BETTER_AUTH_SECRET: SECRET,
        BETTER_AUTH_HS256_SECRET: SECRET,
      },
    },
  );
  const exit = await Promise.race([proc.exited, new Promise((resolve) => setTimeout(() => resolve(null), 120_000))]);
  if (!exit) await stopGroup(proc, 1000);
  await proc.drained;
  assert.ok(exit && exit.code !== 0, "it did not start");
  assert.match(proc.output(), /BETTER_AUTH_HS256_SECRET\) is Better Auth's own BETTER_AUTH_SECRET/);
  assert.ok(!proc.output().includes(SECRET), "the secret is not printed");
});
