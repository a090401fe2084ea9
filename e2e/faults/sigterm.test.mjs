// SIGTERM while requests are in flight: first a drain (SHUTDOWN_DRAIN_MS, 1 s by default: still
// serving, readiness 503, every answer with Connection: close), then Spring's graceful shutdown
// lets every request the API had accepted finish (201, stored), refuses new connections, and the
// JVM exits by itself within the graceful timeout (spring.lifecycle.timeout-per-shutdown-phase=20s).
// Without the drain, a read sent on a kept-alive connection just as Tomcat paused was closed
// unanswered (CI saw two reads started before the signal fail that way).
//
// To have requests that are certainly inside the API when the signal arrives, the test holds an
// EXCLUSIVE lock on the tasks table: inserts wait for it (reads do not), so N creates sit in the
// API, each holding a pooled connection, until the test commits. The signal is sent meanwhile.
import assert from "node:assert/strict";
import crypto from "node:crypto";
import { after, test } from "node:test";
import { call, countBy, delay, hs256Token, load, outcome, report, startApi, startPostgres, timeout } from "./harness.mjs";

const BLOCKED = 6; // below the pool's 16 connections, so the readers still get one
const READERS = 4;
const HOLD_AFTER_SIGNAL_MS = 3000;
const GRACE_MS = 20_000; // the API's spring.lifecycle.timeout-per-shutdown-phase

let pg;
let api;
let lock;
after(async () => {
  await lock?.close();
  await api?.stop(5000);
  await pg?.destroy();
});

test("SIGTERM during load: accepted requests finish, then the process exits by itself", { timeout: 900_000 }, async () => {
  const secret = crypto.randomBytes(32).toString("hex");
  pg = await startPostgres("sigterm");
  api = await startApi("sigterm-api", { databaseUrl: pg.url, secret });
  const user = `sigterm-${crypto.randomBytes(4).toString("hex")}`;
  const token = hs256Token(secret, user);
  const tasksUrl = `${api.url}/api/${user}/tasks`;
  const warm = await call(tasksUrl, { method: "POST", token, body: { title: "before the lock" } });
  assert.equal(warm.status, 201, warm.text);

  // A steady read load that keeps going through the signal.
  const reads = load(READERS, async () => {
    const r = await call(`${tasksUrl}?limit=5`, { token });
    if (r.status === 0) await delay(50); // refused once the server is gone: do not spin
    return r;
  });

  lock = pg.session();
  lock.send("begin; lock table tasks.tasks in exclusive mode; select 'locked';");
  await waitFor(
    () => lock.output().includes("locked"),
    30_000,
    () => `lock not taken: ${lock.output()}`,
  );

  const blocked = Array.from({ length: BLOCKED }, (_, i) =>
    call(tasksUrl, { method: "POST", token, body: { title: `in flight ${i}` } }),
  );
  // Proof that they are inside the API: their inserts wait on the lock in PostgreSQL.
  await waitFor(
    async () =>
      Number(
        await pg.sql(
          "select count(*) from pg_stat_activity where wait_event_type = 'Lock' and query ilike 'insert into tasks.tasks%'",
        ),
      ) === BLOCKED,
    60_000,
    async () =>
      `inserts waiting: ${await pg.sql("select wait_event_type, wait_event, left(query, 60) from pg_stat_activity where datname = 'postgres'")}`,
  );

  const signalAt = Date.now();
  api.proc.signal("SIGTERM");
  // Readiness turns 503 while the API still answers (the drain), before the connector stops.
  const readiness = [];
  for (let i = 0; i < 250; i++) {
    const r = await call(`${api.url}/health/ready`, { timeoutMs: 5_000 });
    readiness.push(outcome(r));
    if (r.status !== 200) break;
    await delay(20);
  }
  await delay(Math.max(0, HOLD_AFTER_SIGNAL_MS - (Date.now() - signalAt)));
  const aliveWhileInFlight = api.proc.alive();
  const afterSignal = await call(`${api.url}/health`, { timeoutMs: 10_000 }); // a new connection, after the signal
  lock.send("commit;");

  const finished = await Promise.all(blocked);
  const exit = await Promise.race([api.proc.exited, timeout(GRACE_MS + 30_000, null)]);
  const readResults = await reads.stop();
  const found = Number(await pg.sql(`select count(*) from tasks.tasks where user_id = '${user}' and title like 'in flight %'`));

  const readsBefore = readResults.filter((r) => r.ended <= signalAt);
  const readsAcross = readResults.filter((r) => r.started < signalAt && r.ended > signalAt);
  const readsAfter = readResults.filter((r) => r.started >= signalAt);
  const figures = {
    inFlightAtSignal: BLOCKED,
    inFlightOutcomes: countBy(finished, outcome),
    inFlightStored: found,
    aliveWhileInFlight,
    readinessAfterSignal: countBy(readiness, (o) => o),
    newConnectionAfterSignal: outcome(afterSignal),
    exit: exit && {
      code: exit.code,
      signal: exit.signal,
      msAfterSignal: exit.at - signalAt,
      msAfterLastRequestDone: exit.at - Math.max(...finished.map((r) => r.ended)),
    },
    reads: {
      before: countBy(readsBefore, outcome),
      acrossSignal: countBy(readsAcross, outcome),
      afterSignal: countBy(readsAfter, outcome),
    },
  };
  report("sigterm", figures);

  assert.ok(aliveWhileInFlight, "the API exited while requests were still in flight");
  assert.equal(readiness.at(-1), 503, `readiness after SIGTERM: ${JSON.stringify(readiness)}`);
  assert.ok(
    readsAfter.some((r) => r.status === 200),
    `reads sent after the signal are served during the drain: ${JSON.stringify(figures.reads)}`,
  );
  assert.deepEqual(countBy(finished, outcome), { 201: BLOCKED }, "every request in flight at SIGTERM finished with 201");
  assert.equal(found, BLOCKED, "every in-flight write is stored");
  assert.notEqual(afterSignal.status, 200, "a new connection after SIGTERM is not served");
  assert.ok(exit, `the API did not exit within ${(GRACE_MS + 30_000) / 1000} s of SIGTERM`);
  // The JVM reports death by SIGTERM as 128 + 15 after running its shutdown hooks (Spring's graceful shutdown among them).
  assert.ok(exit.code === 143 || exit.code === 0, `exit code ${exit.code} signal ${exit.signal}`);
  assert.ok(
    readResults.every((r) => r.status !== 0 || r.started >= signalAt),
    "no read started before the signal failed at the network level",
  );
  assert.ok(
    readResults.every((r) => r.status === 0 || r.status === 200),
    `reads: ${JSON.stringify(figures.reads)}`,
  );
  assert.ok(
    readResults.every((r) => r.error !== "timeout"),
    "no read hung",
  );
});

async function waitFor(condition, timeoutMs, describe) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out: ${await describe()}`);
    await delay(200);
  }
}
