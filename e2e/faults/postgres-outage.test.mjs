// PostgreSQL stopped in the middle of a write load, then started again: the API answers 503 with
// Retry-After quickly (nothing hangs), /health/ready follows the database while /health stays 200,
// writes succeed again without restarting the API, and every write that got a 201 is stored.
import assert from "node:assert/strict";
import crypto from "node:crypto";
import { after, test } from "node:test";
import { call, countBy, delay, hs256Token, load, outcome, report, startApi, startPostgres } from "./harness.mjs";

const CLIENTS = 8;
const OUTAGE_MS = 10_000;
/** "Quickly": the pool waits 3 s for a connection, the driver 3 s to connect. A hang is far longer. */
const OUTAGE_LATENCY_BOUND_MS = 15_000;

let pg;
let api;
after(async () => {
  await api?.stop();
  await pg?.destroy();
});

test(
  "PostgreSQL stopped mid-load: quick 503s, readiness follows, recovery without restart, no acknowledged write lost",
  { timeout: 900_000 },
  async () => {
    const secret = crypto.randomBytes(32).toString("hex");
    pg = await startPostgres("outage");
    api = await startApi("outage-api", { databaseUrl: pg.url, secret });

    const users = Array.from({ length: CLIENTS }, (_, i) => `outage-${i}-${crypto.randomBytes(4).toString("hex")}`);
    const tokens = users.map((u) => hs256Token(secret, u));
    const writes = load(CLIENTS, async (client, i) => {
      const r = await call(`${api.url}/api/${users[client]}/tasks`, {
        method: "POST",
        token: tokens[client],
        body: { title: `task ${client}-${i}` },
      });
      return { ...r, id: r.status === 201 ? r.json?.id : undefined, retryAfter: r.headers?.get("retry-after") };
    });

    await delay(3000);
    const healthyWrites = writes.results.filter((r) => r.status === 201).length;
    assert.ok(healthyWrites > 0, `no write succeeded before the outage: ${JSON.stringify(countBy(writes.results, outcome))}`);

    const stopAt = Date.now();
    await pg.stop("fast");
    const stoppedAt = Date.now();
    const probes = [];
    while (Date.now() - stoppedAt < OUTAGE_MS) {
      const [ready, live] = await Promise.all([call(`${api.url}/health/ready`), call(`${api.url}/health`)]);
      probes.push({
        ready: ready.status,
        readyRetryAfter: ready.headers?.get("retry-after"),
        live: live.status,
        readyMs: ready.ms,
      });
      await delay(1000);
    }
    const startAt = Date.now();
    await pg.start();
    const startedAt = Date.now();

    // Recovery, with the same API process: wait (bounded) for 20 successful writes after the restart.
    const recoveryDeadline = Date.now() + 120_000;
    while (writes.results.filter((r) => r.started > startedAt && r.status === 201).length < 20 && Date.now() < recoveryDeadline) {
      await delay(250);
    }
    const results = await writes.stop();
    const readyAfter = await call(`${api.url}/health/ready`);

    // What happened while PostgreSQL was down (requests started after the stop began and done before it was back).
    const during = results.filter((r) => r.started >= stoppedAt && r.ended <= startAt);
    const atStop = results.filter((r) => r.started < stopAt && r.ended > stopAt);
    const afterRestart = results.filter((r) => r.started > startedAt);
    const firstRecovered = afterRestart.find((r) => r.status === 201);
    const acknowledged = results.filter((r) => r.status === 201).map((r) => r.id);
    const found = new Set(
      (await pg.sql(`select id from tasks.tasks where user_id in (${users.map((u) => `'${u}'`).join(",")})`))
        .split("\n")
        .filter(Boolean)
        .map(Number),
    );
    const lost = acknowledged.filter((id) => !found.has(id));
    const figures = {
      requests: results.length,
      outcomes: countBy(results, outcome),
      inFlightAtStop: countBy(atStop, outcome),
      duringOutage: {
        requests: during.length,
        outcomes: countBy(during, outcome),
        maxMs: Math.max(0, ...during.map((r) => r.ms)),
        medianMs: median(during.map((r) => r.ms)),
      },
      maxLatencyMsAnyRequest: Math.max(...results.map((r) => r.ms)),
      probes: {
        ready: countBy(probes, (p) => p.ready),
        live: countBy(probes, (p) => p.live),
        readyMaxMs: Math.max(...probes.map((p) => p.readyMs)),
      },
      stopTookMs: stoppedAt - stopAt,
      firstWriteAfterRestartMs: firstRecovered ? firstRecovered.ended - startedAt : null,
      acknowledged: acknowledged.length,
      found: found.size,
      lost: lost.length,
      storedButNotAcknowledged: found.size - acknowledged.filter((id) => found.has(id)).length,
    };
    report("postgres-outage", figures);

    assert.ok(during.length > 0, "no request ran during the outage");
    assert.deepEqual(lost, [], `writes acknowledged with 201 but missing from the database: ${lost.join(", ")}`);
    assert.equal(new Set(acknowledged).size, acknowledged.length, "two 201s carried the same id");
    for (const r of results) {
      assert.ok(
        r.status === 201 || r.status === 503,
        `every write is either stored (201) or refused for now (503), got ${outcome(r)} after ${r.ms} ms`,
      );
      if (r.status === 503) assert.match(r.retryAfter ?? "", /^\d+$/, "a 503 carries Retry-After");
    }
    assert.ok(
      during.every((r) => r.status === 503),
      `writes during the outage: ${JSON.stringify(countBy(during, outcome))}`,
    );
    assert.ok(
      figures.duringOutage.maxMs < OUTAGE_LATENCY_BOUND_MS,
      `a request waited ${figures.duringOutage.maxMs} ms during the outage`,
    );
    assert.ok(figures.maxLatencyMsAnyRequest < OUTAGE_LATENCY_BOUND_MS, `a request waited ${figures.maxLatencyMsAnyRequest} ms`);
    assert.ok(
      probes.every((p) => p.live === 200),
      "/health stays 200 while the database is down",
    );
    assert.ok(
      probes.slice(1).every((p) => p.ready === 503 && /^\d+$/.test(p.readyRetryAfter ?? "")),
      `/health/ready during the outage: ${JSON.stringify(probes)}`,
    );
    assert.ok(
      firstRecovered,
      `no write succeeded within 120 s of PostgreSQL's restart: ${JSON.stringify(countBy(afterRestart, outcome))}`,
    );
    assert.equal(readyAfter.status, 200, "/health/ready is 200 again");
    assert.ok(api.proc.alive(), "the API process was not restarted");
  },
);

function median(values) {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}
