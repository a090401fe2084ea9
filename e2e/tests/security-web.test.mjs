// The web app's security findings (issue 15), each against the real ./run.sh: Next.js production
// build, Better Auth with its production rate limits ON (AUTH_RATE_LIMIT unset), the Java API.
//
// TRUSTED_PROXIES="::1, 10.0.0.0/8", and the test reaches the web app two ways:
// - `direct`: http://127.0.0.1:<web port>, a socket peer that is NOT a trusted proxy, so whatever
//   X-Forwarded-For it sends must be ignored (the attacker's view);
// - `viaProxy`: http://[::1]:<web port>, a trusted proxy, so its X-Forwarded-For names the client
//   (a load balancer's view): each request can come from a different real client address.
import assert from "node:assert/strict";
import http from "node:http";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { launchBrowser, screenshotOnFailure, watchContext } from "../support/browser.mjs";
import { delay, ROOT_DIR } from "../support/processes.mjs";
import { API_URL, PORTS, startSystem, WEB_URL } from "../support/system.mjs";
import { authAlert, signIn } from "../support/tasks-page.mjs";

const DIRECT = `http://127.0.0.1:${PORTS.web}`;
const PROXY = `http://[::1]:${PORTS.web}`;
const PASSWORD = "correct-horse-battery-9";
const ORIGIN = { Origin: WEB_URL };

let system;
let browser;
const problems = { csp: [], errors: [] };
let addressCounter = 0;
/** A client address no other request of this run used (Better Auth's limit is per address). */
const freshAddress = () => `198.51.${100 + Math.floor(addressCounter / 250)}.${(addressCounter++ % 250) + 1}`;

before(
  async () => {
    system = await startSystem({ env: { TRUSTED_PROXIES: "::1, 10.0.0.0/8" } });
    browser = await launchBrowser();
  },
  { timeout: 1_200_000 },
);

after(
  async () => {
    await browser?.close().catch(() => {});
    await system?.stop();
  },
  { timeout: 120_000 },
);

function request(base, pathname, { method = "GET", headers = {}, body, cookie } = {}) {
  return fetch(`${base}${pathname}`, {
    method,
    redirect: "manual",
    headers: {
      ...(body === undefined ? {} : { "Content-Type": "application/json" }),
      ...(cookie ? { Cookie: cookie } : {}),
      ...ORIGIN,
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}
const direct = (pathname, options) => request(DIRECT, pathname, options);
/** Through our "load balancer": `client` is the address it saw (possibly after inner proxies). */
const viaProxy = (pathname, client, options = {}) =>
  request(PROXY, pathname, { ...options, headers: { "X-Forwarded-For": client, ...options.headers } });

const cookieOf = (res) =>
  res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");

async function signUpViaProxy(email, name = "Test Person") {
  const res = await viaProxy("/api/auth/sign-up/email", freshAddress(), {
    method: "POST",
    body: { email, password: PASSWORD, name },
  });
  assert.equal(res.status, 200, await res.clone().text());
  return cookieOf(res);
}

const signInBody = (email, password = "wrong-password") => ({ method: "POST", body: { email, password } });

/** Runs `fn(page)` in a fresh browser context; a failure leaves screenshots in out/. */
async function inBrowser(t, fn) {
  const context = await browser.newContext();
  watchContext(context, problems);
  try {
    await fn(await context.newPage());
  } catch (err) {
    const shots = await screenshotOnFailure(context, t.name);
    if (shots.length) t.diagnostic(`screenshots: ${shots.map((s) => path.relative(ROOT_DIR, s)).join(", ")}`);
    throw err;
  } finally {
    await context.close();
  }
}

async function session(cookie) {
  const res = await direct("/api/auth/get-session", { cookie });
  assert.equal(res.status, 200);
  return (await res.json()).session;
}

// ----------------------------------------------------------------------------------------------

describe("finding 1: open redirect after sign-in", () => {
  const HOSTILE = [
    "/..//evil.example",
    "/..//evil.example/phish",
    "/%2e%2e//evil.example",
    "/.%2e//evil.example",
    "/en/tasks/../..//evil.example",
    "/.//evil.example",
    "/..%2f%2fevil.example",
    "/%5c%5cevil.example",
    "/..\\evil.example",
    "/%252e%252e//evil.example",
    "/..//user@evil.example",
  ];
  let cookie;

  before(async () => {
    cookie = await signUpViaProxy("redirect@example.com");
  });

  test("a signed-in GET of /en/signin or /en/signup with a hostile next redirects on this site only", async () => {
    const seen = [];
    for (const page of ["/en/signin", "/en/signup"]) {
      for (const next of HOSTILE) {
        const res = await direct(`${page}?next=${encodeURIComponent(next)}`, { cookie });
        const location = res.headers.get("location");
        seen.push(`${page}?next=${next} → ${res.status} ${location}`);
        assert.equal(res.status, 307, seen.at(-1));
        const target = new URL(location, WEB_URL);
        assert.equal(target.origin, WEB_URL, seen.at(-1));
        assert.equal(location, "/en/tasks", seen.at(-1));
      }
    }
    assert.equal(seen.length, 2 * HOSTILE.length);
  });

  test("before sign-in, the form is never handed a hostile next", async () => {
    for (const next of HOSTILE) {
      const res = await direct(`/en/signin?next=${encodeURIComponent(next)}`);
      assert.equal(res.status, 200);
      // The form's props travel in the page's RSC payload as "next":"…" (JSON inside a script string).
      const handed = [...(await res.text()).matchAll(/\\?"next\\?":\\?"([^"\\]*)/g)].map((m) => m[1]);
      assert.ok(handed.length > 0, `no next prop found for next=${next}`);
      assert.deepEqual([...new Set(handed)], ["/en/tasks"], `next=${next}`);
    }
  });

  test("in Chromium, signing in at /en/signin?next=/..//evil.example/phish lands on /en/tasks", async (t) => {
    await signUpViaProxy("phish@example.com");
    await inBrowser(t, async (page) => {
      // If the app ever sends the browser there, the test sees it rather than a DNS error.
      await page.route(
        (url) => url.hostname === "evil.example",
        (route) => route.fulfill({ status: 200, contentType: "text/plain", body: "phished" }),
      );
      await signIn(
        page,
        WEB_URL,
        { email: "phish@example.com", password: PASSWORD },
        "/en/signin?next=%2F..%2F%2Fevil.example%2Fphish",
      );
      await page.waitForURL((url) => url.pathname === "/en/tasks" || url.hostname === "evil.example", { timeout: 60_000 });
      assert.equal(page.url(), `${WEB_URL}/en/tasks`);
    });
  });
});

describe("finding 2: the sign-in form tells how long to wait", () => {
  test("the form shows 'Too many attempts. Try again in N s.' for the per-account limit and for Better Auth's per-address limit", async (t) => {
    const email = "waiting@example.com";
    await signUpViaProxy(email);
    // Per account: 5 free failures from 5 addresses, then climb the back-off to an 8 s window.
    for (let i = 0; i < 5; i++)
      assert.equal((await viaProxy("/api/auth/sign-in/email", freshAddress(), signInBody(email))).status, 401);
    for (const wait of [1, 2, 4]) {
      await delay(wait * 1000 + 100);
      assert.equal((await viaProxy("/api/auth/sign-in/email", freshAddress(), signInBody(email))).status, 401);
    }
    await inBrowser(t, async (page) => {
      await signIn(page, WEB_URL, { email, password: "wrong-password" });
      await assertAlert(page, /^Too many attempts\. Try again in [1-8] s\.$/);

      // Per address (3 sign-ins per 10 s): other accounts, until Better Auth's limiter answers.
      let text = "";
      for (let i = 0; i < 5 && !/Too many attempts/.test(text); i++) {
        await signIn(page, WEB_URL, { email: `nobody-${i}@example.com`, password: "wrong-password" });
        text = await settledAlert(page);
      }
      assert.match(text, /^Too many attempts\. Try again in \d+ s\.$/);
    });
  });
});

/** The alert's text once the submit has finished (the button is enabled again). */
async function settledAlert(page) {
  await page.getByRole("button", { name: "Sign in" }).and(page.locator(":enabled")).waitFor();
  await authAlert(page).filter({ hasText: /./ }).waitFor();
  return (await authAlert(page).textContent()).trim();
}

async function assertAlert(page, pattern) {
  assert.match(await settledAlert(page), pattern);
}

describe("finding 2: client addresses come from the socket and TRUSTED_PROXIES", () => {
  test("rotating X-Forwarded-For from an untrusted peer does not escape Better Auth's per-address limit", async () => {
    const statuses = [];
    let retryAfter = null;
    for (let i = 0; i < 10; i++) {
      const res = await direct("/api/auth/sign-in/email", {
        ...signInBody(`rotate-${i}@example.com`),
        headers: { "X-Forwarded-For": `203.0.113.${i + 1}` },
      });
      statuses.push(res.status);
      if (res.status === 429) retryAfter ??= res.headers.get("retry-after");
    }
    // 3 per 10 s per address: the 4th and later attempts of this one peer are refused.
    assert.deepEqual(statuses.slice(3), Array(7).fill(429), statuses.join(" "));
    assert.match(String(retryAfter), /^\d+$/, "a 429 carries Retry-After");
  });

  test("a forged two-address X-Forwarded-For fills only the sender's own bucket, not that of people behind our proxies", async () => {
    // The attacker, directly: five sign-ins claiming to be "198.18.0.1, 198.18.0.2".
    const attacker = [];
    for (let i = 0; i < 5; i++) {
      const res = await direct("/api/auth/sign-in/email", {
        ...signInBody(`forger-${i}@example.com`),
        headers: { "X-Forwarded-For": "198.18.0.1, 198.18.0.2" },
      });
      attacker.push(res.status);
    }
    assert.ok(attacker.includes(429), `the attacker is limited: ${attacker.join(" ")}`);
    // A person behind two of our proxies (client, inner proxy 10.0.0.7, load balancer ::1).
    const email = "behind-proxies@example.com";
    await signUpViaProxy(email);
    const chain = "192.0.2.44, 10.0.0.7";
    assert.equal((await viaProxy("/api/auth/sign-in/email", chain, signInBody(email))).status, 401);
    assert.equal((await viaProxy("/api/auth/sign-in/email", chain, signInBody(email, PASSWORD))).status, 200);
  });

  test("the session records the real address, not a forged X-Forwarded-For", async () => {
    const forged = await direct("/api/auth/sign-up/email", {
      method: "POST",
      body: { email: "forger@example.com", password: PASSWORD, name: "Forger" },
      headers: { "X-Forwarded-For": "6.6.6.6" },
    });
    assert.equal(forged.status, 200, await forged.clone().text());
    assert.equal((await session(cookieOf(forged))).ipAddress, "127.0.0.1");

    await signUpViaProxy("proxied@example.com");
    const proxied = await viaProxy(
      "/api/auth/sign-in/email",
      "6.6.6.6, 192.0.2.77, 10.0.0.9",
      signInBody("proxied@example.com", PASSWORD),
    );
    assert.equal(proxied.status, 200);
    assert.equal((await session(cookieOf(proxied))).ipAddress, "192.0.2.77");
  });

  test("the per-account back-off applies across client addresses, and a right password after it resets it", async () => {
    const email = "backoff@example.com";
    await signUpViaProxy(email);
    const attempt = (password) => viaProxy("/api/auth/sign-in/email", freshAddress(), signInBody(email, password));
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await attempt()).status);
    assert.deepEqual(statuses, [401, 401, 401, 401, 401]);

    const refused = await attempt();
    assert.equal(refused.status, 429);
    assert.equal(refused.headers.get("retry-after"), "1");
    assert.deepEqual(await refused.json(), {
      code: "TOO_MANY_ATTEMPTS",
      message: "Too many attempts. Try again in 1 s.",
      retryAfter: 1,
    });
    assert.equal((await attempt(PASSWORD)).status, 429, "the right password waits too");

    await delay(1100);
    assert.equal((await attempt(PASSWORD)).status, 200, "the right password after the wait signs in");
    const again = [];
    for (let i = 0; i < 6; i++) again.push((await attempt()).status);
    assert.deepEqual(again, [401, 401, 401, 401, 401, 429], "a success starts the count afresh");
  });
});

describe("finding 3: names are bounded", () => {
  test("a 200 KB name is refused at sign-up with a 400 and a sentence, and no account is made", async () => {
    const res = await viaProxy("/api/auth/sign-up/email", freshAddress(), {
      method: "POST",
      body: { email: "huge-name@example.com", password: PASSWORD, name: "a".repeat(200_000) },
    });
    assert.equal(res.status, 400);
    assert.deepEqual(await res.json(), { code: "NAME_TOO_LONG", message: "Names can have at most 100 characters." });
    assert.equal(
      (await viaProxy("/api/auth/sign-in/email", freshAddress(), signInBody("huge-name@example.com", PASSWORD))).status,
      401,
    );
  });

  test("a 100-character name of four-byte characters gives a JWT under 8 KiB that the Java API accepts; update-user keeps the cap", async (t) => {
    const name = "😀".repeat(100);
    const cookie = await signUpViaProxy(`${"e".repeat(60)}@example.com`, name);
    const tokenRes = await direct("/api/auth/token", { cookie });
    assert.equal(tokenRes.status, 200);
    const { token } = await tokenRes.json();
    t.diagnostic(`token with a 100 × U+1F600 name and a 72-character email: ${token.length} bytes`);
    assert.ok(token.length < 8192, `${token.length} bytes`);
    const me = await fetch(`${API_URL}/api/me`, { headers: { Authorization: `Bearer ${token}` } });
    assert.equal(me.status, 200, await me.clone().text());

    const update = await direct("/api/auth/update-user", { method: "POST", cookie, body: { name: `${name}x` } });
    assert.equal(update.status, 400);
    assert.equal((await update.json()).code, "NAME_TOO_LONG");
  });
});

describe("finding 4: headers", () => {
  test("GET /api/auth/token is Cache-Control: no-store; get-session too; the JWKS is revalidated", async () => {
    const cookie = await signUpViaProxy("cache@example.com");
    assert.equal((await direct("/api/auth/token", { cookie })).headers.get("cache-control"), "no-store");
    assert.equal((await direct("/api/auth/token")).headers.get("cache-control"), "no-store");
    assert.match((await direct("/api/auth/get-session", { cookie })).headers.get("cache-control"), /no-store/);
    assert.equal((await direct("/api/auth/jwks")).headers.get("cache-control"), "no-cache");
  });

  test("prefetch requests that get a page's HTML get its Content-Security-Policy and nonces too", async () => {
    for (const headers of [{ "Next-Router-Prefetch": "1" }, { Purpose: "prefetch" }, { "Sec-Purpose": "prefetch" }]) {
      const res = await direct("/en/signin", { headers });
      const html = await res.text();
      const what = `${JSON.stringify(headers)} → ${res.status} ${res.headers.get("content-type")}`;
      if (!/text\/html/.test(res.headers.get("content-type") ?? "")) continue;
      const csp = res.headers.get("content-security-policy");
      assert.ok(csp, `${what}: no CSP`);
      const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
      assert.ok(nonce, `${what}: no nonce in ${csp}`);
      const scripts = html.match(/<script\b[^>]*>/g) ?? [];
      assert.ok(scripts.length > 0, what);
      for (const tag of scripts) assert.ok(tag.includes(`nonce="${nonce}"`), `${what}: ${tag}`);
    }
  });

  test("a malformed URL (/%) is a 4xx with the security headers, not a bare 500", async () => {
    for (const target of ["/%", "/en/%", "/%zz", "/en/tasks%"]) {
      const res = await rawGet(target);
      assert.ok(res.status >= 400 && res.status < 500, `${target} → ${res.status}`);
      assert.equal(res.headers["x-content-type-options"], "nosniff", target);
      assert.equal(res.headers["x-frame-options"], "DENY", target);
      assert.ok(res.headers["content-security-policy"], `${target}: no CSP`);
    }
    // A malformed query is Next.js's to handle, as before: the page still answers.
    assert.equal((await rawGet("/en/signin?next=%")).status, 200);
  });
});

/** GET with the request target exactly as given (fetch would normalise it). */
function rawGet(target) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port: PORTS.web, path: target, method: "GET" }, (res) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode, headers: res.headers }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("the whole run", () => {
  test("no CSP violation or uncaught error in the browser", () => {
    assert.deepEqual(problems, { csp: [], errors: [] });
  });
});
