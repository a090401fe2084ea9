// The API and local-run findings of the security probe, checked on the real system as a person
// runs it (./run.sh on a fresh data directory): metrics only on the loopback management port,
// the embedded PostgreSQL refusing a wrong password and listening on 127.0.0.1 only, Tomcat's
// own error pages carrying the API's security headers, and (issue 21, 7) a data directory that is
// the owner's only, with no working link in any log file.
// Uses run.sh's fixed ports: run it under the shared lock, e.g.
//   flock /tmp/tasks-ports.lock node --test --test-concurrency=1 --test-timeout=900000 tests/security-api.test.mjs
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import net from "node:net";
import path from "node:path";
import { after, before, test } from "node:test";
import { AuthClient } from "../support/auth-http.mjs";
import { ROOT_DIR } from "../support/processes.mjs";
import { API_URL, embeddedPostgresPassword, startSystem, WEB_URL } from "../support/system.mjs";
import { eventually } from "../support/tasks-page.mjs";

const MANAGEMENT_PORT = 8081;
const POSTGRES_PORT = 15432;
const API_PORT = Number(new URL(API_URL).port);

let system;
before(async () => {
  system = await startSystem();
});
after(async () => {
  await system?.stop();
});

/** A connection attempt: "connected", or the error code (ECONNREFUSED, …). */
function connect(host, port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port, timeout: 5000 });
    socket.once("connect", () => {
      socket.destroy();
      resolve("connected");
    });
    socket.once("timeout", () => {
      socket.destroy();
      resolve("timeout");
    });
    socket.once("error", (err) => resolve(err.code));
  });
}

/** The local addresses with a listening TCP socket on `port`, from /proc/net/tcp and tcp6 (Linux). */
function listeningAddresses(port) {
  const found = [];
  for (const [file, v6] of [
    ["/proc/net/tcp", false],
    ["/proc/net/tcp6", true],
  ]) {
    let text;
    try {
      text = readFileSync(file, "utf8");
    } catch {
      continue;
    }
    for (const line of text.trim().split("\n").slice(1)) {
      const [, local, , state] = line.trim().split(/\s+/);
      const [hex, hexPort] = local.split(":");
      if (state !== "0A" || parseInt(hexPort, 16) !== port) continue; // 0A = LISTEN
      found.push(v6 ? hexToIpv6(hex) : hexToIpv4(hex));
    }
  }
  return found;
}
const hexToIpv4 = (hex) =>
  hex
    .match(/../g)
    .reverse()
    .map((b) => parseInt(b, 16))
    .join(".");
function hexToIpv6(hex) {
  // four 32-bit words, each in host (little-endian) byte order
  const bytes = hex
    .toLowerCase()
    .match(/.{8}/g)
    .flatMap((word) => word.match(/../g).reverse());
  // Java binds an IPv4 address through an IPv6 socket: ::ffff:127.0.0.1 is 127.0.0.1
  if (bytes.slice(0, 10).every((b) => b === "00") && bytes[10] === "ff" && bytes[11] === "ff") {
    return bytes
      .slice(12)
      .map((b) => parseInt(b, 16))
      .join(".");
  }
  const groups = [];
  for (let i = 0; i < 16; i += 2) groups.push(parseInt(bytes[i] + bytes[i + 1], 16).toString(16));
  return groups.join(":").replace(/(^|:)0(:0)+(:|$)/, "::");
}

/** Sends raw bytes and returns the status and headers of the answer. */
function rawRequest(port, text) {
  return new Promise((resolve, reject) => {
    let answer = "";
    const socket = net.connect({ host: "127.0.0.1", port });
    socket.setEncoding("latin1");
    socket.on("data", (chunk) => (answer += chunk));
    socket.on("error", reject);
    socket.on("close", () => {
      const [head, ...body] = answer.split("\r\n\r\n");
      const [statusLine, ...lines] = head.split("\r\n");
      const headers = Object.fromEntries(
        lines.map((l) => [l.slice(0, l.indexOf(":")).toLowerCase(), l.slice(l.indexOf(":") + 1).trim()]),
      );
      resolve({ status: Number(statusLine.split(" ")[1]), headers, body: body.join("\r\n\r\n") });
    });
    socket.end(text);
  });
}

/** Node's pg (the driver Better Auth uses), from the frontend's node_modules. */
async function pgClient(password) {
  const { Client } = createRequire(path.join(ROOT_DIR, "frontend", "package.json"))("pg");
  const client = new Client({
    host: "127.0.0.1",
    port: POSTGRES_PORT,
    user: "postgres",
    database: "tasks",
    password,
    connectionTimeoutMillis: 5000,
  });
  await client.connect();
  return client;
}

test("metrics are not on the API's port: /actuator/** is a 404 problem there, with or without a token", async () => {
  for (const p of ["/actuator/prometheus", "/actuator/metrics", "/actuator/health", "/actuator"]) {
    const res = await fetch(`${API_URL}${p}`);
    assert.equal(res.status, 404, p);
    assert.match(res.headers.get("content-type") ?? "", /^application\/problem\+json/, p);
    assert.doesNotMatch(await res.text(), /jvm_info|http_server_requests/, p);
  }
});

test("metrics are on the management port, which listens on 127.0.0.1 only", async () => {
  const res = await fetch(`http://127.0.0.1:${MANAGEMENT_PORT}/actuator/prometheus`);
  assert.equal(res.status, 200);
  assert.match(await res.text(), /better_auth_token_verifications_total/);
  assert.deepEqual(listeningAddresses(MANAGEMENT_PORT), ["127.0.0.1"]);
  // the control: the API's own port is open on every address
  assert.notDeepEqual(listeningAddresses(API_PORT), ["127.0.0.1"]);
  assert.equal(await connect("::1", MANAGEMENT_PORT), "ECONNREFUSED");
});

test("the embedded PostgreSQL refuses a wrong password and takes the generated one", async () => {
  const password = embeddedPostgresPassword(system.dataDir);
  assert.match(password, /^[0-9a-f]{48}$/);
  for (const wrong of ["wrong-password", "postgres", ""]) {
    await assert.rejects(pgClient(wrong), (err) => {
      assert.match(`${err.code} ${err.message}`, /28P01|password/, `password "${wrong}"`);
      return true;
    });
  }
  assert.equal(system.databaseUrl, `postgresql://postgres:${password}@127.0.0.1:${POSTGRES_PORT}/tasks`);
  const client = await pgClient(password);
  try {
    const { rows } = await client.query(`select current_user as who, (select count(*) from public."user")::int as users`);
    assert.equal(rows[0].who, "postgres");
    assert.equal(typeof rows[0].users, "number"); // the web app migrated its tables into this database with the password
  } finally {
    await client.end();
  }
});

test("the embedded PostgreSQL listens on 127.0.0.1 only, with no Unix socket", async () => {
  assert.deepEqual(listeningAddresses(POSTGRES_PORT), ["127.0.0.1"]);
  assert.equal(await connect("::1", POSTGRES_PORT), "ECONNREFUSED");
  const client = await pgClient(embeddedPostgresPassword(system.dataDir));
  try {
    assert.equal((await client.query("show unix_socket_directories")).rows[0].unix_socket_directories, "");
    assert.equal((await client.query("show listen_addresses")).rows[0].listen_addresses, "127.0.0.1");
  } finally {
    await client.end();
  }
});

test("requests Tomcat refuses before Spring get nosniff, no-store and a request id like every other answer", async () => {
  for (const request of [
    "GET /% HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
    "GET /health HTTP/1.1\r\nHost: localhost\r\nBad Header: x\r\nConnection: close\r\n\r\n",
  ]) {
    const res = await rawRequest(API_PORT, request);
    const what = request.split("\r\n")[0];
    assert.equal(res.status, 400, what);
    assert.match(res.headers["content-type"] ?? "", /^application\/problem\+json/, what);
    assert.equal(res.headers["x-content-type-options"], "nosniff", what);
    assert.match(res.headers["cache-control"] ?? "", /no-store/, what);
    assert.match(res.headers["x-request-id"] ?? "", /^[0-9a-f-]{36}$/, what);
  }
  for (const [url, status] of [
    [`${API_URL}/api/me`, 401],
    [`${API_URL}/nowhere`, 401],
    [`${API_URL}/actuator/env`, 404],
  ]) {
    const res = await fetch(url);
    assert.equal(res.status, status, url);
    assert.equal(res.headers.get("x-content-type-options"), "nosniff", url);
    assert.match(res.headers.get("cache-control") ?? "", /no-store/, url);
  }
});

/** Every folder and file under `dir` (not following links), with its permission bits. */
function modesUnder(dir) {
  const found = [{ path: dir, dir: true, mode: statSync(dir).mode & 0o777 }];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...modesUnder(p));
    else if (entry.isFile()) found.push({ path: p, dir: false, mode: statSync(p).mode & 0o777 });
  }
  return found;
}

test("the data directory is the owner's only: folders 0700, files 0600 or tighter (logs, secrets, outbox, the API's data)", async () => {
  // Mail first, so the outbox exists too.
  const client = new AuthClient(WEB_URL);
  await client.signUp({ email: "perms@example.com", password: "correct-horse-battery-9", name: "Perms" });
  await eventually(() => assert.ok(readdirSync(path.join(system.dataDir, "outbox")).some((f) => f.endsWith(".json"))));
  const all = modesUnder(system.dataDir);
  const rel = (p) => path.relative(system.dataDir, p) || ".";
  for (const must of ["logs/web.log", "logs/api.log", "secrets.env", "outbox", "postgres", "api"]) {
    assert.ok(
      all.some((e) => rel(e.path) === must),
      `${must} exists`,
    );
  }
  const open = all.filter((e) => e.mode & 0o077).map((e) => `${rel(e.path)} ${e.mode.toString(8)}`);
  assert.deepEqual(open, [], "nothing in the data directory is readable by group or others");
  assert.equal(all[0].mode, 0o700);
});

test("a local run's reset and confirmation links never reach a log file: the console line names the outbox file", async () => {
  const email = "links@example.com";
  const client = new AuthClient(WEB_URL);
  await client.signUp({ email, password: "correct-horse-battery-9", name: "Links" });
  await new AuthClient(WEB_URL).ok("/request-password-reset", { email, redirectTo: "/en/reset-password" });
  const outbox = path.join(system.dataDir, "outbox");
  const mails = await eventually(() => {
    const found = readdirSync(outbox)
      .filter((f) => f.endsWith(".json"))
      .map((f) => ({ file: f, ...JSON.parse(readFileSync(path.join(outbox, f), "utf8")) }))
      .filter((m) => m.to === email);
    assert.equal(found.length, 2, JSON.stringify(found.map((m) => m.subject)));
    return found;
  });
  const tokens = mails.map((m) => {
    const link = new URL(m.link);
    return link.searchParams.get("token") ?? link.pathname.split("/").at(-1);
  });
  for (const m of mails) {
    await eventually(() =>
      assert.ok(
        system.proc
          .output()
          .includes(`mail to ${email}: ${m.subject} — in ${path.join(outbox, m.file.replace(/\.json$/, ".eml"))}`),
      ),
    );
  }
  const logs = readdirSync(path.join(system.dataDir, "logs")).map((f) => [
    f,
    readFileSync(path.join(system.dataDir, "logs", f), "utf8"),
  ]);
  for (const [file, text] of [...logs, ["run.sh's terminal output", system.proc.output()]]) {
    for (const token of tokens) assert.ok(!text.includes(token), `${file} holds a working link's token`);
    assert.doesNotMatch(text, /\/api\/auth\/(reset-password\/|verify-email\?token=)/, `${file} holds a link`);
  }
});
