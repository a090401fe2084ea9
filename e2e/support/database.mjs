// The system's PostgreSQL (run.sh's embedded one: `system.databaseUrl`), through the frontend's own `pg`.
import { createHash } from "node:crypto";
import { load } from "./better-auth.mjs";

export async function connect(url) {
  const { default: pg } = await load("pg");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

/**
 * The forms a hash of an email address takes in a table: SHA-256 of the trimmed, lower-cased
 * address (frontend/lib/account/email-key.ts), in base64url (what the app stores), base64 and hex; and
 * of the address as typed.
 */
export function emailHashes(email) {
  const forms = new Set();
  for (const e of new Set([email, email.trim().toLowerCase()])) {
    const digest = createHash("sha256").update(e).digest();
    for (const encoding of ["base64url", "base64", "hex"]) forms.add(digest.toString(encoding));
  }
  return [...forms];
}

/**
 * Rows that mention the user anywhere: every text column of every table in `public` (Better
 * Auth) and `tasks` (the API), found in information_schema, so a table added later is counted
 * too. A row mentions the user when a column *contains* the user id, the email (any case) or a
 * hash of the email (`emailHashes`), e.g. a JSON state holding the id or a throttle key
 * `<hash>~<device>`. `user` is `{ id, email }` (or just the id). Returns { "schema.table.column": count }
 * for every column looked at.
 */
export async function rowsMentioning(client, user) {
  const { id, email } = typeof user === "string" ? { id: user } : user;
  const needles = [id, ...(email ? emailHashes(email) : [])];
  const { rows: columns } = await client.query(
    `SELECT c.table_schema, c.table_name, c.column_name
       FROM information_schema.columns c
       JOIN information_schema.tables t USING (table_schema, table_name)
      WHERE c.table_schema IN ('public', 'tasks') AND t.table_type = 'BASE TABLE'
        AND c.data_type IN ('text', 'character varying')
      ORDER BY 1, 2, 3`,
  );
  const q = (name) => `"${name.replace(/"/g, '""')}"`;
  const counts = {};
  for (const { table_schema: s, table_name: t, column_name: c } of columns) {
    const { rows } = await client.query(
      `SELECT count(*)::int AS n FROM ${q(s)}.${q(t)}
        WHERE EXISTS (SELECT 1 FROM unnest($1::text[]) AS needle WHERE strpos(${q(c)}, needle) > 0)
           OR ($2::text IS NOT NULL AND strpos(lower(${q(c)}), lower($2::text)) > 0)`,
      [needles, email ?? null],
    );
    counts[`${s}.${t}.${c}`] = rows[0].n;
  }
  return counts;
}

export const nonZero = (counts) => Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0));
