// Browser journey: the pages at phone width (375 px) and the screenshots in docs/screenshots.
import assert from "node:assert/strict";
import { copyFileSync, existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { describe } from "node:test";
import { DESKTOP, PHONE } from "../../support/browser-suite.mjs";
import { browserJourney, callApi, noPageProblems, PASSWORD } from "../../support/browser-system.mjs";
import { decodeJwt } from "../../support/jwt.mjs";
import { OUT_DIR, ROOT_DIR } from "../../support/processes.mjs";
import { WEB_URL } from "../../support/system.mjs";
import { signIn, signUp, TasksPage, tokenFromPage } from "../../support/tasks-page.mjs";

const ADA = { email: "ada@example.com", password: PASSWORD, name: "Ada Lovelace" };

const { problems, newContext, closeContext, browserTest } = browserJourney({ people: [ADA] });

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
      await tasks.add("Typed without a mouse"); // the journey's own task: this file starts from an empty database
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

noPageProblems(problems);
