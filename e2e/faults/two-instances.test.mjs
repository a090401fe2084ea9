// Issue 25, part 3: limits that hold across instances. One PostgreSQL, two task API instances and
// two Next.js web instances (one production build, two `next start`), nginx round-robin in front
// of each pair (no stickiness), so consecutive requests alternate between the instances:
// - the API's per-user limit: with a burst of N, requests 1..N pass and N+1 is 429, whichever
//   instance answers (Bucket4j buckets in PostgreSQL);
// - Better Auth's per-address limit on sign-in (its "rateLimit" table);
// - the per-recipient mail limit: mails asked for through both web instances, the (max+1)th is
//   not sent (the SMTP server in this test counts what arrived);
// - the per-account sign-in back-off: failures on either instance count in one row;
// - live updates: an event stream on one API instance gets a task written through the other.
// Each limit kept in an instance's memory would let twice the configured count through here.
import assert from "node:assert/strict";
import crypto from "node:crypto";
import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { loadFrontendModule } from "../support/better-auth.mjs";
import { startSmtpServer } from "../support/smtp.mjs";
import {
  OUT_DIR,
  START_TIMEOUT_MS,
  call,
  checkWebBuild,
  countBy,
  delay,
  freePort,
  hs256Token,
  migrateWeb,
  nginxBinary,
  nginxProxyConfig,
  openDir,
  report,
  startApi,
  startGroup,
  startPostgres,
  startWeb,
  stopGroup,
  tempDir,
  waitForHttp,
} from "./harness.mjs";

/** RATE_LIMIT_USER_BURST: the API's per-user count (refilled at RATE_LIMIT_USER_RPS=1, the slowest it goes). */
const USER_BURST = 10;
/** Better Auth's own limit on /sign-in/* per client address (its default special rule). */
const SIGN_IN_PER_ADDRESS = { max: 3, windowMs: 10_000 };
/** "Did not stay stale": the API reads the change log every 100 ms; a stream that never gets the change waits forever. */
const STALE_BOUND_MS = 5_000;
const MAIL_FROM = "Tasks <no-reply@tasks.test>";
const PASSWORD = "correct-horse-battery-9";

const figures = {};
const system = { apis: [], webs: [], nginx: [] };
let dir;

after(async () => {
  if (Object.keys(figures).length) report("two-instances", figures);
  for (const proxy of system.nginx) await stopGroup(proxy, 5000);
  await Promise.all(system.webs.map((web) => web.stop()));
  await Promise.all(system.apis.map((api) => api.stop(10_000)));
  await system.smtp?.stop();
  await system.pg?.destroy();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** nginx round-robin in front of `upstreams` (ports); X-Upstream on every answer names the instance. */
async function startNginx(name, upstreams, { port, location = [] }) {
  const nginxDir = openDir(path.join(dir, name));
  const config = path.join(nginxDir, "nginx.conf");
  writeFileSync(
    config,
    nginxProxyConfig({
      dir: nginxDir,
      port,
      upstreams,
      name,
      upstream: name.replace(/\W/g, "_"),
      http: [`access_log ${path.join(OUT_DIR, `${name}-nginx-access.log`)};`],
      location: ["proxy_read_timeout 60s;", ...location],
    }),
  );
  const proc = startGroup(
    `${name}-nginx`,
    nginxBinary(),
    ["-e", path.join(nginxDir, "error.log"), "-p", nginxDir, "-c", config],
    {
      outDir: OUT_DIR,
    },
  );
  system.nginx.push(proc);
  return { url: `http://127.0.0.1:${port}`, proc };
}

/** Which instance answered (nginx's X-Upstream, "127.0.0.1:<port>"), by the instance's name. */
const instanceOf = (r) => {
  const upstream = r.headers?.get("x-upstream");
  const instance = [...system.apis, ...system.webs].find((p) => upstream === `127.0.0.1:${p.port}`);
  return instance?.proc.name ?? upstream;
};
const upstreamsOf = (results) => countBy(results, instanceOf);

describe("two API and two web instances behind nginx share their limits", { timeout: 900_000 }, () => {
  let secret;
  let apiLb;
  let webLb;
  let app; // facts the web app defines once: its mail and sign-in limits
  let addresses = 0;
  /** A fresh client address per request (X-Forwarded-For through nginx, a trusted proxy): Better Auth's per-address limit stays out of the way. */
  const nextAddress = () => `198.51.${100 + Math.floor(++addresses / 250)}.${(addresses % 250) + 1}`;
  /** A Better Auth call through the web nginx, as a browser on the page's origin makes it. */
  const auth = (pathname, body, address = nextAddress()) =>
    call(`${webLb}/api/auth${pathname}`, {
      method: "POST",
      body,
      headers: { origin: webLb, "x-forwarded-for": address },
    });

  before(
    async () => {
      checkWebBuild();
      const started = Date.now();
      secret = crypto.randomBytes(32).toString("hex");
      dir = tempDir("two-instances");
      const [pg, smtp, mailLimits, throttle] = await Promise.all([
        startPostgres("two-instances"),
        startSmtpServer(),
        loadFrontendModule("lib/mail/mail-limits.ts"),
        loadFrontendModule("lib/sign-in/sign-in-throttle.ts"),
      ]);
      Object.assign(system, { pg, smtp });
      app = { mailMax: Math.min(...mailLimits.MAIL_LIMITS.map((l) => l.max)), ...throttle };

      // Both web instances answer for one public origin: the web nginx's.
      const webPort = await freePort();
      webLb = `http://127.0.0.1:${webPort}`;
      const webEnv = {
        DATABASE_URL: pg.url,
        BETTER_AUTH_URL: webLb,
        BETTER_AUTH_SECRET: crypto.randomBytes(32).toString("hex"),
        API_URL: "http://127.0.0.1:9", // the pages' API address: no page is loaded here
        TRUSTED_PROXIES: "127.0.0.1",
        AUTH_RATE_LIMIT: "on",
        SMTP_URL: smtp.url,
        MAIL_FROM,
        TASKS_DATA_DIR: dir,
      };
      const apiEnv = { RATE_LIMIT_USER_RPS: "1", RATE_LIMIT_USER_BURST: String(USER_BURST) };
      // All four at once: start-up is mostly waiting (JVM class loading, Next.js warming up).
      const migrated = migrateWeb(webEnv);
      const [apiA, apiB, webA, webB] = await Promise.all([
        startApi("two-instances-api-a", { databaseUrl: pg.url, secret, env: apiEnv }),
        startApi("two-instances-api-b", { databaseUrl: pg.url, secret, env: apiEnv }),
        migrated.then(() => startWeb("two-instances-web-a", { env: webEnv })),
        migrated.then(() => startWeb("two-instances-web-b", { env: webEnv })),
      ]);
      system.apis.push(apiA, apiB);
      system.webs.push(webA, webB);

      const apiProxy = await startNginx("two-instances-api", [apiA.port, apiB.port], { port: await freePort() });
      apiLb = apiProxy.url;
      // The client's X-Forwarded-For with nginx's peer appended: the web app (TRUSTED_PROXIES=127.0.0.1)
      // takes the hop before it. (webPort was free before the webs started; had something taken it
      // since, nginx would fail to start and waitForHttp say so.)
      const webProxy = await startNginx("two-instances-web", [webA.port, webB.port], {
        port: webPort,
        location: ["proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;"],
      });
      await waitForHttp(`${apiLb}/health/ready`, 30_000, apiProxy.proc);
      await waitForHttp(`${webLb}/api/auth/ok`, 30_000, webProxy.proc);
      figures.startUpSeconds = Math.round((Date.now() - started) / 1000);

      // Warm-up, straight to each instance: a cold JVM or Next.js route takes most of a second per
      // request on a busy machine, and the limits refill with time (one token a second; a new
      // window after 10 s), which would blur the counts below. Other users and addresses: the
      // buckets the tests use stay fresh.
      const warmStarted = Date.now();
      const warmApi = async (api) => {
        const user = `warm-up-${api.port}`;
        const token = hs256Token(secret, user);
        await call(`${api.url}/api/${user}/tasks`, { method: "POST", token, body: { title: "warm-up" } });
        for (let i = 0; i < USER_BURST + 2; i++) await call(`${api.url}/api/${user}/tasks`, { token });
      };
      const warmWeb = async (web) => {
        for (let i = 0; i < 3; i++) {
          await call(`${web.url}/api/auth/sign-in/email`, {
            method: "POST",
            body: { email: `warm-up-${web.port}-${i}@example.com`, password: "wrong-password-1" },
            headers: { origin: webLb, "x-forwarded-for": nextAddress() },
          });
        }
      };
      await Promise.all([...system.apis.map(warmApi), ...system.webs.map(warmWeb)]);
      figures.warmUpSeconds = Math.round((Date.now() - warmStarted) / 1000);
    },
    { timeout: START_TIMEOUT_MS + 120_000 },
  );

  test(`the API's per-user limit: requests 1..${USER_BURST} pass, the next is 429, across both instances`, async () => {
    const user = `limit-${crypto.randomBytes(4).toString("hex")}`;
    const token = hs256Token(secret, user);
    const results = [];
    const started = Date.now();
    // Twice the burst and more: what a limit kept per instance would let through.
    for (let i = 0; i < 2 * USER_BURST + 2; i++) {
      const r = await call(`${apiLb}/api/${user}/tasks`, { token });
      results.push(r);
      if (r.status !== 200) break;
    }
    const elapsedMs = Date.now() - started;
    const passed = results.filter((r) => r.status === 200);
    const refused = results.at(-1);

    figures.apiUserLimit = {
      burst: USER_BURST,
      passedBefore429: passed.length,
      elapsedMs,
      passedByInstance: upstreamsOf(passed),
      refusedBy: instanceOf(refused),
    };
    assert.equal(refused.status, 429, `a 429 within ${results.length} requests: ${results.map((r) => r.status)}`);
    assert.ok(Number(refused.headers.get("retry-after")) >= 1, "the 429 says when to retry");
    assert.equal(Object.keys(upstreamsOf(passed)).length, 2, "both instances served the passing requests");
    assert.ok(passed.length >= USER_BURST, `requests 1..${USER_BURST} pass (${passed.length} did)`);
    // The bucket refills one token a second: on a healthy machine the requests take well under a
    // second and exactly the burst passes; a slower run may earn a token per second it took. Two
    // buckets (one per instance) would let 2 × the burst through: a run that took the burst's
    // number of seconds could not tell them apart.
    assert.ok(elapsedMs < USER_BURST * 1000, `the requests took ${elapsedMs} ms: too slow to tell one bucket from two`);
    assert.ok(
      passed.length <= USER_BURST + Math.floor(elapsedMs / 1000),
      `${passed.length} passed in ${elapsedMs} ms: the burst is ${USER_BURST}, refilled at 1 a second`,
    );
  });

  test("Better Auth's per-address sign-in limit counts sign-ins on both web instances", async () => {
    const address = "203.0.113.7";
    const results = [];
    const started = Date.now();
    for (let i = 0; i < 2 * SIGN_IN_PER_ADDRESS.max + 2; i++) {
      const r = await auth("/sign-in/email", { email: `nobody-${i}@example.com`, password: "wrong-password-1" }, address);
      results.push(r);
      if (r.status === 429) break;
      assert.equal(r.status, 401, r.text);
    }
    const elapsedMs = Date.now() - started;
    const passed = results.filter((r) => r.status === 401);
    figures.signInPerAddress = {
      max: SIGN_IN_PER_ADDRESS.max,
      passedBefore429: passed.length,
      elapsedMs,
      byInstance: upstreamsOf(results),
    };
    assert.equal(results.at(-1).status, 429, `statuses: ${results.map((r) => r.status)}`);
    assert.ok(Number(results.at(-1).headers.get("x-retry-after")) > 0, "Better Auth's 429 says when to retry");
    assert.equal(Object.keys(upstreamsOf(results)).length, 2, "both web instances answered");
    // Exactly the limit within one window (a healthy run takes about a second); a run slower than
    // the window may have started a new one.
    if (elapsedMs < SIGN_IN_PER_ADDRESS.windowMs) assert.equal(passed.length, SIGN_IN_PER_ADDRESS.max);
    else assert.ok(passed.length <= SIGN_IN_PER_ADDRESS.max * (1 + Math.floor(elapsedMs / SIGN_IN_PER_ADDRESS.windowMs)));
  });

  test("the per-recipient mail limit holds across both web instances", async () => {
    const email = `mail-${crypto.randomBytes(4).toString("hex")}@example.com`;
    // The sign-up's confirmation mail is the first; then resets and confirmations, alternately.
    const asked = [await auth("/sign-up/email", { email, password: PASSWORD, name: "Mail Limit" })];
    for (let i = 0; i < app.mailMax + 1; i++) {
      asked.push(
        i % 2 === 0
          ? await auth("/request-password-reset", { email, redirectTo: "/en/reset-password" })
          : await auth("/send-verification-email", { email }),
      );
    }
    for (const r of asked) assert.equal(r.status, 200, r.text);
    const askedOn = asked.map(instanceOf);
    assert.equal(new Set(askedOn).size, 2, "mails were asked for on both web instances");

    // Mails go out after the answer: wait until every request has been decided (the mails within
    // the limit arrived, each refusal logged), then count. Nothing else sends to this address.
    const refusals = () =>
      system.webs.map((web) => web.proc.output().split(`mail to ${email} not sent: over the per-recipient limit`).length - 1);
    const sum = (a) => a.reduce((n, x) => n + x, 0);
    const deadline = Date.now() + 60_000;
    const received = () => system.smtp.messages.filter((m) => m.envelopeTo.includes(email));
    while ((received().length < app.mailMax || sum(refusals()) < asked.length - app.mailMax) && Date.now() < deadline) {
      await delay(50);
    }
    figures.mailLimit = {
      max: app.mailMax,
      asked: asked.length,
      askedByInstance: countBy(askedOn, (u) => u),
      delivered: received().length,
      refusedByInstance: Object.fromEntries(system.webs.map((web, i) => [web.name, refusals()[i]])),
    };
    assert.equal(received().length, app.mailMax, `${app.mailMax} mails delivered: ${received().map((m) => m.subject)}`);
    assert.equal(sum(refusals()), asked.length - app.mailMax, "every mail past the limit was refused");
  });

  test("the sign-in back-off counts failures made on either web instance", async () => {
    const email = `backoff-${crypto.randomBytes(4).toString("hex")}@example.com`;
    assert.equal((await auth("/sign-up/email", { email, password: PASSWORD, name: "Back Off" })).status, 200);
    // Each attempt from a fresh address: only the per-account back-off can refuse it.
    const attempts = [];
    for (let i = 0; i < 2 * app.FREE_ATTEMPTS + 2; i++) {
      const r = await auth("/sign-in/email", { email, password: `wrong-password-${i}` });
      attempts.push(r);
      if (r.status === 429) break;
      assert.equal(r.status, 401, r.text);
    }
    const counted = attempts.filter((r) => r.status === 401);
    const refused = attempts.at(-1);
    const [row] = (await system.pg.sql(`select attempts from "signInThrottle" where key = '${app.throttleKey(email)}'`))
      .trim()
      .split("\n");
    figures.signInBackOff = {
      freeAttempts: app.FREE_ATTEMPTS,
      firstRefusedAttempt: attempts.length,
      byInstance: upstreamsOf(attempts),
      storedAttempts: Number(row),
      retryAfter: refused.headers?.get("retry-after"),
    };
    assert.equal(refused.status, 429, `statuses: ${attempts.map((r) => r.status)}`);
    assert.ok(Number(refused.headers.get("retry-after")) >= 1, "the 429 says when to retry");
    assert.equal(Object.keys(upstreamsOf(counted)).length, 2, "both instances counted failures");
    assert.ok(counted.length >= app.FREE_ATTEMPTS, `the first ${app.FREE_ATTEMPTS} attempts are free`);
    assert.equal(Number(row), counted.length, "one row counted every attempt, whichever instance took it");
    // An attempt past the free ones passes only once the back-off after the one before it is over
    // (on a healthy machine: none does, the 6th is refused).
    for (let k = app.FREE_ATTEMPTS; k < counted.length; k++) {
      const waitedMs = counted[k].ended - counted[k - 1].started;
      assert.ok(
        waitedMs >= app.backoffSeconds(k) * 1000,
        `attempt ${k + 1} passed ${waitedMs} ms after attempt ${k}, within its ${app.backoffSeconds(k)} s back-off`,
      );
    }
  });

  test("live updates fan out: a stream on one API instance gets what is written through the other", async () => {
    const [a, b] = system.apis;
    const directions = [
      [a, b],
      [b, a],
    ];
    const latencies = [];
    for (const [streamOn, writeOn] of directions) {
      // A user per direction: each stays well inside the per-user limit above (1 stream + 4 writes).
      const user = `live-${crypto.randomBytes(4).toString("hex")}`;
      const token = hs256Token(secret, user);
      const stream = await openStream(`${streamOn.url}/api/${user}/events`, token);
      try {
        for (let i = 0; i < 4; i++) {
          const started = Date.now();
          const created = await call(`${writeOn.url}/api/${user}/tasks`, { method: "POST", token, body: { title: `t${i}` } });
          assert.equal(created.status, 201, created.text);
          const arrived = await stream.arrival(created.json.id, STALE_BOUND_MS);
          assert.ok(
            arrived !== undefined,
            `task ${created.json.id}, written through ${writeOn.port}, reached the stream on ${streamOn.port}`,
          );
          latencies.push(arrived - started);
        }
      } finally {
        await stream.stop();
      }
    }
    const sorted = [...latencies].sort((x, y) => x - y);
    figures.liveFanOut = {
      writes: latencies.length,
      msFromWriteToOtherInstanceStream: { min: sorted[0], median: sorted[Math.floor(sorted.length / 2)], max: sorted.at(-1) },
      within1s: latencies.filter((ms) => ms <= 1000).length,
    };
  });
});

/** An event stream (fetch, as the web app's client); arrival(id) resolves with when task `id`'s upsert came, or undefined after `ms`. */
async function openStream(url, token) {
  const controller = new AbortController();
  const res = await fetch(url, {
    headers: { Authorization: `Bearer ${token}`, Accept: "text/event-stream" },
    signal: controller.signal,
  });
  assert.equal(res.status, 200, `${url}: ${res.status}`);
  const arrivals = new Map();
  const waiting = new Set();
  const reading = (async () => {
    const decoder = new TextDecoder();
    let buffer = "";
    let block = {};
    for await (const chunk of res.body) {
      buffer += decoder.decode(chunk, { stream: true });
      let end;
      while ((end = buffer.indexOf("\n")) >= 0) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 1);
        if (line === "") {
          if (block.event === "task" && block.data) {
            const { op, id } = JSON.parse(block.data);
            if (op === "upsert" && !arrivals.has(id)) arrivals.set(id, Date.now());
            for (const w of waiting) w();
          }
          block = {};
        } else if (!line.startsWith(":")) {
          const colon = line.indexOf(":");
          block[line.slice(0, colon)] = line.slice(colon + 1).replace(/^ /, "");
        }
      }
    }
  })().catch(() => {}); // aborted by stop()
  return {
    async arrival(id, ms) {
      const deadline = Date.now() + ms;
      while (!arrivals.has(id) && Date.now() < deadline) {
        await new Promise((resolve) => {
          const wake = () => (waiting.delete(wake), clearTimeout(timer), resolve());
          const timer = setTimeout(wake, deadline - Date.now());
          waiting.add(wake);
        });
      }
      return arrivals.get(id);
    },
    async stop() {
      controller.abort();
      await reading;
    },
  };
}
