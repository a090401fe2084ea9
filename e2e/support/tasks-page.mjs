// What a person sees and does on the sign-in, sign-up and tasks pages, in their words
// (labels, roles, button names), with a few data-testid hooks for the counts and lists.
import assert from "node:assert/strict";
import { delay } from "./processes.mjs";

/** Retries `assertion` until it passes or `timeout` ms pass: a wait for a condition, not a sleep. */
export async function eventually(assertion, { timeout = 30_000, interval = 150 } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    try {
      return await assertion();
    } catch (err) {
      if (Date.now() > deadline) throw err;
    }
    await delay(interval);
  }
}

const exactly = (text) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`);

export async function signUp(page, web, { email, password, name }) {
  await page.goto(`${web}/en/signup`);
  if (name) await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL(`${web}/en/tasks`);
  await page.getByTestId("user-email").getByText(email).waitFor();
}

export async function signIn(page, web, { email, password }, path = "/en/signin") {
  if (path) await page.goto(`${web}${path}`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  // exact: "Sign in with …" buttons appear when single sign-on is configured.
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

/** The form-level message of the sign-in/sign-up card (role=alert). */
/**
 * Opens a link from a mail the way a person does: in a fresh tab, not from the page that is signed in.
 * A confirmation link ends the sign-up's session; a tasks page still open on the same tab notices that
 * (live stream, session check) and navigates to sign-in, which can cancel the link's own navigation.
 */
export async function openMailedLink(page, link) {
  await gotoFromBlank(page, link);
}

/**
 * Goes to `url` from a blank page. A tasks page whose session has just ended navigates to sign-in by
 * itself (live stream, session check); a `goto` racing that navigation is aborted (net::ERR_ABORTED).
 */
export async function gotoFromBlank(page, url) {
  await page.goto("about:blank");
  await page.goto(url);
}

export const authAlert = (page) => page.locator(".auth-card [role=alert]");

export class TasksPage {
  constructor(page) {
    this.page = page;
    this.addForm = page.getByRole("form", { name: "Add a task" });
    this.items = page.getByTestId("task-item");
    this.errorNotice = page.getByTestId("error-notice");
  }

  /** The list has finished loading (no request in flight) and shows tasks or the empty state. */
  async ready() {
    await this.page.locator('section.list-section[aria-busy="false"]').waitFor();
    await this.page
      .locator('[data-testid="task-list"], [data-testid="tasks-empty"], [data-testid="tasks-error"]')
      .first()
      .waitFor();
  }

  item(title) {
    return this.items.filter({ has: this.page.locator(".task-title", { hasText: exactly(title) }) });
  }

  async titles() {
    return this.page.locator('[data-testid="task-list"] .task-title').allTextContents();
  }

  /** Waits until the visible titles are exactly `expected`, in order. */
  async expectTitles(expected, message) {
    await eventually(async () => {
      await this.ready();
      assert.deepEqual(await this.titles(), expected, message);
    });
  }

  async counts() {
    const read = async (id) => Number(await this.page.getByTestId(id).textContent());
    return { active: await read("count-active"), completed: await read("count-completed"), total: await read("count-total") };
  }

  async expectCounts(expected) {
    await eventually(async () => assert.deepEqual(await this.counts(), expected));
  }

  async add(title, description) {
    await this.addForm.getByLabel("New task title").fill(title);
    if (description) {
      await this.addForm.getByRole("button", { name: "+ Add a description" }).click();
      await this.addForm.getByLabel("Description").fill(description);
    }
    const created = this.page.waitForResponse((r) => r.request().method() === "POST" && /\/api\/[^/]+\/tasks$/.test(r.url()));
    await this.addForm.getByRole("button", { name: "Add task" }).click();
    assert.equal((await created).status(), 201);
    await this.item(title).waitFor();
  }

  async isCompleted(title) {
    return (await this.item(title).getAttribute("data-completed")) === "true";
  }

  /** No error toast and no list error on screen. */
  async expectNoVisibleError() {
    assert.equal(
      await this.errorNotice.getAttribute("class"),
      "visually-hidden",
      `error shown: ${await this.errorNotice.textContent()}`,
    );
    assert.equal(await this.page.getByTestId("tasks-error").count(), 0);
  }
}

/** The JWT this page's session gets from Better Auth, fetched in the page as the app does. */
export function tokenFromPage(page) {
  return page.evaluate(async () => {
    const res = await fetch("/api/auth/token");
    if (!res.ok) throw new Error(`/api/auth/token: ${res.status}`);
    return (await res.json()).token;
  });
}

/**
 * Better Auth's session for this page's cookies. Asked through the page's browser context, not from
 * inside the page: a tasks page navigates by itself when its session ends (to sign-in), and that
 * destroys an evaluate() in flight ("Execution context was destroyed").
 */
export async function sessionFromPage(page) {
  const res = await page.context().request.get(new URL("/api/auth/get-session", page.url()).href);
  return res.json();
}
