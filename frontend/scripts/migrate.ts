/**
 * Creates or updates Better Auth's tables (user, session, account, verification, jwks) in the
 * database's default schema (`public`), with Better Auth's own migration planner: the same
 * options as the running app, so plugins' tables come along. Safe to run on every start.
 * (The `auth migrate` CLI does the same but needs Node >= 22.)
 */
import { getMigrations } from "better-auth/db/migration";
import { createAuth } from "../lib/auth/auth-config";

async function main() {
  const auth = createAuth();
  const { toBeCreated, toBeAdded, runMigrations } = await getMigrations(auth.options);
  const changes = [
    ...toBeCreated.map((t) => `create table ${t.table}`),
    ...toBeAdded.map((t) => `add ${Object.keys(t.fields).join(", ")} to ${t.table}`),
  ];
  if (changes.length === 0) {
    console.log("better-auth migrate: schema is up to date");
  } else {
    await runMigrations();
    console.log(`better-auth migrate: ${changes.join("; ")}`);
  }
  await (auth.options.database as { end(): Promise<void> }).end();
}

main().catch((err) => {
  console.error("better-auth migrate failed:", err instanceof Error ? err.message : err);
  process.exit(1);
});
