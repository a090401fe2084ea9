// Browser journey: planning (issue 24). Quick add with chips, Today and Upcoming in the browser's
// time zone, a list and a label (create, rename, delete), manual order by keyboard, the keyboard
// shortcuts, a recurring task that moves on when completed, the 375 px menu, and the screenshots
// of the tasks page in light and dark. The browser runs in Pacific/Kiritimati (UTC+14), so its
// "today" is not the server's UTC day for most of every day: the app must say which it means.
import assert from "node:assert/strict";
import { copyFileSync, existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { after, before, describe } from "node:test";
import { DESKTOP, horizontalOverflow, PHONE } from "../../support/browser-suite.mjs";
import { browserJourney, callApi, noPageProblems, PASSWORD } from "../../support/browser-system.mjs";
import { decodeJwt } from "../../support/jwt.mjs";
import { OUT_DIR, ROOT_DIR } from "../../support/processes.mjs";
import { WEB_URL } from "../../support/system.mjs";
import { eventually, signIn, signUp, TasksPage, tokenFromPage } from "../../support/tasks-page.mjs";

const ZONE = "Pacific/Kiritimati";
const PLANNER = { email: "planner@example.com", password: PASSWORD, name: "Pat Planner" };

const { problems, newContext, closeContext, browserTest } = browserJourney();

/** "YYYY-MM-DD" in ZONE, `days` from today. */
function day(days = 0) {
  const now = new Date(Date.now() + days * 86_400_000);
  return new Intl.DateTimeFormat("en-CA", { timeZone: ZONE, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

describe("planning", () => {
  let context;
  let page;
  let tasks;
  let token;
  let userId;
  const api = async (pathname, init) => callApi(`/api/${userId}${pathname}`, (token = await tokenFromPage(page)), init);
  const taskNamed = async (title) => (await api("/tasks?limit=1000")).body.find((t) => t.title === title);
  const nav = (key) => page.getByTestId(`nav-${key}`);
  const viewTitle = () => page.getByTestId("view-title");
  const addField = () => page.getByTestId("add-title");

  /** Types `typed` in the add field, checks the chips it shows, saves, and waits for the task `title`. */
  async function quickAdd(typed, title, chips) {
    await addField().fill(typed);
    if (chips) {
      await eventually(async () => assert.deepEqual(await page.getByTestId("chip").locator("span").allTextContents(), chips));
    }
    const created = page.waitForResponse((r) => r.request().method() === "POST" && /\/api\/[^/]+\/tasks$/.test(r.url()));
    await addField().press("Enter");
    assert.equal((await created).status(), 201);
    await tasks.item(title).waitFor();
  }

  before(async () => {
    context = await newContext({ timezoneId: ZONE });
    page = await context.newPage();
    tasks = new TasksPage(page);
  });
  after(() => context && closeContext(context));

  browserTest("the page opens with the focus in the add field", async () => {
    await signUp(page, WEB_URL, PLANNER);
    token = await tokenFromPage(page);
    userId = decodeJwt(token).payload.sub;
    await tasks.ready();
    await eventually(async () => assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), "add-title"));
  });

  browserTest("a list is created from the sidebar and opens", async () => {
    await page.getByRole("button", { name: "+ New list" }).click();
    await page.getByLabel("New list name").fill("Groceries");
    await page.getByRole("button", { name: "Add", exact: true }).click();
    await eventually(async () => assert.equal(await viewTitle().textContent(), "Groceries"));
    await tasks.ready();
    await page.getByTestId("tasks-empty").waitFor();
  });

  browserTest("quick add: tomorrow, #list, @label and !3 show as chips and are saved as fields", async () => {
    await nav("all").click();
    await quickAdd("Buy milk tomorrow #groceries @shop !3", "Buy milk", [
      "Due Tomorrow",
      "List: Groceries",
      "Label: shop",
      "Priority: high",
    ]);
    const milk = await taskNamed("Buy milk");
    assert.equal(milk.due_date, day(1), "tomorrow in the browser's zone");
    assert.equal(milk.priority, 3);
    assert.deepEqual(milk.labels, ["shop"]);
    const lists = (await api("/lists")).body;
    assert.equal(milk.list_id, lists.find((l) => l.name === "Groceries").id);
    assert.equal(await tasks.item("Buy milk").getByTestId("task-due").textContent(), "Due Tomorrow");
    assert.equal(await tasks.item("Buy milk").getByTestId("task-priority").textContent(), "High priority");
    assert.equal(await page.getByTestId("chip").count(), 0, "the chips go with the saved title");
  });

  browserTest("a chip's × keeps its word in the title", async () => {
    await addField().fill("Plan the friday party fri");
    await page.getByRole("button", { name: "Keep “fri” as words of the title" }).click();
    await eventually(async () => assert.equal(await page.getByTestId("chip").count(), 1)); // "friday" is still a date
    await page.getByRole("button", { name: "Keep “friday” as words of the title" }).click();
    assert.equal(await page.getByTestId("chip").count(), 0);
    await addField().fill("");
  });

  browserTest(
    "Today shows what is due today and overdue (the overdue count in red); Upcoming groups the week by day",
    async () => {
      await quickAdd("Pay rent today", "Pay rent", ["Due Today"]);
      assert.equal((await taskNamed("Pay rent")).due_date, day(0));
      const old = await api("/tasks", { method: "POST", body: JSON.stringify({ title: "Old bill", due_date: day(-3) }) });
      assert.equal(old.status, 201);

      await nav("today").click();
      await eventually(async () => assert.equal(await viewTitle().textContent(), "Today"));
      await tasks.expectTitles(["Old bill", "Pay rent"]);
      const overdue = page.getByTestId("count-overdue");
      await eventually(async () => assert.equal(await overdue.textContent(), "1 overdue"));
      assert.equal(
        await overdue.evaluate((e) => getComputedStyle(e).color),
        await page.evaluate(() => {
          const probe = document.createElement("span");
          probe.style.color = "var(--danger)";
          document.body.append(probe);
          const color = getComputedStyle(probe).color;
          probe.remove();
          return color;
        }),
      );
      assert.match(await tasks.item("Old bill").getByTestId("task-due").getAttribute("class"), /due-overdue/);

      await nav("upcoming").click();
      await eventually(async () => assert.equal(await viewTitle().textContent(), "Upcoming"));
      await tasks.ready();
      const groups = page.getByTestId("day-group");
      await eventually(async () => assert.equal(await groups.count(), 7));
      assert.equal(await groups.nth(0).getAttribute("data-date"), day(0));
      await eventually(async () =>
        assert.deepEqual(await groups.nth(1).locator(".task-title").allTextContents(), ["Buy milk"], "tomorrow's group"),
      );
      assert.deepEqual(await groups.nth(0).locator(".task-title").allTextContents(), ["Pay rent"]);
    },
  );

  browserTest("a label's view shows its tasks; renaming the label follows everywhere", async () => {
    await nav("label:shop").click();
    await tasks.expectTitles(["Buy milk"]);
    await page.getByRole("button", { name: "Rename label" }).click();
    await page.getByLabel("New label name").fill("store");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await eventually(async () => assert.equal(await viewTitle().textContent(), "@store"));
    await tasks.expectTitles(["Buy milk"]);
    assert.deepEqual((await taskNamed("Buy milk")).labels, ["store"]);
    await nav("label:store").waitFor();
  });

  browserTest("in a list, new tasks go last; Alt+↑ moves one up (move), and the order survives a reload", async () => {
    const groceries = (await api("/lists")).body.find((l) => l.name === "Groceries");
    await nav(`list:${groceries.id}`).click();
    await tasks.expectTitles(["Buy milk"]);
    await quickAdd("Eggs", "Eggs");
    await quickAdd("Bread", "Bread");
    await tasks.expectTitles(["Buy milk", "Eggs", "Bread"]);
    const moved = page.waitForResponse((r) => r.request().method() === "POST" && r.url().endsWith("/move"));
    await tasks.item("Bread").locator(".task-check").focus();
    await page.keyboard.press("Alt+ArrowUp");
    assert.equal((await moved).status(), 200);
    await tasks.expectTitles(["Buy milk", "Bread", "Eggs"]);
    await page.reload();
    await nav(`list:${groceries.id}`).click();
    await tasks.expectTitles(["Buy milk", "Bread", "Eggs"]);
  });

  browserTest(
    "keyboard: ? lists the shortcuts, n and / focus fields, j/k move, x completes, e edits, Delete deletes with undo",
    async () => {
      await page.locator("body").click({ position: { x: 5, y: 300 } });
      await page.keyboard.press("?");
      const dialog = page.getByRole("dialog", { name: "Keyboard shortcuts" });
      await dialog.waitFor();
      assert.match(await dialog.textContent(), /Delete the focused task/);
      await page.keyboard.press("Escape");
      await dialog.waitFor({ state: "hidden" });

      await page.keyboard.press("n");
      await eventually(async () => assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), "add-title"));
      await page.keyboard.type("no shortcut here");
      assert.equal(await addField().inputValue(), "no shortcut here", "letters typed in a field are text");
      await page.keyboard.press("Escape");
      assert.equal(await addField().inputValue(), "", "Esc clears the add field");
      await page.keyboard.press("Escape");
      await page.keyboard.press("/"); // Esc in the empty field left it: "/" is a shortcut again
      await eventually(async () =>
        assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("type")), "search"),
      );

      await page.locator("body").click({ position: { x: 5, y: 300 } });
      const focusedTitle = () => page.evaluate(() => document.activeElement?.querySelector(".task-title")?.textContent);
      await page.keyboard.press("j");
      await eventually(async () => assert.equal(await focusedTitle(), "Buy milk"));
      await page.keyboard.press("j");
      await page.keyboard.press("j");
      await page.keyboard.press("k");
      assert.equal(await focusedTitle(), "Bread");

      await page.keyboard.press("x");
      await eventually(async () => assert.equal(await tasks.isCompleted("Bread"), true));
      await eventually(async () => assert.equal((await taskNamed("Bread")).completed, true));

      await tasks.item("Eggs").focus();
      await page.keyboard.press("e");
      const edit = page.getByRole("form", { name: "Edit “Eggs”" });
      await edit.waitFor();
      await page.keyboard.press("Escape");
      await edit.waitFor({ state: "hidden" });

      await tasks.item("Eggs").focus();
      await page.keyboard.press("Delete");
      await tasks.item("Eggs").waitFor({ state: "detached" });
      await page.getByRole("button", { name: "Undo" }).click();
      await tasks.item("Eggs").waitFor();
    },
  );

  browserTest("a daily task completed moves to its next day and stays open", async () => {
    await nav("today").click();
    await quickAdd("Water the plants", "Water the plants");
    const plant = tasks.item("Water the plants");
    await plant.getByRole("button", { name: "Edit “Water the plants”" }).click();
    const edit = page.getByRole("form", { name: "Edit “Water the plants”" });
    assert.equal(await edit.getByLabel("Due date").inputValue(), day(0), "added in Today: due today");
    await edit.getByLabel("Repeat").selectOption({ label: "Daily" });
    await edit.getByRole("button", { name: "Save" }).click();
    await plant.getByTestId("task-repeat").waitFor();
    assert.equal((await taskNamed("Water the plants")).recurrence, "FREQ=DAILY");

    await plant.locator(".task-check").check();
    await eventually(async () => {
      const saved = await taskNamed("Water the plants");
      assert.equal(saved.completed, false);
      assert.equal(saved.due_date, day(1));
    });
    // Due tomorrow now, so no longer in Today.
    await tasks.item("Water the plants").waitFor({ state: "detached" });
  });

  browserTest("deleting a list sends its tasks to the Inbox", async () => {
    const groceries = (await api("/lists")).body.find((l) => l.name === "Groceries");
    await nav(`list:${groceries.id}`).click();
    page.once("dialog", (d) => d.accept());
    await page.getByRole("button", { name: "Delete list" }).click();
    await eventually(async () => assert.equal(await viewTitle().textContent(), "Inbox"));
    await tasks.item("Buy milk").waitFor();
    assert.equal((await taskNamed("Buy milk")).list_id, null);
  });
});

describe("planning at 375 px and in the dark", () => {
  const shotsDir = path.join(OUT_DIR, "screenshots");
  const docsDir = path.join(ROOT_DIR, "docs", "screenshots");
  // Written when missing or when asked (E2E_UPDATE_SCREENSHOTS=1), as in layout.test.mjs.
  const shoot = async (page, name) => {
    mkdirSync(shotsDir, { recursive: true });
    await page.evaluate(() => document.fonts.ready);
    await page.screenshot({ path: path.join(shotsDir, name) });
    const target = path.join(docsDir, name);
    if (process.env.E2E_UPDATE_SCREENSHOTS === "1" || !existsSync(target)) {
      mkdirSync(docsDir, { recursive: true });
      copyFileSync(path.join(shotsDir, name), target);
    }
  };

  browserTest("the sidebar is a menu at 375 px, and nothing scrolls sideways", async () => {
    const context = await newContext({ viewport: PHONE, timezoneId: ZONE, colorScheme: "dark" });
    try {
      const page = await context.newPage();
      await signIn(page, WEB_URL, PLANNER);
      await page.waitForURL(`${WEB_URL}/en/tasks`);
      const tasks = new TasksPage(page);
      await tasks.ready();
      const sidebar = page.getByTestId("sidebar");
      assert.equal(await sidebar.isVisible(), false, "closed at first");
      const menu = page.getByRole("button", { name: "Views" });
      assert.equal(await menu.getAttribute("aria-expanded"), "false");
      await menu.click();
      await sidebar.waitFor();
      assert.equal(await menu.getAttribute("aria-expanded"), "true");
      await page.getByTestId("nav-today").click();
      await sidebar.waitFor({ state: "hidden" });
      await eventually(async () => assert.equal(await page.getByTestId("view-title").textContent(), "Today"));
      await tasks.ready();
      await page.getByTestId("add-title").fill("Call the plumber tomorrow @home !2");
      await page.getByTestId("chip").first().waitFor();
      assert.equal(await horizontalOverflow(page), null);
      await shoot(page, "tasks-planning-375-dark.png");
    } finally {
      await closeContext(context);
    }
  });

  browserTest("desktop, light: the page with its sidebar", async () => {
    const context = await newContext({ viewport: DESKTOP, timezoneId: ZONE, colorScheme: "light" });
    try {
      const page = await context.newPage();
      await signIn(page, WEB_URL, PLANNER);
      await page.waitForURL(`${WEB_URL}/en/tasks`);
      await new TasksPage(page).ready();
      assert.equal(await page.getByTestId("sidebar").isVisible(), true);
      assert.equal(await page.getByRole("button", { name: "Views" }).isVisible(), false);
      await shoot(page, "tasks-planning.png");
    } finally {
      await closeContext(context);
    }
  });
});

noPageProblems(problems);
