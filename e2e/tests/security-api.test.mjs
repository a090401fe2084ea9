// The API and local-run findings of the security probe, checked on the real system as a person
// runs it (./run.sh on a fresh data directory): metrics only on the loopback management port,
// the embedded PostgreSQL refusing a wrong password and listening on 127.0.0.1 only, Tomcat's
// own error pages carrying the API's security headers, (issue 21, 7) a data directory that is
// the owner's only, with no working link in any log file; and the API never holds Better Auth's
// secret, so HS256 tokens signed with it (the email-verification link among them) are no access tokens.
// Uses run.sh's fixed ports: run it under the shared lock, e.g.
//   flock /tmp/tasks-ports.lock node --test --test-concurrency=1 --test-timeout=900000 tests/security-api.test.mjs
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import net from "node:net";
import path from "node:path";
import { after, before, test } from "node:test";
import { execFileSync } from "node:child_process";
import { decodeJwt, tokenMinter } from "../support/jwt.mjs";
import { AuthClient } from "../support/auth-http.mjs";
import { ROOT_DIR } from "../support/processes.mjs";
import { API_URL, embeddedPostgresPassword, PORTS, startSystem, WEB_URL } from "../support/system.mjs";
import { eventually } from "../support/tasks-page.mjs";

const MANAGEMENT_PORT = PORTS.management;
const POSTGRES_PORT = PORTS.postgres;
const API_PORT = Number(new URL(API_URL).port);

// Set in the shell that runs ./run.sh: run.sh must still not hand it to the API (SPEC 1.1).
const SHELL_HS256_SECRET = "an-hs256-secret-in-the-callers-shell-0123456789";

let system;
before(async () => {
  // Better Auth's per-address limits (3 sign-ins/sign-ups per 10 s, all from 127.0.0.1 here) are
  // security-web's subject; the sign-ups and dev-token runs of this file would trip them.
  system = await startSystem({ env: { BETTER_AUTH_HS256_SECRET: SHELL_HS256_SECRET, AUTH_RATE_LIMIT: "off" } });
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

/** The environment of the running API process of this system (its jar lives under the data dir). */
function apiEnvironment() {
  const ps = execFileSync("ps", ["-eo", "pid=,args="], { encoding: "utf8" });
  const line = ps.split("\n").find((l) => l.includes(`${system.dataDir}/api/`) && l.includes("java") && l.includes("-jar"));
  assert.ok(line, "the API process is found");
  const pid = line.trim().split(/\s+/)[0];
  return keyValues(readFileSync(`/proc/${pid}/environ`, "utf8").split("\0"));
}

/** `NAME=value` entries (an environment, a script's output) as an object; empty entries skipped. */
function keyValues(entries) {
  return Object.fromEntries(entries.filter(Boolean).map((kv) => [kv.slice(0, kv.indexOf("=")), kv.slice(kv.indexOf("=") + 1)]));
}

test("run.sh gives the API neither Better Auth's secret nor an HS256 secret, even one set in its shell", () => {
  const env = apiEnvironment();
  assert.equal(env.BETTER_AUTH_SECRET, undefined);
  assert.equal(env.BETTER_AUTH_HS256_SECRET, undefined);
  assert.equal(env.BETTER_AUTH_SESSION_CHECK, undefined, "the API's default applies: required");
});

test("HS256 tokens signed with Better Auth's secret, the email-verification link's shape included, get 401", async () => {
  const secretLine = readFileSync(path.join(system.dataDir, "secrets.env"), "utf8")
    .split("\n")
    .find((l) => l.startsWith("BETTER_AUTH_SECRET="));
  const secret = secretLine.slice("BETTER_AUTH_SECRET=".length).trim();
  const { hs256Token } = tokenMinter(system.web);
  const now = Math.floor(Date.now() / 1000);
  const tokens = {
    // What Better Auth's createEmailVerificationToken signs: email + userId, 24 h, no sub.
    "verification link": hs256Token(secret, undefined, {
      sub: undefined,
      iss: undefined,
      aud: undefined,
      email: "v@example.com",
      userId: "u1",
      exp: now + 86_400,
    }),
    "access-token shape with sub": hs256Token(secret, "u1"),
    "signed with the shell's HS256 secret": hs256Token(SHELL_HS256_SECRET, "u1"),
  };
  assert.equal(decodeJwt(tokens["verification link"]).payload.sub, undefined);
  for (const [label, token] of Object.entries(tokens)) {
    for (const [method, pathname] of [
      ["GET", "/api/me"],
      ["POST", "/api/u1/tasks"],
    ]) {
      const res = await fetch(`${API_URL}${pathname}`, {
        method,
        headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
        body: method === "POST" ? JSON.stringify({ title: "from a mail link" }) : undefined,
      });
      assert.equal(res.status, 401, `${label}: ${method} ${pathname}`);
    }
  }
});

test("scripts/dev-token (the README's curl walk-through) gets a real EdDSA token with a session the API accepts", async () => {
  /** The script's TOKEN= and USER_ID= lines, as `eval` would set them. */
  const run = () =>
    keyValues(
      execFileSync(
        path.join(ROOT_DIR, "scripts", "dev-token"),
        ["curl-walk@example.com", "a long enough password", "--name", "Curl"],
        {
          encoding: "utf8",
          env: { ...process.env, BETTER_AUTH_URL: system.web },
        },
      ).split("\n"),
    );
  const vars = run();
  const { header, payload } = decodeJwt(vars.TOKEN);
  assert.equal(header.alg, "EdDSA");
  assert.equal(payload.sub, vars.USER_ID);
  assert.ok(payload.sid, "the token names its session");
  const headers = { Authorization: `Bearer ${vars.TOKEN}`, "Content-Type": "application/json" };
  const me = await fetch(`${API_URL}/api/me`, { headers });
  assert.equal(me.status, 200);
  assert.equal((await me.json()).id, vars.USER_ID);
  const created = await fetch(`${API_URL}/api/${vars.USER_ID}/tasks`, {
    method: "POST",
    headers,
    body: JSON.stringify({ title: "Buy milk" }),
  });
  assert.equal(created.status, 201);
  // A second run signs in to the same account (no second sign-up).
  const again = run();
  assert.equal(again.USER_ID, vars.USER_ID);
});

test("the README's curl walk-through runs as written and answers what its comments say", () => {
  const readme = readFileSync(path.join(ROOT_DIR, "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("## Try the API with curl"));
  const script = section.slice(
    section.indexOf("```bash\n") + "```bash\n".length,
    section.indexOf("\n```", section.indexOf("```bash\n")),
  );
  const out = execFileSync("bash", ["-c", script], {
    cwd: ROOT_DIR,
    encoding: "utf8",
    env: { ...process.env, PORT_WEB: new URL(system.web).port, PORT_API: String(API_PORT) },
  });
  assert.match(out, /"email":"alice@example.com"/, "GET /api/me");
  assert.match(out, /X-Total-Count: 1/i, "the list counts the new task");
  assert.match(out, /"completed":true/, "PATCH …/complete");
  assert.match(out, /"title":"Buy oat milk"/, "PUT");
  assert.match(out, /"status":"deleted","task_id":\d+/, "DELETE");
  // curl -si prints the status line right after the previous command's body (no newline between).
  const statusLines = out.match(/HTTP\/1\.1 \d{3}/g);
  assert.deepEqual(statusLines.slice(-3), ["HTTP/1.1 401", "HTTP/1.1 403", "HTTP/1.1 404"], out);
  assert.match(out, /"status":422/, "the empty title");
});

test("a second ./run.sh stops at once, naming each busy port and the variable that moves it", () => {
  let failure;
  try {
    execFileSync(path.join(ROOT_DIR, "run.sh"), [], {
      encoding: "utf8",
      env: {
        ...process.env,
        TASKS_DATA_DIR: path.join(system.dataDir, "second-run"),
        DATABASE_URL: "",
        MANAGEMENT_SERVER_PORT: String(PORTS.management),
        PORT_WEB: String(PORTS.web),
        PORT_API: String(PORTS.api),
        EMBEDDED_POSTGRES_PORT: String(PORTS.postgres),
      },
      stdio: "pipe",
      timeout: 30_000,
    });
  } catch (err) {
    failure = err;
  }
  assert.ok(failure, "it did not start");
  assert.equal(failure.status, 1);
  for (const variable of ["PORT_WEB", "PORT_API", "MANAGEMENT_SERVER_PORT", "EMBEDDED_POSTGRES_PORT"]) {
    assert.match(failure.stderr, new RegExp(`move it with ${variable}=<port>`));
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
