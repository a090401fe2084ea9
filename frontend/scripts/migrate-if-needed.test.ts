// The migration is skipped only when nothing its schema depends on has changed (issue 23, item 4).
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { fingerprintFiles, schemaEnvNames, schemaFingerprint } from "./migrate-if-needed.mjs";

/** A frontend folder in miniature: options source, the migration script, the lock file, an installed better-auth. */
function tree() {
  const root = mkdtempSync(path.join(tmpdir(), "fingerprint-"));
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  };
  write(
    "lib/auth/auth-config.ts",
    'const sso = group(env, "OIDC_ISSUER"); const alg = env.JWT_ALG; const s = env.BETTER_AUTH_SECRET;',
  );
  write("lib/auth/auth-config.test.ts", "a test: not part of the options");
  write("scripts/migrate.ts", "migrate()");
  write("package-lock.json", "{}");
  write("node_modules/better-auth/package.json", '{"version":"1.7.25"}');
  write("node_modules/@better-auth/core/package.json", '{"version":"1.7.25"}');
  return { root, write };
}

const ENV = { JWT_ALG: "EdDSA" } as unknown as NodeJS.ProcessEnv;

describe("the schema fingerprint", () => {
  it("is the same for the same sources, versions and settings; tests do not count", () => {
    const { root, write } = tree();
    const before = schemaFingerprint({ root, env: ENV });
    expect(schemaFingerprint({ root, env: ENV })).toBe(before);
    write("lib/auth/auth-config.test.ts", "another test");
    expect(schemaFingerprint({ root, env: ENV })).toBe(before);
    expect(fingerprintFiles(root)).toEqual(["lib/auth/auth-config.ts", "package-lock.json", "scripts/migrate.ts"]);
  });

  it("changes with any source under lib/ (a plugin's fields), the migration script or the lock file", () => {
    for (const file of ["lib/account/new-plugin.ts", "scripts/migrate.ts", "package-lock.json"]) {
      const { root, write } = tree();
      const before = schemaFingerprint({ root, env: ENV });
      write(file, "schema: { user: { fields: { x: {} } } }");
      expect(schemaFingerprint({ root, env: ENV }), file).not.toBe(before);
    }
  });

  it("changes with the installed Better Auth or any @better-auth package", () => {
    for (const pkg of ["better-auth", "@better-auth/core"]) {
      const { root, write } = tree();
      const before = schemaFingerprint({ root, env: ENV });
      write(`node_modules/${pkg}/package.json`, '{"version":"1.7.26"}');
      expect(schemaFingerprint({ root, env: ENV }), pkg).not.toBe(before);
    }
  });

  it("changes with a setting the sources name (a plugin turned on), not with others, secrets or ports", () => {
    const { root } = tree();
    const before = schemaFingerprint({ root, env: ENV });
    expect(schemaFingerprint({ root, env: { ...ENV, OIDC_ISSUER: "https://login.example" } })).not.toBe(before);
    expect(schemaFingerprint({ root, env: { ...ENV, JWT_ALG: "ES256" } })).not.toBe(before);
    expect(schemaFingerprint({ root, env: { ...ENV, UNRELATED_VAR: "x", BETTER_AUTH_SECRET: "s", PORT_WEB: "25000" } })).toBe(
      before,
    );
  });

  it("in this app, names every setting that selects a plugin or a mail option", () => {
    const sources = fingerprintFiles().map((f) => readFileSync(path.join(__dirname, "..", f), "utf8"));
    const names = schemaEnvNames(sources);
    for (const name of [
      "OIDC_ISSUER",
      "GITHUB_CLIENT_ID",
      "GOOGLE_CLIENT_ID",
      "REQUIRE_EMAIL_VERIFICATION",
      "JWT_ALG",
      "SMTP_URL",
    ]) {
      expect(names).toContain(name);
    }
    expect(names.filter((n) => /SECRET|PASSWORD|DATABASE_URL/.test(n))).toEqual([]);
  });
});
