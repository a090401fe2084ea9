// What every browser journey file (tests/browser/*.test.mjs) shares: the whole system started by
// ./run.sh once per file, one chromium, the people and helpers the journeys use, and the closing
// check that no page broke its CSP or threw a script error during the file.
// JWTs live 20 s in these runs (JWT_EXPIRATION_TIME), so token renewal happens for real.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { AuthClient } from "./auth-http.mjs";
import { launchBrowser } from "./browser.mjs";
import { browserSuite } from "./browser-suite.mjs";
import { API_URL, startSystem, WEB_URL } from "./system.mjs";

export const JWT_LIFETIME_S = 20;
export const PASSWORD = "correct-horse-battery-9";

/**
 * Starts the system and a browser for this file; returns browserSuite's helpers. `people` are
 * signed up first (over Better Auth's HTTP API), for journeys that start from an existing account:
 * each file starts from an empty database.
 */
export function browserJourney({ people = [] } = {}) {
  let system;
  let browser;
  const suite = browserSuite(() => browser);

  before(
    async () => {
      system = await startSystem({ env: { JWT_EXPIRATION_TIME: `${JWT_LIFETIME_S}s`, AUTH_RATE_LIMIT: "off" } });
      browser = await launchBrowser();
      for (const person of people) {
        const res = await new AuthClient(WEB_URL).call("/sign-up/email", person);
        assert.equal(res.status, 200, `sign-up of ${person.email}: ${JSON.stringify(res.body)}`);
      }
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

  return suite;
}

/** The file's last test: no CSP violation and no uncaught script error on any page it opened. */
export function noPageProblems(problems) {
  test("no CSP violation and no uncaught script error on any page during the run", () => {
    assert.deepEqual(problems.csp, []);
    assert.deepEqual(problems.errors, []);
  });
}

/** GET on the web app without a browser, not following redirects. */
export const getManual = (pathname, headers = {}) => fetch(`${WEB_URL}${pathname}`, { redirect: "manual", headers });

/** Calls the Java API from the test (no browser, so no CORS in the way). */
export async function callApi(pathname, token, init = {}) {
  const res = await fetch(`${API_URL}${pathname}`, {
    ...init,
    headers: { Authorization: `Bearer ${token}`, ...(init.body ? { "Content-Type": "application/json" } : {}) },
  });
  return { status: res.status, body: await res.json().catch(() => null), headers: res.headers };
}

export const isApiCall = (url) => url.startsWith(`${API_URL}/api/`);
