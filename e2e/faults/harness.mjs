// What the fault tests start and break: a PostgreSQL server the test owns (Debian's binaries,
// run as the unprivileged `postgres` user when we are root), task-api instances from the jar,
// nginx, HS256/EdDSA tokens, and a load generator that records every request's outcome.
// Node built-ins only. Processes come from ../support/processes.mjs: every child runs in its own
// process group and is killed when this process exits for any reason, so a failing test leaves
// nothing running.
import { spawn, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { delay, freePort, javaHome, startGroup, stopGroup, taskApiJar, timeout, waitForHttp } from "../support/processes.mjs";
import { tokenMinter } from "../support/jwt.mjs";
import { SYSTEM_ENV } from "../support/system.mjs";
import { startTaskApi } from "../support/task-api.mjs";

export const FAULTS_DIR = path.dirname(fileURLToPath(import.meta.url));
export const ROOT_DIR = path.resolve(FAULTS_DIR, "..", "..");
export const OUT_DIR = path.join(FAULTS_DIR, "out");
/** Starting a JVM on a busy 2-core CI machine can take a while: generous, but bounded. */
export const START_TIMEOUT_MS = Number(process.env.FAULTS_START_TIMEOUT_MS || 300_000);
/** A request that takes longer than this has hung: no server-side wait in the API is this long. */
export const HANG_MS = 60_000;

// Processes, ports, the JDK and the API jar come from the e2e suites' own helpers.
export { delay, freePort, javaHome, startGroup, stopGroup, taskApiJar, timeout, waitForHttp };

/** Runs a command to completion (blocking: only for set-up, never while a load runs). */
export function runSync(command, args, { env = {}, timeoutMs = 120_000 } = {}) {
  const r = spawnSync(command, args, { env: { ...process.env, ...env }, encoding: "utf8", timeout: timeoutMs });
  if (r.status !== 0) {
    throw new Error(`${command} ${args.join(" ")} failed (${r.status ?? r.signal ?? r.error}):\n${r.stdout}\n${r.stderr}`);
  }
  return r.stdout;
}

/** Runs a command to completion without blocking the event loop (the load keeps running). */
export function run(command, args, { env = {}, cwd, timeoutMs = 120_000 } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (c) => (out += c));
    child.stderr.on("data", (c) => (err += c));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.once("error", (e) => (clearTimeout(timer), reject(e)));
    child.once("close", (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(out);
      else reject(new Error(`${command} ${args.join(" ")} failed (${code ?? signal}):\n${out}\n${err}`));
    });
  });
}

export function tempDir(prefix) {
  return mkdtempSync(path.join(os.tmpdir(), `tasks-faults-${prefix}-`));
}

// ---- PostgreSQL ----------------------------------------------------------------------------

const isRoot = process.getuid?.() === 0;

/** Debian's PostgreSQL server binaries (package postgresql-NN), or PG_BIN. */
export function postgresBin() {
  const candidates = [];
  if (process.env.PG_BIN) candidates.push(process.env.PG_BIN);
  if (existsSync("/usr/lib/postgresql")) {
    const versions = readdirSync("/usr/lib/postgresql")
      .filter((v) => /^\d+$/.test(v))
      .sort((a, b) => b - a);
    candidates.push(...versions.map((v) => `/usr/lib/postgresql/${v}/bin`));
  }
  const bin = candidates.find((dir) => ["initdb", "pg_ctl", "postgres", "psql"].every((f) => existsSync(path.join(dir, f))));
  if (!bin) {
    throw new Error(
      "No PostgreSQL server binaries (initdb, pg_ctl, postgres, psql) found: install Debian's `postgresql` package or set PG_BIN",
    );
  }
  return bin;
}

/**
 * A PostgreSQL server in `dir`, with password (SCRAM) authentication, so that DATABASE_URL
 * carries a real password the log test can look for. PostgreSQL refuses to run as root: then
 * it runs as `postgres` (Debian's package creates that user).
 */
export async function startPostgres(name) {
  const bin = postgresBin();
  // initdb's helpers write to /dev/null as `postgres`; a clobbered /dev/null (a root-owned regular
  // file, left by some tool running as root) makes initdb fail with an obscure message.
  if (!statSync("/dev/null").isCharacterDevice())
    throw new Error("/dev/null is not a device on this machine (something replaced it): initdb cannot run");
  const dir = tempDir(name);
  const data = path.join(dir, "data");
  const port = await freePort();
  const password = `pg-${crypto.randomBytes(12).toString("hex")}`;
  const asOwner = (tool, args, opts) =>
    isRoot
      ? run("runuser", ["-u", "postgres", "--", path.join(bin, tool), ...args], opts)
      : run(path.join(bin, tool), args, opts);
  if (isRoot) {
    const { uid, gid } = postgresUser();
    chownSync(dir, uid, gid);
  }
  const pwfile = path.join(dir, "pwfile");
  writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
  if (isRoot) chownSync(pwfile, postgresUser().uid, postgresUser().gid);
  try {
    await asOwner("initdb", [
      "-D",
      data,
      "-U",
      "postgres",
      "--auth=scram-sha-256",
      `--pwfile=${pwfile}`,
      "-E",
      "UTF8",
      "--no-sync",
    ]);
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  rmSync(pwfile);
  const logFile = path.join(dir, "postgres.log");
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=60 -c fsync=off`;
  const pg = {
    name,
    dir,
    port,
    password,
    url: `postgresql://postgres:${password}@127.0.0.1:${port}/postgres`,
    start() {
      return asOwner("pg_ctl", ["start", "-w", "-t", "120", "-D", data, "-l", logFile, "-o", options], { timeoutMs: 180_000 });
    },
    /** `fast`: clients are disconnected, open transactions rolled back, a clean shutdown. */
    stop(mode = "fast") {
      return asOwner("pg_ctl", ["stop", "-w", "-t", "120", "-m", mode, "-D", data], { timeoutMs: 180_000 });
    },
    /** Runs SQL with psql and returns its unaligned, tuples-only output. */
    sql(statement) {
      return run(
        path.join(bin, "psql"),
        [
          "-X",
          "-A",
          "-t",
          "-v",
          "ON_ERROR_STOP=1",
          "-h",
          "127.0.0.1",
          "-p",
          String(port),
          "-U",
          "postgres",
          "-d",
          "postgres",
          "-c",
          statement,
        ],
        {
          env: { PGPASSWORD: password, PGCONNECT_TIMEOUT: "10" },
        },
      );
    },
    /** A psql session kept open (for holding a lock): send(sql), then close(). */
    session() {
      const psql = startGroup(
        `${name}-psql`,
        path.join(bin, "psql"),
        ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p", String(port), "-U", "postgres", "-d", "postgres"],
        { env: { PGPASSWORD: password }, stdin: "pipe", outDir: OUT_DIR },
      );
      return {
        send: (text) => psql.child.stdin.write(`${text}\n`),
        output: psql.output,
        async close() {
          psql.child.stdin.end("\\q\n");
          await Promise.race([psql.exited, timeout(10_000)]);
          await stopGroup(psql, 0);
        },
      };
    },
    async destroy() {
      try {
        await asOwner("pg_ctl", ["stop", "-w", "-t", "60", "-m", "immediate", "-D", data], { timeoutMs: 90_000 });
      } catch {
        // not running
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
  try {
    await pg.start();
  } catch (err) {
    await pg.destroy();
    throw err;
  }
  return pg;
}

function postgresUser() {
  const line = runSync("getent", ["passwd", "postgres"]).trim();
  const [, , uid, gid] = line.split(":");
  return { uid: Number(uid), gid: Number(gid) };
}

// ---- the task API --------------------------------------------------------------------------

export const AUTH_URL = "http://127.0.0.1:9"; // iss/aud of the tokens; nothing listens there

/**
 * Starts task-api from its jar against `databaseUrl`, metrics on, and waits until /health/ready
 * is 200. Rate limits are off unless `env` says otherwise: these tests measure faults, not limits.
 */
export async function startApi(name, { databaseUrl, secret, env = {}, javaOptions = [] } = {}) {
  const api = await startTaskApi({
    name,
    betterAuthUrl: AUTH_URL,
    metrics: true,
    javaOptions: ["-Xmx512m", ...javaOptions],
    startTimeoutMs: START_TIMEOUT_MS,
    outDir: OUT_DIR,
    maxOutput: Infinity, // the log tests read all of it, by offset
    env: {
      DATABASE_URL: databaseUrl,
      ...(secret ? { BETTER_AUTH_HS256_SECRET: secret } : {}),
      RATE_LIMIT_USER_RPS: "0",
      RATE_LIMIT_IP_RPS: "0",
      ...env,
    },
  });
  return { ...api, url: `http://127.0.0.1:${api.port}` };
}

// ---- the web app ---------------------------------------------------------------------------

export const FRONTEND_DIR = path.join(ROOT_DIR, "frontend");
/** What a change of makes a new production build necessary: run.sh's list. */
const WEB_SOURCES = [
  "app",
  "lib",
  "components",
  "proxy.ts",
  "preload.mjs",
  "next.config.ts",
  "package.json",
  "package-lock.json",
  "tsconfig.json",
];

/**
 * The web app's production build (frontend/.next), as run.sh leaves it (./test.sh's e2e step runs
 * run.sh first). A missing build, or one older than a source it is made from, fails with the
 * command that makes it: a test of yesterday's build would prove nothing about today's code.
 */
export function checkWebBuild() {
  const buildId = path.join(FRONTEND_DIR, ".next", "BUILD_ID");
  const rebuild = "build it with:\n  cd frontend && npm ci --no-audit --no-fund && npm run build";
  if (!existsSync(buildId)) throw new Error(`frontend/.next has no production build; ${rebuild}`);
  const built = statSync(buildId).mtimeMs;
  const newer = (p) => {
    if (!existsSync(p)) return null;
    const s = statSync(p);
    if (!s.isDirectory()) return s.mtimeMs > built ? p : null;
    for (const entry of readdirSync(p)) {
      const found = newer(path.join(p, entry));
      if (found) return found;
    }
    return null;
  };
  for (const source of WEB_SOURCES) {
    const found = newer(path.join(FRONTEND_DIR, source));
    if (found) throw new Error(`frontend/.next is older than ${path.relative(ROOT_DIR, found)}; ${rebuild}`);
  }
}

/** Better Auth's tables in `env.DATABASE_URL`, as run.sh makes them before the web app starts. */
export function migrateWeb(env) {
  return run(process.execPath, ["scripts/migrate-if-needed.mjs"], { cwd: FRONTEND_DIR, env: webEnv(env), timeoutMs: 180_000 });
}

/** run.sh's environment for the web app: nothing from the caller's shell, only `env`. */
function webEnv(env) {
  const clean = { ...process.env };
  for (const key of SYSTEM_ENV) delete clean[key];
  return { ...clean, ...env };
}

/**
 * One Next.js server of the production build (`npm start`'s command: preload.mjs, then next start)
 * on a free port, waiting until Better Auth answers /api/auth/ok. Several may run from one build.
 */
export async function startWeb(name, { env }) {
  const port = await freePort();
  const proc = startGroup(
    name,
    process.execPath,
    ["--import", "./preload.mjs", "node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"],
    { cwd: FRONTEND_DIR, env: webEnv(env), unset: SYSTEM_ENV, outDir: OUT_DIR, maxOutput: Infinity },
  );
  const web = { name, port, url: `http://127.0.0.1:${port}`, proc, stop: (graceMs = 10_000) => stopGroup(proc, graceMs) };
  try {
    await waitForHttp(`${web.url}/api/auth/ok`, START_TIMEOUT_MS, proc);
  } catch (err) {
    await web.stop(5000);
    throw err;
  }
  return web;
}

// ---- tokens --------------------------------------------------------------------------------

/** HS256 tokens signed with a secret, and Ed25519 keys that sign EdDSA tokens: see ../support/jwt.mjs. */
export const { hs256Token, ed25519Key } = tokenMinter(AUTH_URL);

/** A JWKS endpoint serving `keys` (a live array); counts its fetches. */
export async function startJwks(keys) {
  const port = await freePort();
  const jwks = { fetches: 0, url: `http://127.0.0.1:${port}/api/auth/jwks` };
  const server = http.createServer((req, res) => {
    jwks.fetches++;
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ keys: keys.map((k) => k.jwk) }));
  });
  await new Promise((resolve) => server.listen(port, "127.0.0.1", resolve));
  jwks.close = () => new Promise((resolve) => (server.closeAllConnections?.(), server.close(resolve)));
  return jwks;
}

// ---- requests and load ---------------------------------------------------------------------

/**
 * One request, timed. Never throws: a network failure is recorded as `error` (the undici cause
 * code when there is one: ECONNRESET, ECONNREFUSED, UND_ERR_SOCKET, ...), a hang as `timeout`.
 */
export async function call(url, { method = "GET", token, body, headers = {}, timeoutMs = HANG_MS } = {}) {
  const started = Date.now();
  const init = {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined ? { "content-type": "application/json" } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    signal: AbortSignal.timeout(timeoutMs),
  };
  try {
    const res = await fetch(url, init);
    const text = await res.text();
    let json;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { started, ended: Date.now(), ms: Date.now() - started, status: res.status, headers: res.headers, json, text };
  } catch (err) {
    const timeout = err.name === "TimeoutError" || err.name === "AbortError";
    const code = timeout ? "timeout" : err.cause?.code || err.cause?.name || err.code || err.name;
    return { started, ended: Date.now(), ms: Date.now() - started, status: 0, error: code };
  }
}

/**
 * Runs `clients` loops of `step(client, iteration)` (each returns a `call` result plus whatever
 * it adds) until stop() is called. Returns { results, stop() → Promise<results> }.
 */
export function load(clients, step) {
  const results = [];
  let running = true;
  const loops = Array.from({ length: clients }, async (_, client) => {
    for (let i = 0; running; i++) {
      results.push(await step(client, i));
    }
  });
  return {
    results,
    async stop() {
      running = false;
      await Promise.all(loops);
      return results;
    },
  };
}

/** Counts by a key function, for reports: { "201": 812, "503": 40 }. */
export function countBy(items, key) {
  const counts = {};
  for (const item of items) {
    const k = String(key(item));
    counts[k] = (counts[k] || 0) + 1;
  }
  return counts;
}

export const outcome = (r) => (r.status ? r.status : r.error);

/** Appends a line to out/figures.txt (and prints it): the numbers docs/SECURITY.md quotes. */
export function report(test, figures) {
  mkdirSync(OUT_DIR, { recursive: true });
  const line = `${new Date().toISOString()} ${test}: ${JSON.stringify(figures)}`;
  console.log(line);
  writeFileSync(path.join(OUT_DIR, "figures.txt"), `${line}\n`, { flag: "a" });
}

export function nginxBinary() {
  for (const candidate of [process.env.NGINX, "/usr/sbin/nginx", "/usr/bin/nginx"]) {
    if (candidate && existsSync(candidate)) return candidate;
  }
  throw new Error("nginx not found: install Debian's nginx-light (.ci/run does) or set NGINX");
}

/**
 * nginx in front of task-API instances (the failover tests): one upstream, where one failure takes an
 * instance out of rotation for 5 s (then nginx probes it again with a real request), retried once on
 * the other. `name` names the logs in out/; `upstream` the upstream group (in logs); `http`, `server`
 * and `location` add each test's directives.
 */
export function nginxProxyConfig({ dir, port, upstreams, name, upstream = "task_api", http = [], server = [], location = [] }) {
  const lines = (indent, directives) => directives.map((d) => `${indent}${d}\n`).join("");
  return `
worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${path.join(OUT_DIR, `${name}-nginx-error.log`)} info;
events { worker_connections 1024; }
http {
${lines("  ", http)}  client_body_temp_path ${openDir(path.join(dir, "client_body"))};
  proxy_temp_path ${openDir(path.join(dir, "proxy"))};
  fastcgi_temp_path ${openDir(path.join(dir, "fastcgi"))};
  uwsgi_temp_path ${openDir(path.join(dir, "uwsgi"))};
  scgi_temp_path ${openDir(path.join(dir, "scgi"))};
  upstream ${upstream} {
${upstreams.map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=5s;`).join("\n")}
  }
  server {
    listen 127.0.0.1:${port};
${lines("    ", server)}    location / {
      proxy_pass http://${upstream};
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host; # not the upstream's name: Tomcat refuses "task_api" (an underscore) with 400
      proxy_connect_timeout 2s;
${lines("      ", location)}      proxy_next_upstream error timeout http_502 http_503;
      proxy_next_upstream_tries 2;
      add_header X-Upstream $upstream_addr always;
    }
  }
}
`;
}

/** Makes a directory usable by nginx's unprivileged workers. */
export function openDir(dir) {
  mkdirSync(dir, { recursive: true });
  chmodSync(dir, 0o777);
  return dir;
}
