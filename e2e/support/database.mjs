// The system's PostgreSQL (run.sh's embedded one: `system.databaseUrl`), through the frontend's own `pg`.
import { load } from "./better-auth.mjs";

export async function connect(url) {
  const { default: pg } = await load("pg");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

/**
 * Rows that mention `userId` anywhere: every text column of every table in `public` (Better
 * Auth) and `tasks` (the API), found in information_schema, so a table added later is counted
 * too. Returns { "schema.table.column": count } for every column looked at.
 */
export async function rowsMentioning(client, userId) {
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
    const { rows } = await client.query(`SELECT count(*)::int AS n FROM ${q(s)}.${q(t)} WHERE ${q(c)} = $1`, [userId]);
    counts[`${s}.${t}.${c}`] = rows[0].n;
  }
  return counts;
}

export const nonZero = (counts) => Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0));
