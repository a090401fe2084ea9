// Browser journey: edits the API has not confirmed survive a reload (issue 25: "never silently drops
// a change"). The API's writes are held with Playwright's page.route, so a toggle stays in flight
// and a create and a rename wait behind it; the page is reloaded, the held request fails, and the
// next page sends all three in order (the create with its Idempotency-Key). A replayed edit whose
// task was deleted elsewhere is named in the error notice; a manual-order move held the same way
// reaches the API once after the reload, and so does a list rename; a sign-out takes the saved edits away.
// Starts the whole system (./run.sh): run under the shared lock, or with E2E_PORT_BASE for ports of your own.
import assert from "node:assert/strict";
import { after, before, describe } from "node:test";
import { browserJourney, callApi, noPageProblems, PASSWORD } from "../../support/browser-system.mjs";
import { API_URL, WEB_URL } from "../../support/system.mjs";
import { eventually, signUp, TasksPage, tokenFromPage } from "../../support/tasks-page.mjs";

const ADA = { email: "outbox@example.com", password: PASSWORD, name: "Ada Outbox" };
const { problems, newContext, closeContext, browserTest } = browserJourney();

/** The saved (unconfirmed) edits in the page's storage, all users' keys together. */
const savedEdits = (page) =>
  page.evaluate(() =>
    Object.keys(localStorage)
      .filter((key) => key.startsWith("tasks.outbox."))
      .flatMap((key) => JSON.parse(localStorage.getItem(key))),
  );

describe("edits the API has not confirmed", () => {
  let context;
  let page;
  let tasks;
  let userId;
  const api = async (pathname, init) => callApi(`/api/${userId}${pathname}`, await tokenFromPage(page), init);

  /**
   * Holds every PUT and POST to the API (the edit stays unconfirmed) until `held.stop()`; later ones
   * pass. The route stays in place while the held requests are pending: removing it first could let
   * them through to the API.
   */
  async function holdWrites() {
    const held = [];
    let holding = true;
    const handler = (route) =>
      holding && ["PUT", "POST"].includes(route.request().method()) ? held.push(route) : route.fallback();
    await page.route(`${API_URL}/api/**`, handler);
    held.stop = () => (holding = false);
    held.fail = async () => {
      for (const route of held) await route.abort("failed").catch(() => {});
      await page.unroute(`${API_URL}/api/**`, handler);
    };
    return held;
  }

  /**
   * Reloads while the held writes are in the air, then fails them: they never reached the API. The
   * old page sends nothing more meanwhile (its outbox's head is still held); the new page's writes pass.
   */
  async function reloadAndFail(held) {
    held.stop();
    await page.reload();
    await held.fail();
  }

  before(async () => {
    context = await newContext();
    page = await context.newPage();
    tasks = new TasksPage(page);
  });
  after(() => context && closeContext(context));

  browserTest(
    "a toggle in flight and a create and a rename queued behind it reach the API after a reload, in order",
    async () => {
      await signUp(page, WEB_URL, ADA);
      userId = JSON.parse(Buffer.from((await tokenFromPage(page)).split(".")[1], "base64url").toString()).sub;
      await tasks.add("Buy milk");
      await tasks.add("Call Alice");

      const held = await holdWrites();
      await tasks.item("Buy milk").getByRole("checkbox").check();
      await eventually(() => assert.equal(held.length, 1));
      await tasks.addForm.getByLabel("New task title").fill("Pay rent");
      await tasks.addForm.getByRole("button", { name: "Add task" }).click();
      await tasks.item("Call Alice").getByRole("button", { name: "Edit “Call Alice”" }).click();
      const form = page.getByRole("form", { name: "Edit “Call Alice”" });
      await form.getByLabel("Title").fill("Call Alice today");
      await form.getByRole("button", { name: "Save" }).click();
      await eventually(async () =>
        assert.deepEqual(
          (await savedEdits(page)).map((s) => s.edit.kind),
          ["update", "create", "update"],
        ),
      );
      assert.equal(held.length, 1, "one write at a time: the create and the rename wait behind the toggle");

      // Info notices fade after 4 s: watched from the reload on.
      const told = page.getByTestId("notice").getByText("Saved 3 earlier changes that had not been sent yet.").waitFor();
      await reloadAndFail(held);

      await told;
      await tasks.expectTitles(["Pay rent", "Call Alice today", "Buy milk"]);
      await eventually(async () => assert.equal(await tasks.isCompleted("Buy milk"), true));
      await tasks.expectCounts({ active: 2, completed: 1, total: 3 });
      assert.deepEqual(await savedEdits(page), []);

      const { status, body } = await api("/tasks?sort=created_at");
      assert.equal(status, 200);
      assert.deepEqual(
        body.map((t) => [t.title, t.completed]),
        [
          ["Buy milk", true],
          ["Call Alice today", false],
          ["Pay rent", false],
        ],
      );
    },
  );

  browserTest("a replayed edit whose task was deleted elsewhere is named in the error notice, not dropped quietly", async () => {
    const held = await holdWrites();
    await tasks.item("Call Alice today").getByRole("checkbox").check();
    await eventually(() => assert.equal(held.length, 1));
    const id = (await api("/tasks")).body.find((t) => t.title === "Call Alice today").id;
    assert.equal((await api(`/tasks/${id}`, { method: "DELETE" })).status, 200);
    assert.equal((await savedEdits(page)).length, 1);

    await reloadAndFail(held);

    await tasks.errorNotice
      .getByText(
        "Couldn't save an earlier change to “Call Alice today”. That task no longer exists. It may have been deleted elsewhere.",
      )
      .waitFor();
    await tasks.expectTitles(["Pay rent", "Buy milk"]);
    assert.deepEqual(await savedEdits(page), []);
    await tasks.errorNotice.getByRole("button", { name: "Dismiss message" }).click();
  });

  browserTest("a move in flight reaches the API after a reload, once, and the task keeps its new place", async () => {
    await tasks.add("Water plants");
    await page.getByTestId("nav-inbox").click();
    await tasks.expectTitles(["Buy milk", "Pay rent", "Water plants"]);
    const moves = [];
    page.on("response", (r) => {
      if (r.request().method() === "POST" && r.url().endsWith("/move")) moves.push(r.status());
    });

    const held = await holdWrites();
    await tasks.item("Water plants").locator(".task-check").focus();
    await page.keyboard.press("Alt+ArrowUp");
    await eventually(() => assert.equal(held.length, 1));
    // Shown at once, and kept while the API has not answered.
    await tasks.expectTitles(["Buy milk", "Water plants", "Pay rent"]);
    const byTitle = new Map((await api("/tasks")).body.map((t) => [t.title, t.id]));
    assert.deepEqual(
      (await savedEdits(page)).map((s) => s.edit),
      [{ kind: "move", id: byTitle.get("Water plants"), after: byTitle.get("Buy milk"), title: "Water plants" }],
    );

    const told = page.getByTestId("notice").getByText("Saved 1 earlier change that had not been sent yet.").waitFor();
    await reloadAndFail(held);
    await told;

    assert.deepEqual(moves, [200], "the held move never reached the API; the next page sent it once");
    assert.deepEqual(await savedEdits(page), []);
    const { body } = await api("/tasks?sort=position");
    assert.deepEqual(
      body.map((t) => t.title),
      ["Buy milk", "Water plants", "Pay rent"],
    );
    await page.getByTestId("nav-inbox").click();
    await tasks.expectTitles(["Buy milk", "Water plants", "Pay rent"]);
  });

  browserTest("a list rename in flight reaches the API after a reload, once, with the new name", async () => {
    const created = await api("/lists", { method: "POST", body: JSON.stringify({ name: "Errands" }) });
    assert.equal(created.status, 201);
    const listId = created.body.id;
    const navItem = () => page.getByTestId(`nav-list:${listId}`).locator(".nav-label");
    await page.reload();
    await navItem().click();
    await eventually(async () => assert.equal(await page.getByTestId("view-title").textContent(), "Errands"));
    const renames = [];
    page.on("response", (r) => {
      if (r.request().method() === "PUT" && r.url().endsWith(`/lists/${listId}`)) renames.push(r.status());
    });

    const held = await holdWrites();
    await page.getByRole("button", { name: "Rename list" }).click();
    await page.getByLabel("New list name").fill("Shopping");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await eventually(() => assert.equal(held.length, 1));
    // Shown at once, and kept while the API has not answered.
    await eventually(async () => assert.equal(await navItem().textContent(), "Shopping"));
    assert.deepEqual(
      (await savedEdits(page)).map((s) => s.edit),
      [{ kind: "list-rename", id: listId, name: "Shopping", base: created.body.updated_at }],
    );

    const told = page.getByTestId("notice").getByText("Saved 1 earlier change that had not been sent yet.").waitFor();
    await reloadAndFail(held);
    await told;

    assert.deepEqual(renames, [200], "the held rename never reached the API; the next page sent it once");
    assert.deepEqual(await savedEdits(page), []);
    assert.equal((await api(`/lists/${listId}`)).body.name, "Shopping");
    await eventually(async () => assert.equal(await navItem().textContent(), "Shopping"));
  });

  browserTest("signing out with an edit unsent asks first, then leaves nothing of it in the browser", async () => {
    const held = await holdWrites();
    await tasks.item("Pay rent").getByRole("checkbox").check();
    await eventually(() => assert.equal(held.length, 1));
    assert.equal((await savedEdits(page)).length, 1);

    const asked = new Promise((resolve) =>
      page.once("dialog", async (dialog) => {
        resolve(dialog.message());
        await dialog.accept();
      }),
    );
    await page.getByRole("button", { name: "Sign out" }).click();
    assert.match(await asked, /1 change has not reached the server yet/);
    await page.waitForURL(/\/en\/signin/);
    held.stop();
    await held.fail();
    assert.deepEqual(await savedEdits(page), []);
  });

  noPageProblems(problems);
});
