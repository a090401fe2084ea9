// Two API instances behind nginx, sharing one PostgreSQL: one is killed with SIGKILL in the middle
// of a mixed load; the other keeps serving. Reports how many requests failed out of the total.
//
// nginx retries on the other instance (proxy_next_upstream error timeout http_502 http_503) for
// idempotent requests always, and for POST/PATCH only when the request never reached the dead
// instance (connection refused). `non_idempotent` is deliberately NOT enabled: a POST that reached
// the instance before it died may have been committed, and replaying it elsewhere would create a
// second task. So the only requests allowed to fail are the non-idempotent ones in flight on the
// killed instance at the moment it died: at most one per client. (A GET can fail too, rarely: when
// the instance dies after nginx has passed its response headers on, nginx cannot retry and cuts
// the response short.)
import assert from "node:assert/strict";
import crypto from "node:crypto";
import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { after, test } from "node:test";
import {
  OUT_DIR,
  call,
  countBy,
  delay,
  freePort,
  hs256Token,
  load,
  nginxBinary,
  nginxProxyConfig,
  openDir,
  outcome,
  report,
  startApi,
  startPostgres,
  startGroup,
  stopGroup,
  tempDir,
  waitForHttp,
} from "./harness.mjs";

const CLIENTS = 8;
const BEFORE_KILL_MS = 5000;
const AFTER_KILL_MS = 8000;

let pg;
let apis = [];
let nginx;
let dir;
after(async () => {
  await stopGroup(nginx, 5000);
  if (dir) rmSync(dir, { recursive: true, force: true });
  for (const api of apis) await api.stop(10_000);
  await pg?.destroy();
});

function nginxConfig(dir, port, upstreams) {
  return nginxProxyConfig({
    dir,
    port,
    upstreams,
    name: "failover",
    http: [
      "log_format upstream '$request_id $request $status $upstream_addr $upstream_status $request_time';",
      `access_log ${path.join(OUT_DIR, "failover-nginx-access.log")} upstream;`,
    ],
    server: ["client_max_body_size 2m;  # the API answers 413 itself above 1 MiB, with a problem body"],
    location: [
      "proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;",
      "proxy_set_header X-Request-Id $request_id;",
      "proxy_read_timeout 30s;",
      "proxy_next_upstream_timeout 10s;",
    ],
  });
}

test(
  "one of two instances behind nginx killed mid-load: the other keeps serving, few requests fail",
  { timeout: 900_000 },
  async () => {
    const secret = crypto.randomBytes(32).toString("hex");
    pg = await startPostgres("failover");
    const env = { TRUSTED_PROXIES: "127.0.0.1/32" };
    // One after the other: both run Flyway at start-up (it locks, but the machine is small).
    apis.push(await startApi("failover-api-a", { databaseUrl: pg.url, secret, env }));
    apis.push(await startApi("failover-api-b", { databaseUrl: pg.url, secret, env }));
    const [victim, survivor] = apis;

    dir = openDir(tempDir("nginx"));
    const port = await freePort();
    writeFileSync(
      path.join(dir, "nginx.conf"),
      nginxConfig(
        dir,
        port,
        apis.map((a) => a.port),
      ),
    );
    nginx = startGroup(
      "failover-nginx",
      nginxBinary(),
      ["-e", path.join(dir, "error.log"), "-p", dir, "-c", path.join(dir, "nginx.conf")],
      { outDir: OUT_DIR },
    );
    const lb = `http://127.0.0.1:${port}`;
    await waitForHttp(`${lb}/health/ready`, 30_000, nginx);

    const users = Array.from({ length: CLIENTS }, (_, i) => `failover-${i}-${crypto.randomBytes(4).toString("hex")}`);
    const tokens = users.map((u) => hs256Token(secret, u));
    const traffic = load(CLIENTS, async (client, i) => {
      const tasks = `${lb}/api/${users[client]}/tasks`;
      const r =
        i % 2 === 0
          ? {
              method: "POST",
              title: `task ${client}-${i}`,
              ...(await call(tasks, { method: "POST", token: tokens[client], body: { title: `task ${client}-${i}` } })),
            }
          : { method: "GET", ...(await call(`${tasks}?limit=5`, { token: tokens[client] })) };
      return { ...r, upstream: r.headers?.get("x-upstream") ?? "" };
    });

    await delay(BEFORE_KILL_MS);
    const killAt = Date.now();
    victim.proc.signal("SIGKILL");
    const deadAt = (await victim.proc.exited).at;
    await delay(AFTER_KILL_MS);
    const results = await traffic.stop();
    const survivorReady = await call(`${survivor.url}/health/ready`);

    const ok = (r) => r.status >= 200 && r.status < 300;
    const failed = results.filter((r) => !ok(r));
    const inFlightAtKill = (r) => r.started <= deadAt && r.ended >= killAt;
    const afterKill = results.filter((r) => r.started > killAt + 1000);
    const acknowledged = results.filter((r) => r.method === "POST" && r.status === 201).map((r) => r.json.id);
    const rows = (await pg.sql(`select id, title from tasks.tasks where user_id in (${users.map((u) => `'${u}'`).join(",")})`))
      .split("\n")
      .filter(Boolean)
      .map((line) => line.split("|"));
    const found = new Set(rows.map(([id]) => Number(id)));
    const titles = countBy(rows, ([, title]) => title);
    const duplicates = Object.entries(titles).filter(([, n]) => n > 1);
    const lost = acknowledged.filter((id) => !found.has(id));
    const victimAddress = `127.0.0.1:${victim.port}`;
    const figures = {
      requests: results.length,
      failed: failed.length,
      failedByMethod: countBy(failed, (r) => `${r.method} ${outcome(r)}`),
      outcomes: countBy(results, outcome),
      retriedOnTheOther: results.filter((r) => r.upstream.includes(",")).length,
      afterKill: {
        requests: afterKill.length,
        ok: afterKill.filter(ok).length,
        servedByVictim: afterKill.filter((r) => r.upstream.split(", ").at(-1) === victimAddress).length,
      },
      maxLatencyMs: Math.max(...results.map((r) => r.ms)),
      writesAcknowledged: acknowledged.length,
      writesFound: found.size,
      lost: lost.length,
      storedButNotAcknowledged: found.size - acknowledged.filter((id) => found.has(id)).length,
      duplicateTitles: duplicates.length,
    };
    report("nginx-failover", figures);

    assert.ok(
      results.filter((r) => r.ended < killAt).some((r) => r.upstream === victimAddress),
      "the victim served requests before it was killed",
    );
    assert.ok(
      afterKill.length > 0 && afterKill.every(ok),
      `after the kill every request is served by the survivor: ${JSON.stringify(countBy(afterKill, outcome))}`,
    );
    assert.equal(survivorReady.status, 200);
    // The bound: only POSTs in flight on the victim when it died, at most one per client. Without
    // failover (no proxy_next_upstream, or no second instance) every request routed to the victim
    // would fail: hundreds.
    assert.ok(
      failed.every(inFlightAtKill),
      `only requests in flight when the victim died may fail: ${JSON.stringify(failed.filter((r) => !inFlightAtKill(r)).map((r) => [r.method, outcome(r), r.started - killAt]))}`,
    );
    assert.ok(failed.length <= CLIENTS, `${failed.length} failed requests (bound ${CLIENTS})`);
    assert.deepEqual(lost, [], "every acknowledged write is stored");
    assert.deepEqual(duplicates, [], "no write was replayed onto the other instance");
    assert.ok(
      results.every((r) => r.error !== "timeout"),
      "no request hung",
    );
  },
);
