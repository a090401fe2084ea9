import { memoryAdapter } from "better-auth/adapters/memory";
import type { Pool } from "pg";
import { describe, expect, it } from "vitest";
import { accountDeletion, deleteAccountData, deletionStatements, quoteIdent } from "./account-deletion";
import { createAuth } from "../auth/auth-config";
import { emailKey } from "./email-key";
import { memoryTables } from "../auth/test-auth";

const TABLES = {
  authSchema: "public",
  userTables: [
    { schema: "public", table: "twoFactor" },
    { schema: "public", table: "account" },
    { schema: "public", table: "session" },
  ],
  hasVerification: true,
  hasTasks: true,
  hasLists: true,
  emailKeyTables: ["mailLimit", "signInThrottle"],
  hasRateLimitBuckets: true,
  hasIdempotentRequests: true,
};

describe("deletionStatements", () => {
  it("locks the user's API keys with the sessions and deletes them before the user (they name it in referenceId)", () => {
    const statements = deletionStatements("u1", { ...TABLES, hasApiKeys: true });
    const labels = statements.map((s) => s.label);
    expect(labels.slice(0, 3)).toEqual(["lock public.user", "lock public.session", "lock public.apikey"]);
    expect(labels.at(-2)).toBe("public.apikey");
    expect(statements[2].text).toBe('SELECT 1 FROM "public"."apikey" WHERE "referenceId" = $1 FOR UPDATE');
    expect(statements.at(-2)?.text).toBe('DELETE FROM "public"."apikey" WHERE "referenceId" = $1');
  });

  it("locks the user first and deletes the user last, so no foreign key breaks and no session slips in", () => {
    const labels = deletionStatements("u1", TABLES, "del@example.com").map((s) => s.label);
    expect(labels).toEqual([
      "lock public.user",
      "lock public.session",
      "tasks.tasks",
      "tasks.lists",
      "tasks.idempotent_requests",
      "tasks.rate_limit_buckets",
      "public.verification",
      "public.mailLimit",
      "public.signInThrottle",
      "public.account",
      "public.session",
      "public.twoFactor",
      "public.user",
    ]);
    expect(deletionStatements("u1", TABLES)[0].text).toBe('SELECT 1 FROM "public"."user" WHERE "id" = $1 FOR UPDATE');
  });

  it("locks the user's sessions before deleting their tasks, so the API's session-bound insert cannot slip in between", () => {
    const statements = deletionStatements("u1", TABLES);
    const lock = statements.findIndex((s) => s.label === "lock public.session");
    expect(statements[lock].text).toBe('SELECT 1 FROM "public"."session" WHERE "userId" = $1 FOR UPDATE');
    expect(lock).toBeLessThan(statements.findIndex((s) => s.label === "tasks.tasks"));
  });

  it("passes the user id as a parameter, never inside the SQL", () => {
    const evil = "x'; DROP TABLE tasks.tasks; --";
    for (const s of deletionStatements(evil, TABLES, `${evil}@example.com`)) {
      expect(s.values).toEqual([
        s.label.endsWith("mailLimit") || s.label.endsWith("signInThrottle") ? emailKey(`${evil}@example.com`) : evil,
      ]);
      expect(s.text).not.toContain(evil);
    }
  });

  it("deletes the user's API rate-limit buckets (keyed user:<rate>/<burst>:<id>), comparing the id, never as a pattern", () => {
    const byLabel = Object.fromEntries(deletionStatements("u1", TABLES).map((s) => [s.label, s.text]));
    expect(byLabel["tasks.rate_limit_buckets"]).toBe(
      `DELETE FROM "tasks"."rate_limit_buckets" WHERE starts_with("id", 'user:') AND right("id", length($1) + 1) = ':' || $1`,
    );
    expect(deletionStatements("u1", { ...TABLES, hasRateLimitBuckets: false }).map((s) => s.label)).not.toContain(
      "tasks.rate_limit_buckets",
    );
  });

  it("deletes tasks by user_id, Better Auth rows by userId, and verification values naming the user", () => {
    const byLabel = Object.fromEntries(deletionStatements("u1", TABLES).map((s) => [s.label, s.text]));
    expect(byLabel["tasks.tasks"]).toBe('DELETE FROM "tasks"."tasks" WHERE "user_id" = $1');
    // The answers kept for Idempotency-Key replays hold the user's tasks as created.
    expect(byLabel["tasks.idempotent_requests"]).toBe('DELETE FROM "tasks"."idempotent_requests" WHERE "user_id" = $1');
    expect(byLabel["public.twoFactor"]).toBe('DELETE FROM "public"."twoFactor" WHERE "userId" = $1');
    expect(byLabel["public.verification"]).toBe('DELETE FROM "public"."verification" WHERE strpos("value", $1) > 0');
    expect(byLabel["public.user"]).toBe('DELETE FROM "public"."user" WHERE "id" = $1');
  });

  it("deletes the rows kept under the hash of the user's email: sign-in back-off (known devices too) and mail limit (issue 21, 11)", () => {
    const statements = deletionStatements("u1", TABLES, " Del@Example.com ");
    const byLabel = Object.fromEntries(statements.map((s) => [s.label, s]));
    expect(byLabel["public.signInThrottle"].text).toBe(
      `DELETE FROM "public"."signInThrottle" WHERE "key" = $1 OR starts_with("key", $1 || '~')`,
    );
    expect(byLabel["public.signInThrottle"].values).toEqual([emailKey("del@example.com")]);
    expect(byLabel["public.mailLimit"].values).toEqual([emailKey("del@example.com")]);
    // Without those tables (an older schema) nothing is asked of them.
    const labels = deletionStatements("u1", { ...TABLES, emailKeyTables: [] }, "del@example.com").map((s) => s.label);
    expect(labels).not.toContain("public.signInThrottle");
  });

  it("skips the tasks table before the API has created it", () => {
    const labels = deletionStatements("u1", { ...TABLES, hasTasks: false, hasVerification: false }).map((s) => s.label);
    expect(labels).not.toContain("tasks.tasks");
    expect(labels).not.toContain("public.verification");
  });
});

describe("team memberships (SPEC 1.9)", () => {
  it("deleting an account removes its memberships: Better Auth's member table names the user in userId", () => {
    const withTeams = { ...TABLES, userTables: [...TABLES.userTables, { schema: "public", table: "member" }] };
    const byLabel = Object.fromEntries(deletionStatements("u1", withTeams).map((s) => [s.label, s]));
    expect(byLabel["public.member"]).toEqual({
      label: "public.member",
      text: 'DELETE FROM "public"."member" WHERE "userId" = $1',
      values: ["u1"],
    });
  });
});

describe("quoteIdent", () => {
  it("quotes reserved words and mixed case, doubling embedded quotes", () => {
    expect(quoteIdent("user")).toBe('"user"');
    expect(quoteIdent("twoFactor")).toBe('"twoFactor"');
    expect(quoteIdent('a"b')).toBe('"a""b"');
  });
});

describe("delete-user (real Better Auth, in memory)", () => {
  const ENV = {
    BETTER_AUTH_URL: "http://localhost:3000",
    BETTER_AUTH_SECRET: "test-secret-0123456789abcdef0123456789abcdef",
    NODE_ENV: "test",
  } as unknown as NodeJS.ProcessEnv;

  async function signedUp() {
    const db = memoryTables();
    const auth = createAuth(ENV, memoryAdapter(db));
    const res = await auth.api.signUpEmail({
      body: { email: "del@example.com", password: "correct-horse-1", name: "Del" },
      asResponse: true,
    });
    const cookie = res.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    return { auth, db, headers: new Headers({ cookie }) };
  }

  it("is enabled and refuses a wrong password, deleting nothing", async () => {
    const { auth, db, headers } = await signedUp();
    const res = await auth.api.deleteUser({ body: { password: "wrong-password-1" }, headers, asResponse: true });
    expect(res.status).toBe(400);
    expect((await res.json()).code).toBe("INVALID_PASSWORD");
    expect([db.user.length, db.session.length, db.account.length]).toEqual([1, 1, 1]);
  });

  it("with the password deletes the user, their sessions and accounts at once (no email round trip)", async () => {
    const { auth, db, headers } = await signedUp();
    const res = await auth.api.deleteUser({ body: { password: "correct-horse-1" }, headers, asResponse: true });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ success: true, message: "User deleted" });
    expect([db.user.length, db.session.length, db.account.length]).toEqual([0, 0, 0]);
  });

  it("runs the one-transaction deletion first when the app has a PostgreSQL pool", () => {
    expect(accountDeletion(undefined)).toEqual({ enabled: true, beforeDelete: undefined });
    expect(accountDeletion({} as never).beforeDelete).toEqual(expect.any(Function));
  });
});

describe("deleteAccountData", () => {
  /** A pool whose one client records the statements and answers like a catalogue with a session table. */
  function recordingPool() {
    const statements: string[] = [];
    const client = {
      query: async (text: string) => {
        statements.push(text.replace(/\s+/g, " ").trim());
        if (text.includes("to_regclass")) return { rows: [{ exists: true }] };
        if (text.includes("current_schema() AS schema")) return { rows: [{ schema: "public" }] };
        if (text.includes("information_schema.columns")) {
          return {
            rows: [
              { schema: "public", table: "session", has_user_id: true },
              { schema: "public", table: "user", has_user_id: false },
            ],
          };
        }
        return { rows: [], rowCount: 1 };
      },
      release: () => {},
    };
    return { pool: { connect: async () => client } as unknown as Pool, statements };
  }

  it("runs the locks and deletions in one transaction and counts only the deletions", async () => {
    const { pool, statements } = recordingPool();
    const counts = await deleteAccountData(pool, "u1", "del@example.com");
    expect(counts).toEqual({
      "public.invitation": 1,
      "tasks.tasks": 1,
      "tasks.lists": 1,
      "tasks.idempotent_requests": 1,
      "tasks.rate_limit_buckets": 1,
      "public.session": 1,
      "public.user": 1,
    });
    const run = statements.filter(
      (s) => !s.includes("information_schema") && !s.includes("to_regclass") && !s.includes("current_schema"),
    );
    expect(run).toEqual([
      "BEGIN",
      'SELECT 1 FROM "public"."user" WHERE "id" = $1 FOR UPDATE',
      'SELECT 1 FROM "public"."session" WHERE "userId" = $1 FOR UPDATE',
      // Teams (lib/teams/team-deletion.ts): the user's teams locked and read, before any row of theirs goes.
      'SELECT 1 FROM "public"."organization" WHERE "id" IN (SELECT "organizationId" FROM "public"."member" WHERE "userId" = $1) ORDER BY "id" FOR UPDATE',
      'SELECT "id", "organizationId", "userId", "role", "createdAt" FROM "public"."member" WHERE "organizationId" IN (SELECT "organizationId" FROM "public"."member" WHERE "userId" = $1)',
      'DELETE FROM "public"."invitation" WHERE "inviterId" = $1 OR lower("email") = lower($2)',
      'DELETE FROM "tasks"."tasks" WHERE "user_id" = $1',
      'DELETE FROM "tasks"."lists" WHERE "user_id" = $1',
      'DELETE FROM "tasks"."idempotent_requests" WHERE "user_id" = $1',
      `DELETE FROM "tasks"."rate_limit_buckets" WHERE starts_with("id", 'user:') AND right("id", length($1) + 1) = ':' || $1`,
      'DELETE FROM "public"."session" WHERE "userId" = $1',
      'DELETE FROM "public"."user" WHERE "id" = $1',
      "COMMIT",
    ]);
  });
});
