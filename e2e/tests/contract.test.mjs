// Contract: tokens minted by the installed better-auth library (sign-up over its HTTP API, then
// GET /api/auth/token with the session cookie) are accepted by the Java API, for the plugin's
// default key (EdDSA) and for each `jwks.keyPairConfig.alg`; tampered and expired ones are not.
//
// One Java API (own embedded PostgreSQL, free ports) trusts one Better Auth URL. For each
// algorithm that URL is served by a fresh Better Auth instance on a fresh database, so its JWKS
// holds only that algorithm's new key: the API must pick the new kid up without a restart.
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { betterAuthVersion, loadFrontendModule, startBetterAuthServer } from "../support/better-auth.mjs";
import { decodeJwt, withFlippedSignatureBit, withPayload } from "../support/jwt.mjs";
import { delay, OUT_DIR } from "../support/processes.mjs";
import { startTaskApi } from "../support/task-api.mjs";

// [label, keyPairConfig.alg (undefined = plugin default), expected JWK]
const ALGORITHMS = [
  ["default (EdDSA)", undefined, { alg: "EdDSA", kty: "OKP", crv: "Ed25519" }],
  ["ES256", "ES256", { alg: "ES256", kty: "EC", crv: "P-256" }],
  ["RS256", "RS256", { alg: "RS256", kty: "RSA" }],
  ["PS256", "PS256", { alg: "PS256", kty: "RSA" }],
  ["ES512", "ES512", { alg: "ES512", kty: "EC", crv: "P-521" }],
];

// The claims of every token (SPEC 1.2 + `sid`, SPEC 1.6), from the module whose `jwtPayload` the
// app and this test's Better Auth server both give to `jwt.definePayload`.
const { JWT_CLAIMS: SPEC_CLAIMS } = await loadFrontendModule("lib/auth/jwt-payload.ts");

let betterAuth;
let api;
const shapes = {};

before(
  async () => {
    betterAuth = await startBetterAuthServer();
    // The sessions of this test's Better Auth live in its memory, not in the API's database: the
    // API's session check (SPEC 1.6, tested against the real system in session-end.test.mjs) is off.
    api = await startTaskApi({
      name: "contract-task-api",
      betterAuthUrl: betterAuth.baseURL,
      env: { BETTER_AUTH_SESSION_CHECK: "off" },
    });
  },
  { timeout: 900_000 },
);

after(async () => {
  await api?.stop();
  await betterAuth?.close();
  mkdirSync(OUT_DIR, { recursive: true });
  writeFileSync(
    path.join(OUT_DIR, "token-shapes.json"),
    JSON.stringify({ betterAuth: betterAuthVersion(), shapes }, null, 2) + "\n",
  );
});

const bearer = (token) => ({ Authorization: `Bearer ${token}` });

async function callApi(pathname, token, init = {}) {
  const res = await fetch(`${api.url}${pathname}`, {
    ...init,
    headers: { ...(token ? bearer(token) : {}), ...(init.body ? { "Content-Type": "application/json" } : {}), ...init.headers },
  });
  const text = await res.text();
  let body = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = text;
  }
  return { status: res.status, headers: res.headers, body };
}

/** Signs up over Better Auth's HTTP API as a browser would; returns the session cookie and user. */
async function signUp(email) {
  const res = await fetch(`${betterAuth.baseURL}/api/auth/sign-up/email`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Origin: betterAuth.baseURL },
    body: JSON.stringify({ email, password: "correct-horse-battery-1", name: "Contract Tester" }),
  });
  assert.equal(res.status, 200, `sign-up: ${res.status} ${await res.clone().text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  assert.match(cookie, /better-auth\.session_token=/);
  return { cookie, user: (await res.json()).user };
}

/** Signs up; returns the cookies Better Auth set, by name, decoded. */
async function signUpCookies(email) {
  const res = await fetch(`${betterAuth.baseURL}/api/auth/sign-up/email`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Origin: betterAuth.baseURL },
    body: JSON.stringify({ email, password: "correct-horse-battery-1", name: "Contract Tester" }),
  });
  assert.equal(res.status, 200);
  return Object.fromEntries(
    res.headers.getSetCookie().map((c) => {
      const [pair] = c.split(";");
      const i = pair.indexOf("=");
      return [pair.slice(0, i), decodeURIComponent(pair.slice(i + 1))];
    }),
  );
}

async function tokenFor(cookie) {
  const res = await fetch(`${betterAuth.baseURL}/api/auth/token`, { headers: { cookie } });
  assert.equal(res.status, 200);
  const { token } = await res.json();
  assert.equal(typeof token, "string");
  return token;
}

/**
 * The API learns a new kid by refetching the JWKS, at most once per few seconds (SPEC 1.2);
 * right after the previous algorithm's fetch, the first try may be early. Waits for acceptance.
 */
async function meOnceKeyKnown(token) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const res = await callApi("/api/me", token);
    if (res.status !== 401 || Date.now() > deadline) return res;
    await delay(500);
  }
}

for (const [label, alg, expectedJwk] of ALGORITHMS) {
  describe(`Better Auth ${label} tokens`, () => {
    let auth;
    let user;
    let cookie;
    let token;

    before(async () => {
      auth = betterAuth.use(alg);
      ({ cookie, user } = await signUp(`contract-${expectedJwk.alg.toLowerCase()}@example.com`));
      token = await tokenFor(cookie);
    });

    test("the token and JWKS have the shape the API expects (SPEC 1.2)", async () => {
      const { header, payload } = decodeJwt(token);
      const jwks = await (await fetch(`${betterAuth.baseURL}/api/auth/jwks`)).json();
      shapes[label] = {
        header,
        payloadClaims: Object.keys(payload),
        audType: Array.isArray(payload.aud) ? "array" : typeof payload.aud,
        expMinusIat: payload.exp - payload.iat,
        signatureBytes: Buffer.from(token.split(".")[2], "base64url").length,
        jwks: jwks.keys.map(({ kty, crv, alg: a, kid, use, n }) => ({
          kty,
          crv,
          alg: a,
          kid,
          use,
          ...(n ? { modulusBits: Buffer.from(n, "base64url").length * 8 } : {}),
        })),
      };

      assert.deepEqual(Object.keys(header).sort(), ["alg", "kid"], `header ${JSON.stringify(header)}`);
      assert.equal(header.alg, expectedJwk.alg);
      assert.equal(jwks.keys.length, 1);
      const [jwk] = jwks.keys;
      assert.equal(jwk.kid, header.kid);
      for (const [k, v] of Object.entries(expectedJwk)) assert.equal(jwk[k], v, `jwk.${k}`);
      for (const privatePart of ["d", "p", "q", "dp", "dq", "qi"])
        assert.equal(jwk[privatePart], undefined, `public JWKS leaks ${privatePart}`);

      const claims = Object.keys(payload);
      assert.deepEqual(
        SPEC_CLAIMS.filter((c) => !claims.includes(c)),
        [],
        "missing claims",
      );
      assert.deepEqual(
        claims.filter((c) => !SPEC_CLAIMS.includes(c)),
        [],
        "unexpected claims",
      );
      assert.equal(payload.sub, user.id);
      const { session } = await (await fetch(`${betterAuth.baseURL}/api/auth/get-session`, { headers: { cookie } })).json();
      assert.equal(payload.sid, session.id, "sid is the session id");
      assert.ok(!JSON.stringify(payload).includes(session.token), "the session token (cookie credential) is not in the JWT");
      assert.equal(payload.email, user.email);
      assert.equal(payload.iss, betterAuth.baseURL);
      assert.equal(payload.aud, betterAuth.baseURL, "aud is a single string");
      assert.equal(payload.exp - payload.iat, 900, "15 minutes by default");
    });

    test("the Java API accepts it: /api/me is the user, a task can be created and listed", async () => {
      const me = await meOnceKeyKnown(token);
      assert.equal(me.status, 200, JSON.stringify(me.body));
      assert.deepEqual(me.body, { id: user.id, email: user.email, name: user.name });

      const created = await callApi(`/api/${encodeURIComponent(user.id)}/tasks`, token, {
        method: "POST",
        body: JSON.stringify({ title: `signed with ${label}`, description: "contract" }),
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      assert.equal(created.body.user_id, user.id);
      assert.equal(created.body.completed, false);

      const list = await callApi(`/api/${encodeURIComponent(user.id)}/tasks`, token);
      assert.equal(list.status, 200);
      assert.deepEqual(
        list.body.map((t) => [t.id, t.title]),
        [[created.body.id, `signed with ${label}`]],
      );
      assert.equal(list.headers.get("x-total-count"), "1");
    });

    test("the JWT from get-session's set-auth-jwt header is accepted too", async () => {
      const res = await fetch(`${betterAuth.baseURL}/api/auth/get-session`, { headers: { cookie } });
      assert.equal(res.status, 200);
      const fromHeader = res.headers.get("set-auth-jwt");
      assert.ok(fromHeader, "get-session sets set-auth-jwt");
      assert.equal(decodeJwt(fromHeader).header.kid, decodeJwt(token).header.kid);
      const me = await callApi("/api/me", fromHeader);
      assert.equal(me.status, 200);
      assert.equal(me.body.id, user.id);
    });

    test("a tampered token is refused with 401 (changed claim; flipped signature bit)", async () => {
      const someoneElse = withPayload(token, { sub: "someone-else", id: "someone-else" });
      const flipped = withFlippedSignatureBit(token);
      for (const [what, bad] of [
        ["changed sub", someoneElse],
        ["flipped signature bit", flipped],
      ]) {
        const res = await callApi("/api/me", bad);
        assert.equal(res.status, 401, what);
        assert.match(res.headers.get("www-authenticate") ?? "", /^Bearer\b.*error="invalid_token"/, what);
      }
      const other = await callApi(`/api/someone-else/tasks`, someoneElse);
      assert.equal(other.status, 401);
    });

    test("an expired token signed by the library with the same key is refused with 401", async () => {
      const now = Math.floor(Date.now() / 1000);
      const claims = { sub: user.id, email: user.email, name: user.name };
      // Control: the same minting path with a live exp is accepted, so the refusal below is the exp.
      const live = (await auth.api.signJWT({ body: { payload: { ...claims, iat: now, exp: now + 300 } } })).token;
      const expired = (await auth.api.signJWT({ body: { payload: { ...claims, iat: now - 1200, exp: now - 300 } } })).token;
      assert.equal(decodeJwt(expired).header.kid, decodeJwt(token).header.kid);
      assert.equal(decodeJwt(expired).payload.iss, betterAuth.baseURL);

      assert.equal((await callApi("/api/me", live)).status, 200);
      const res = await callApi("/api/me", expired);
      assert.equal(res.status, 401);
      assert.match(res.headers.get("www-authenticate") ?? "", /error="invalid_token"/);
      assert.equal((await callApi(`/api/${encodeURIComponent(user.id)}/tasks`, expired)).status, 401);
    });
  });
}

describe("Better Auth's session-cache cookie JWT (same key, same kid)", () => {
  test("is refused as an access token, while the real access token is accepted", async () => {
    betterAuth.use(undefined, { sessionCookieCache: true });
    const cookies = await signUpCookies("contract-session-cache@example.com");
    const cached = cookies["better-auth.session_data"];
    assert.ok(cached, `cookies: ${Object.keys(cookies).join(", ")}`);
    const { header, payload } = decodeJwt(cached);
    shapes["session-cache cookie (EdDSA)"] = {
      header,
      payloadClaims: Object.keys(payload),
      aud: payload.aud ?? null,
      iss: payload.iss ?? null,
    };
    assert.equal(header.typ, "better-auth.session-cache+jwt");

    const cookie = Object.entries(cookies)
      .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
      .join("; ");
    const token = await tokenFor(cookie);
    assert.equal(decodeJwt(token).header.kid, header.kid, "both are signed with the same key");
    assert.equal((await meOnceKeyKnown(token)).status, 200);

    const res = await callApi("/api/me", cached);
    assert.equal(res.status, 401);
    assert.match(res.headers.get("www-authenticate") ?? "", /error="invalid_token"/);
  });
});

test("no token at all is refused with 401 and a bare Bearer challenge", async () => {
  const res = await callApi("/api/me");
  assert.equal(res.status, 401);
  assert.match(res.headers.get("www-authenticate") ?? "", /^Bearer/);
  assert.doesNotMatch(res.headers.get("www-authenticate") ?? "", /invalid_token/);
});
