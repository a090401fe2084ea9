/**
 * `npm run migrate`: Better Auth's migration (scripts/migrate.ts), skipped when the database's
 * schema was made by these very options already.
 *
 * Measured (issue 23): of the 2-8 s the migration took on every start, about 0.1 s is Better
 * Auth's schema comparison; the rest is starting tsx and loading Better Auth, its plugins and this
 * app's options. So the check below loads none of them: it hashes what the options-derived schema
 * can depend on, and compares with the hash the last successful migration stored in the database.
 *
 * The fingerprint covers, so that no needed migration is ever skipped:
 * - every source file under lib/ (the options and every plugin's schema live there) and
 *   scripts/migrate.ts; package-lock.json and the installed better-auth and @better-auth/* versions;
 * - the value of every environment variable those sources name (schemaEnvNames): a variable that
 *   turns a plugin on changes it. Secrets, the database URL and the app's addresses are left out
 *   (they cannot change the schema; the fingerprint should not be a digest of a secret, and a port
 *   change should not cost a migration).
 * It is stored in the database itself (table `auth_schema_fingerprint`), so a new or reset
 * database, or another DATABASE_URL, always migrates. TASKS_MIGRATE=always forces the migration.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const FRONTEND = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const TABLE = "auth_schema_fingerprint";
// Secrets, the database's address and the app's own addresses and ports: none selects a plugin or a field.
const NOT_SCHEMA =
  /SECRET|PASSWORD|^DATABASE_URL$|^BETTER_AUTH_URL$|^NEXT_PUBLIC_API_URL$|^API_URL$|^TRUSTED_(ORIGINS|PROXIES)$|^PORT/;

/** The files whose content is hashed, relative to `root` and sorted. */
export function fingerprintFiles(root = FRONTEND) {
  const found = [];
  const walk = (dir) => {
    for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const rel = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(rel);
      else if (/\.(ts|tsx|mts|mjs|js)$/.test(entry.name) && !/\.test\.ts$/.test(entry.name)) found.push(rel);
    }
  };
  walk("lib");
  found.push(path.join("scripts", "migrate.ts"), "package-lock.json");
  return found.sort();
}

/**
 * The environment variables the hashed sources can read: every UPPER_SNAKE_CASE name they mention
 * (`env.JWT_ALG` and `group(env, "OIDC_ISSUER", …)` alike; a constant's name costs nothing, it is
 * simply unset), minus those that cannot change the schema.
 */
export function schemaEnvNames(sources) {
  const names = new Set();
  for (const text of sources) {
    for (const m of text.matchAll(/\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/g)) names.add(m[0]);
  }
  return [...names].filter((n) => !NOT_SCHEMA.test(n)).sort();
}

function installedVersions(root) {
  const versions = {};
  const read = (dir) => {
    const pkg = path.join(root, "node_modules", dir, "package.json");
    if (existsSync(pkg)) versions[dir] = JSON.parse(readFileSync(pkg, "utf8")).version;
  };
  read("better-auth");
  const scope = path.join(root, "node_modules", "@better-auth");
  if (existsSync(scope)) for (const name of readdirSync(scope).sort()) read(`@better-auth/${name}`);
  return versions;
}

/** The hex SHA-256 of everything Better Auth's schema for these options can depend on. */
export function schemaFingerprint({ root = FRONTEND, env = process.env } = {}) {
  const hash = createHash("sha256");
  const sources = [];
  for (const file of fingerprintFiles(root)) {
    const text = readFileSync(path.join(root, file), "utf8");
    sources.push(text);
    hash.update(`file ${file}\0${text}\0`);
  }
  hash.update(`versions ${JSON.stringify(installedVersions(root))}\0`);
  for (const name of schemaEnvNames(sources)) hash.update(`env ${name}=${env[name] ?? "<unset>"}\0`);
  return hash.digest("hex");
}

/** The stored fingerprint, or null (no table yet, no row, or no database to ask). */
async function storedFingerprint(client) {
  try {
    const { rows } = await client.query(`select fingerprint from ${TABLE} where id = 1`);
    return rows[0]?.fingerprint ?? null;
  } catch {
    return null;
  }
}

async function main() {
  const started = Date.now();
  const url = process.env.DATABASE_URL;
  const force = process.env.TASKS_MIGRATE === "always";
  const fingerprint = schemaFingerprint();
  // Without DATABASE_URL (run.sh always sets it) the default database is lib/auth's business: migrate.
  let client = null;
  if (url && !force) {
    const { Client } = (await import("pg")).default;
    client = new Client({ connectionString: url });
    await client.connect();
    if ((await storedFingerprint(client)) === fingerprint) {
      console.log(
        `better-auth migrate: skipped, schema is current (fingerprint ${fingerprint.slice(0, 12)}, ${Date.now() - started} ms)`,
      );
      await client.end();
      return;
    }
  }
  const tsx = path.join(FRONTEND, "node_modules", ".bin", "tsx");
  const run = spawnSync(tsx, [path.join(FRONTEND, "scripts", "migrate.ts")], { stdio: "inherit" });
  if (run.status !== 0) {
    await client?.end();
    process.exit(run.status ?? 1);
  }
  if (client) {
    await client.query(
      `create table if not exists ${TABLE} (id int primary key, fingerprint text not null, migrated_at timestamptz not null)`,
    );
    await client.query(
      `insert into ${TABLE} (id, fingerprint, migrated_at) values (1, $1, now())
       on conflict (id) do update set fingerprint = excluded.fingerprint, migrated_at = excluded.migrated_at`,
      [fingerprint],
    );
    await client.end();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((err) => {
    console.error("better-auth migrate failed:", err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
