// The Java task API from its jar, on free ports: with its own embedded PostgreSQL in a temp dir,
// or on the `DATABASE_URL` given in `env` (the fault tests' own server).
import { copyFileSync } from "node:fs";
import path from "node:path";
import { freePort, javaHome, removeDataDir, startGroup, stopGroup, taskApiJar, tempDataDir, waitForHttp } from "./processes.mjs";

const START_TIMEOUT_MS = Number(process.env.E2E_START_TIMEOUT_MS || 600_000);

/**
 * Starts the API and waits until /health/ready is 200. `metrics`: serve the management port
 * (127.0.0.1, a free port) instead of turning it off. Returns { url, port, management, proc,
 * dataDir, stop(graceMs) }.
 */
export async function startTaskApi({
  name = "task-api",
  betterAuthUrl,
  env = {},
  javaOptions = ["-XX:+UseSerialGC"],
  metrics = false,
  startTimeoutMs = START_TIMEOUT_MS,
  ...processOptions // outDir, maxOutput: see startGroup
}) {
  const home = await javaHome();
  const dataDir = tempDataDir("tasks-e2e-api-");
  // A private copy: a JVM loads classes from its jar lazily, so a rebuild of target/ while the
  // tests run (another terminal, a shared machine) would otherwise break it half-way.
  const jar = path.join(dataDir, "task-api.jar");
  copyFileSync(taskApiJar(), jar);
  const [port, pgPort] = [await freePort(), await freePort()];
  // Without metrics the port is off: the default (8081) could be taken by a ./run.sh.
  const managementPort = metrics ? await freePort() : undefined;
  const childEnv = {
    PORT: String(port),
    MANAGEMENT_SERVER_PORT: managementPort ? String(managementPort) : "off",
    EMBEDDED_POSTGRES_PORT: String(pgPort),
    TASKS_DATA_DIR: dataDir,
    BETTER_AUTH_URL: betterAuthUrl,
    CORS_ORIGINS: betterAuthUrl,
    // The product requires a live Better Auth session (sid) by default; an API started alone has
    // no Better Auth beside it, so its tests mint tokens without one unless they ask otherwise.
    BETTER_AUTH_SESSION_CHECK: "off",
    ...env,
  };
  const proc = startGroup(name, path.join(home, "bin", "java"), [...javaOptions, "-XX:TieredStopAtLevel=1", "-jar", jar], {
    ...processOptions,
    env: childEnv,
    // Nothing from the caller's shell may point this API elsewhere or change its output.
    // Without EMBEDDED_POSTGRES_PASSWORD the API generates one into TASKS_DATA_DIR/secrets.env.
    unset: [
      "DATABASE_URL",
      "BETTER_AUTH_SECRET",
      "BETTER_AUTH_HS256_SECRET",
      "BETTER_AUTH_JWKS_URL",
      "TRUSTED_PROXIES",
      "EMBEDDED_POSTGRES_PASSWORD",
      "MANAGEMENT_SERVER_ADDRESS",
      "LOGGING_STRUCTURED_FORMAT_CONSOLE",
      "SPRING_PROFILES_ACTIVE",
    ],
  });
  const api = {
    url: `http://localhost:${port}`,
    port,
    management: managementPort && `http://127.0.0.1:${managementPort}`,
    proc,
    dataDir,
    async stop(graceMs) {
      await stopGroup(proc, graceMs);
      removeDataDir(dataDir);
    },
  };
  try {
    await waitForHttp(`${api.url}/health/ready`, startTimeoutMs, proc);
  } catch (err) {
    await api.stop(5000);
    throw err;
  }
  return api;
}
