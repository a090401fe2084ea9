// The Better Auth version matrix: tokens and JWKS from each supported Better Auth release, for
// each key algorithm its jwt() plugin offers, plus a key rotation, are accepted by the Java API,
// and tampered tokens are refused. The result table is written into the library's README
// (support/matrix-report.mjs says where).
//
// One Java API (own embedded PostgreSQL, free ports) trusts one Better Auth URL. For each release
// × algorithm that URL is served by a fresh Better Auth instance on a fresh in-memory database,
// so the API must pick up every new kid without a restart.
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { betterAuthRelease, jwtPluginOptions, startBetterAuthServer } from "../support/better-auth.mjs";
import { AuthClient, callApi } from "../support/auth-http.mjs";
import { decodeJwt, withFlippedSignatureBit, withPayload } from "../support/jwt.mjs";
import {
  END_MARKER,
  FAIL,
  filesWithMarkers,
  NOT_OFFERED,
  PASS,
  renderMatrix,
  replaceBetweenMarkers,
  START_MARKER,
  writeMatrix,
} from "../support/matrix-report.mjs";
import { delay } from "../support/processes.mjs";
import { startTaskApi } from "../support/task-api.mjs";

// The releases, oldest first: aliases in e2e/package.json ("ba13": "npm:better-auth@1.3.34");
// undefined = the frontend's own better-auth (the version the app runs).
const RELEASES = ["ba13", "ba14", "ba15", "ba16", undefined];

// [column, jwks.keyPairConfig.alg (undefined = the plugin's default), expected JWK]
const ALGORITHMS = [
  ["EdDSA (default)", undefined, { alg: "EdDSA", kty: "OKP", crv: "Ed25519" }],
  ["ES256", "ES256", { alg: "ES256", kty: "EC", crv: "P-256" }],
  ["RS256", "RS256", { alg: "RS256", kty: "RSA" }],
  ["PS256", "PS256", { alg: "PS256", kty: "RSA" }],
  ["ES512", "ES512", { alg: "ES512", kty: "EC", crv: "P-521" }],
];
const ROTATION = "key rotation";
const TAMPERED = "tampered token refused";
const COLUMNS = [...ALGORITHMS.map(([label]) => [label, label]), [ROTATION, ROTATION], [TAMPERED, TAMPERED]];

// Seconds a key signs before a release with `jwks.rotationInterval` makes the next one; its
// `gracePeriod` (default 30 days) keeps the old key in the JWKS meanwhile.
const ROTATION_INTERVAL_S = 2;

const releases = RELEASES.map((alias) => {
  const release = betterAuthRelease(alias);
  return { ...release, offers: jwtPluginOptions(release) };
});
const results = new Map(releases.map((r) => [r.version, {}]));
const tamperedRuns = new Map(releases.map((r) => [r.version, []]));
let ed25519Result;

let betterAuth;
let api;

before(async () => {
  for (const release of releases) release.loaded = await release.modules();
  betterAuth = await startBetterAuthServer();
  api = await startTaskApi({
    name: "matrix-task-api",
    betterAuthUrl: betterAuth.baseURL,
    env: {
      // These Better Auth instances keep their sessions in memory, not in the API's database.
      BETTER_AUTH_SESSION_CHECK: "off",
      // ~30 new kids in a row: the API's least time between JWKS fetches (default 5 s) at its
      // lowest, 1 s, keeps the run short. The limit itself is tested in the library.
      SPRING_APPLICATION_JSON: JSON.stringify({ "better-auth": { "jwks-min-refetch-interval": "1s" } }),
    },
  });
}, { timeout: 900_000 });

after(async () => {
  await api?.stop();
  await betterAuth?.close();
  for (const { version } of releases) {
    const runs = tamperedRuns.get(version);
    if (runs.length) results.get(version)[TAMPERED] = runs.every(Boolean) ? PASS : FAIL;
  }
  const rows = releases.map(({ version }) => ({ version, cells: results.get(version) }));
  const complete = ed25519Result !== undefined && rows.every(({ cells }) => COLUMNS.every(([key]) => cells[key] !== undefined));
  const table = renderMatrix({ columns: COLUMNS, rows, notes: notes(), date: new Date().toISOString().slice(0, 10) });
  const { outFile, message } = writeMatrix(table, { intoReadme: complete });
  console.log(`\n${table}\n\n${outFile}; ${message}`);
});

function notes() {
  const byRotation = (yes) => releases.filter((r) => r.offers.rotationInterval === yes).map((r) => r.version);
  const [interval, manual] = [byRotation(true), byRotation(false)];
  return [
    "Releases: " + releases.map((r) => `${r.version} (${r.alias ? `npm alias \`${r.alias}\`` : "the web app's `better-auth`"})`).join(", ") + ".",
    `Key rotation: a second key while the first is still published. ${interval.length ? `${interval.join(", ")}: \`jwks.rotationInterval\` (${ROTATION_INTERVAL_S} s here) with the default \`gracePeriod\`.` : ""}` +
      `${manual.length ? ` ${manual.join(", ")} ${manual.length > 1 ? "have" : "has"} no \`rotationInterval\`: a new key pair is made with the plugin's \`createJwk\`.` : ""}` +
      " The API takes tokens signed with the new kid without a restart, and still takes the old key's.",
    "Tampered: a changed `sub` and a flipped signature bit, for every algorithm: 401.",
    `The ${releases.at(-1).version} EdDSA key published with RFC 9864's \`alg: "Ed25519"\` instead of \`"EdDSA"\` (what better-auth #11348 asks for): ${ed25519Result ?? "not run"}.`,
  ];
}

const expectJwk = (jwks, kid, expected) => {
  const jwk = jwks.keys.find((k) => k.kid === kid);
  assert.ok(jwk, `kid ${kid} in the JWKS`);
  for (const [k, v] of Object.entries(expected)) assert.equal(jwk[k], v, `jwk.${k}`);
};
const jwksOf = async () => (await fetch(`${betterAuth.baseURL}/api/auth/jwks`)).json();

/** A new user signed up over the current instance's HTTP API: { client, user }. */
async function signUp(email) {
  const client = new AuthClient(betterAuth.baseURL);
  const { user } = await client.signUp({ email, password: "correct-horse-battery-1", name: "Matrix Tester" });
  return { client, user };
}

/**
 * `GET /api/me` until it is not 401 (at most 30 s): the API learns a new kid by refetching the
 * JWKS, at most once per its minimum refetch interval (SPEC 1.2), so right after the previous
 * instance's key was fetched the first try may be early. Acceptance is awaited, not assumed.
 */
async function meOnceKeyKnown(token) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const res = await callApi(api.url, "/api/me", token);
    if (res.status !== 401 || Date.now() > deadline) return res;
    await delay(250);
  }
}

/** /api/me is this user, and a task is created with the token. */
async function assertAccepted(token, user, title) {
  const me = await meOnceKeyKnown(token);
  assert.equal(me.status, 200, JSON.stringify(me.body));
  assert.deepEqual(me.body, { id: user.id, email: user.email, name: user.name });
  const created = await callApi(api.url, `/api/${encodeURIComponent(user.id)}/tasks`, token, {
    method: "POST",
    body: JSON.stringify({ title, description: "better-auth matrix" }),
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  assert.equal(created.body.user_id, user.id);
}

for (const release of releases) {
  const { version, offers } = release;
  const cells = results.get(version);
  const email = (what) => `matrix-${version}-${what}@example.com`.toLowerCase();

  describe(`Better Auth ${version}`, () => {
    for (const [label, alg, expectedJwk] of ALGORITHMS) {
      const offered = offers.algorithms.includes(expectedJwk.alg);
      let token;

      test(`${label}: its token is accepted (/api/me, a task created)`, { skip: offered ? false : `${version} does not offer ${expectedJwk.alg}` }, async () => {
        cells[label] = FAIL;
        betterAuth.use(alg, { modules: release.loaded });
        const { client, user } = await signUp(email(expectedJwk.alg));
        token = await client.token();
        const { header, payload } = decodeJwt(token);
        assert.equal(header.alg, expectedJwk.alg);
        expectJwk(await jwksOf(), header.kid, expectedJwk);
        assert.equal(payload.sub, user.id);
        assert.equal(payload.iss, betterAuth.baseURL);
        await assertAccepted(token, user, `${version} ${expectedJwk.alg}`);
        cells[label] = PASS;
      });
      if (!offered) cells[label] = NOT_OFFERED;

      test(`${label}: a tampered token is refused with 401`, { skip: offered ? false : `${version} does not offer ${expectedJwk.alg}` }, async () => {
        const runs = tamperedRuns.get(version);
        runs.push(false);
        assert.ok(token, "no token: the acceptance test above failed");
        for (const [what, bad] of [
          ["changed sub", withPayload(token, { sub: "someone-else", id: "someone-else" })],
          ["flipped signature bit", withFlippedSignatureBit(token)],
        ]) {
          const res = await callApi(api.url, "/api/me", bad);
          assert.equal(res.status, 401, what);
          assert.match(res.headers.get("www-authenticate") ?? "", /^Bearer\b.*error="invalid_token"/, what);
        }
        runs[runs.length - 1] = true;
      });
    }

    const how = offers.rotationInterval ? `jwks.rotationInterval ${ROTATION_INTERVAL_S} s` : "a new key pair by createJwk";
    test(`key rotation (${how}): the new kid is accepted without a restart, the old key still while published`, async () => {
      cells[ROTATION] = FAIL;
      betterAuth.use(undefined, { modules: release.loaded, ...(offers.rotationInterval ? { jwks: { rotationInterval: ROTATION_INTERVAL_S } } : {}) });
      const first = await signUp(email("rotation-1"));
      const second = await signUp(email("rotation-2"));
      // Two tokens with the first key; the API sees only one of them before the rotation, so the
      // other is verified (not taken from its token cache) after the JWKS changed.
      const oldSeen = await first.client.token();
      const firstKeyCreated = Date.now();
      const oldUnseen = await second.client.token();
      const oldKid = decodeJwt(oldSeen).header.kid;
      assert.equal(decodeJwt(oldUnseen).header.kid, oldKid, "both tokens before the rotation have the first key");
      await assertAccepted(oldSeen, first.user, `${version} before rotation`);

      if (offers.rotationInterval) {
        await delay(Math.max(0, firstKeyCreated + ROTATION_INTERVAL_S * 1000 + 200 - Date.now()));
      } else {
        await betterAuth.addSigningKey();
      }
      const rotated = await first.client.token();
      const newKid = decodeJwt(rotated).header.kid;
      assert.notEqual(newKid, oldKid, "the token after the rotation has a new kid");
      const jwks = await jwksOf();
      expectJwk(jwks, oldKid, { alg: "EdDSA" });
      expectJwk(jwks, newKid, { alg: "EdDSA" });

      await assertAccepted(rotated, first.user, `${version} after rotation`);
      const old = await callApi(api.url, "/api/me", oldUnseen);
      assert.equal(old.status, 200, `the old key's token while the key is still published: ${JSON.stringify(old.body)}`);
      assert.equal(old.body.id, second.user.id);
      cells[ROTATION] = PASS;
    });
  });
}

// RFC 9864's fully specified name for EdDSA over Ed25519, which better-auth #11348 asks Better
// Auth to publish. No release does yet, so the newest one's JWKS is rewritten on its way out.
describe(`JWK alg "Ed25519" (RFC 9864) from Better Auth ${releases.at(-1).version}`, () => {
  test(
    'an OKP Ed25519 key published with alg "Ed25519" instead of "EdDSA" is accepted',
    async () => {
      ed25519Result = FAIL;
      betterAuth.use(undefined, {
        modules: releases.at(-1).loaded,
        rewriteJwks: (doc) => ({ ...doc, keys: doc.keys.map((k) => (k.alg === "EdDSA" ? { ...k, alg: "Ed25519" } : k)) }),
      });
      const { client, user } = await signUp("matrix-ed25519-alg@example.com");
      const token = await client.token();
      expectJwk(await jwksOf(), decodeJwt(token).header.kid, { alg: "Ed25519", kty: "OKP", crv: "Ed25519" });
      await assertAccepted(token, user, "JWK alg Ed25519");
      ed25519Result = PASS;
    },
  );
});

describe("the table's place in the library README", () => {
  test("is the Markdown file under backend/ with the start marker, wherever the module moved", () => {
    const root = mkdtempSync(path.join(os.tmpdir(), "matrix-markers-"));
    try {
      const put = (rel, text) => {
        mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
        writeFileSync(path.join(root, rel), text);
      };
      put("better-auth-jwt/README.md", `# core\n${START_MARKER}\nold\n${END_MARKER}\n`);
      put("better-auth-jwt/target/classes/README.md", START_MARKER);
      put("task-api/node_modules/x/README.md", START_MARKER);
      put("task-api/README.md", "# no markers\n");
      assert.deepEqual(filesWithMarkers(root), [path.join(root, "better-auth-jwt/README.md")]);
      assert.deepEqual(filesWithMarkers(path.join(root, "missing")), []);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  test("only the text between the markers is replaced; without both markers nothing is", () => {
    const text = `intro\n${START_MARKER}\nold table\n${END_MARKER}\nrest\n`;
    assert.equal(replaceBetweenMarkers(text, "new"), `intro\n${START_MARKER}\nnew\n${END_MARKER}\nrest\n`);
    assert.equal(replaceBetweenMarkers(`${START_MARKER} only`, "new"), null);
    assert.equal(replaceBetweenMarkers(`${END_MARKER}\n${START_MARKER}`, "new"), null);
    assert.equal(replaceBetweenMarkers("no markers", "new"), null);
  });
});
