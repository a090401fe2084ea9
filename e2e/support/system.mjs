// The whole product as a person runs it: the root ./run.sh (embedded PostgreSQL, Java API,
// Better Auth's migration, Next.js production build and server) on a fresh data directory.
import { readFileSync } from "node:fs";
import path from "node:path";
import { portInUse, removeDataDir, ROOT_DIR, startGroup, stopGroup, tempDataDir } from "./processes.mjs";

// run.sh's default ports, or four from E2E_PORT_BASE up: test.sh sets it when a ./run.sh holds the
// defaults (the web app reads the API's address at run time, so other ports need no other build).
const base = Number(process.env.E2E_PORT_BASE || 0);
export const PORTS = base
  ? { web: base, api: base + 1, management: base + 2, postgres: base + 3 }
  : { web: 3000, api: 8000, management: 8081, postgres: 15432 };
export const WEB_URL = `http://localhost:${PORTS.web}`;
export const API_URL = `http://localhost:${PORTS.api}`;
const PORT_NAMES = {
  [PORTS.web]: "web app",
  [PORTS.api]: "task API",
  [PORTS.management]: "task API metrics",
  [PORTS.postgres]: "embedded PostgreSQL",
};

// A first run on a fresh clone builds the API jar and the Next.js app: minutes on 2 busy cores.
const START_TIMEOUT_MS = Number(process.env.E2E_START_TIMEOUT_MS || 900_000);

/** The embedded PostgreSQL's password, from the data directory's secrets.env (run.sh writes it there). */
export function embeddedPostgresPassword(dataDir) {
  const line = readFileSync(path.join(dataDir, "secrets.env"), "utf8")
    .split("\n")
    .findLast((l) => l.startsWith("EMBEDDED_POSTGRES_PASSWORD="));
  if (!line) throw new Error(`no EMBEDDED_POSTGRES_PASSWORD in ${dataDir}/secrets.env`);
  return line.slice("EMBEDDED_POSTGRES_PASSWORD=".length).trim();
}

/**
 * Every variable that points the system elsewhere or turns something on: the tests start from
 * run.sh's defaults whatever the shell running them has set, and pass what they want explicitly.
 */
export const SYSTEM_ENV = [
  "DATABASE_URL",
  "BETTER_AUTH_URL",
  "BETTER_AUTH_SECRET",
  "BETTER_AUTH_HS256_SECRET",
  "BETTER_AUTH_JWKS_URL",
  "NEXT_PUBLIC_API_URL",
  "API_URL",
  "CORS_ORIGINS",
  "TRUSTED_ORIGINS",
  "PORT_API",
  "PORT_WEB",
  "EMBEDDED_POSTGRES_PORT",
  "EMBEDDED_POSTGRES_PASSWORD",
  "MANAGEMENT_SERVER_PORT",
  "MANAGEMENT_SERVER_ADDRESS",
  "JWT_ALG",
  "JWT_EXPIRATION_TIME",
  "AUTH_RATE_LIMIT",
  // Single sign-on is off unless a test turns it on (lib/sign-in/auth-sso.ts).
  "OIDC_ISSUER",
  "OIDC_CLIENT_ID",
  "OIDC_CLIENT_SECRET",
  "OIDC_NAME",
  "GITHUB_CLIENT_ID",
  "GITHUB_CLIENT_SECRET",
  "GOOGLE_CLIENT_ID",
  "GOOGLE_CLIENT_SECRET",
  "TRUSTED_PROXIES",
  "SMTP_URL",
  "MAIL_FROM",
  "REQUIRE_EMAIL_VERIFICATION",
  "BETTER_AUTH_SESSION_CHECK",
];

export async function startSystem({ env = {} } = {}) {
  for (const [port, what] of Object.entries(PORT_NAMES)) {
    if (await portInUse(Number(port))) {
      throw new Error(
        `port ${port} (${what}) is already in use: the browser tests start the whole system with ./run.sh on ` +
          `ports ${Object.keys(PORT_NAMES).join(", ")}. Stop whatever listens there (another ./run.sh?), or set ` +
          `E2E_PORT_BASE=<port> to use four ports from there (./test.sh does so by itself), and run the tests again.`,
      );
    }
  }
  const dataDir = tempDataDir("tasks-e2e-system-");
  const proc = startGroup("run.sh", path.join(ROOT_DIR, "run.sh"), [], {
    env: {
      TASKS_DATA_DIR: dataDir,
      PORT_WEB: String(PORTS.web),
      PORT_API: String(PORTS.api),
      MANAGEMENT_SERVER_PORT: String(PORTS.management),
      EMBEDDED_POSTGRES_PORT: String(PORTS.postgres),
      ...env,
    },
    // The defaults of run.sh, whatever the shell running the tests has set.
    unset: SYSTEM_ENV,
  });
  const system = {
    web: WEB_URL,
    api: API_URL,
    proc,
    dataDir,
    async stop() {
      await stopGroup(proc, 40_000);
      removeDataDir(dataDir);
    },
  };
  try {
    const [, url] = await proc.waitForOutput(/Tasks is running: (http:\/\/localhost:\d+)/, START_TIMEOUT_MS);
    if (url !== WEB_URL) throw new Error(`run.sh serves ${url}, expected ${WEB_URL}`);
    // The embedded PostgreSQL wants the password run.sh generated (no more postgres:postgres).
    system.databaseUrl = `postgresql://postgres:${embeddedPostgresPassword(dataDir)}@127.0.0.1:${PORTS.postgres}/tasks`;
  } catch (err) {
    await system.stop();
    throw err;
  }
  return system;
}
