// Issue 22: Better Auth API keys as a second credential for the Java API, against the real system
// (./run.sh: embedded PostgreSQL, Java API, Better Auth with the api-key plugin). A key is created
// through Better Auth's own endpoint, as the account page does, and sent as `x-api-key`:
// - it reaches its owner's data (200) and nobody else's (403, as the owner's JWT would);
// - Better Auth stores only its SHA-256 (base64url) hash, which is what the API looks up;
// - revoked (api-key/delete), it is refused within 5 s: polled every 100 ms from the moment Better
//   Auth answered, the seconds to the last 200 and the first 401 go to out/api-keys.json;
// - its requests count against its owner's per-user rate limit, the same bucket as their JWTs;
// - deleting the account deletes its keys;
// - the account page's "API keys" section in a real browser: create (name + expiry; the key shown
//   once, with a copy button), list (name, start, dates), revoke.
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { AccountPage } from "../support/account-page.mjs";
import { AuthClient, callApi } from "../support/auth-http.mjs";
import { launchBrowser } from "../support/browser.mjs";
import { browserSuite, horizontalOverflow, PHONE } from "../support/browser-suite.mjs";
import { connect } from "../support/database.mjs";
import { delay, OUT_DIR } from "../support/processes.mjs";
import { API_URL, startSystem, WEB_URL } from "../support/system.mjs";
import { eventually, signUp, TasksPage } from "../support/tasks-page.mjs";

const PASSWORD = "correct-horse-battery-9";
const BOUND_S = 5;
const POLL_MS = 100;
const GIVE_UP_MS = 15_000;
// Small enough that a loop reaches it quickly, large enough for the revocation poll (≤ 10/s for ≤ 15 s).
const USER_BURST = 200;

let system;
let db;
let browser;
const { newContext, browserTest } = browserSuite(() => browser, { closeAfterEachTest: true });
let userCount = 0;
const figures = [];

before(
  async () => {
    system = await startSystem({
      env: { AUTH_RATE_LIMIT: "off", RATE_LIMIT_USER_RPS: "1", RATE_LIMIT_USER_BURST: String(USER_BURST) },
    });
    db = await connect(system.databaseUrl);
    browser = await launchBrowser();
  },
  { timeout: 1_200_000 },
);

after(
  async () => {
    await db?.end().catch(() => {});
    await browser?.close().catch(() => {});
    await system?.stop();
    mkdirSync(OUT_DIR, { recursive: true });
    writeFileSync(path.join(OUT_DIR, "api-keys.json"), `${JSON.stringify(figures, null, 2)}\n`);
    for (const f of figures) console.log(`API key revoked: last 200 after ${f.lastAccepted} s, first 401 after ${f.refused} s`);
  },
  { timeout: 120_000 },
);

async function newUser() {
  const n = ++userCount;
  const who = { email: `api-keys-${n}@example.com`, password: PASSWORD, name: `Api Keys ${n}` };
  const client = new AuthClient(WEB_URL);
  const { user } = await client.signUp(who);
  return { who, user, client };
}

/** A key made through Better Auth's endpoint, as the account page makes it: { id, key, ... }. */
function createKey(client, name = "script") {
  return client.ok("/api-key/create", { name, expiresIn: 7 * 24 * 3600 });
}

/** The Java API with an API key instead of a Bearer token. */
async function withKey(pathname, key, init = {}) {
  const res = await fetch(`${API_URL}${pathname}`, {
    ...init,
    headers: { "x-api-key": key, ...(init.body ? { "Content-Type": "application/json" } : {}) },
  });
  const text = await res.text();
  let body = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // not JSON
  }
  return { status: res.status, body, text };
}

describe("API keys: a second credential for the Java API", () => {
  test("a key made by Better Auth reaches its owner's tasks as its owner, and only theirs", async () => {
    const a = await newUser();
    const b = await newUser();
    const { key, id } = await createKey(a.client);
    assert.match(key, /^tasks_[A-Za-z]{64}$/);

    const posted = await withKey(`/api/${a.user.id}/tasks`, key, {
      method: "POST",
      body: JSON.stringify({ title: "from a script" }),
    });
    assert.equal(posted.status, 201, posted.text);
    assert.equal(posted.body.user_id, a.user.id);
    const listed = await withKey(`/api/${a.user.id}/tasks`, key);
    assert.equal(listed.status, 200);
    assert.deepEqual(
      listed.body.map((t) => t.title),
      ["from a script"],
    );
    const me = await withKey("/api/me", key);
    assert.equal(me.status, 200);
    assert.equal(me.body.id, a.user.id);
    assert.equal(me.body.email, a.who.email);

    // Another user's data: refused as the owner's JWT is refused.
    const theirs = await withKey(`/api/${b.user.id}/tasks`, key);
    const jwtTheirs = await callApi(API_URL, `/api/${b.user.id}/tasks`, await a.client.token());
    assert.equal(theirs.status, 403);
    assert.equal(jwtTheirs.status, 403);
    const planted = await withKey(`/api/${b.user.id}/tasks`, key, { method: "POST", body: JSON.stringify({ title: "planted" }) });
    assert.equal(planted.status, 403);
    const bTasks = await callApi(API_URL, `/api/${b.user.id}/tasks`, await b.client.token());
    assert.deepEqual(bTasks.body, []);

    // Better Auth keeps the hash the API looks up, never the key; its list shows neither.
    const { rows } = await db.query(`SELECT "key", "referenceId", "start" FROM "apikey" WHERE "id" = $1`, [id]);
    assert.equal(rows[0].key, createHash("sha256").update(key).digest("base64url"));
    assert.equal(rows[0].referenceId, a.user.id);
    const { rows: leaks } = await db.query(`SELECT count(*)::int AS n FROM "apikey" WHERE "key" = $1`, [key]);
    assert.equal(leaks[0].n, 0);
    const list = await a.client.ok("/api-key/list");
    assert.equal(list.apiKeys.length, 1);
    assert.ok(!JSON.stringify(list).includes(key), "the list holds no key");

    // A key does not open live events (they end with a token's exp and session), nor the web app.
    assert.equal((await withKey(`/api/${a.user.id}/events`, key)).status, 403);
    const viaKey = await fetch(`${WEB_URL}/api/auth/get-session`, { headers: { "x-api-key": key, Origin: WEB_URL } });
    assert.equal(await viaKey.text(), "null");
  });

  test("a revoked key is refused within 5 s", async () => {
    const a = await newUser();
    const { key, id } = await createKey(a.client, "revoked");
    assert.equal((await withKey(`/api/${a.user.id}/tasks`, key)).status, 200); // the API has it cached as live

    await a.client.ok("/api-key/delete", { keyId: id });
    const revokedAt = performance.now();
    let lastAccepted = 0;
    let refused = null;
    for (;;) {
      const res = await withKey(`/api/${a.user.id}/tasks`, key);
      const now = performance.now();
      if (res.status === 401) {
        refused = (now - revokedAt) / 1000;
        break;
      }
      assert.equal(res.status, 200, `while polling: ${res.status} ${res.text}`);
      lastAccepted = (now - revokedAt) / 1000;
      if (now - revokedAt > GIVE_UP_MS) break;
      await delay(POLL_MS);
    }
    figures.push({
      kind: "api-key/delete",
      lastAccepted: Math.round(lastAccepted * 100) / 100,
      refused: refused && Math.round(refused * 100) / 100,
    });
    assert.notEqual(refused, null, `the API still accepts the key ${GIVE_UP_MS / 1000} s after it was revoked`);
    assert.ok(lastAccepted <= BOUND_S, `the API accepted the revoked key ${lastAccepted.toFixed(2)} s after`);
    // Writes were refused at once: they lock the key's row.
    const write = await withKey(`/api/${a.user.id}/tasks`, key, { method: "POST", body: JSON.stringify({ title: "late" }) });
    assert.equal(write.status, 401);
  });

  test("a key's requests count against its owner's rate limit, the same bucket as their JWTs", async () => {
    const a = await newUser();
    const other = await newUser();
    const { key } = await createKey(a.client, "hammer");
    let limitedAfter = null;
    for (let i = 0; i < USER_BURST + 50; i++) {
      const res = await withKey(`/api/${a.user.id}/tasks?limit=1`, key);
      if (res.status === 429) {
        limitedAfter = i;
        break;
      }
      assert.equal(res.status, 200, res.text);
    }
    assert.ok(limitedAfter !== null && limitedAfter >= USER_BURST - 5, `429 after ${limitedAfter} requests`);
    const jwt = await callApi(API_URL, `/api/${a.user.id}/tasks`, await a.client.token());
    assert.equal(jwt.status, 429, "the owner's JWT shares the key's bucket");
    assert.ok(jwt.headers.get("retry-after"));
    const otherUser = await callApi(API_URL, `/api/${other.user.id}/tasks`, await other.client.token());
    assert.equal(otherUser.status, 200, "another user is not limited");
  });

  test("deleting the account deletes its keys, and the key stops at once for writes", async () => {
    const a = await newUser();
    const { key } = await createKey(a.client, "with the account");
    assert.equal((await withKey("/api/me", key)).status, 200);

    await a.client.ok("/delete-user", { password: PASSWORD });

    const { rows } = await db.query(`SELECT count(*)::int AS n FROM "apikey" WHERE "referenceId" = $1`, [a.user.id]);
    assert.equal(rows[0].n, 0);
    const write = await withKey(`/api/${a.user.id}/tasks`, key, { method: "POST", body: JSON.stringify({ title: "ghost" }) });
    assert.equal(write.status, 401);
    const { rows: tasks } = await db.query(`SELECT count(*)::int AS n FROM tasks.tasks WHERE user_id = $1`, [a.user.id]);
    assert.equal(tasks[0].n, 0);
  });
});

describe("the account page's API keys section", () => {
  browserTest("creates a key shown once with a copy button, lists it without the key, and revokes it", async () => {
    const context = await newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: WEB_URL });
    const page = await context.newPage();
    const who = { email: `api-keys-page@example.com`, password: PASSWORD, name: "Kim Keys" };
    await signUp(page, WEB_URL, who);
    await new TasksPage(page).ready();
    await new AccountPage(page).openFromTasks(WEB_URL);
    const section = page.getByRole("region", { name: "API keys" });
    await section.getByText("You have no API keys.").waitFor();

    await section.getByLabel("Key name").fill("nightly backup");
    await section.getByLabel("Expires in").selectOption("7");
    await section.getByRole("button", { name: "Create key" }).click();
    const shown = section.getByTestId("api-key-value");
    await shown.waitFor();
    const key = await shown.inputValue();
    assert.match(key, /^tasks_[A-Za-z]{64}$/);
    assert.equal(await horizontalOverflow(page), null, "the new key fits a phone's width");
    await section.getByTestId("api-key-copy").click();
    await section.getByRole("button", { name: "Copied" }).waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), key);

    // The key works at the API as its owner.
    const me = await withKey("/api/me", key);
    assert.equal(me.status, 200);
    assert.equal(me.body.email, who.email);

    // Listed by name and start; after "Done" or a reload the key is nowhere on the page.
    const item = section.getByTestId("api-key-item");
    await eventually(async () => assert.equal(await item.count(), 1));
    assert.match(await item.textContent(), /nightly backup\s*tasks_…/);
    assert.match(await item.textContent(), /expires/);
    await section.getByRole("button", { name: "Done" }).click();
    await page.reload();
    await section.getByTestId("api-key-item").waitFor();
    assert.ok(!(await page.content()).includes(key), "the key is shown once only");

    page.once("dialog", (dialog) => dialog.accept());
    await section.getByRole("button", { name: "Revoke nightly backup" }).click();
    await section.getByTestId("api-keys-notice").getByText("is revoked").waitFor();
    await section.getByText("You have no API keys.").waitFor();
    await eventually(async () => assert.equal((await withKey("/api/me", key)).status, 401), { timeout: 10_000, interval: 250 });
  });
});
