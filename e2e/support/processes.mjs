// Starting and stopping the servers the tests need. Every child runs in its own process group
// (detached), so stopping it stops whatever it started too (run.sh → java, npm → next).
// Groups are also stopped when this test process ends for any reason (failure, Ctrl-C, kill),
// and so is an embedded PostgreSQL left in one of our temp data directories: it runs in a
// session of its own, outside the API's process group.
import { spawn } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const E2E_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const ROOT_DIR = path.resolve(E2E_DIR, "..");
export const OUT_DIR = path.join(E2E_DIR, "out");

const live = new Set();
const dataDirs = new Set();

function killGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

const hasExited = (child) => child.exitCode !== null || child.signalCode !== null;

/** SIGTERM to the child's whole group, SIGKILL after `graceMs`; resolves once the leader has exited. */
async function stopChild(child, graceMs) {
  if (!hasExited(child)) {
    const exited = new Promise((resolve) => child.once("exit", resolve));
    killGroup(child, "SIGTERM");
    const timer = setTimeout(() => killGroup(child, "SIGKILL"), graceMs);
    await exited;
    clearTimeout(timer);
  }
  // The group may still hold children that outlived the leader: finish them too.
  killGroup(child, "SIGKILL");
}

/** A fresh temp directory for an embedded PostgreSQL, cleaned up however this process ends. */
export function tempDataDir(prefix) {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  dataDirs.add(dir);
  return dir;
}

/** Stops a PostgreSQL still running in `dir` (see stopEmbeddedPostgres) and deletes `dir`. */
export function removeDataDir(dir) {
  stopEmbeddedPostgres(dir);
  rmSync(dir, { recursive: true, force: true });
  dataDirs.delete(dir);
}

// Last resort, synchronous: nothing we started outlives us.
process.once("exit", () => {
  for (const child of live) killGroup(child, "SIGKILL");
  for (const dir of dataDirs) removeDataDir(dir);
});
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.once(signal, async () => {
    // Let the API stop its PostgreSQL itself if it can; the exit handler does the rest.
    await Promise.all([...live].map((child) => stopChild(child, 15_000)));
    process.exit(130);
  });
}

/**
 * Spawns `command` in a new process group with its output teed to `outDir`/<name>.log; its
 * environment is ours, less `unset`, plus `env`. `stdin: "pipe"` keeps its input open (a psql
 * session); the output kept in memory is cut to its last half once it passes `maxOutput`.
 * Returns { child, name, logFile, output(), tail(), alive(), signal(), waitForOutput(),
 * exited (promise of { code, signal, at }), drained (output fully written) }.
 */
export function startGroup(
  name,
  command,
  args,
  { cwd = ROOT_DIR, env = {}, unset = [], outDir = OUT_DIR, stdin = "ignore", maxOutput = 2_000_000 } = {},
) {
  mkdirSync(outDir, { recursive: true });
  const logFile = path.join(outDir, `${name}.log`);
  const log = createWriteStream(logFile);
  const childEnv = { ...process.env };
  for (const key of unset) delete childEnv[key];
  const child = spawn(command, args, {
    cwd,
    env: { ...childEnv, ...env },
    detached: true,
    stdio: [stdin, "pipe", "pipe"],
  });
  live.add(child);
  let text = "";
  const listeners = new Set();
  const onData = (chunk) => {
    text += chunk.toString();
    if (text.length > maxOutput) text = text.slice(-maxOutput / 2);
    log.write(chunk);
    for (const l of listeners) l(text);
  };
  child.stdout.on("data", onData);
  child.stderr.on("data", onData);
  const exited = new Promise((resolve) => {
    child.once("exit", (code, signal) => {
      live.delete(child);
      resolve({ code, signal, at: Date.now() });
    });
  });
  // 'exit' can fire before the pipes are drained: wait for both, so output() is complete.
  const drained = Promise.all([
    new Promise((r) => child.stdout.once("close", r)),
    new Promise((r) => child.stderr.once("close", r)),
  ]).then(() => new Promise((r) => log.end(r)));
  const proc = {
    name,
    child,
    logFile,
    exited,
    drained,
    output: () => text,
    tail: (lines = 40) => text.split("\n").slice(-lines).join("\n"),
    alive: () => !hasExited(child),
    signal: (sig) => killGroup(child, sig),
    /** Resolves when the output matches `pattern`; rejects when the process exits first or time runs out. */
    waitForOutput(pattern, timeoutMs) {
      return new Promise((resolve, reject) => {
        const check = (all) => {
          const m = all.match(pattern);
          if (m) {
            done();
            resolve(m);
          }
        };
        const timer = setTimeout(() => {
          done();
          reject(new Error(`${name}: no line matching ${pattern} within ${timeoutMs / 1000}s; last output:\n${proc.tail()}`));
        }, timeoutMs);
        const done = () => {
          clearTimeout(timer);
          listeners.delete(check);
        };
        listeners.add(check);
        exited.then(({ code, signal }) => {
          if (!listeners.has(check)) return;
          done();
          reject(new Error(`${name} exited (${code ?? signal}) before printing ${pattern}; last output:\n${proc.tail()}`));
        });
        check(text);
      });
    },
  };
  return proc;
}

/** SIGTERM to the whole group, SIGKILL after `graceMs`; resolves once the leader has exited and its output is written. */
export async function stopGroup(proc, graceMs = 30_000) {
  if (!proc) return;
  await stopChild(proc.child, graceMs);
  await Promise.race([proc.drained, timeout(5000)]);
}

/**
 * The embedded PostgreSQL runs as its own daemon; the API stops it on SIGTERM, except when it
 * was killed or stopped during start-up. Then the postmaster recorded in our own data
 * directory is stopped here (SIGQUIT: immediate shutdown; the directory is deleted next).
 */
function stopEmbeddedPostgres(dataDir) {
  const pidFile = path.join(dataDir, "postgres", "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  if (!Number.isInteger(pid) || pid <= 1) return;
  try {
    process.kill(pid, "SIGQUIT");
  } catch {
    // not running
  }
}

export const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
/** For Promise.race bounds: a timer that does not keep the test process alive once the race is won. */
export const timeout = (ms, value) => new Promise((resolve) => setTimeout(() => resolve(value), ms).unref());

/** True when something accepts connections on localhost:port (IPv4 or IPv6). */
export async function portInUse(port) {
  const tryConnect = (host) =>
    new Promise((resolve) => {
      const socket = net.connect({ host, port });
      socket.setTimeout(1000);
      socket.once("connect", () => {
        socket.destroy();
        resolve(true);
      });
      socket.once("timeout", () => {
        socket.destroy();
        resolve(false);
      });
      socket.once("error", () => resolve(false));
    });
  return (await tryConnect("127.0.0.1")) || (await tryConnect("::1"));
}

/** A TCP port that is free right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Polls `url` until it answers 2xx, the process exits, or time runs out. */
export async function waitForHttp(url, timeoutMs, proc) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
      if (res.ok) return;
    } catch {
      // not up yet
    }
    if (proc && (proc.child.exitCode !== null || proc.child.signalCode !== null)) {
      throw new Error(`${proc.name} exited while waiting for ${url}; last output:\n${proc.tail()}`);
    }
    if (Date.now() > deadline) {
      throw new Error(
        `${url} did not answer within ${timeoutMs / 1000}s${proc ? `; last output of ${proc.name}:\n${proc.tail()}` : ""}`,
      );
    }
    await delay(250);
  }
}

/** TASK_API_JAR, else the Java API jar built by Maven (`mvnw package`); fails with the command to build it. */
export function taskApiJar() {
  if (process.env.TASK_API_JAR) return process.env.TASK_API_JAR;
  const dir = path.join(ROOT_DIR, "backend", "task-api", "target");
  const jar = existsSync(dir)
    ? readdirSyncSafe(dir).find((f) => /^task-api-.*\.jar$/.test(f) && !f.endsWith(".original"))
    : undefined;
  if (!jar) {
    throw new Error(
      "backend/task-api/target/task-api-*.jar is missing; build it with:\n" +
        "  cd backend && JAVA_HOME=$(../scripts/java-home.sh) ./mvnw -q -B -DskipTests -pl task-api -am package",
    );
  }
  return path.join(dir, jar);
}

function readdirSyncSafe(dir) {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

let cachedJavaHome;
/** JAVA_HOME for a JDK >= 21, found by the project's own script (once). */
export function javaHome() {
  cachedJavaHome ??= findJavaHome();
  return cachedJavaHome;
}

async function findJavaHome() {
  const proc = spawn(path.join(ROOT_DIR, "scripts", "java-home.sh"), [], { stdio: ["ignore", "pipe", "inherit"] });
  let out = "";
  proc.stdout.on("data", (c) => (out += c));
  const code = await new Promise((resolve) => proc.once("exit", resolve));
  if (code !== 0 || !out.trim()) throw new Error("scripts/java-home.sh found no JDK >= 21");
  return out.trim();
}
