// The real Better Auth, loaded from the frontend's node_modules: the same installed version the
// app runs, not a second copy that could drift from it.
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { ROOT_DIR } from "./processes.mjs";

const FRONTEND_DIR = path.join(ROOT_DIR, "frontend");
const frontendRequire = createRequire(path.join(FRONTEND_DIR, "package.json"));

/** A package installed in frontend/node_modules (better-auth, pg, …): the app's own copy. */
export async function load(specifier) {
  let resolved;
  try {
    resolved = frontendRequire.resolve(specifier);
  } catch {
    throw new Error(`${specifier} is not installed in frontend/node_modules: run "cd frontend && npm ci" first`);
  }
  return import(pathToFileURL(resolved).href);
}

/**
 * A TypeScript module of the web app (path relative to frontend/), loaded through the frontend's
 * own `tsx`: facts the app defines once (the JWT claims) are used here as they are, not copied.
 */
export async function loadFrontendModule(relativePath) {
  const tsxDir = path.dirname(frontendRequire.resolve("tsx/package.json"));
  const tsxExports = JSON.parse(readFileSync(path.join(tsxDir, "package.json"), "utf8")).exports["./esm/api"];
  const { tsImport } = await import(pathToFileURL(path.join(tsxDir, tsxExports.import.default ?? tsxExports.import)).href);
  return tsImport(path.join(FRONTEND_DIR, relativePath), import.meta.url);
}

export function betterAuthVersion() {
  return JSON.parse(readFileSync(path.join(FRONTEND_DIR, "node_modules", "better-auth", "package.json"), "utf8")).version;
}

/**
 * A Better Auth server on its own port, the way an app mounts it (`toNodeHandler`), with email +
 * password and the jwt() plugin with the app's own claims (`jwt.definePayload` from
 * frontend/lib/jwt-payload.ts). `use(alg)` replaces it with a fresh instance on a fresh
 * in-memory database, so each algorithm gets its own keys (Better Auth signs with the newest
 * key in its jwks table, whatever its algorithm). `alg` undefined = the plugin's defaults.
 */
export async function startBetterAuthServer() {
  const [{ betterAuth }, { toNodeHandler }, { memoryAdapter }, { jwt }, { jwtPayload }] = await Promise.all([
    load("better-auth"),
    load("better-auth/node"),
    load("better-auth/adapters/memory"),
    load("better-auth/plugins/jwt"),
    loadFrontendModule("lib/jwt-payload.ts"),
  ]);
  let handler = (_req, res) => {
    res.statusCode = 503;
    res.end("no Better Auth instance yet");
  };
  const server = http.createServer((req, res) => handler(req, res));
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const baseURL = `http://localhost:${server.address().port}`;

  return {
    baseURL,
    /**
     * `sessionCookieCache`: Better Auth also signs its session-cache cookie
     * (better-auth.session_data) as a JWT, with the same key and kid as the access tokens.
     */
    use(alg, { sessionCookieCache = false } = {}) {
      const db = { user: [], session: [], account: [], verification: [], jwks: [] };
      const jwtOptions = {
        jwt: { definePayload: jwtPayload },
        ...(alg ? { jwks: { keyPairConfig: { alg } } } : {}),
        ...(sessionCookieCache ? { sessionCookieCache: true } : {}),
      };
      const auth = betterAuth({
        baseURL,
        secret: "contract-test-secret-0123456789abcdef0123456789",
        database: memoryAdapter(db),
        emailAndPassword: { enabled: true },
        rateLimit: { enabled: false },
        logger: { level: "error" },
        ...(sessionCookieCache ? { session: { cookieCache: { enabled: true, strategy: "jwt", maxAge: 300 } } } : {}),
        plugins: [jwt(jwtOptions)],
      });
      handler = toNodeHandler(auth);
      return auth;
    },
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
