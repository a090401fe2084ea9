// Teams (SPEC 1.9, issue 26) through the whole system: ./run.sh sending mail over SMTP to a server
// inside this test (support/smtp.mjs), three people in three chromium contexts.
//
// The journey: Olivia creates a team and invites Bob (who has an account) and Cy (who has none) by
// email; both open the mailed link and join (Cy signs up from it first); Olivia makes Cy an admin and
// removes Bob, whose JWT the API then refuses within 5 s (measured); Cy, as admin, manages a list;
// the last owner cannot leave; Olivia hands the team to Cy. Then, in the database: Cy deletes her
// account and the team goes to its oldest admin (Olivia), with no membership of Cy's left and no task
// assigned to her; Olivia
// deletes the team and its lists and tasks go with it.
//
// The Java API's team routes (/api/teams/{id}/…) are asserted when the API serves them (the
// branch `teams`); on an API without them the test says so and checks the web side only.
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe } from "node:test";
import { AuthClient, callApi } from "../support/auth-http.mjs";
import { launchBrowser } from "../support/browser.mjs";
import { browserSuite, DESKTOP, horizontalOverflow, PHONE } from "../support/browser-suite.mjs";
import { connect } from "../support/database.mjs";
import { OUT_DIR } from "../support/processes.mjs";
import { startSmtpServer } from "../support/smtp.mjs";
import { API_URL, startSystem, WEB_URL } from "../support/system.mjs";
import { eventually, openMailedLink, signIn, signUp } from "../support/tasks-page.mjs";

const MAIL_FROM = "Tasks <no-reply@tasks.test>";
const PASSWORD = "correct-horse-battery-9";
const VERIFY_SUBJECT = /^Confirm your email address for Tasks$/;
const INVITE_SUBJECT = /invited you to the team "Kitchen"/;
const BOUND_S = 5;
const POLL_MS = 100;

const OLIVIA = { email: "olivia@example.com", password: PASSWORD, name: "Olivia" };
const BOB = { email: "bob@example.com", password: PASSWORD, name: "Bob" };
const CY = { email: "cy@example.com", password: PASSWORD, name: "Cy" };

let browser;
let smtp;
let system;
let db;
const figures = {};
const { problems, newContext, browserTest } = browserSuite(() => browser);

before(
  async () => {
    smtp = await startSmtpServer();
    system = await startSystem({ env: { SMTP_URL: smtp.url, MAIL_FROM, AUTH_RATE_LIMIT: "off" } });
    db = await connect(system.databaseUrl);
    browser = await launchBrowser();
  },
  { timeout: 1_200_000 },
);

after(
  async () => {
    await browser?.close().catch(() => {});
    await db?.end().catch(() => {});
    await system?.stop();
    await smtp?.stop();
    mkdirSync(OUT_DIR, { recursive: true });
    writeFileSync(path.join(OUT_DIR, "teams.json"), `${JSON.stringify(figures, null, 2)}\n`);
    console.log(`teams: ${JSON.stringify(figures)}`);
  },
  { timeout: 120_000 },
);

const step = (text) => console.log(`  · ${text}`);

/**
 * Signs up in `page` and confirms the address with the mailed link. The first confirmation ends
 * the sign-up's session and asks for the password again (issue 21, finding 4); then signs in.
 */
async function confirmAddress(page, who) {
  const mail = await smtp.waitForMail({ to: who.email, subject: VERIFY_SUBJECT });
  await openMailedLink(page, mail.links[0]);
  await page.waitForURL(/\/en\/reset-password\?token=/);
  await page.getByLabel("New password", { exact: true }).fill(who.password);
  await page.getByLabel("Confirm new password", { exact: true }).fill(who.password);
  await page.getByRole("button", { name: "Change password" }).click();
  await page.waitForURL(`${WEB_URL}/en/signin?notice=password-changed`);
  await signIn(page, WEB_URL, who, null);
  await page.waitForURL(`${WEB_URL}/en/tasks`);
}

async function person(who) {
  const context = await newContext();
  const page = await context.newPage();
  return { who, context, page };
}

/** The link of the latest invitation mail to `email`. */
async function invitationLink(email) {
  const mail = await smtp.waitForMail({ to: email, subject: INVITE_SUBJECT });
  const link = mail.links.find((l) => l.includes("/en/teams/accept?invitation="));
  assert.ok(link, `an accept link in ${JSON.stringify(mail.links)}`);
  return link;
}

/** A JWT of the browser context's session (as the page gets it: GET /api/auth/token with the cookie). */
async function tokenOf(context) {
  const res = await context.request.get(`${WEB_URL}/api/auth/token`);
  assert.equal(res.status(), 200);
  return (await res.json()).token;
}

const memberRow = (page, email) => page.locator(`[data-testid="member"][data-email="${email}"]`);

describe("teams: a three-person journey", () => {
  browserTest(
    "owner invites two by email; both join (one signs up first); one is removed and refused at the API; the other, made admin, manages a list",
    async () => {
      const olivia = await person(OLIVIA);
      const bob = await person(BOB);
      const cy = await person(CY);

      step("Olivia and Bob have confirmed accounts; Cy has none");
      await signUp(olivia.page, WEB_URL, OLIVIA);
      await confirmAddress(olivia.page, OLIVIA);
      await signUp(bob.page, WEB_URL, BOB);
      await confirmAddress(bob.page, BOB);

      step("Olivia creates the team Kitchen from the Teams page and is its owner");
      await olivia.page.getByRole("link", { name: "Teams" }).click();
      await olivia.page.waitForURL(`${WEB_URL}/en/teams`);
      await olivia.page.getByLabel("Team name").fill("Kitchen");
      await olivia.page.getByRole("button", { name: "Create team" }).click();
      await olivia.page.waitForURL(/\/en\/teams\/[^/?]+$/);
      const teamId = decodeURIComponent(new URL(olivia.page.url()).pathname.split("/").pop());
      await olivia.page.getByTestId("team-name").getByText("Kitchen").waitFor();
      await olivia.page.getByTestId("my-role").getByText("You are an owner of this team.").waitFor();
      // The switcher follows: the team is the active workspace.
      await eventually(async () => assert.equal(await olivia.page.getByTestId("team-switcher").inputValue(), teamId));

      const teamsApi = (await callApi(API_URL, `/api/teams/${teamId}/tasks`, await tokenOf(olivia.context))).status === 200;
      figures.teamsApi = teamsApi;
      if (!teamsApi) step("the API does not serve /api/teams/{id}/… here: its assertions are skipped (see the file's header)");

      step("Olivia invites Bob and Cy by email, as members");
      const invite = async (email) => {
        const form = olivia.page.getByRole("form", { name: "Invite by email" });
        await form.getByLabel("Email address").fill(email);
        await form.getByRole("button", { name: "Send invitation" }).click();
        await olivia.page.getByRole("status").getByText(`Invitation sent to ${email}.`).waitFor();
      };
      await invite(BOB.email);
      await invite(CY.email);
      await olivia.page.getByTestId("pending-invitations").getByText(CY.email).waitFor();

      step("at phone width the team page and the tasks page (with the switcher in the top bar) fit the screen");
      await olivia.page.setViewportSize(PHONE);
      for (const [name, url] of [
        ["team", olivia.page.url()],
        ["tasks", `${WEB_URL}/en/tasks`],
      ]) {
        await olivia.page.goto(url);
        if (name === "team") await olivia.page.getByTestId("team-name").waitFor();
        // Loaded: the switcher shows the active team.
        await eventually(async () => assert.equal(await olivia.page.getByTestId("team-switcher").inputValue(), teamId));
        assert.equal(await horizontalOverflow(olivia.page), null, `${name} page at ${PHONE.width} px`);
        await olivia.page.screenshot({ path: path.join(OUT_DIR, `teams-phone-${name}.png`), fullPage: true });
      }
      await olivia.page.setViewportSize(DESKTOP);
      await olivia.page.goto(`${WEB_URL}/en/teams/${encodeURIComponent(teamId)}`);

      step("Bob opens his mailed link (signed in) and joins");
      await bob.page.goto(await invitationLink(BOB.email));
      await bob.page.getByRole("heading", { name: "Join Kitchen" }).waitFor();
      await bob.page.getByRole("button", { name: "Join Kitchen" }).click();
      await bob.page.waitForURL(`${WEB_URL}/en/teams/${encodeURIComponent(teamId)}`);
      await bob.page.getByTestId("my-role").getByText("You are a member of this team.").waitFor();

      step("Cy opens her link signed out, creates an account from it, confirms her address, and joins");
      const cyLink = await invitationLink(CY.email);
      // Bob holds Cy's link too (forwarded, say): it is not his to accept.
      await bob.page.goto(cyLink);
      await bob.page
        .getByTestId("invitation-error")
        .getByText(/for another email address/)
        .waitFor();
      await cy.page.goto(cyLink);
      await cy.page.getByRole("heading", { name: "You're invited to a team" }).waitFor();
      await cy.page.getByRole("link", { name: "Create account" }).click();
      await cy.page.waitForURL(/\/en\/signup\?next=/);
      await cy.page.getByLabel("Name").fill(CY.name);
      await cy.page.getByLabel("Email").fill(CY.email);
      await cy.page.getByLabel("Password", { exact: true }).fill(CY.password);
      await cy.page.getByRole("button", { name: "Create account" }).click();
      // Back at the invitation: an unconfirmed address joins nothing.
      await cy.page.waitForURL(cyLink);
      await cy.page
        .getByTestId("invitation-error")
        .getByText(/Confirm your email address first/)
        .waitFor();
      await confirmAddress(cy.page, CY);
      await cy.page.goto(cyLink);
      await cy.page.getByRole("button", { name: "Join Kitchen" }).click();
      await cy.page.waitForURL(`${WEB_URL}/en/teams/${encodeURIComponent(teamId)}`);
      // Single use: the same link now joins nobody.
      await cy.page.goto(cyLink);
      await cy.page
        .getByTestId("invitation-error")
        .getByText(/can't be used any more/)
        .waitFor();

      step("Olivia sees both with their roles, makes Cy admin and removes Bob");
      await olivia.page.reload();
      await memberRow(olivia.page, BOB.email).waitFor();
      await memberRow(olivia.page, CY.email).getByLabel(`Role of ${CY.email}`).selectOption("admin");
      await eventually(async () => {
        const { rows } = await db.query(
          `SELECT m.role FROM member m JOIN "user" u ON u.id = m."userId" WHERE m."organizationId" = $1 AND u.email = $2`,
          [teamId, CY.email],
        );
        assert.equal(rows[0]?.role, "admin");
      });

      let bobToken;
      if (teamsApi) {
        bobToken = await tokenOf(bob.context);
        assert.equal(
          (await callApi(API_URL, `/api/teams/${teamId}/tasks`, bobToken)).status,
          200,
          "Bob, a member, reads the team's tasks",
        );
        // A member may not manage lists (SPEC 1.9: 403).
        const denied = await callApi(API_URL, `/api/teams/${teamId}/lists`, bobToken, {
          method: "POST",
          body: JSON.stringify({ name: "Bob's" }),
        });
        assert.equal(denied.status, 403);
      }
      await memberRow(olivia.page, BOB.email)
        .getByRole("button", { name: `Remove ${BOB.email}` })
        .click();
      const removedAt = performance.now();
      await memberRow(olivia.page, BOB.email).waitFor({ state: "detached" });

      if (teamsApi) {
        step("Bob's JWT, accepted a moment ago, is refused at the API within 5 s");
        let refusedAfter = null;
        while ((performance.now() - removedAt) / 1000 < BOUND_S * 3) {
          const res = await callApi(API_URL, `/api/teams/${teamId}/tasks`, bobToken);
          if (res.status === 404) {
            refusedAfter = (performance.now() - removedAt) / 1000;
            break;
          }
          assert.equal(res.status, 200, `before the refusal the answer is 200: ${JSON.stringify(res.body)}`);
          await new Promise((r) => setTimeout(r, POLL_MS));
        }
        figures.removedMemberRefusedAfterSeconds = refusedAfter === null ? null : Number(refusedAfter.toFixed(2));
        assert.ok(refusedAfter !== null && refusedAfter <= BOUND_S, `refused after ${refusedAfter} s`);
      }
      // Bob's page: the team is no longer his (the server page answers 404 for a non-member).
      const gone = await bob.page.goto(`${WEB_URL}/en/teams/${encodeURIComponent(teamId)}`);
      assert.equal(gone.status(), 404);

      step("Cy, now admin, manages a list of the team");
      await cy.page.goto(`${WEB_URL}/en/teams/${encodeURIComponent(teamId)}`);
      await cy.page.getByTestId("my-role").getByText("You are an admin of this team.").waitFor();
      if (teamsApi) {
        const lists = cy.page.getByRole("form", { name: "Add a list" });
        await lists.getByLabel("New list name").fill("Groceries");
        await lists.getByRole("button", { name: "Add list" }).click();
        await cy.page.getByTestId("team-list").filter({ hasText: "Groceries" }).waitFor();
        const tasks = cy.page.getByRole("form", { name: "Add a team task" });
        await tasks.getByLabel("New team task").fill("Buy oat milk");
        await tasks.getByRole("button", { name: "Add" }).click();
        await cy.page.getByTestId("team-task").filter({ hasText: "Buy oat milk" }).waitFor();
        await cy.page.getByRole("button", { name: "Delete the list Groceries" }).click();
        await cy.page.getByTestId("team-list").filter({ hasText: "Groceries" }).waitFor({ state: "detached" });
        await lists.getByLabel("New list name").fill("Weekly");
        await lists.getByRole("button", { name: "Add list" }).click();
        await cy.page.getByTestId("team-list").filter({ hasText: "Weekly" }).waitFor();
      }

      let cyTaskId;
      if (teamsApi) {
        // Olivia assigns the team's task to Cy on the team page (SPEC 1.9 assignee_id), for the account deletion below.
        const { rows } = await db.query(
          `SELECT t.id, u.id AS cy FROM tasks.tasks t, "user" u WHERE t.team_id = $1 AND u.email = $2`,
          [teamId, CY.email],
        );
        cyTaskId = rows[0].id;
        await olivia.page.goto(`${WEB_URL}/en/teams/${encodeURIComponent(teamId)}`);
        await olivia.page.getByLabel("Assignee of Buy oat milk").selectOption({ label: CY.name });
        await waitForValue(async () => {
          const { rows: now } = await db.query(`SELECT assignee_id FROM tasks.tasks WHERE id = $1`, [cyTaskId]);
          return now[0]?.assignee_id;
        }, rows[0].cy);
        step("Cy sees the task under 'Assigned to you' on her teams page");
        await cy.page.goto(`${WEB_URL}/en/teams`);
        await cy.page.getByTestId("assigned-task").filter({ hasText: "Buy oat milk" }).getByText("Kitchen").waitFor();
      }

      step("the last owner cannot leave; Olivia transfers ownership to Cy");
      await olivia.page.reload();
      await olivia.page.getByRole("button", { name: "Leave team" }).click();
      await olivia.page
        .getByRole("alert")
        .getByText(/only owner/)
        .waitFor();
      await olivia.page.getByLabel("New owner").selectOption({ label: `${CY.name} (${CY.email})` });
      await olivia.page.getByRole("button", { name: "Transfer…" }).click();
      await olivia.page.getByRole("button", { name: `Make ${CY.name} owner` }).click();
      await olivia.page.getByTestId("my-role").getByText("You are an admin of this team.").waitFor();
      await memberRow(olivia.page, CY.email).getByTestId("member-role").getByText("owner").waitFor();

      step("Cy deletes her account: the team goes to its oldest admin (Olivia); no membership of Cy's remains");
      const cyHttp = new AuthClient(WEB_URL);
      await cyHttp.signIn(CY);
      const { rows: cyUser } = await db.query(`SELECT id FROM "user" WHERE email = $1`, [CY.email]);
      await cyHttp.ok("/delete-user", { password: CY.password });
      const { rows: cyMembers } = await db.query(`SELECT count(*)::int AS n FROM member WHERE "userId" = $1`, [cyUser[0].id]);
      assert.equal(cyMembers[0].n, 0);
      const { rows: owners } = await db.query(
        `SELECT u.email, m.role FROM member m JOIN "user" u ON u.id = m."userId" WHERE m."organizationId" = $1`,
        [teamId],
      );
      assert.deepEqual(owners, [{ email: OLIVIA.email, role: "owner" }]);
      if (teamsApi) {
        // In the same transaction, not at the API's next sweep: no task names Cy as its assignee.
        const { rows } = await db.query(`SELECT assignee_id FROM tasks.tasks WHERE id = $1`, [cyTaskId]);
        assert.deepEqual(rows, [{ assignee_id: null }]);
      }

      step("Olivia deletes the team after a confirmation naming its lists and tasks; they go with it");
      await olivia.page.reload();
      await olivia.page.getByRole("button", { name: "Delete team…" }).click();
      await olivia.page
        .getByRole("group", { name: "Confirm deleting the team" })
        .getByText(
          teamsApi ? "Delete Kitchen and its 1 list and 1 task now? This can't be undone." : /Delete Kitchen and .* now\?/,
        )
        .waitFor();
      await olivia.page.getByRole("button", { name: "Delete team, its lists and tasks" }).click();
      await olivia.page.waitForURL(`${WEB_URL}/en/teams`);
      const { rows: teamRows } = await db.query(`SELECT count(*)::int AS n FROM organization WHERE id = $1`, [teamId]);
      assert.equal(teamRows[0].n, 0);
      if (teamsApi) {
        for (const table of ["tasks", "lists"]) {
          const { rows } = await db.query(`SELECT count(*)::int AS n FROM tasks.${table} WHERE team_id = $1`, [teamId]);
          assert.equal(rows[0].n, 0, `tasks.${table} of the deleted team`);
        }
      }
      await eventually(async () => assert.equal(await olivia.page.getByTestId("team-switcher").inputValue(), ""));

      assert.deepEqual(problems.csp, [], "no CSP violations");
      assert.deepEqual(problems.errors, [], "no script errors");
    },
  );
});

/** Polls `read` until it gives `expected` (a write made through the page lands a moment after the click). */
async function waitForValue(read, expected, timeoutMs = 10_000) {
  const until = Date.now() + timeoutMs;
  let last;
  while (Date.now() < until) {
    last = await read();
    if (last === expected) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.fail(`expected ${JSON.stringify(expected)}, last read ${JSON.stringify(last)}`);
}
