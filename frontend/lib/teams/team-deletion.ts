import type { Pool, PoolClient } from "pg";
import { inTransaction } from "../database/transaction";

/**
 * What goes with a team, and what happens to teams when an account goes. Plain SQL in one
 * transaction, like lib/account/account-deletion.ts: Better Auth deletes a team's members,
 * invitations and row one statement at a time, and the team's lists and tasks (the Java API's
 * tables, SPEC 1.9: "deleting a team deletes its lists and tasks") are not its concern.
 *
 * The API's tables are found in the catalogue: every table of schema `tasks` with a `team_id`
 * column holds a team's rows (tasks first: they point at lists). Before the API has teams there
 * is none, and only Better Auth's rows go.
 */
export const API_SCHEMA = "tasks";
export const TEAM_COLUMN = "team_id";
export const ASSIGNEE_COLUMN = "assignee_id";

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

export interface TeamTables {
  /** Better Auth's schema (the connection's current schema). */
  authSchema: string;
  /** Tables of API_SCHEMA with a team_id column, tasks first. */
  apiTables: string[];
  /** Whether tasks.tasks has assignee_id (SPEC 1.9). */
  hasAssignee: boolean;
}

export async function discoverTeamTables(client: PoolClient): Promise<TeamTables> {
  const { rows } = await client.query<{ table: string; column: string }>(
    `SELECT table_name::text AS table, column_name::text AS column FROM information_schema.columns
      WHERE table_schema = $1 AND column_name IN ($2, $3)`,
    [API_SCHEMA, TEAM_COLUMN, ASSIGNEE_COLUMN],
  );
  const { rows: schema } = await client.query<{ schema: string }>(`SELECT current_schema() AS schema`);
  const apiTables = [...new Set(rows.filter((r) => r.column === TEAM_COLUMN).map((r) => r.table))].sort((a, b) =>
    a === "tasks" ? -1 : b === "tasks" ? 1 : a.localeCompare(b),
  );
  return {
    authSchema: schema[0].schema,
    apiTables,
    hasAssignee: rows.some((r) => r.table === "tasks" && r.column === ASSIGNEE_COLUMN),
  };
}

export interface Statement {
  label: string;
  text: string;
  values: string[];
}

/** The statements deleting one team: its API rows (tasks first), invitations, members, the team. */
export function teamDeletionStatements(teamId: string, { authSchema, apiTables }: TeamTables): Statement[] {
  const auth = (table: string) => `${q(authSchema)}.${q(table)}`;
  return [
    ...apiTables.map((table) => ({
      label: `${API_SCHEMA}.${table}`,
      text: `DELETE FROM ${q(API_SCHEMA)}.${q(table)} WHERE ${q(TEAM_COLUMN)} = $1`,
      values: [teamId],
    })),
    ...["invitation", "member"].map((table) => ({
      label: `${authSchema}.${table}`,
      text: `DELETE FROM ${auth(table)} WHERE "organizationId" = $1`,
      values: [teamId],
    })),
    { label: `${authSchema}.organization`, text: `DELETE FROM ${auth("organization")} WHERE "id" = $1`, values: [teamId] },
  ];
}

async function run(client: PoolClient, statements: Statement[], counts: Record<string, number>) {
  for (const s of statements) {
    const result = await client.query(s.text, s.values);
    counts[s.label] = (counts[s.label] ?? 0) + (result.rowCount ?? 0);
  }
}

/** Deletes a team with its lists and tasks, all or nothing; returns rows deleted per table. */
export async function deleteTeamData(pool: Pool, teamId: string): Promise<Record<string, number>> {
  return inTransaction(pool, async (client) => {
    const counts: Record<string, number> = {};
    const tables = await discoverTeamTables(client);
    // Locked first: an account deletion handing this team over (below) waits, or is waited for.
    await client.query(`SELECT 1 FROM ${q(tables.authSchema)}."organization" WHERE "id" = $1 FOR UPDATE`, [teamId]);
    await run(client, teamDeletionStatements(teamId, tables), counts);
    return counts;
  });
}

/** A member row as the hand-over reads it. */
export interface MemberRow {
  id: string;
  organizationId: string;
  userId: string;
  role: string;
  createdAt: Date;
}

const roles = (role: string) => role.split(",").map((r) => r.trim());

export type HandOver = { teamId: string; promote: string } | { teamId: string; deleteTeam: true };

/**
 * The ownership rule when an account goes (README "Teams"): for every team where the leaving user
 * is the only owner, the longest-standing admin becomes owner; with no admin, the longest-standing
 * member; with nobody else left, the team goes with its lists and tasks. Teams with another owner
 * only lose the member. `members` are the rows of the teams the user belongs to.
 */
export function handOverPlan(userId: string, members: MemberRow[]): HandOver[] {
  const plans: HandOver[] = [];
  const teams = [...new Set(members.filter((m) => m.userId === userId).map((m) => m.organizationId))].sort();
  for (const teamId of teams) {
    const inTeam = members.filter((m) => m.organizationId === teamId);
    const leaving = inTeam.filter((m) => m.userId === userId);
    const others = inTeam.filter((m) => m.userId !== userId);
    if (!leaving.some((m) => roles(m.role).includes("owner"))) continue;
    if (others.some((m) => roles(m.role).includes("owner"))) continue;
    const byAge = (a: MemberRow, b: MemberRow) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id);
    const successor = others.filter((m) => roles(m.role).includes("admin")).sort(byAge)[0] ?? [...others].sort(byAge)[0];
    plans.push(successor ? { teamId, promote: successor.id } : { teamId, deleteTeam: true });
  }
  return plans;
}

/**
 * Runs inside the account deletion's transaction (lib/account/account-deletion.ts), before the
 * user's rows go: applies handOverPlan, takes the user off the tasks assigned to them, and
 * deletes the invitations they sent or that were addressed to them. Their `member` rows go with
 * the other tables naming the user.
 */
export async function teamsOnAccountDeletion(
  client: PoolClient,
  userId: string,
  email: string | undefined,
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  const tables = await discoverTeamTables(client);
  const auth = (table: string) => `${q(tables.authSchema)}.${q(table)}`;
  const exists = (
    await client.query<{ exists: boolean }>(`SELECT to_regclass($1) IS NOT NULL AS exists`, [`${q(tables.authSchema)}."member"`])
  ).rows[0]?.exists;
  if (!exists) return counts;
  // The user's teams are locked (in id order, as deleteTeamData locks one), then read whole.
  await client.query(
    `SELECT 1 FROM ${auth("organization")} WHERE "id" IN (SELECT "organizationId" FROM ${auth("member")} WHERE "userId" = $1) ORDER BY "id" FOR UPDATE`,
    [userId],
  );
  const { rows } = await client.query<MemberRow>(
    `SELECT "id", "organizationId", "userId", "role", "createdAt" FROM ${auth("member")}
      WHERE "organizationId" IN (SELECT "organizationId" FROM ${auth("member")} WHERE "userId" = $1)`,
    [userId],
  );
  for (const plan of handOverPlan(userId, rows)) {
    if ("promote" in plan) {
      await run(
        client,
        [
          {
            label: "teams handed over",
            text: `UPDATE ${auth("member")} SET "role" = 'owner' WHERE "id" = $1`,
            values: [plan.promote],
          },
        ],
        counts,
      );
    } else {
      await run(client, teamDeletionStatements(plan.teamId, tables), counts);
    }
  }
  if (tables.hasAssignee) {
    await run(
      client,
      [
        {
          label: `${API_SCHEMA}.tasks unassigned`,
          text: `UPDATE ${q(API_SCHEMA)}."tasks" SET ${q(ASSIGNEE_COLUMN)} = NULL WHERE ${q(ASSIGNEE_COLUMN)} = $1`,
          values: [userId],
        },
      ],
      counts,
    );
  }
  await run(
    client,
    [
      {
        label: `${tables.authSchema}.invitation`,
        text: `DELETE FROM ${auth("invitation")} WHERE "inviterId" = $1 OR lower("email") = lower($2)`,
        values: [userId, email ?? ""],
      },
    ],
    counts,
  );
  return counts;
}
