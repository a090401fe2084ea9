// Single sign-on through a real OpenID Connect provider (oidc-provider, started here) and
// two-factor sign-in (TOTP + backup codes), across the whole stack: ./run.sh with OIDC_* set,
// Debian's chromium, the Java API. Proves the JWT after either is the one the API already takes.
import assert from "node:assert/strict";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { TOTP } from "otpauth";
import { launchBrowser, screenshotOnFailure, watchContext } from "../support/browser.mjs";
import { decodeJwt } from "../support/jwt.mjs";
import { startOidcProvider } from "../support/oidc-provider.mjs";
import { OUT_DIR, ROOT_DIR } from "../support/processes.mjs";
import { API_URL, startSystem, WEB_URL } from "../support/system.mjs";
import { authAlert, eventually, sessionFromPage, signIn, signUp, TasksPage, tokenFromPage } from "../support/tasks-page.mjs";

const OIDC_NAME = "Acme ID";
const PASSWORD = "correct-horse-battery-9";
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 375, height: 740 };
const { Pool } = createRequire(path.join(ROOT_DIR, "frontend", "package.json"))("pg");

let idp;
let system;
let browser;
let db;
const problems = { csp: [], errors: [] };
const contexts = new Set();

before(
  async () => {
    idp = await startOidcProvider({ redirectUri: `${WEB_URL}/api/auth/callback/oidc` });
    system = await startSystem({
      env: {
        OIDC_ISSUER: idp.issuer,
        OIDC_CLIENT_ID: idp.clientId,
        OIDC_CLIENT_SECRET: idp.clientSecret,
        OIDC_NAME,
        // Many sign-ins and /two-factor/* calls from one address within seconds.
        AUTH_RATE_LIMIT: "off",
      },
    });
    db = new Pool({ connectionString: system.databaseUrl, max: 2 });
    browser = await launchBrowser();
  },
  { timeout: 1_200_000 },
);

after(
  async () => {
    await browser?.close().catch(() => {});
    await db?.end().catch(() => {});
    await system?.stop();
    await idp?.close();
  },
  { timeout: 120_000 },
);

async function newContext(viewport = DESKTOP) {
  const context = await browser.newContext({ viewport });
  context.setDefaultTimeout(30_000);
  context.setDefaultNavigationTimeout(60_000);
  watchContext(context, problems);
  contexts.add(context);
  return context;
}

/** A test with its own browser context (own cookies); a failure leaves screenshots in out/. */
function browserTest(name, fn, { viewport } = {}) {
  test(name, async (t) => {
    const context = await newContext(viewport);
    try {
      await fn(await context.newPage(), context);
    } catch (err) {
      const shots = await screenshotOnFailure(context, name);
      if (shots.length) t.diagnostic(`screenshots: ${shots.map((s) => path.relative(ROOT_DIR, s)).join(", ")}`);
      throw err;
    } finally {
      contexts.delete(context);
      await context.close();
    }
  });
}

async function callApi(pathname, token, init = {}) {
  const res = await fetch(`${API_URL}${pathname}`, {
    ...init,
    headers: { Authorization: `Bearer ${token}`, ...(init.body ? { "Content-Type": "application/json" } : {}) },
  });
  return { status: res.status, body: await res.json().catch(() => null) };
}

/** "Sign in with Acme ID" → the provider's own login page → back in the app. */
async function signInWithIdp(page, email, from = "/en/signin") {
  if (from) await page.goto(`${WEB_URL}${from}`);
  await page.getByRole("button", { name: `Sign in with ${OIDC_NAME}` }).click();
  await page.waitForURL((url) => url.href.startsWith(idp.issuer));
  await page.getByLabel("Email at the IdP").fill(email);
  await page.getByRole("button", { name: "Continue to Tasks" }).click();
}

async function signOut(page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  // A navigation the tasks page had under way when the button was clicked can be aborted by the
  // sign-out's own (seen once: net::ERR_ABORTED): wait for where the sign-out lands.
  await page.waitForURL(/\/en\/signin/).catch(async (err) => {
    if (!/ERR_ABORTED|frame was detached/.test(String(err))) throw err;
    await page.waitForURL(/\/en\/signin/);
  });
}

/** What the JWT looks like, values aside: header keys and claim names. */
const shape = (token) => {
  const { header, payload } = decodeJwt(token);
  return { header: Object.keys(header).sort(), claims: Object.keys(payload).sort() };
};

/** The claims SPEC 1.2 needs, checked for this user. */
function assertSpecClaims(token, user) {
  const { payload } = decodeJwt(token);
  assert.equal(payload.sub, user.id);
  assert.equal(payload.email, user.email);
  assert.equal(payload.iss, WEB_URL);
  assert.equal(payload.aud, WEB_URL);
  assert.ok(payload.exp > payload.iat);
}

/** The JWT works at the Java API: it knows the user and takes a task for them. */
async function assertApiAccepts(token, userId, title) {
  const me = await callApi("/api/me", token);
  assert.equal(me.status, 200, JSON.stringify(me.body));
  assert.equal(me.body.id, userId);
  const created = await callApi(`/api/${userId}/tasks`, token, { method: "POST", body: JSON.stringify({ title }) });
  assert.equal(created.status, 201, JSON.stringify(created.body));
}

const accountsOf = async (email) =>
  (
    await db.query(`select a."providerId" from account a join "user" u on u.id = a."userId" where u.email = $1 order by 1`, [
      email,
    ])
  ).rows.map((r) => r.providerId);

let passwordTokenShape;

describe("single sign-on through an OpenID Connect provider", () => {
  browserTest("the reference shape: a password sign-up's JWT", async (page) => {
    await signUp(page, WEB_URL, { email: "reference@example.com", password: PASSWORD, name: "Ref" });
    passwordTokenShape = shape(await tokenFromPage(page));
  });

  browserTest("'Sign in with <OIDC_NAME>' is offered on sign-in and sign-up", async (page) => {
    for (const pathname of ["/en/signin", "/en/signup"]) {
      await page.goto(`${WEB_URL}${pathname}`);
      await page.getByRole("button", { name: `Sign in with ${OIDC_NAME}` }).waitFor();
      // Only configured providers: GitHub and Google have no credentials here.
      assert.equal(await page.getByRole("button", { name: /Sign in with (GitHub|Google)/ }).count(), 0);
    }
  });

  browserTest(
    "a new person signs in at the provider, lands on the tasks page, and the JWT works at the Java API",
    async (page) => {
      idp.addUser({ email: "carol@example.com", name: "Carol", emailVerified: true });
      await signInWithIdp(page, "carol@example.com", "/en/signin?next=%2Fen%2Ftasks");
      await page.waitForURL(`${WEB_URL}/en/tasks`);
      await page.getByTestId("user-email").getByText("carol@example.com").waitFor();

      const tasks = new TasksPage(page);
      await tasks.ready();
      await tasks.add("Task made after SSO");

      const { user } = await sessionFromPage(page);
      const token = await tokenFromPage(page);
      assertSpecClaims(token, user);
      assert.deepEqual(shape(token), passwordTokenShape, "same JWT shape as after a password sign-in");
      await assertApiAccepts(token, user.id, "Task sent with the SSO JWT");
      assert.deepEqual(await accountsOf("carol@example.com"), ["oidc"]);
    },
  );

  browserTest("a verified local account is linked: same user id, same tasks", async (page) => {
    const dave = { email: "dave@example.com", password: PASSWORD, name: "Dave" };
    await signUp(page, WEB_URL, dave);
    const before = (await sessionFromPage(page)).user;
    await new TasksPage(page).add("Dave's task from before");
    // Verified the way the mail flow would leave it (this branch has no mail yet).
    await db.query(`update "user" set "emailVerified" = true where email = $1`, [dave.email]);
    await signOut(page);

    idp.addUser({ email: dave.email, name: "Dave at Acme", emailVerified: true });
    await signInWithIdp(page, dave.email);
    await page.waitForURL(`${WEB_URL}/en/tasks`);
    const after = (await sessionFromPage(page)).user;
    assert.equal(after.id, before.id, "the same user");
    await new TasksPage(page).expectTitles(["Dave's task from before"]);
    assert.deepEqual(await accountsOf(dave.email), ["credential", "oidc"]);
    await assertApiAccepts(await tokenFromPage(page), before.id, "Dave via SSO");
  });

  browserTest("an unverified local account is not taken over: refused with a message on our page, no session", async (page) => {
    const erin = { email: "erin@example.com", password: PASSWORD, name: "Erin" };
    await signUp(page, WEB_URL, erin);
    await signOut(page);

    idp.addUser({ email: erin.email, name: "Someone claiming Erin", emailVerified: true });
    await signInWithIdp(page, erin.email);
    await page.waitForURL((url) => url.pathname === "/en/signin" && url.searchParams.get("error") === "account_not_linked");
    await authAlert(page)
      .getByText(/hasn't been verified/)
      .waitFor();
    await authAlert(page)
      .getByText(/sign in with your password and link/)
      .waitFor();
    assert.equal(await sessionFromPage(page), null, "no session");
    assert.deepEqual(await accountsOf(erin.email), ["credential"], "nothing linked");
  });

  browserTest(
    "linking from the sign-in methods page works, then the provider signs in to the same account; unlinking keeps the password",
    async (page) => {
      const erin = { email: "erin@example.com", password: PASSWORD };
      await signIn(page, WEB_URL, erin);
      await page.waitForURL(`${WEB_URL}/en/tasks`);
      const userId = (await sessionFromPage(page)).user.id;

      await page.goto(`${WEB_URL}/en/account/sign-in-methods`);
      const methods = page.getByTestId("sign-in-methods");
      await methods.locator('[data-provider="credential"]').waitFor();
      assert.equal(await methods.getByRole("button", { name: /Unlink/ }).count(), 0, "the only method cannot be unlinked");
      await page.getByRole("button", { name: `Link ${OIDC_NAME}` }).click();
      await page.waitForURL((url) => url.href.startsWith(idp.issuer));
      await page.getByLabel("Email at the IdP").fill(erin.email);
      await page.getByRole("button", { name: "Continue to Tasks" }).click();
      await page.waitForURL(`${WEB_URL}/en/account/sign-in-methods`);
      await methods.locator('[data-provider="oidc"]').waitFor();
      assert.match(await methods.locator('[data-provider="oidc"]').textContent(), new RegExp(`^${OIDC_NAME}`));
      assert.deepEqual(await accountsOf(erin.email), ["credential", "oidc"]);

      await signOutFromAnywhere(page);
      await signInWithIdp(page, erin.email);
      await page.waitForURL(`${WEB_URL}/en/tasks`);
      assert.equal((await sessionFromPage(page)).user.id, userId, "the provider now signs in to Erin's account");

      await page.goto(`${WEB_URL}/en/account/sign-in-methods`);
      await page.getByRole("button", { name: `Unlink ${OIDC_NAME}` }).click();
      await eventually(async () => assert.deepEqual(await accountsOf(erin.email), ["credential"]));
      await methods.locator('[data-provider="oidc"]').waitFor({ state: "detached" });
    },
  );
});

/** The newest outbox mail (no SMTP in this suite: TASKS_DATA_DIR/outbox/*.json) to `to` whose subject matches. */
function outboxLink(to, subject) {
  return eventually(() => {
    const dir = path.join(system.dataDir, "outbox");
    const mails = readdirSync(dir)
      .filter((f) => f.endsWith(".json"))
      .sort()
      .map((f) => JSON.parse(readFileSync(path.join(dir, f), "utf8")))
      .filter((m) => m.to === to && subject.test(m.subject));
    assert.ok(mails.length > 0, `no mail to ${to} matching ${subject}`);
    return mails.at(-1).link;
  });
}

describe("issue 21: pre-registration and deletion of an SSO-only account", () => {
  const fay = { email: "fay@example.com", name: "Fay" };
  const mallory = { email: fay.email, password: "mallory-knows-1", name: "Mallory" };

  browserTest(
    "finding 4: once the owner confirms the address, the password registered before no longer reaches the account",
    async (page) => {
      // Mallory registers Fay's address with her own password and stays signed in.
      const malloryPage = await (await newContext()).newPage();
      await signUp(malloryPage, WEB_URL, mallory);

      // Fay's provider sign-in is refused ("verify your email first"); she has the link mailed and opens it.
      idp.addUser({ email: fay.email, name: fay.name, emailVerified: true });
      await signInWithIdp(page, fay.email);
      await page.waitForURL((url) => url.searchParams.get("error") === "account_not_linked");
      const sent = await page.evaluate(
        async (email) =>
          (
            await fetch("/api/auth/send-verification-email", {
              method: "POST",
              headers: { "Content-Type": "application/json" },
              body: JSON.stringify({ email, callbackURL: "/en/email-verified" }),
            })
          ).status,
        fay.email,
      );
      assert.equal(sent, 200);
      await page.goto(await outboxLink(fay.email, /^Confirm your email address/));
      await page.waitForURL(/\/en\/reset-password\?token=[^&]+&notice=email-confirmed$/);
      assert.equal(await sessionFromPage(page), null, "the link signs nobody in");
      assert.equal(await sessionFromPage(malloryPage), null, "Mallory's session ended");
      assert.deepEqual(await accountsOf(fay.email), [], "the password set before the proof is gone");

      // Fay's provider now joins the confirmed account; Mallory's password does not sign in.
      await page.context().clearCookies({ name: /^_session/ });
      await signInWithIdp(page, fay.email);
      await page.waitForURL(`${WEB_URL}/en/tasks`);
      assert.deepEqual(await accountsOf(fay.email), ["oidc"]);
      await signIn(malloryPage, WEB_URL, mallory);
      await authAlert(malloryPage).getByText("Wrong email or password").waitFor();
      assert.equal(await sessionFromPage(malloryPage), null);
    },
  );

  browserTest(
    "finding 2: an SSO-only account is not deleted by {}; the account page mails a link, which deletes it in this browser",
    async (page) => {
      await signInWithIdp(page, fay.email);
      await page.waitForURL(`${WEB_URL}/en/tasks`);
      const bare = await page.evaluate(
        async () =>
          (await fetch("/api/auth/delete-user", { method: "POST", headers: { "Content-Type": "application/json" }, body: "{}" }))
            .status,
      );
      assert.equal(bare, 400, "a fresh session alone deletes nothing");
      assert.deepEqual(await accountsOf(fay.email), ["oidc"]);

      await page.goto(`${WEB_URL}/en/account`);
      const region = page.getByRole("region", { name: "Delete account" });
      assert.equal(await region.getByLabel("Password").count(), 0, "no password field for an account without a password");
      await region.getByRole("button", { name: "Email me a confirmation link" }).click();
      await region.getByRole("status").getByText(`We sent a link to ${fay.email}`).waitFor();
      // An unsent task edit of Fay's, and one of another account on this browser whose session merely ended.
      const fayId = (await db.query(`select id from "user" where email = $1`, [fay.email])).rows[0].id;
      const unsent = JSON.stringify([{ seq: 1, owner: "gone-page", edit: { kind: "delete", id: 1, title: "t" } }]);
      await page.evaluate(
        ([fayKey, otherKey, value]) => {
          localStorage.setItem(fayKey, value);
          localStorage.setItem(otherKey, value);
        },
        [`tasks.outbox.v1:${fayId}`, "tasks.outbox.v1:someone-else", unsent],
      );
      await page.goto(await outboxLink(fay.email, /^Confirm deleting your Tasks account$/));
      await page.waitForURL(`${WEB_URL}/en/signin?notice=account-deleted`);
      assert.equal((await db.query(`select count(*)::int as n from "user" where email = $1`, [fay.email])).rows[0].n, 0);
      assert.deepEqual(
        await page.evaluate(() =>
          Object.keys(localStorage)
            .filter((k) => k.startsWith("tasks.outbox."))
            .sort(),
        ),
        ["tasks.outbox.v1:someone-else"],
        "the deleted account's unsent edits are gone from the browser; another account's stay",
      );
    },
  );
});

/**
 * Signs out of the app (Better Auth's endpoint, as the Sign out button calls it) and of the
 * provider (its session cookie; app and provider share the host "localhost", so the jar), so
 * that the next provider sign-in shows the provider's login form again.
 */
async function signOutFromAnywhere(page) {
  const status = await page.evaluate(
    async () =>
      (await fetch("/api/auth/sign-out", { method: "POST", headers: { "Content-Type": "application/json" }, body: "{}" })).status,
  );
  assert.equal(status, 200);
  await page.context().clearCookies({ name: /^_session/ });
}

describe("two-factor sign-in (TOTP and backup codes)", () => {
  const frank = { email: "frank@example.com", password: PASSWORD, name: "Frank" };
  let totp;
  let backupCodes;
  let userId;

  const codeNow = () => totp.generate();
  /**
   * A code Better Auth has not accepted before: each is accepted once per user (issue 21, 8;
   * frontend/lib/two-factor/totp-replay.ts), so each sign-in takes a later 30 s step than the one before. The
   * next step's code is valid now (Better Auth's window is one step either side); when that step
   * was used already, wait for the clock to move on.
   */
  let lastStep = -Infinity;
  const freshCode = async () => {
    for (;;) {
      const step = Math.floor(Date.now() / 30_000) + 1;
      if (step > lastStep) {
        lastStep = step;
        return totp.generate({ timestamp: step * 30_000 });
      }
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  };
  /** A 6-digit code that is none of the codes valid around now. */
  const wrongCode = () => {
    const valid = new Set([-1, 0, 1].map((w) => totp.generate({ timestamp: Date.now() + w * 30_000 })));
    for (let n = 0; ; n++) {
      const candidate = String((Number(codeNow()) + 123_457 * (n + 1)) % 1_000_000).padStart(6, "0");
      if (!valid.has(candidate)) return candidate;
    }
  };

  browserTest(
    "turn on: password, a QR code drawn in the page and the secret, a code from the app, then the backup codes once",
    async (page) => {
      await signUp(page, WEB_URL, frank);
      userId = (await sessionFromPage(page)).user.id;
      await page.goto(`${WEB_URL}/en/account/two-factor`);
      await page.getByTestId("two-factor-off").waitFor();
      await page.getByRole("button", { name: "Turn on two-factor authentication" }).click();
      await page.getByLabel("Password").fill("wrong-password-123");
      await page.getByRole("button", { name: "Continue" }).click();
      await page.getByRole("alert").getByText("Wrong password").waitFor();
      await page.getByLabel("Password").fill(frank.password);
      await page.getByRole("button", { name: "Continue" }).click();

      const qr = page.getByRole("img", { name: /QR code/ });
      await qr.waitFor();
      assert.match(await qr.getAttribute("src"), /^data:image\/png;base64,/, "drawn locally, no outside service");
      assert.ok(await qr.evaluate((img) => img.complete && img.naturalWidth > 0), "the QR image loaded under the CSP");
      const secret = (await page.getByTestId("totp-secret").textContent()).replace(/\s+/g, "");
      totp = new TOTP({ secret, digits: 6, period: 30, algorithm: "SHA1" });

      await page.getByLabel("Code from your app").fill(wrongCode());
      await page.getByRole("button", { name: "Turn on" }).click();
      await page.getByRole("alert").getByText("That code isn't right").waitFor();
      await page.getByLabel("Code from your app").fill(await freshCode());
      await page.getByRole("button", { name: "Turn on" }).click();

      const list = page.getByRole("list", { name: "Backup codes" });
      await list.waitFor();
      backupCodes = await list.getByRole("listitem").allTextContents();
      assert.equal(backupCodes.length, 10);
      const download = page.waitForEvent("download");
      await page.getByRole("link", { name: "Download codes" }).click();
      const file = readFileSync(await (await download).path(), "utf8");
      for (const code of backupCodes) assert.ok(file.includes(code), `download has ${code}`);
      await page.getByRole("button", { name: "I've saved them" }).click();
      await page.getByTestId("two-factor-on").waitFor();

      await page.reload();
      await page.getByTestId("two-factor-on").waitFor();
      assert.equal(await page.getByRole("list", { name: "Backup codes" }).count(), 0, "codes are shown once only");
    },
  );

  browserTest(
    "sign in: code step after the password, no session and no JWT before the code, a wrong code refused, the right one signs in",
    async (page) => {
      await signIn(page, WEB_URL, frank);
      const step = page.getByTestId("two-factor-step");
      await step.waitFor();
      const code = page.getByLabel("Authentication code");
      assert.equal(await code.evaluate((el) => el === document.activeElement), true, "the code field has focus");
      assert.equal(await code.getAttribute("inputmode"), "numeric");
      assert.equal(await code.getAttribute("autocomplete"), "one-time-code");

      const token = await page.evaluate(async () => (await fetch("/api/auth/token")).status);
      assert.equal(token, 401, "GET /api/auth/token during the code step");
      assert.equal(await sessionFromPage(page), null, "no session during the code step");
      const cookies = await page.context().cookies(WEB_URL);
      assert.equal(
        cookies.some((c) => c.name === "better-auth.session_token" && c.value),
        false,
        "no session cookie",
      );

      await code.fill(wrongCode());
      await page.getByRole("button", { name: "Verify" }).click();
      await step.getByRole("alert").getByText("That code isn't right").waitFor();
      await takeScreenshot(page, "two-factor.png");

      await code.fill(await freshCode());
      await page.getByRole("button", { name: "Verify" }).click();
      await page.waitForURL(`${WEB_URL}/en/tasks`);
      const jwt = await tokenFromPage(page);
      assertSpecClaims(jwt, { id: userId, email: frank.email });
      assert.deepEqual(shape(jwt), passwordTokenShape, "same JWT shape as after a password sign-in");
      await assertApiAccepts(jwt, userId, "Task sent after 2FA");
    },
  );

  browserTest("a backup code signs in once; with 'Trust this device' the next sign-in skips the code step", async (page) => {
    await signIn(page, WEB_URL, frank);
    await page.getByRole("button", { name: "Use a backup code" }).click();
    await page.getByLabel("Backup code").fill(backupCodes[0]);
    await page.getByLabel("Trust this device for 30 days").check();
    await page.getByRole("button", { name: "Verify" }).click();
    await page.waitForURL(`${WEB_URL}/en/tasks`);
    await signOut(page);

    await signIn(page, WEB_URL, frank);
    await page.waitForURL(`${WEB_URL}/en/tasks`);
  });

  browserTest("a used backup code no longer works", async (page) => {
    await signIn(page, WEB_URL, frank);
    await page.getByRole("button", { name: "Use a backup code" }).click();
    await page.getByLabel("Backup code").fill(backupCodes[0]);
    await page.getByRole("button", { name: "Verify" }).click();
    await page
      .getByTestId("two-factor-step")
      .getByRole("alert")
      .getByText(/used already/)
      .waitFor();
    assert.equal(await sessionFromPage(page), null);

    await page.getByLabel("Backup code").fill(backupCodes[1]);
    await page.getByRole("button", { name: "Verify" }).click();
    await page.waitForURL(`${WEB_URL}/en/tasks`);
  });

  browserTest(
    "at 375 px the sign-in page with its provider button, the code step and the two-factor page have no horizontal scroll",
    async (page) => {
      const noHorizontalScroll = async (what) =>
        assert.equal(
          await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth),
          true,
          `${what} scrolls sideways at 375 px`,
        );
      await page.goto(`${WEB_URL}/en/signin`);
      await page.getByRole("button", { name: `Sign in with ${OIDC_NAME}` }).waitFor();
      await noHorizontalScroll("sign-in");
      await signIn(page, WEB_URL, frank, null);
      await page.getByTestId("two-factor-step").waitFor();
      await noHorizontalScroll("the code step");
      await page.getByLabel("Authentication code").fill(await freshCode());
      await page.getByRole("button", { name: "Verify" }).click();
      await page.waitForURL(`${WEB_URL}/en/tasks`);
      await page.goto(`${WEB_URL}/en/account/two-factor`);
      await page.getByTestId("two-factor-on").waitFor();
      await noHorizontalScroll("the two-factor page");
    },
    { viewport: PHONE },
  );

  browserTest("new backup codes replace the old ones; turning off with the password ends the code step", async (page) => {
    await signIn(page, WEB_URL, frank);
    await page.getByLabel("Authentication code").fill(await freshCode());
    await page.getByRole("button", { name: "Verify" }).click();
    await page.waitForURL(`${WEB_URL}/en/tasks`);

    await page.goto(`${WEB_URL}/en/account/two-factor`);
    await page.getByRole("button", { name: "New backup codes" }).click();
    await page.getByLabel("Password").fill(frank.password);
    await page.getByRole("button", { name: "Make new backup codes" }).click();
    const freshList = page.getByRole("list", { name: "Backup codes" });
    await freshList.waitFor();
    const fresh = await freshList.getByRole("listitem").allTextContents();
    assert.equal(fresh.length, 10);
    assert.equal(fresh.filter((c) => backupCodes.includes(c)).length, 0, "all new");
    await page.getByRole("button", { name: "I've saved them" }).click();

    await page.getByRole("button", { name: "Turn off two-factor authentication" }).click();
    await page.getByLabel("Password").fill(frank.password);
    await page.getByRole("button", { name: "Turn off" }).click();
    await page.getByTestId("two-factor-off").waitFor();

    await signOutFromAnywhere(page);
    await signIn(page, WEB_URL, frank);
    await page.waitForURL(`${WEB_URL}/en/tasks`);
  });
});

describe("the whole run", () => {
  test("no CSP violation and no uncaught error on the app's pages", () => {
    const ours = (list) => list.filter((entry) => entry.startsWith(WEB_URL));
    assert.deepEqual(ours(problems.csp), []);
    assert.deepEqual(ours(problems.errors), []);
  });
});

/** out/screenshots/<name>; docs/screenshots/<name> when missing or E2E_UPDATE_SCREENSHOTS=1. */
async function takeScreenshot(page, name) {
  const shotsDir = path.join(OUT_DIR, "screenshots");
  const docsDir = path.join(ROOT_DIR, "docs", "screenshots");
  mkdirSync(shotsDir, { recursive: true });
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: path.join(shotsDir, name) });
  const target = path.join(docsDir, name);
  if (process.env.E2E_UPDATE_SCREENSHOTS === "1" || !existsSync(target)) {
    mkdirSync(docsDir, { recursive: true });
    copyFileSync(path.join(shotsDir, name), target);
  }
}
