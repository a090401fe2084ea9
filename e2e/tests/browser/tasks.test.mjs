// Browser journey: one person's tasks from sign-up to sign-out (add, edit, toggle, delete with undo,
// filters, search, keyboard, tokens in memory, renewal, 401 retry), and two people kept apart.
import assert from "node:assert/strict";
import { after, before, describe } from "node:test";
import {
  browserJourney,
  callApi,
  getManual,
  isApiCall,
  JWT_LIFETIME_S,
  noPageProblems,
  PASSWORD,
} from "../../support/browser-system.mjs";
import { decodeJwt, looksLikeJwt } from "../../support/jwt.mjs";
import { delay } from "../../support/processes.mjs";
import { API_URL, WEB_URL } from "../../support/system.mjs";
import { eventually, sessionFromPage, signIn, signUp, TasksPage, tokenFromPage } from "../../support/tasks-page.mjs";

const ADA = { email: "ada@example.com", password: PASSWORD, name: "Ada Lovelace" };
const BOB = { email: "bob@example.com", password: PASSWORD, name: "Bob" };

const { problems, newContext, closeContext, browserTest } = browserJourney();

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

  browserTest(
    "a title that is only spaces is refused with a message that goes with the next action; nothing is sent",
    async () => {
      let posts = 0;
      const count = (req) => req.method() === "POST" && isApiCall(req.url()) && posts++;
      page.on("request", count);
      await tasks.addForm.getByLabel("New task title").fill("   ");
      await tasks.addForm.getByRole("button", { name: "Add task" }).click();
      await tasks.addForm.getByRole("alert").waitFor();
      page.off("request", count);
      assert.equal(posts, 0);
      // The message is about that attempt: it goes once the person does something else.
      await page.getByTestId("filter-all").click();
      await tasks.addForm.getByRole("alert").waitFor({ state: "detached" });
      await tasks.addForm.getByLabel("New task title").fill("");
    },
  );

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
    // The list changes at once (optimistic); each toggle's PUT answer is awaited too, so the reload below
    // shows what the API stored rather than what the next page replays (that is outbox.test.mjs's journey).
    const answered = () =>
      page.waitForResponse((r) => r.request().method() === "PUT" && /\/api\/[^/]+\/tasks\/\d+$/.test(r.url()));
    let saved = answered();
    await tasks.item("Buy milk").getByRole("checkbox").check();
    assert.equal((await saved).status(), 200);
    await eventually(async () => assert.equal(await tasks.isCompleted("Buy milk"), true));
    await tasks.expectCounts({ active: 2, completed: 1, total: 3 });

    saved = answered();
    await tasks.item("Call Alice about the offsite").getByRole("checkbox").check();
    assert.equal((await saved).status(), 200);
    await tasks.expectCounts({ active: 1, completed: 2, total: 3 });
    saved = answered();
    await tasks.item("Call Alice about the offsite").getByRole("checkbox").uncheck();
    assert.equal((await saved).status(), 200);
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
    // The page opens with the focus in the add field; from the top bar, Tab gets there too
    // (through the sidebar's views). blur() would not do: Tab goes on from the blurred element.
    await eventually(async () => assert.equal(await focusedLabel(), "New task title"));
    await page.getByRole("link", { name: "Account" }).focus();
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

    // Space toggles the focused checkbox. The list shows it at once (optimistic); the test waits for the
    // API's answer too, or the next test's reload could abort the request still in flight.
    await tasks.item("Typed without a mouse").getByRole("checkbox").focus();
    const saved = page.waitForResponse((r) => r.request().method() === "PUT" && /\/api\/[^/]+\/tasks\/\d+$/.test(r.url()));
    await page.keyboard.press("Space");
    assert.equal((await saved).status(), 200);
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

noPageProblems(problems);
