// The account page in a real browser against the real system (./run.sh): sessions listed and
// signed out, password change, account deletion; what other devices then see; phone width.
import assert from "node:assert/strict";
import { copyFileSync, existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { AccountPage, actUntilSignedOut } from "../support/account-page.mjs";
import { callApi } from "../support/auth-http.mjs";
import { launchBrowser } from "../support/browser.mjs";
import { browserSuite, horizontalOverflow, PHONE } from "../support/browser-suite.mjs";
import { connect } from "../support/database.mjs";
import { decodeJwt } from "../support/jwt.mjs";
import { OUT_DIR, ROOT_DIR } from "../support/processes.mjs";
import { API_URL, startSystem, WEB_URL } from "../support/system.mjs";
import { authAlert, eventually, signIn, signUp, TasksPage, tokenFromPage } from "../support/tasks-page.mjs";

const PASSWORD = "correct-horse-battery-9";
const NEW_PASSWORD = "battery-staple-horse-10";
const FIREFOX_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0";

let system;
let browser;
let db;
const { problems, newContext, browserTest } = browserSuite(() => browser, { closeAfterEachTest: true });

before(
  async () => {
    // The API's session check as shipped (its default, required): other devices find out at once.
    system = await startSystem({ env: { AUTH_RATE_LIMIT: "off" } });
    browser = await launchBrowser();
    db = await connect(system.databaseUrl);
  },
  { timeout: 1_200_000 },
);

after(
  async () => {
    await db?.end().catch(() => {});
    await browser?.close().catch(() => {});
    await system?.stop();
  },
  { timeout: 120_000 },
);

/** Signed up in one context and signed in in another ("two devices"), both on /en/tasks. */
async function twoDevices(who, { secondUserAgent } = {}) {
  const first = await (await newContext()).newPage();
  await signUp(first, WEB_URL, who);
  const second = await (await newContext(secondUserAgent ? { userAgent: secondUserAgent } : {})).newPage();
  await signIn(second, WEB_URL, who);
  await second.waitForURL(`${WEB_URL}/en/tasks`);
  await new TasksPage(second).ready();
  return { first, second };
}

const countRows = async (sql, id) => (await db.query(sql, [id])).rows[0].n;

describe("sessions", () => {
  browserTest("are listed with this device marked; one signed out here ends it on the other device", async () => {
    const { first, second } = await twoDevices(
      { email: "sessions@example.com", password: PASSWORD, name: "Sam Sessions" },
      { secondUserAgent: FIREFOX_WINDOWS },
    );
    const account = new AccountPage(first);
    await account.openFromTasks(WEB_URL);
    await account.expectSessionCount(2);
    const current = account.sessionItems.filter({ hasText: "This device" });
    assert.equal(await current.count(), 1);
    assert.equal(await current.getAttribute("data-current"), "true");
    assert.match(await current.textContent(), /Chrome.* on Linux/);
    const other = account.sessionItems.filter({ hasText: "Firefox 128 on Windows 10" });
    // The browser's zone (chromium here runs in the machine's, UTC on CI), one format: "2 Dec 2026, 13:57 UTC".
    assert.match(
      await other.textContent(),
      /signed in \d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2} \S+ · last active \d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2} \S+/,
    );

    await other.getByRole("button", { name: /^Sign out Firefox 128 on Windows 10/ }).click();
    await account.sessions.getByTestId("sessions-notice").getByText("Firefox 128 on Windows 10 has been signed out.").waitFor();
    await account.expectSessionCount(1);
    await actUntilSignedOut(second, WEB_URL);

    // The page got the list from the server: Better Auth's list-sessions route (which would
    // hand every device's session token to scripts) is not reachable from the browser.
    const listed = await first.evaluate(async () => (await fetch("/api/auth/list-sessions")).status);
    assert.equal(listed, 404);
  });

  browserTest("'sign out all other devices' ends every other session", async () => {
    const { first, second } = await twoDevices({ email: "others@example.com", password: PASSWORD, name: "Olive" });
    const account = new AccountPage(first);
    await account.openFromTasks(WEB_URL);
    await account.expectSessionCount(2);
    await account.sessions.getByRole("button", { name: "Sign out all other devices" }).click();
    await account.sessions.getByText("All your other devices have been signed out.").waitFor();
    await account.expectSessionCount(1);
    await account.sessions.getByText("You're not signed in anywhere else.").waitFor();
    await actUntilSignedOut(second, WEB_URL);
  });
});

describe("password change", () => {
  browserTest("refuses a wrong current password and a weak new one, changing nothing", async () => {
    const page = await (await newContext()).newPage();
    await signUp(page, WEB_URL, { email: "wrongpw@example.com", password: PASSWORD, name: "Wren" });
    const account = new AccountPage(page);
    await account.openFromTasks(WEB_URL);

    let sent = 0;
    page.on("request", (req) => req.url().includes("/api/auth/change-password") && sent++);
    await account.changePassword({ current: PASSWORD, next: "short" });
    await account.password.getByText("Use at least 8 characters.").waitFor();
    await account.changePassword({ current: PASSWORD, next: NEW_PASSWORD, confirm: "something-else-1" });
    await account.password.getByText("The two new passwords don't match.").waitFor();
    assert.equal(sent, 0, "nothing is sent while the form has mistakes");

    await account.changePassword({ current: "not-my-password-1", next: NEW_PASSWORD });
    await account.passwordAlert().getByText("That password is wrong. Check it and try again.").waitFor();
    assert.equal(sent, 1);
    assert.equal(
      await account.password.getByLabel("Current password").evaluate((el) => el === document.activeElement),
      true,
      "the wrong field has the focus",
    );
    // Still the old password.
    const check = await (await newContext()).newPage();
    await signIn(check, WEB_URL, { email: "wrongpw@example.com", password: PASSWORD });
    await check.waitForURL(`${WEB_URL}/en/tasks`);
  });

  browserTest(
    "then the old password fails, the new one works, other devices are signed out, this one keeps working",
    async () => {
      const who = { email: "newpw@example.com", password: PASSWORD, name: "Nina" };
      const { first, second } = await twoDevices(who);
      const tasks = new TasksPage(first);
      await tasks.ready();
      const oldSid = decodeJwt(await tokenFromPage(first)).payload.sid;

      const account = new AccountPage(first);
      await account.openFromTasks(WEB_URL);
      await account.changePassword({ current: PASSWORD, next: NEW_PASSWORD });
      await account.password
        .getByTestId("password-changed")
        .getByText(/password has been changed, and your other devices/)
        .waitFor();
      // Better Auth 1.7 replaced this device's session too; the list shows the new one only.
      await account.expectSessionCount(1);

      // Back to the tasks (client-side navigation: the JWT in memory would name the old session).
      const refused = [];
      first.on("response", (r) => r.url().startsWith(API_URL) && r.status() === 401 && refused.push(r.url()));
      const sentSids = [];
      first.on("request", (r) => {
        const auth = r.url().startsWith(API_URL) && r.headers().authorization;
        if (auth) sentSids.push(decodeJwt(auth.slice("Bearer ".length)).payload.sid);
      });
      await first.getByRole("link", { name: "My tasks" }).click();
      await first.waitForURL(`${WEB_URL}/en/tasks`);
      await tasks.add("Written after the password change");
      assert.deepEqual(refused, [], "no API call was refused");
      assert.ok(sentSids.length > 0 && !sentSids.includes(oldSid), "every API call carried a JWT of the new session");

      await actUntilSignedOut(second, WEB_URL);

      const page = await (await newContext()).newPage();
      await signIn(page, WEB_URL, who);
      await authAlert(page).getByText("Wrong email or password. Check them and try again.").waitFor();
      await signIn(page, WEB_URL, { ...who, password: NEW_PASSWORD });
      await page.waitForURL(`${WEB_URL}/en/tasks`);
    },
  );
});

describe("account deletion", () => {
  browserTest("a wrong password deletes nothing; with the password and a confirmation everything goes", async () => {
    const who = { email: "leaving@example.com", password: PASSWORD, name: "Lee Leaving" };
    const { first: page, second } = await twoDevices(who);
    const tasks = new TasksPage(page);
    await tasks.ready();
    await tasks.add("A task that goes with the account");
    await tasks.add("And another one");
    const token = await tokenFromPage(page);
    const userId = decodeJwt(token).payload.sub;
    const taskCount = () => countRows(`SELECT count(*)::int AS n FROM tasks.tasks WHERE user_id = $1`, userId);
    assert.equal(await taskCount(), 2);

    const account = new AccountPage(page);
    await account.openFromTasks(WEB_URL);
    await account.deleteAccount("not-my-password-1");
    await account.deletion.locator("[role=alert]").getByText("That password is wrong. Check it and try again.").waitFor();
    assert.equal(await taskCount(), 2, "a wrong password deletes nothing");
    assert.equal(await countRows(`SELECT count(*)::int AS n FROM "user" WHERE id = $1`, userId), 1);

    await account.deleteAccount(PASSWORD);
    await page.waitForURL(`${WEB_URL}/en/signin?notice=account-deleted`);
    await page.locator(".auth-card [role=status]").getByText("Your account has been deleted, with all of its tasks.").waitFor();
    assert.equal(
      (await page.context().cookies()).some((c) => c.name === "better-auth.session_token"),
      false,
    );

    assert.equal(await taskCount(), 0, "the tasks are gone");
    assert.equal(await countRows(`SELECT count(*)::int AS n FROM "user" WHERE id = $1`, userId), 0);
    assert.equal(await countRows(`SELECT count(*)::int AS n FROM "session" WHERE "userId" = $1`, userId), 0);
    await eventually(async () => assert.equal((await callApi(API_URL, "/api/me", token)).status, 401), { timeout: 10_000 });
    await actUntilSignedOut(second, WEB_URL);

    await signIn(page, WEB_URL, who);
    await authAlert(page).getByText("Wrong email or password. Check them and try again.").waitFor();
  });
});

describe("phone-width screen (375 px)", () => {
  browserTest("the account page and the tasks page header have no horizontal scroll", async () => {
    const page = await (await newContext({ viewport: PHONE, isMobile: true, hasTouch: true })).newPage();
    await signUp(page, WEB_URL, {
      email: "a-rather-long-address-for-a-phone@example.com",
      password: PASSWORD,
      name: "Pat Phone",
    });
    await new TasksPage(page).ready();
    assert.equal(await horizontalOverflow(page), null, "tasks page");
    await new AccountPage(page).openFromTasks(WEB_URL);
    assert.equal(await horizontalOverflow(page), null, "account page");
    await page.getByRole("banner").getByRole("button", { name: "Sign out" }).waitFor();
    // The address wraps after a dot, a hyphen or before the @ (components/EmailText.tsx), never inside a word.
    const breaks = await page.getByTestId("account-email").evaluate((el) => {
      const text = el.textContent;
      const range = document.createRange();
      const tops = [];
      let offset = 0;
      for (const node of [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE)) {
        for (let i = 0; i < node.length; i++, offset++) {
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          tops.push({ at: offset, top: Math.round(range.getBoundingClientRect().top) });
        }
      }
      return tops.filter((t, i) => i > 0 && t.top !== tops[i - 1].top).map((t) => text.slice(t.at - 1, t.at + 1));
    });
    assert.ok(breaks.length > 0, "the long address takes more than one line at 375 px");
    // (After a hyphen is a break between words, as the browser has it.)
    for (const pair of breaks) assert.match(pair, /^[.-]|^.@$/, `a line break inside a word: "${pair}"`);
    await page.getByRole("region", { name: "Delete account" }).getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Delete account…" }).click();
    await page.getByRole("button", { name: "Yes, delete everything" }).waitFor();
    assert.equal(await horizontalOverflow(page), null, "account page, confirming deletion");
  });
});

describe("screenshot (desktop 1280×800)", () => {
  browserTest("account page", async () => {
    const shotsDir = path.join(OUT_DIR, "screenshots");
    mkdirSync(shotsDir, { recursive: true });
    const { first } = await twoDevices(
      { email: "grace@example.com", password: PASSWORD, name: "Grace Hopper" },
      { secondUserAgent: FIREFOX_WINDOWS },
    );
    await new AccountPage(first).openFromTasks(WEB_URL);
    await new AccountPage(first).expectSessionCount(2);
    await first.evaluate(() => document.fonts.ready);
    await first.screenshot({ path: path.join(shotsDir, "account.png"), fullPage: true });
    // Like the other screenshots: written when missing or when asked (E2E_UPDATE_SCREENSHOTS=1).
    const target = path.join(ROOT_DIR, "docs", "screenshots", "account.png");
    if (process.env.E2E_UPDATE_SCREENSHOTS === "1" || !existsSync(target))
      copyFileSync(path.join(shotsDir, "account.png"), target);
    assert.ok(existsSync(target));
  });

  browserTest("account page, profile editing (docs/screenshots/account-profile.png)", async () => {
    const shotsDir = path.join(OUT_DIR, "screenshots");
    mkdirSync(shotsDir, { recursive: true });
    const page = await (await newContext()).newPage();
    await signUp(page, WEB_URL, { email: "katherine@example.com", password: PASSWORD, name: "Katherine" });
    await new AccountPage(page).openFromTasks(WEB_URL);
    const profile = page.getByRole("region", { name: "Profile" });
    await profile.getByLabel("Name", { exact: true }).fill("Katherine Johnson");
    await profile.getByRole("button", { name: "Save name" }).click();
    await profile.getByTestId("account-name").getByText("Katherine Johnson").waitFor();
    await profile.getByLabel("New email address").fill("katherine@nasa.example");
    await profile.getByRole("button", { name: "Change email" }).click();
    await profile
      .getByTestId("email-change-sent")
      .getByText(/we sent a link there/)
      .waitFor();
    await page.evaluate(() => document.fonts.ready);
    // The page from its top down to the end of the Profile card (an element shot would have the sticky header over it).
    await page.evaluate(() => window.scrollTo(0, 0));
    const box = await profile.boundingBox();
    await page.screenshot({
      path: path.join(shotsDir, "account-profile.png"),
      fullPage: true,
      clip: { x: box.x - 16, y: 0, width: box.width + 32, height: box.y + box.height + 16 },
    });
    const target = path.join(ROOT_DIR, "docs", "screenshots", "account-profile.png");
    if (process.env.E2E_UPDATE_SCREENSHOTS === "1" || !existsSync(target))
      copyFileSync(path.join(shotsDir, "account-profile.png"), target);
    assert.ok(existsSync(target));
  });
});

test("no CSP violation and no uncaught script error on any page during the run", () => {
  assert.deepEqual(problems.csp, []);
  assert.deepEqual(problems.errors, []);
});
