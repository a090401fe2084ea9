// The account page (/en/account) in a person's words: section names, labels and buttons.
import assert from "node:assert/strict";
import { eventually } from "./tasks-page.mjs";

export class AccountPage {
  constructor(page) {
    this.page = page;
    this.password = page.getByRole("region", { name: "Change password" });
    this.sessions = page.getByRole("region", { name: "Where you're signed in" });
    this.deletion = page.getByRole("region", { name: "Delete account" });
    this.sessionItems = page.getByTestId("session-item");
  }

  /** From the tasks page, through the header link. */
  async openFromTasks(web) {
    await this.page.getByRole("link", { name: "Account" }).click();
    await this.page.waitForURL(`${web}/en/account`);
    await this.sessions.waitFor();
  }

  async expectSessionCount(n) {
    await eventually(async () => assert.equal(await this.sessionItems.count(), n));
  }

  async changePassword({ current, next, confirm = next }) {
    await this.password.getByLabel("Current password").fill(current);
    await this.password.getByLabel("New password", { exact: true }).fill(next);
    await this.password.getByLabel("Confirm new password").fill(confirm);
    await this.password.getByRole("button", { name: "Change password" }).click();
  }

  passwordAlert() {
    return this.password.locator("[role=alert]");
  }

  async deleteAccount(password) {
    await this.deletion.getByLabel("Password").fill(password);
    await this.deletion.getByRole("button", { name: "Delete account…" }).click();
    const confirm = this.deletion.getByRole("button", { name: "Yes, delete everything" });
    await confirm.waitFor();
    assert.equal(await confirm.evaluate((el) => el === document.activeElement), true, "the confirm button has the focus");
    await confirm.click();
  }
}

/**
 * A signed-out device finds out on its next action: the API refuses its JWT (within 5 s of the
 * session ending, SPEC 1.6), Better Auth gives no new one, and the app goes to sign-in.
 * Acts (switches the filter) until that happens.
 */
export async function actUntilSignedOut(page, web, timeout = 15_000) {
  const deadline = Date.now() + timeout;
  for (let i = 0; ; i++) {
    if (new URL(page.url()).pathname === "/en/signin") break;
    if (Date.now() > deadline) throw new Error(`still on ${page.url()} ${timeout / 1000} s after the session ended`);
    await page
      .getByTestId(i % 2 ? "filter-all" : "filter-active")
      .click({ timeout: 2_000 })
      .catch(() => {});
    await page.waitForURL(/\/en\/signin/, { timeout: 500 }).catch(() => {});
  }
  assert.match(page.url(), new RegExp(`^${web}/en/signin\\?next=%2Fen%2Ftasks&notice=session-ended$`));
  await page.locator(".auth-card [role=status]").getByText("Your session has ended. Please sign in again.").waitFor();
}
