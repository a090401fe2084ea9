// Browser journey: sign-in and sign-up mistakes, Better Auth's origin check, and a session that is gone for good.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { browserJourney, noPageProblems, PASSWORD } from "../../support/browser-system.mjs";
import { API_URL, WEB_URL } from "../../support/system.mjs";
import { authAlert, sessionFromPage, signIn, signUp, TasksPage } from "../../support/tasks-page.mjs";

const ADA = { email: "ada@example.com", password: PASSWORD, name: "Ada Lovelace" };

const { problems, newContext, closeContext, browserTest } = browserJourney({ people: [ADA] });

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

noPageProblems(problems);
