import type { Pool, PoolClient } from "pg";
import { inTransaction } from "../database/transaction";
import { emailKey } from "./email-key";
import { teamsOnAccountDeletion } from "../teams/team-deletion";

/**
 * Account deletion, all or nothing (SPEC 1.6: "nothing of the user remains").
 *
 * Better Auth 1.7's delete-user runs `beforeDelete`, then deletes sessions, accounts and the
 * user as separate statements with no transaction, then `afterDelete`. A failure between them
 * would leave half an account, and the user's tasks (the Java API's table) are not its concern.
 * So `beforeDelete` does the whole deletion in ONE PostgreSQL transaction: the tasks, every row
 * of Better Auth's tables that names the user (found in the catalogue, so tables that plugins
 * add later, such as twoFactor, are covered too), the user's verification values (reset and
 * delete tokens store the user id as their value; a pending link-social state holds it inside a
 * JSON value), the rows that count per email address under the address's hash (the sign-in
 * back-off, the mail limit: lib/account/email-key.ts), the user's team memberships (`member`
 * has a `userId`; teams they alone own are handed over or deleted first, lib/teams/team-deletion.ts),
 * and the user. Better Auth's own deletes
 * then find nothing. If anything fails, the transaction rolls back, the hook throws, and
 * Better Auth deletes nothing either.
 */

/** Better Auth's column naming a user (its default field name, unchanged in this app). */
export const USER_ID_COLUMN = "userId";
/**
 * Tables keyed by the hash of an email address (lib/account/email-key.ts), in Better Auth's schema: the
 * sign-in back-off (`<key>` and known devices' `<key>~<device>`) and the per-recipient mail limit.
 */
export const EMAIL_KEY_TABLES = [
  { table: "mailLimit", column: "key" },
  { table: "signInThrottle", column: "key" },
] as const;
/** The Java API's table (Flyway, schema `tasks`); absent until the API has run once. */
export const TASKS_TABLE = { schema: "tasks", table: "tasks", column: "user_id" } as const;
/** The API's lists (SPEC 1.7, migration V3); deleted after the tasks that may point at them. */
export const LISTS_TABLE = { schema: "tasks", table: "lists", column: "user_id" } as const;

/**
 * The API's kept answers to writes sent with an Idempotency-Key (migration V9): they hold the
 * user's task as it was created, so they go with the user.
 */
export const IDEMPOTENT_REQUESTS_TABLE = { schema: "tasks", table: "idempotent_requests", column: "user_id" } as const;

/**
 * The API's shared rate-limit buckets (migration V6): a user's bucket is keyed
 * `user:<rate>/<burst>:<user id>` (ratelimit.RateLimiter), so it names the user and goes with them.
 */
export const RATE_LIMIT_BUCKETS = { schema: "tasks", table: "rate_limit_buckets" } as const;

/**
 * Better Auth's API keys (api-key plugin, lib/api-keys): owned through `referenceId`, not `userId`, so
 * the catalogue search misses them. Locked with the sessions, for the same reason: the Java API
 * binds a write made with a key to that key's row (FOR KEY SHARE), so no task outlives its user.
 */
export const API_KEYS = { table: "apikey", column: "referenceId" } as const;

export interface TableRef {
  schema: string;
  table: string;
}

export interface Statement {
  /** What the counts report this statement as, e.g. `public.session`. */
  label: string;
  text: string;
  values: string[];
}

/** Which tables exist, as `discover` reads them from the catalogue. */
export interface DeletionTables {
  authSchema: string;
  /** Tables of `authSchema` with a `userId` column. */
  userTables: TableRef[];
  hasVerification: boolean;
  hasTasks: boolean;
  /** Whether the API's `tasks.lists` exists (an API from before planning has none). */
  hasLists?: boolean;
  /** Names of the EMAIL_KEY_TABLES that exist in `authSchema`. */
  emailKeyTables?: string[];
  /** Whether the API's `tasks.idempotent_requests` exists (an API from before V9 has none). */
  hasIdempotentRequests?: boolean;
  /** Whether the API's `tasks.rate_limit_buckets` exists (an API from before shared limits has none). */
  hasRateLimitBuckets?: boolean;
  /** Whether Better Auth's `apikey` table exists in `authSchema`. */
  hasApiKeys?: boolean;
}

/** A PostgreSQL identifier, quoted so any name (mixed case, reserved words like "user") works. */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

const qualified = ({ schema, table }: TableRef) => `${quoteIdent(schema)}.${quoteIdent(table)}`;

/** Labels of the statements that only lock rows (they delete nothing, so they are not counted). */
export const LOCK_PREFIX = "lock ";

/**
 * The statements that delete one user, in an order that never breaks a foreign key: the
 * user row is locked first (so no session can be created for it meanwhile), then the user's
 * sessions, then tasks, verification values and every table with a `userId` column, and the
 * user last.
 */
export function deletionStatements(
  userId: string,
  {
    authSchema,
    userTables,
    hasVerification,
    hasTasks,
    hasLists = false,
    emailKeyTables = [],
    hasRateLimitBuckets = false,
    hasApiKeys = false,
    hasIdempotentRequests = false,
  }: DeletionTables,
  email?: string,
): Statement[] {
  const user = qualified({ schema: authSchema, table: "user" });
  const statements: Statement[] = [
    { label: `${LOCK_PREFIX}${authSchema}.user`, text: `SELECT 1 FROM ${user} WHERE "id" = $1 FOR UPDATE`, values: [userId] },
  ];
  const sessions = userTables.find((t) => t.table === "session");
  if (sessions) {
    // The Java API inserts a task only while the token's session row exists, taking a KEY SHARE
    // lock on that row in the same statement (it may still have the session cached as live for
    // 5 s, so its session check alone cannot tell). FOR UPDATE here conflicts with that lock, so
    // the two cannot interleave: an insert that locked first makes this deletion wait, and its
    // task, committed by then, is deleted below with the rest; a deletion that locked first makes
    // the insert wait, re-check the row once this commits, find it gone, insert nothing and answer
    // 401. Either way no task outlives its user. Before deleting tasks, or a task could be
    // inserted after that DELETE and before the sessions go.
    statements.push({
      label: `${LOCK_PREFIX}${sessions.schema}.${sessions.table}`,
      text: `SELECT 1 FROM ${qualified(sessions)} WHERE ${quoteIdent(USER_ID_COLUMN)} = $1 FOR UPDATE`,
      values: [userId],
    });
  }
  const apiKeys = { schema: authSchema, table: API_KEYS.table };
  if (hasApiKeys) {
    statements.push({
      label: `${LOCK_PREFIX}${authSchema}.${API_KEYS.table}`,
      text: `SELECT 1 FROM ${qualified(apiKeys)} WHERE ${quoteIdent(API_KEYS.column)} = $1 FOR UPDATE`,
      values: [userId],
    });
  }
  for (const [exists, owned] of [
    [hasTasks, TASKS_TABLE],
    [hasLists, LISTS_TABLE],
    [hasIdempotentRequests, IDEMPOTENT_REQUESTS_TABLE],
  ] as const) {
    if (!exists) continue;
    statements.push({
      label: `${owned.schema}.${owned.table}`,
      text: `DELETE FROM ${qualified(owned)} WHERE ${quoteIdent(owned.column)} = $1`,
      values: [userId],
    });
  }
  if (hasRateLimitBuckets) {
    statements.push({
      label: `${RATE_LIMIT_BUCKETS.schema}.${RATE_LIMIT_BUCKETS.table}`,
      // Compared, not matched with LIKE: an id is data, never a pattern.
      text: `DELETE FROM ${qualified(RATE_LIMIT_BUCKETS)} WHERE starts_with("id", 'user:') AND right("id", length($1) + 1) = ':' || $1`,
      values: [userId],
    });
  }
  if (hasVerification) {
    statements.push({
      label: `${authSchema}.verification`,
      // The value is the user id (reset, delete and trust-device rows) or JSON holding it (a
      // pending link-social state). Ids are 32 random characters: no other row contains one.
      text: `DELETE FROM ${qualified({ schema: authSchema, table: "verification" })} WHERE strpos("value", $1) > 0`,
      values: [userId],
    });
  }
  if (email) {
    const key = emailKey(email);
    for (const { table, column } of EMAIL_KEY_TABLES) {
      if (!emailKeyTables.includes(table)) continue;
      const c = quoteIdent(column);
      statements.push({
        label: `${authSchema}.${table}`,
        text: `DELETE FROM ${qualified({ schema: authSchema, table })} WHERE ${c} = $1 OR starts_with(${c}, $1 || '~')`,
        values: [key],
      });
    }
  }
  for (const t of [...userTables].sort((a, b) => a.table.localeCompare(b.table))) {
    if (t.table === "user") continue;
    statements.push({
      label: `${t.schema}.${t.table}`,
      text: `DELETE FROM ${qualified(t)} WHERE ${quoteIdent(USER_ID_COLUMN)} = $1`,
      values: [userId],
    });
  }
  if (hasApiKeys) {
    statements.push({
      label: `${authSchema}.${API_KEYS.table}`,
      text: `DELETE FROM ${qualified(apiKeys)} WHERE ${quoteIdent(API_KEYS.column)} = $1`,
      values: [userId],
    });
  }
  statements.push({ label: `${authSchema}.user`, text: `DELETE FROM ${user} WHERE "id" = $1`, values: [userId] });
  return statements;
}

/** Which tables exist, read inside the transaction (the API may create `tasks.tasks` any time). */
async function discover(client: PoolClient) {
  const { rows } = await client.query<{ schema: string; table: string; has_user_id: boolean }>(
    `SELECT c.table_schema::text AS schema, c.table_name::text AS table,
            bool_or(c.column_name::text = $1) AS has_user_id
       FROM information_schema.columns c
       JOIN information_schema.tables t USING (table_schema, table_name)
      WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
      GROUP BY 1, 2`,
    [USER_ID_COLUMN],
  );
  const exists = async (t: TableRef) =>
    (
      await client.query<{ exists: boolean }>(`SELECT to_regclass($1) IS NOT NULL AS exists`, [
        `${quoteIdent(t.schema)}.${quoteIdent(t.table)}`,
      ])
    ).rows[0].exists;
  const { rows: schemaRows } = await client.query<{ schema: string }>(`SELECT current_schema() AS schema`);
  return {
    authSchema: schemaRows[0].schema,
    userTables: rows.filter((r) => r.has_user_id).map(({ schema, table }) => ({ schema, table })),
    hasVerification: rows.some((r) => r.table === "verification"),
    hasTasks: await exists(TASKS_TABLE),
    hasLists: await exists(LISTS_TABLE),
    hasRateLimitBuckets: await exists(RATE_LIMIT_BUCKETS),
    hasApiKeys: rows.some((r) => r.table === API_KEYS.table),
    hasIdempotentRequests: await exists(IDEMPOTENT_REQUESTS_TABLE),
    emailKeyTables: EMAIL_KEY_TABLES.map((t) => t.table).filter((t) => rows.some((r) => r.table === t)),
  };
}

/** Deletes the user and all they own in one transaction; returns rows deleted per table. */
export async function deleteAccountData(pool: Pool, userId: string, email?: string): Promise<Record<string, number>> {
  return inTransaction(pool, async (client) => {
    const counts: Record<string, number> = {};
    let teamsDone = false;
    for (const s of deletionStatements(userId, await discover(client), email)) {
      // Once the user and their sessions are locked and before their memberships go: the teams
      // they alone own are handed over or deleted (lib/teams/team-deletion.ts, README "Teams").
      if (!teamsDone && !s.label.startsWith(LOCK_PREFIX)) {
        Object.assign(counts, await teamsOnAccountDeletion(client, userId, email));
        teamsDone = true;
      }
      const result = await client.query(s.text, s.values);
      if (!s.label.startsWith(LOCK_PREFIX)) counts[s.label] = result.rowCount ?? 0;
    }
    return counts;
  });
}

/** Better Auth's `user.deleteUser` options: password re-entered, no email round trip. */
export function accountDeletion(pool: Pool | undefined) {
  return {
    enabled: true,
    // Without a pool (tests on Better Auth's memory adapter) Better Auth's own deletes do it.
    beforeDelete: pool
      ? async (user: { id: string; email: string }) => {
          await deleteAccountData(pool, user.id, user.email);
        }
      : undefined,
  };
}
