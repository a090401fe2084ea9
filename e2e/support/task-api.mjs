// The Java task API from its jar, on free ports, with its own embedded PostgreSQL in a temp dir.
import { copyFileSync } from "node:fs";
import path from "node:path";
import { freePort, javaHome, removeDataDir, startGroup, stopGroup, taskApiJar, tempDataDir, waitForHttp } from "./processes.mjs";

const START_TIMEOUT_MS = Number(process.env.E2E_START_TIMEOUT_MS || 600_000);

export async function startTaskApi({ name = "task-api", betterAuthUrl, env = {} }) {
  const home = await javaHome();
  const dataDir = tempDataDir("tasks-e2e-api-");
  // A private copy: a JVM loads classes from its jar lazily, so a rebuild of target/ while the
  // tests run (another terminal, a shared machine) would otherwise break it half-way.
  const jar = path.join(dataDir, "task-api.jar");
  copyFileSync(taskApiJar(), jar);
  const [port, pgPort] = [await freePort(), await freePort()];
  const childEnv = {
    PORT: String(port),
    // No metrics wanted here; the default management port (8081) could be taken by a ./run.sh.
    MANAGEMENT_SERVER_PORT: "off",
    EMBEDDED_POSTGRES_PORT: String(pgPort),
    TASKS_DATA_DIR: dataDir,
    BETTER_AUTH_URL: betterAuthUrl,
    CORS_ORIGINS: betterAuthUrl,
    ...env,
  };
  const proc = startGroup(name, path.join(home, "bin", "java"), ["-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", jar], {
    env: childEnv,
    // Nothing from the caller's shell may point this API elsewhere.
    // Without EMBEDDED_POSTGRES_PASSWORD the API generates one into TASKS_DATA_DIR/secrets.env.
    unset: [
      "DATABASE_URL",
      "BETTER_AUTH_SECRET",
      "BETTER_AUTH_JWKS_URL",
      "TRUSTED_PROXIES",
      "EMBEDDED_POSTGRES_PASSWORD",
      "MANAGEMENT_SERVER_ADDRESS",
    ],
  });
  const url = `http://localhost:${port}`;
  const api = {
    url,
    proc,
    dataDir,
    async stop() {
      await stopGroup(proc);
      removeDataDir(dataDir);
    },
  };
  try {
    await waitForHttp(`${url}/health/ready`, START_TIMEOUT_MS, proc);
  } catch (err) {
    await api.stop();
    throw err;
  }
  return api;
}
