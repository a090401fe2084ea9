// SPEC 1.8 under a crash: two API instances behind nginx on one PostgreSQL, SSE clients streaming
// their users' events through nginx while tasks are created; one instance is killed with SIGKILL.
// Its clients' streams break, they reconnect through nginx (which now reaches only the survivor)
// with Last-Event-ID, and every task whose creation was acknowledged reaches its user's client as
// an event: nothing is missed, because the stream resumes from the change log, not from memory.
import assert from "node:assert/strict";
import crypto from "node:crypto";
import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { after, test } from "node:test";
import {
  OUT_DIR,
  call,
  delay,
  freePort,
  hs256Token,
  nginxBinary,
  nginxProxyConfig,
  openDir,
  report,
  startApi,
  startGroup,
  startPostgres,
  stopGroup,
  tempDir,
  waitForHttp,
} from "./harness.mjs";

const CLIENTS = 8;
const BEFORE_KILL_MS = 4000;
const AFTER_KILL_MS = 6000;
const CATCH_UP_MS = 60_000;

let pg;
const apis = [];
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
    name: "live-failover",
    http: [`access_log ${path.join(OUT_DIR, "live-failover-nginx-access.log")};`],
    // Longer than the stream's 15 s keep-alive comment; the API's X-Accel-Buffering: no turns buffering off.
    location: ["proxy_read_timeout 60s;"],
  });
}

/** An SSE client as the web app's (fetch, reconnect with Last-Event-ID); records task ids and upstreams. */
function streamClient(url, token) {
  const client = { seen: new Set(), upstreams: [], connections: 0, stopped: false, lastId: undefined };
  let controller;
  client.done = (async () => {
    while (!client.stopped) {
      controller = new AbortController();
      try {
        const headers = { Authorization: `Bearer ${token}`, Accept: "text/event-stream" };
        if (client.lastId !== undefined) headers["Last-Event-ID"] = client.lastId;
        const res = await fetch(url, { headers, signal: controller.signal });
        if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
        client.connections++;
        client.upstreams.push(res.headers.get("x-upstream") ?? ""); // "a, b" when nginx tried the dead one first
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
              if (block.id !== undefined) client.lastId = block.id;
              if (block.event === "task" && block.data) {
                const { op, id } = JSON.parse(block.data);
                if (op === "upsert") client.seen.add(id);
              }
              block = {};
            } else if (!line.startsWith(":")) {
              const colon = line.indexOf(":");
              block[line.slice(0, colon)] = line.slice(colon + 1).replace(/^ /, "");
            }
          }
        }
      } catch {
        // broken (the instance died) or stopped: reconnect below
      }
      if (!client.stopped) await delay(200);
    }
  })();
  client.stop = async () => {
    client.stopped = true;
    controller?.abort();
    await client.done;
  };
  return client;
}

test(
  "one of two instances behind nginx killed: its streams reconnect to the other and miss nothing",
  { timeout: 900_000 },
  async () => {
    const secret = crypto.randomBytes(32).toString("hex");
    pg = await startPostgres("live-failover");
    apis.push(await startApi("live-failover-api-a", { databaseUrl: pg.url, secret }));
    apis.push(await startApi("live-failover-api-b", { databaseUrl: pg.url, secret }));
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
      "live-failover-nginx",
      nginxBinary(),
      ["-e", path.join(dir, "error.log"), "-p", dir, "-c", path.join(dir, "nginx.conf")],
      {
        outDir: OUT_DIR,
      },
    );
    const lb = `http://127.0.0.1:${port}`;
    await waitForHttp(`${lb}/health/ready`, 30_000, nginx);

    const users = Array.from({ length: CLIENTS }, (_, i) => `live-${i}-${crypto.randomBytes(4).toString("hex")}`);
    const tokens = users.map((u) => hs256Token(secret, u));
    const clients = users.map((u, i) => streamClient(`${lb}/api/${u}/events`, tokens[i]));
    const acknowledged = users.map(() => []);
    let writing = true;
    // Writes go to the survivor directly: this test is about the streams, not the writes' failover.
    const writers = users.map(async (u, i) => {
      for (let n = 0; writing; n++) {
        const r = await call(`${survivor.url}/api/${u}/tasks`, { method: "POST", token: tokens[i], body: { title: `t${n}` } });
        if (r.status === 201) acknowledged[i].push(r.json.id);
        await delay(100);
      }
    });

    await delay(BEFORE_KILL_MS);
    const victimAddress = `127.0.0.1:${victim.port}`;
    const onVictim = clients.filter((c) => c.upstreams.at(-1) === victimAddress).length;
    victim.proc.signal("SIGKILL");
    await victim.proc.exited;
    await delay(AFTER_KILL_MS);
    writing = false;
    await Promise.all(writers);

    // Every acknowledged task reaches its user's client (the generous bound only ends a failing run).
    const missing = () => clients.map((c, i) => acknowledged[i].filter((id) => !c.seen.has(id)));
    const deadline = Date.now() + CATCH_UP_MS;
    while (missing().some((m) => m.length) && Date.now() < deadline) await delay(200);
    const stillMissing = missing();
    await Promise.all(clients.map((c) => c.stop()));

    report("live-failover", {
      clients: CLIENTS,
      streamsOnTheVictimAtTheKill: onVictim,
      reconnections: clients.reduce((n, c) => n + c.connections - 1, 0),
      writesAcknowledged: acknowledged.reduce((n, a) => n + a.length, 0),
      missed: stillMissing.reduce((n, m) => n + m.length, 0),
    });
    assert.ok(onVictim > 0, "some streams were on the killed instance");
    assert.ok(
      clients.every((c) => c.upstreams.at(-1).split(", ").at(-1) === `127.0.0.1:${survivor.port}`),
      "every client ends up on the survivor",
    );
    assert.deepEqual(
      stillMissing.map((m) => m.length),
      users.map(() => 0),
      "every acknowledged task reached its user's stream",
    );
  },
);
