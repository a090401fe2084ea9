// The real Better Auth, loaded from the frontend's node_modules: the same installed version the
// app runs, not a second copy that could drift from it. Other releases (the version matrix) are
// npm aliases in e2e/package.json, e.g. "ba13": "npm:better-auth@1.3.34".
import { createRequire } from "node:module";
import { readdirSync, readFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { E2E_DIR, ROOT_DIR } from "./processes.mjs";

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

const e2eRequire = createRequire(path.join(E2E_DIR, "package.json"));

/**
 * One installed Better Auth release: `alias` one of e2e/package.json's aliases (ba13, …), or
 * undefined for the frontend's own better-auth. Returns { alias, version, dir, load(subpath),
 * modules() }; modules() resolves to what `use` needs from it.
 */
export function betterAuthRelease(alias) {
  let release;
  if (!alias) {
    const dir = path.join(FRONTEND_DIR, "node_modules", "better-auth");
    release = {
      alias,
      version: betterAuthVersion(),
      dir,
      load: (subpath) => load(subpath ? `better-auth/${subpath}` : "better-auth"),
    };
  } else {
    const dir = path.join(E2E_DIR, "node_modules", alias);
    let version;
    try {
      ({ version } = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")));
    } catch {
      throw new Error(`${alias} is not installed in e2e/node_modules: run "cd e2e && npm ci" first`);
    }
    const resolve = (subpath) => e2eRequire.resolve(subpath ? `${alias}/${subpath}` : alias);
    release = { alias, version, dir, load: (subpath) => import(pathToFileURL(resolve(subpath)).href) };
  }
  release.modules = async () => {
    const [{ betterAuth }, { toNodeHandler }, { memoryAdapter }, { jwt, createJwk }] = await Promise.all(
      [undefined, "node", "adapters/memory", "plugins/jwt"].map((subpath) => release.load(subpath)),
    );
    return { betterAuth, toNodeHandler, memoryAdapter, jwt, createJwk };
  };
  return release;
}

/**
 * What a release's jwt() plugin offers, read from its own type declarations (what an app can
 * write): `algorithms`, the `jwks.keyPairConfig.alg` values; `rotationInterval`, whether it
 * rotates keys by itself (`jwks.rotationInterval` and `gracePeriod`).
 */
export function jwtPluginOptions(release) {
  const dir = path.join(release.dir, "dist", "plugins", "jwt");
  const types = readdirSync(dir, { recursive: true })
    .filter((f) => /\.d\.m?ts$/.test(f))
    .map((f) => readFileSync(path.join(dir, f), "utf8"))
    .join("\n");
  const union = types.match(/\balg\??: ("[\w-]+"(?: \| "[\w-]+")+);/);
  if (!union) throw new Error(`no keyPairConfig.alg union in ${dir}: read its types and update jwtPluginOptions`);
  return {
    algorithms: [...union[1].matchAll(/"([\w-]+)"/g)].map((m) => m[1]),
    rotationInterval: /\brotationInterval\??:/.test(types),
  };
}

/**
 * A Better Auth server on its own port, the way an app mounts it (`toNodeHandler`), with email +
 * password and the jwt() plugin with the app's own claims (`jwt.definePayload` from
 * frontend/lib/auth/jwt-payload.ts). `use(alg)` replaces it with a fresh instance on a fresh
 * in-memory database, so each algorithm gets its own keys (Better Auth signs with the newest
 * key in its jwks table, whatever its algorithm). `alg` undefined = the plugin's defaults.
 */
export async function startBetterAuthServer() {
  const [{ betterAuth }, { toNodeHandler }, { memoryAdapter }, { jwt }, { jwtPayload }] = await Promise.all([
    load("better-auth"),
    load("better-auth/node"),
    load("better-auth/adapters/memory"),
    load("better-auth/plugins/jwt"),
    loadFrontendModule("lib/auth/jwt-payload.ts"),
  ]);
  const installed = { betterAuth, toNodeHandler, memoryAdapter, jwt };
  let current;
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
     * `modules`: another release to run (`await betterAuthRelease(alias).modules()`), by default
     * the frontend's; `jwks`: more `jwt({ jwks })` options (e.g. `rotationInterval`);
     * `rewriteJwks`: changes the JWKS document on its way out, to stand in for a Better Auth that
     * publishes its keys differently.
     */
    use(alg, { sessionCookieCache = false, modules, jwks = {}, rewriteJwks } = {}) {
      const { betterAuth, toNodeHandler, memoryAdapter, jwt } = modules ?? installed;
      const db = { user: [], session: [], account: [], verification: [], jwks: [] };
      const jwtOptions = {
        jwt: { definePayload: jwtPayload },
        ...(alg ? { jwks: { keyPairConfig: { alg } } } : {}),
        ...(sessionCookieCache ? { sessionCookieCache: true } : {}),
        ...(Object.keys(jwks).length ? { jwks: { ...(alg ? { keyPairConfig: { alg } } : {}), ...jwks } } : {}),
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
      const nodeHandler = toNodeHandler(auth);
      handler = rewriteJwks
        ? (req, res) =>
            req.method === "GET" && req.url === "/api/auth/jwks" ? serveJwks(auth, req, res, rewriteJwks) : nodeHandler(req, res)
        : nodeHandler;
      current = { auth, jwtOptions, modules };
      return auth;
    },
    /**
     * A new key pair in the current instance's jwks table, made by the plugin's own `createJwk`
     * (how a release without `rotationInterval` rotates); tokens are then signed with it.
     */
    async addSigningKey() {
      const { auth, jwtOptions, modules } = current;
      const { createJwk } = modules ?? (await load("better-auth/plugins/jwt"));
      return createJwk({ context: await auth.$context }, jwtOptions);
    },
    close: () => new Promise((resolve) => server.close(resolve)),
  };

  async function serveJwks(auth, req, res, rewrite) {
    const original = await auth.handler(new Request(`${baseURL}${req.url}`));
    const body = JSON.stringify(rewrite(await original.json()));
    res.writeHead(original.status, { "Content-Type": "application/json" });
    res.end(body);
  }
}
