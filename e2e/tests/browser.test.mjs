// Browser tests across the whole stack: the real ./run.sh (embedded PostgreSQL, Java API,
// Better Auth + Next.js production build) driven by Debian's chromium through playwright-core.
// JWTs live 20 s in this run (JWT_EXPIRATION_TIME), so token renewal happens for real.
import assert from "node:assert/strict";
import { copyFileSync, existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { launchBrowser } from "../support/browser.mjs";
import { browserSuite, DESKTOP, PHONE } from "../support/browser-suite.mjs";
import { decodeJwt, looksLikeJwt } from "../support/jwt.mjs";
import { delay, OUT_DIR, ROOT_DIR } from "../support/processes.mjs";
import { API_URL, startSystem, WEB_URL } from "../support/system.mjs";
import { authAlert, eventually, sessionFromPage, signIn, signUp, TasksPage, tokenFromPage } from "../support/tasks-page.mjs";

const JWT_LIFETIME_S = 20;
const PASSWORD = "correct-horse-battery-9";
const ADA = { email: "ada@example.com", password: PASSWORD, name: "Ada Lovelace" };
const BOB = { email: "bob@example.com", password: PASSWORD, name: "Bob" };

let system;
let browser;
const { problems, newContext, closeContext, browserTest } = browserSuite(() => browser);

before(
  async () => {
    system = await startSystem({ env: { JWT_EXPIRATION_TIME: `${JWT_LIFETIME_S}s`, AUTH_RATE_LIMIT: "off" } });
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

/** GET on the web app without a browser, not following redirects. */
const getManual = (pathname, headers = {}) => fetch(`${WEB_URL}${pathname}`, { redirect: "manual", headers });

/** Calls the Java API from the test (no browser, so no CORS in the way). */
async function callApi(pathname, token, init = {}) {
  const res = await fetch(`${API_URL}${pathname}`, {
    ...init,
    headers: { Authorization: `Bearer ${token}`, ...(init.body ? { "Content-Type": "application/json" } : {}) },
  });
  return { status: res.status, body: await res.json().catch(() => null), headers: res.headers };
}

const isApiCall = (url) => url.startsWith(`${API_URL}/api/`);

describe("without a session", () => {
  browserTest("/ and /en/tasks send to sign-in, decided on the server", async () => {
    const root = await getManual("/");
    assert.ok([302, 303, 307, 308].includes(root.status), `GET / → ${root.status}`);
    assert.match(root.headers.get("location"), /\/en\/signin/);

    const tasks = await getManual("/en/tasks");
    assert.ok([302, 303, 307, 308].includes(tasks.status), `GET /en/tasks → ${tasks.status}`);
    assert.match(tasks.headers.get("location"), /\/en\/signin\?next=%2Fen%2Ftasks$/);

    const context = await newContext();
    const page = await context.newPage();
    await page.goto(`${WEB_URL}/`);
    await page.waitForURL(/\/en\/signin/);
    await page.getByRole("heading", { name: "Welcome back" }).waitFor();
    await closeContext(context);
  });
});

describe("one person's tasks", () => {
  let context;
  let page;
  let tasks;

  before(async () => {
    context = await newContext();
    page = await context.newPage();
    tasks = new TasksPage(page);
  });
  after(() => context && closeContext(context));

  browserTest("sign-up lands on /en/tasks with an empty list", async () => {
    await signUp(page, WEB_URL, ADA);
    assert.equal(page.url(), `${WEB_URL}/en/tasks`);
    await page.getByTestId("tasks-empty").getByText("No tasks yet.").waitFor();
    await tasks.expectCounts({ active: 0, completed: 0, total: 0 });
  });

  browserTest("add: tasks appear newest first, with counts, and survive a reload", async () => {
    await tasks.add("Buy milk");
    await tasks.add("Write the quarterly report", "Numbers from finance first");
    await tasks.add("Call Alice");
    await tasks.expectTitles(["Call Alice", "Write the quarterly report", "Buy milk"]);
    await tasks.expectCounts({ active: 3, completed: 0, total: 3 });
    await tasks.item("Write the quarterly report").getByText("Numbers from finance first").waitFor();

    await page.reload();
    await tasks.expectTitles(["Call Alice", "Write the quarterly report", "Buy milk"]);
    await tasks.expectCounts({ active: 3, completed: 0, total: 3 });
    await tasks.item("Write the quarterly report").getByText("Numbers from finance first").waitFor();
  });

  browserTest("a title that is only spaces is refused with a message, nothing is sent", async () => {
    let posts = 0;
    const count = (req) => req.method() === "POST" && isApiCall(req.url()) && posts++;
    page.on("request", count);
    await tasks.addForm.getByLabel("New task title").fill("   ");
    await tasks.addForm.getByRole("button", { name: "Add task" }).click();
    await tasks.addForm.getByRole("alert").waitFor();
    page.off("request", count);
    assert.equal(posts, 0);
    await tasks.addForm.getByLabel("New task title").fill("");
  });

  browserTest("edit: new title and description are saved and survive a reload", async () => {
    await tasks.item("Call Alice").getByRole("button", { name: "Edit “Call Alice”" }).click();
    const form = page.getByRole("form", { name: "Edit “Call Alice”" });
    await form.getByLabel("Title").fill("Call Alice about the offsite");
    await form.getByLabel("Description").fill("Book the venue by Friday");
    await form.getByRole("button", { name: "Save" }).click();
    await tasks.item("Call Alice about the offsite").getByText("Book the venue by Friday").waitFor();

    await page.reload();
    await tasks.expectTitles(["Call Alice about the offsite", "Write the quarterly report", "Buy milk"]);
    await tasks.item("Call Alice about the offsite").getByText("Book the venue by Friday").waitFor();
  });

  browserTest("toggle: completing and un-completing update the counts and survive a reload", async () => {
    await tasks.item("Buy milk").getByRole("checkbox").check();
    await eventually(async () => assert.equal(await tasks.isCompleted("Buy milk"), true));
    await tasks.expectCounts({ active: 2, completed: 1, total: 3 });

    await tasks.item("Call Alice about the offsite").getByRole("checkbox").check();
    await tasks.expectCounts({ active: 1, completed: 2, total: 3 });
    await tasks.item("Call Alice about the offsite").getByRole("checkbox").uncheck();
    await tasks.expectCounts({ active: 2, completed: 1, total: 3 });

    await page.reload();
    await tasks.ready();
    assert.equal(await tasks.isCompleted("Buy milk"), true);
    assert.equal(await tasks.isCompleted("Call Alice about the offsite"), false);
    assert.equal(await tasks.item("Buy milk").getByRole("checkbox").isChecked(), true);
    await tasks.expectCounts({ active: 2, completed: 1, total: 3 });
  });

  browserTest("delete: undo brings the task back; otherwise it is gone, also after a reload", async () => {
    await tasks.add("Throw away old receipts");
    await tasks.expectCounts({ active: 3, completed: 1, total: 4 });

    await tasks.item("Throw away old receipts").getByRole("button", { name: "Delete “Throw away old receipts”" }).click();
    const toast = page.getByTestId("undo-toast");
    await toast.getByText("Deleted “Throw away old receipts”.").waitFor();
    await tasks.expectTitles(["Call Alice about the offsite", "Write the quarterly report", "Buy milk"]);
    await tasks.expectCounts({ active: 2, completed: 1, total: 3 });
    await toast.getByRole("button", { name: "Undo" }).click();
    await tasks.expectTitles([
      "Throw away old receipts",
      "Call Alice about the offsite",
      "Write the quarterly report",
      "Buy milk",
    ]);
    await tasks.expectCounts({ active: 3, completed: 1, total: 4 });

    // Deleted for real once the undo window closes.
    const deleted = page.waitForResponse((r) => r.request().method() === "DELETE" && isApiCall(r.url()), { timeout: 30_000 });
    await tasks.item("Throw away old receipts").getByRole("button", { name: "Delete “Throw away old receipts”" }).click();
    assert.equal((await deleted).status(), 200);
    await page.reload();
    await tasks.expectTitles(["Call Alice about the offsite", "Write the quarterly report", "Buy milk"]);
    await tasks.expectCounts({ active: 2, completed: 1, total: 3 });
  });

  browserTest("filter all / active / completed shows the right tasks", async () => {
    await page.getByTestId("filter-active").click();
    await tasks.expectTitles(["Call Alice about the offsite", "Write the quarterly report"]);
    assert.equal(await page.getByTestId("filter-active").getAttribute("aria-pressed"), "true");
    await page.getByTestId("filter-completed").click();
    await tasks.expectTitles(["Buy milk"]);
    await page.getByTestId("filter-all").click();
    await tasks.expectTitles(["Call Alice about the offsite", "Write the quarterly report", "Buy milk"]);
  });

  browserTest("search matches title and description, ignoring case; no match says so", async () => {
    const search = page.getByLabel("Search tasks");
    await search.fill("REPORT");
    await tasks.expectTitles(["Write the quarterly report"]);
    await search.fill("venue");
    await tasks.expectTitles(["Call Alice about the offsite"]);
    await search.fill("no such thing");
    await page.getByTestId("tasks-empty").getByText("No tasks match “no such thing”.").waitFor();
    await page.getByRole("button", { name: "Clear search" }).click();
    await tasks.expectTitles(["Call Alice about the offsite", "Write the quarterly report", "Buy milk"]);

    // Filter and search together, then a reload: the data is the server's.
    await page.getByTestId("filter-active").click();
    await search.fill("a");
    await tasks.expectTitles(["Call Alice about the offsite", "Write the quarterly report"]);
    await page.reload();
    await tasks.expectTitles(["Call Alice about the offsite", "Write the quarterly report", "Buy milk"]);
  });

  browserTest("keyboard: Tab reaches the add form, Enter adds the task and keeps focus there", async () => {
    await page.reload();
    await tasks.ready();
    const focusedLabel = () =>
      page.evaluate(() => {
        const el = document.activeElement;
        return el?.labels?.[0]?.textContent?.trim() ?? el?.getAttribute("aria-label") ?? el?.textContent?.trim() ?? "";
      });
    let reached = false;
    for (let i = 0; i < 20 && !reached; i++) {
      await page.keyboard.press("Tab");
      reached = (await focusedLabel()) === "New task title";
    }
    assert.ok(reached, "Tab never reached the new task title");
    await page.keyboard.type("Typed without a mouse");
    await page.keyboard.press("Enter");
    await tasks.item("Typed without a mouse").waitFor();
    assert.equal(await focusedLabel(), "New task title");
    assert.equal(await tasks.addForm.getByLabel("New task title").inputValue(), "");

    // Space toggles the focused checkbox.
    await tasks.item("Typed without a mouse").getByRole("checkbox").focus();
    await page.keyboard.press("Space");
    await eventually(async () => assert.equal(await tasks.isCompleted("Typed without a mouse"), true));
    await tasks.expectCounts({ active: 2, completed: 2, total: 4 });
  });

  browserTest("no token in localStorage, sessionStorage or script-readable cookies", async () => {
    await page.reload();
    await tasks.ready();
    const stored = await page.evaluate(() => {
      const dump = (s) => Array.from({ length: s.length }, (_, i) => `${s.key(i)}=${s.getItem(s.key(i))}`);
      return { local: dump(localStorage), session: dump(sessionStorage), cookie: document.cookie };
    });
    for (const entry of [...stored.local, ...stored.session, stored.cookie]) {
      assert.ok(!looksLikeJwt(entry), `token stored where scripts can read it: ${entry.slice(0, 80)}`);
    }
    assert.doesNotMatch(stored.cookie, /better-auth/);
  });

  browserTest("Better Auth's session cookie is httpOnly and SameSite=Lax", async () => {
    const cookies = await context.cookies(WEB_URL);
    const session = cookies.find((c) => c.name === "better-auth.session_token");
    assert.ok(session, `cookies: ${cookies.map((c) => c.name).join(", ")}`);
    assert.equal(session.httpOnly, true);
    assert.equal(session.sameSite, "Lax");
    assert.equal(session.path, "/");
    for (const c of cookies.filter((c) => c.name.startsWith("better-auth"))) assert.equal(c.httpOnly, true, c.name);
  });

  browserTest("pages carry a Content-Security-Policy with a script nonce, and the app runs under it", async () => {
    const res = await page.goto(`${WEB_URL}/en/tasks`);
    const csp = res.headers()["content-security-policy"];
    assert.ok(csp, "no Content-Security-Policy header");
    const directives = Object.fromEntries(
      csp
        .split(";")
        .map((d) => d.trim().split(/\s+/))
        .map(([k, ...v]) => [k, v]),
    );
    assert.ok(
      directives["script-src"].some((v) => v.startsWith("'nonce-")),
      csp,
    );
    assert.ok(!directives["script-src"].includes("'unsafe-inline'"), csp);
    assert.ok(!directives["script-src"].includes("'unsafe-eval'"), csp);
    assert.ok(directives["connect-src"].includes(API_URL), csp);
    assert.deepEqual(directives["frame-ancestors"], ["'none'"]);
    assert.deepEqual(directives["object-src"], ["'none'"]);
    // Nonces differ per response.
    const again = (await page.goto(`${WEB_URL}/en/tasks`)).headers()["content-security-policy"];
    assert.notEqual(again, csp);
    await tasks.expectTitles(["Typed without a mouse", "Call Alice about the offsite", "Write the quarterly report", "Buy milk"]);
    const signin = await getManual("/en/signin");
    assert.match(signin.headers.get("content-security-policy") ?? "", /script-src[^;]*'nonce-/);
  });

  browserTest(`a session that outlives its ${JWT_LIFETIME_S}s JWT keeps working without a visible error`, async () => {
    const calls = [];
    const onResponse = async (res) => {
      if (!isApiCall(res.url())) return;
      const auth = (await res.request().allHeaders()).authorization ?? "";
      calls.push({ method: res.request().method(), url: res.url(), status: res.status(), token: auth.replace(/^Bearer /, "") });
    };
    page.on("response", onResponse);
    try {
      await page.reload();
      await tasks.ready();
      await eventually(() => assert.ok(calls.some((c) => c.method === "GET" && c.token)));
      const first = calls.find((c) => c.token).token;
      const { iat, exp } = decodeJwt(first).payload;
      assert.equal(exp - iat, JWT_LIFETIME_S, "the system runs with short-lived JWTs");

      // The condition is time itself: act only once that token has expired.
      await delay(Math.max(0, exp * 1000 - Date.now()) + 1000);
      assert.ok(Date.now() / 1000 > exp);

      await tasks.add("Added after the first token expired");
      await page.getByTestId("filter-active").click();
      await tasks.expectTitles([
        "Added after the first token expired",
        "Call Alice about the offsite",
        "Write the quarterly report",
      ]);
      await page.getByTestId("filter-all").click();
      await tasks.ready();

      const later = calls.filter((c) => c.token && decodeJwt(c.token).payload.iat > iat);
      assert.ok(
        later.some((c) => c.method === "POST"),
        "the task was created with a renewed token",
      );
      for (const c of later) assert.ok(c.status < 400, `${c.method} ${c.url} → ${c.status}`);
      const post = calls.find((c) => c.method === "POST");
      assert.notEqual(post.token, first);
      assert.ok(decodeJwt(post.token).payload.exp > exp);
      assert.equal(page.url(), `${WEB_URL}/en/tasks`);
      await tasks.expectNoVisibleError();
    } finally {
      page.off("response", onResponse);
    }
  });

  browserTest("a 401 from the API is retried once with a fresh token, invisibly", async () => {
    let refused = 0;
    const tokenFetches = [];
    const onRequest = (req) => req.url().startsWith(`${WEB_URL}/api/auth/token`) && tokenFetches.push(Date.now());
    page.on("request", onRequest);
    await page.route(`${API_URL}/api/**`, async (route) => {
      if (route.request().method() === "OPTIONS" || refused > 0) return route.continue();
      refused++;
      const real = await route.fetch();
      await route.fulfill({
        response: real,
        status: 401,
        body: "",
        headers: { ...real.headers(), "www-authenticate": 'Bearer error="invalid_token"' },
      });
    });
    try {
      const refusedAt = Date.now();
      await page.getByTestId("filter-completed").click();
      await tasks.expectTitles(["Typed without a mouse", "Buy milk"]);
      assert.equal(refused, 1);
      assert.ok(
        tokenFetches.some((t) => t >= refusedAt),
        "a fresh token was fetched after the 401",
      );
      await tasks.expectNoVisibleError();
      assert.equal(page.url(), `${WEB_URL}/en/tasks`);
      await page.getByTestId("filter-all").click();
      await tasks.ready();
    } finally {
      await page.unroute(`${API_URL}/api/**`);
      page.off("request", onRequest);
    }
  });

  browserTest("sign-out, then /en/tasks redirects to /en/signin?next=…, and signing in returns there", async () => {
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(/\/en\/signin/);
    assert.equal(await sessionFromPage(page), null);
    await page.goto(`${WEB_URL}/en/tasks`);
    await page.waitForURL(`${WEB_URL}/en/signin?next=%2Fen%2Ftasks`);

    await signIn(page, WEB_URL, ADA, null);
    await page.waitForURL(`${WEB_URL}/en/tasks`);
    await tasks.expectCounts({ active: 3, completed: 2, total: 5 });
  });
});

describe("two people", () => {
  browserTest("the second sees none of the first one's tasks; the first's token on the second's path gets 403", async () => {
    const adaContext = await newContext();
    const bobContext = await newContext();
    try {
      const ada = await adaContext.newPage();
      await signIn(ada, WEB_URL, ADA);
      await ada.waitForURL(`${WEB_URL}/en/tasks`);
      const adaTasks = new TasksPage(ada);
      await adaTasks.ready();
      assert.ok((await adaTasks.titles()).length > 0);

      const bob = await bobContext.newPage();
      await signUp(bob, WEB_URL, BOB);
      const bobTasks = new TasksPage(bob);
      await bob.getByTestId("tasks-empty").getByText("No tasks yet.").waitFor();
      await bobTasks.expectCounts({ active: 0, completed: 0, total: 0 });
      await bobTasks.add("Bob's only task");
      await bob.getByLabel("Search tasks").fill("milk");
      await bob.getByTestId("tasks-empty").waitFor();

      const adaId = (await sessionFromPage(ada)).user.id;
      const bobId = (await sessionFromPage(bob)).user.id;
      assert.notEqual(adaId, bobId);
      const adaToken = await tokenFromPage(ada);
      const bobToken = await tokenFromPage(bob);
      assert.equal(decodeJwt(adaToken).payload.sub, adaId);

      const own = await callApi(`/api/${adaId}/tasks`, adaToken);
      assert.equal(own.status, 200);
      assert.ok(own.body.length > 0 && own.body.every((t) => t.user_id === adaId));
      for (const [method, suffix, body] of [
        ["GET", "", undefined],
        ["POST", "", JSON.stringify({ title: "planted by Ada" })],
      ]) {
        const res = await callApi(`/api/${bobId}/tasks${suffix}`, adaToken, { method, body });
        assert.equal(res.status, 403, `${method} on Bob's path with Ada's token`);
      }
      // Bob asking for one of Ada's tasks on his own path: it does not exist for him.
      const adaTaskId = own.body[0].id;
      assert.equal((await callApi(`/api/${bobId}/tasks/${adaTaskId}`, bobToken)).status, 404);
      assert.equal((await callApi(`/api/${bobId}/tasks/${adaTaskId}`, bobToken, { method: "DELETE" })).status, 404);
      const bobsList = await callApi(`/api/${bobId}/tasks`, bobToken);
      assert.deepEqual(
        bobsList.body.map((t) => t.title),
        ["Bob's only task"],
      );
    } finally {
      await closeContext(adaContext);
      await closeContext(bobContext);
    }
  });
});

describe("sign-in and sign-up mistakes", () => {
  let context;
  let page;
  before(async () => {
    context = await newContext();
    page = await context.newPage();
  });
  after(() => context && closeContext(context));

  browserTest("a wrong password shows a message and stays on sign-in", async () => {
    await signIn(page, WEB_URL, { email: ADA.email, password: "not-the-password" });
    await authAlert(page).getByText("Wrong email or password. Check them and try again.").waitFor();
    assert.equal(new URL(page.url()).pathname, "/en/signin");
    assert.equal(
      (await context.cookies()).some((c) => c.name === "better-auth.session_token"),
      false,
    );
  });

  browserTest("an unknown email shows the same message (no account enumeration)", async () => {
    await signIn(page, WEB_URL, { email: "nobody@example.com", password: "whatever-password" });
    await authAlert(page).getByText("Wrong email or password. Check them and try again.").waitFor();
  });

  browserTest("an email already taken shows a message and stays on sign-up", async () => {
    await page.goto(`${WEB_URL}/en/signup`);
    await page.getByLabel("Email").fill(ADA.email);
    await page.getByLabel("Password", { exact: true }).fill("another-password-1");
    await page.getByRole("button", { name: "Create account" }).click();
    await authAlert(page)
      .getByText(/already exists/)
      .waitFor();
    assert.equal(new URL(page.url()).pathname, "/en/signup");
  });

  browserTest("a weak password is refused with a message before anything is sent", async () => {
    let sent = 0;
    const count = (req) => req.url().includes("/api/auth/sign-up") && sent++;
    page.on("request", count);
    await page.goto(`${WEB_URL}/en/signup`);
    await page.getByLabel("Email").fill("weak@example.com");
    await page.getByLabel("Password", { exact: true }).fill("short");
    await page.getByRole("button", { name: "Create account" }).click();
    await page.getByText("Use at least 8 characters.").waitFor();
    page.off("request", count);
    assert.equal(sent, 0);
  });
});

describe("Better Auth's origin check", () => {
  const signInPost = (origin) =>
    fetch(`${WEB_URL}/api/auth/sign-in/email`, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/json", Origin: origin },
      body: JSON.stringify({ email: ADA.email, password: ADA.password }),
    });

  test("a sign-in POST from a foreign Origin is refused and sets no session", async () => {
    const res = await signInPost("http://evil.example");
    assert.equal(res.status, 403, await res.clone().text());
    assert.ok(!res.headers.getSetCookie().some((c) => c.startsWith("better-auth.session_token=")));
  });

  test("the same POST from the app's own origin signs in (control)", async () => {
    const res = await signInPost(WEB_URL);
    assert.equal(res.status, 200, await res.clone().text());
    assert.ok(res.headers.getSetCookie().some((c) => c.startsWith("better-auth.session_token=")));
  });
});

describe("phone-width screen (375 px)", () => {
  browserTest("sign-in, sign-up and tasks pages have no horizontal scroll", async () => {
    const context = await newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
    try {
      const page = await context.newPage();
      const noHorizontalScroll = async (what) => {
        const { scrollWidth, clientWidth } = await page.evaluate(() => ({
          scrollWidth: document.documentElement.scrollWidth,
          clientWidth: document.documentElement.clientWidth,
        }));
        assert.ok(scrollWidth <= clientWidth, `${what}: content is ${scrollWidth}px wide in a ${clientWidth}px viewport`);
      };
      await page.goto(`${WEB_URL}/en/signin`);
      await page.getByRole("button", { name: "Sign in" }).waitFor();
      await noHorizontalScroll("sign-in");
      await page.goto(`${WEB_URL}/en/signup`);
      await page.getByRole("button", { name: "Create account" }).waitFor();
      await noHorizontalScroll("sign-up");

      await signIn(page, WEB_URL, ADA);
      await page.waitForURL(`${WEB_URL}/en/tasks`);
      const tasks = new TasksPage(page);
      await tasks.ready();
      await tasks.add(
        "Read https://example.com/a/very/long/link/without/any/spaces/in/it/at/all/so/it/must/wrap",
        "Supercalifragilisticexpialidocious-and-then-some-more-characters-without-a-break",
      );
      await tasks.item("Typed without a mouse").getByRole("button", { name: "Edit “Typed without a mouse”" }).click();
      await page.getByRole("form", { name: "Edit “Typed without a mouse”" }).waitFor();
      await noHorizontalScroll("tasks (editing, long words)");
    } finally {
      await closeContext(context);
    }
  });
});

describe("when the session is gone for good", () => {
  browserTest("a second 401 signs out and goes to /en/signin?next=…, saying the session has ended", async () => {
    const context = await newContext();
    try {
      const page = await context.newPage();
      await signUp(page, WEB_URL, { email: "carol@example.com", password: PASSWORD, name: "Carol" });
      await new TasksPage(page).ready();
      await page.route(`${API_URL}/api/**`, async (route) => {
        if (route.request().method() === "OPTIONS") return route.continue();
        const real = await route.fetch();
        await route.fulfill({
          response: real,
          status: 401,
          body: "",
          headers: { ...real.headers(), "www-authenticate": 'Bearer error="invalid_token"' },
        });
      });
      await page.getByTestId("filter-active").click();
      await page.waitForURL(`${WEB_URL}/en/signin?next=%2Fen%2Ftasks&notice=session-ended`);
      await page.locator(".auth-card [role=status]").getByText("Your session has ended. Please sign in again.").waitFor();
      assert.equal(await sessionFromPage(page), null);
      assert.equal(
        (await context.cookies()).some((c) => c.name === "better-auth.session_token"),
        false,
      );
    } finally {
      await closeContext(context);
    }
  });
});

describe("screenshots (desktop 1280×800)", () => {
  const shotsDir = path.join(OUT_DIR, "screenshots");
  const docsDir = path.join(ROOT_DIR, "docs", "screenshots");
  // docs/screenshots are written when missing or when asked (E2E_UPDATE_SCREENSHOTS=1), so
  // that a test run does not rewrite tracked files with new dates every time.
  const publish = (name) => {
    const target = path.join(docsDir, name);
    if (process.env.E2E_UPDATE_SCREENSHOTS === "1" || !existsSync(target)) {
      mkdirSync(docsDir, { recursive: true });
      copyFileSync(path.join(shotsDir, name), target);
    }
  };

  browserTest("sign-in page and tasks page", async () => {
    mkdirSync(shotsDir, { recursive: true });
    const context = await newContext({ viewport: DESKTOP });
    try {
      const page = await context.newPage();
      await page.goto(`${WEB_URL}/en/signin`);
      await page.getByRole("button", { name: "Sign in" }).waitFor();
      await page.evaluate(() => document.fonts.ready);
      await page.screenshot({ path: path.join(shotsDir, "signin.png") });
      publish("signin.png");

      await signUp(page, WEB_URL, { email: "grace@example.com", password: PASSWORD, name: "Grace Hopper" });
      const token = await tokenFromPage(page);
      const userId = decodeJwt(token).payload.sub;
      const seed = [
        ["Renew the car insurance", null, true],
        ["Book flights for the team offsite", "Lisbon, 12–14 June. Check the budget with Sam first.", false],
        ["Review pull request #42", null, true],
        ["Prepare the quarterly report", "Revenue, churn and hiring numbers from finance.", false],
        ["Water the plants", null, false],
      ];
      for (const [title, description, completed] of seed) {
        const res = await callApi(`/api/${userId}/tasks`, token, {
          method: "POST",
          body: JSON.stringify({ title, description, completed }),
        });
        assert.equal(res.status, 201);
      }
      await page.reload();
      const tasks = new TasksPage(page);
      await tasks.expectTitles(seed.map(([t]) => t).reverse());
      await tasks.expectCounts({ active: 3, completed: 2, total: 5 });
      await page.evaluate(() => document.fonts.ready);
      await page.screenshot({ path: path.join(shotsDir, "tasks.png") });
      publish("tasks.png");
    } finally {
      await closeContext(context);
    }
  });
});

test("no CSP violation and no uncaught script error on any page during the run", () => {
  assert.deepEqual(problems.csp, []);
  assert.deepEqual(problems.errors, []);
});
