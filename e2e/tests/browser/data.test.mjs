// Browser journey: "Your data, in and out" (issue 25) on the account page. Download everything
// (JSON) and the tasks (CSV) with the page's own JWT, import a CSV after its preview ("Import 2
// tasks"), import it again (adds nothing), a bad file's message naming the line, and the section
// at 375 px. The API's side over HTTP: the export round-trips into another account.
// Starts the whole system (./run.sh): run under the shared lock, or with E2E_PORT_BASE for ports of your own.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, describe } from "node:test";
import { AuthClient } from "../../support/auth-http.mjs";
import { horizontalOverflow, PHONE } from "../../support/browser-suite.mjs";
import { browserJourney, callApi, noPageProblems, PASSWORD } from "../../support/browser-system.mjs";
import { API_URL, WEB_URL } from "../../support/system.mjs";
import { eventually, signUp, tokenFromPage } from "../../support/tasks-page.mjs";

const OWNER = { email: "data@example.com", password: PASSWORD, name: "Dana Data" };
const { problems, newContext, closeContext, browserTest } = browserJourney();

const CSV = "title,due_date,priority,list,labels\nPay rent,2027-01-31,high,Home,bills\nCall the bank,,,Home,\n";

describe("your data", () => {
  let context;
  let page;
  let token;
  let userId;
  const section = () => page.getByRole("region", { name: "Your data" });
  const api = async (pathname, init) => callApi(`/api/${userId}${pathname}`, (token = await tokenFromPage(page)), init);

  before(async () => {
    context = await newContext();
    page = await context.newPage();
  });
  after(() => context && closeContext(context));

  browserTest("downloads everything as JSON and the tasks as CSV, with the page's own token", async () => {
    await signUp(page, WEB_URL, OWNER);
    token = await tokenFromPage(page);
    userId = JSON.parse(Buffer.from(token.split(".")[1], "base64url").toString()).sub;
    assert.equal(
      (await api("/tasks", { method: "POST", body: JSON.stringify({ title: "Existing", labels: ["Work"] }) })).status,
      201,
    );
    await page.goto(`${WEB_URL}/en/account`);
    await section().waitFor();

    const [json] = await Promise.all([
      page.waitForEvent("download"),
      section().getByRole("button", { name: "Download my data" }).click(),
    ]);
    assert.match(json.suggestedFilename(), /^tasks-\d{4}-\d{2}-\d{2}\.json$/);
    const exported = JSON.parse(readFileSync(await json.path(), "utf8"));
    assert.equal(exported.format_version, 1);
    assert.deepEqual(
      exported.tasks.map((t) => [t.title, t.labels]),
      [["Existing", ["Work"]]],
    );

    const [csv] = await Promise.all([
      page.waitForEvent("download"),
      section().getByRole("button", { name: "Download tasks (CSV)" }).click(),
    ]);
    assert.match(csv.suggestedFilename(), /\.csv$/);
    assert.match(
      readFileSync(await csv.path(), "utf8"),
      /^title,description,due_date,due_time,priority,list,labels,completed,recurrence\r\nExisting,/,
    );
  });

  browserTest("imports a CSV after a preview with counts; the same file again adds nothing", async () => {
    await section()
      .getByLabel("File to import")
      .setInputFiles({ name: "mine.csv", mimeType: "text/csv", buffer: Buffer.from(CSV) });
    const preview = section().getByTestId("import-preview");
    await preview.getByText("2 tasks to import").waitFor();
    await preview.getByText("1 new list").waitFor();
    assert.equal(await section().getByLabel("Format").inputValue(), "csv", "detected from the file");
    assert.equal((await api("/tasks")).body.length, 1, "a preview writes nothing");

    await section().getByRole("button", { name: "Import 2 tasks" }).click();
    await section().getByTestId("import-result").getByText("2 tasks imported").waitFor();
    const titles = (await api("/tasks?limit=1000")).body.map((t) => t.title).sort();
    assert.deepEqual(titles, ["Call the bank", "Existing", "Pay rent"]);

    await section()
      .getByLabel("File to import")
      .setInputFiles({ name: "mine.csv", mimeType: "text/csv", buffer: Buffer.from(CSV) });
    await section().getByTestId("import-preview").getByText("0 tasks to import").waitFor();
    await section().getByText("2 tasks already here, to be skipped").waitFor();
    assert.equal(await section().getByTestId("import-confirm").isDisabled(), true);
  });

  browserTest("a bad file is refused with the API's words naming the line; nothing is written", async () => {
    const bad = "title,due_date\nFine,2027-01-01\nBroken,2027-02-30\n";
    await section()
      .getByLabel("File to import")
      .setInputFiles({ name: "bad.csv", mimeType: "text/csv", buffer: Buffer.from(bad) });
    await eventually(async () => assert.match(await section().getByTestId("data-error").textContent(), /line 3: due_date/));
    assert.equal(await section().getByTestId("import-confirm").count(), 0);
    assert.equal((await api("/tasks?limit=1000")).body.length, 3);
  });

  browserTest("the section fits a 375 px phone", async () => {
    await page.setViewportSize(PHONE);
    await section().scrollIntoViewIfNeeded();
    assert.equal(await horizontalOverflow(page), null);
    await section().getByRole("button", { name: "Download my data" }).waitFor();
  });

  browserTest("over HTTP: the JSON export imports into another account as it was", async () => {
    const exported = (await api("/export")).body;
    const other = new AuthClient(WEB_URL);
    await other.ok("/sign-up/email", { email: "data-copy@example.com", password: PASSWORD, name: "Copy" });
    const otherToken = await other.token();
    const otherId = JSON.parse(Buffer.from(otherToken.split(".")[1], "base64url").toString()).sub;
    const imported = await fetch(`${API_URL}/api/${otherId}/import`, {
      method: "POST",
      headers: { Authorization: `Bearer ${otherToken}`, "Content-Type": "application/json" },
      body: JSON.stringify(exported),
    });
    assert.equal(imported.status, 200);
    assert.equal((await imported.json()).tasks_added, 3);
    const copy = (await callApi(`/api/${otherId}/export`, otherToken)).body;
    const shape = (doc) => doc.tasks.map((t) => [t.title, t.due_date, t.priority, t.list, t.labels]);
    assert.deepEqual(shape(copy), shape(exported));
    const foreign = await callApi(`/api/${userId}/export`, otherToken);
    assert.equal(foreign.status, 403);
  });

  noPageProblems(problems);
});
