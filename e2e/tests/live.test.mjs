// SPEC 1.8 in a real browser across the whole stack (./run.sh, JWTs of 20 s so streams end at exp
// and reconnect with a fresh token for real): two tabs of one person; a change in either shows in
// the other without a reload, and an edit made while the browser is offline is kept, the page says
// "Offline — changes will sync", and it reaches the other tab once back online.
import assert from "node:assert/strict";
import { before, describe } from "node:test";
import { browserJourney, JWT_LIFETIME_S, PASSWORD } from "../support/browser-system.mjs";
import { delay } from "../support/processes.mjs";
import { WEB_URL } from "../support/system.mjs";
import { eventually, signUp, TasksPage } from "../support/tasks-page.mjs";

const DANA = { email: "dana@example.com", password: PASSWORD, name: "Dana" };

const { problems, newContext, browserTest } = browserJourney();

describe("two tabs of one person", () => {
  let context;
  let first;
  let second;

  before(async () => {
    context = await newContext();
    const page = await context.newPage();
    await signUp(page, WEB_URL, DANA);
    first = new TasksPage(page);
    await first.ready();
    const other = await context.newPage();
    await other.goto(`${WEB_URL}/en/tasks`);
    second = new TasksPage(other);
    await second.ready();
  });

  browserTest("a task added in one tab shows in the other without a reload", async () => {
    await first.add("Seen everywhere");
    await second.expectTitles(["Seen everywhere"]);
    await second.expectCounts({ active: 1, completed: 0, total: 1 });
  });

  browserTest("completing and renaming in either tab shows in the other", async () => {
    await second.item("Seen everywhere").getByRole("checkbox").check();
    await eventually(async () => assert.equal(await first.isCompleted("Seen everywhere"), true));
    await first.expectCounts({ active: 0, completed: 1, total: 1 });

    await first.item("Seen everywhere").getByRole("button", { name: "Edit “Seen everywhere”" }).click();
    const form = first.page.getByRole("form", { name: "Edit “Seen everywhere”" });
    await form.getByLabel("Title").fill("Renamed in the first tab");
    await form.getByRole("button", { name: "Save" }).click();
    await second.expectTitles(["Renamed in the first tab"]);
  });

  browserTest(`streams outlive the ${JWT_LIFETIME_S}s JWT: a change after its exp still shows`, async () => {
    // The condition is time itself: each stream ends at its token's exp and reconnects with a fresh one.
    await delay((JWT_LIFETIME_S + 2) * 1000);
    await second.add("After the first tokens expired");
    await first.expectTitles(["After the first tokens expired", "Renamed in the first tab"]);
    await first.expectNoVisibleError();
  });

  browserTest("an edit made offline is kept, the page says so, and it syncs once online", async () => {
    await context.setOffline(true);
    try {
      await first.item("After the first tokens expired").getByRole("checkbox").check();
      await first.page.getByTestId("offline-notice").getByText("Offline — changes will sync").waitFor();
      assert.equal(await first.isCompleted("After the first tokens expired"), true, "the edit stays on screen");
    } finally {
      await context.setOffline(false);
    }
    await eventually(async () => assert.equal(await second.isCompleted("After the first tokens expired"), true));
    await first.page.getByTestId("offline-notice").waitFor({ state: "detached" });
    await second.expectCounts({ active: 0, completed: 2, total: 2 });
  });

  browserTest("no page errors or CSP violations along the way", async () => {
    assert.deepEqual(problems.errors, []);
    assert.deepEqual(problems.csp, []);
  });
});
