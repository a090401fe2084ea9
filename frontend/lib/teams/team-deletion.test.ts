import type { Pool } from "pg";
import { describe, expect, it } from "vitest";
import { deleteTeamData, handOverPlan, teamDeletionStatements, teamsOnAccountDeletion, type MemberRow } from "./team-deletion";

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute));
const m = (id: string, organizationId: string, userId: string, role: string, minute: number): MemberRow => ({
  id,
  organizationId,
  userId,
  role,
  createdAt: at(minute),
});

describe("handOverPlan: a team whose only owner deletes their account", () => {
  it("goes to its longest-standing admin", () => {
    const rows = [
      m("m1", "t", "gone", "owner", 0),
      m("m2", "t", "bob", "member", 1),
      m("m3", "t", "ann", "admin", 3),
      m("m4", "t", "cy", "admin", 2),
    ];
    expect(handOverPlan("gone", rows)).toEqual([{ teamId: "t", promote: "m4" }]);
  });

  it("with no admin, goes to its longest-standing member", () => {
    const rows = [m("m1", "t", "gone", "owner", 0), m("m2", "t", "bob", "member", 5), m("m3", "t", "ann", "member", 3)];
    expect(handOverPlan("gone", rows)).toEqual([{ teamId: "t", promote: "m3" }]);
  });

  it("with nobody else in it, is deleted (with its lists and tasks)", () => {
    expect(handOverPlan("gone", [m("m1", "t", "gone", "owner", 0)])).toEqual([{ teamId: "t", deleteTeam: true }]);
  });

  it("is left alone when another owner remains, or when the leaving user was not its owner", () => {
    const rows = [
      m("m1", "a", "gone", "owner", 0),
      m("m2", "a", "bob", "admin,owner", 1),
      m("m3", "b", "gone", "admin", 0),
      m("m4", "b", "cy", "owner", 1),
    ];
    expect(handOverPlan("gone", rows)).toEqual([]);
  });
});

describe("teamDeletionStatements", () => {
  it("deletes the team's API rows (tasks before lists), then invitations, members and the team, by parameter", () => {
    const statements = teamDeletionStatements("t'1", { authSchema: "public", apiTables: ["tasks", "lists"], hasAssignee: true });
    expect(statements.map((s) => s.text)).toEqual([
      'DELETE FROM "tasks"."tasks" WHERE "team_id" = $1',
      'DELETE FROM "tasks"."lists" WHERE "team_id" = $1',
      'DELETE FROM "public"."invitation" WHERE "organizationId" = $1',
      'DELETE FROM "public"."member" WHERE "organizationId" = $1',
      'DELETE FROM "public"."organization" WHERE "id" = $1',
    ]);
    expect(statements.every((s) => s.values.length === 1 && s.values[0] === "t'1")).toBe(true);
  });
});

/** A pool whose one client records statements and answers like a catalogue where the API has teams. */
function recordingPool(members: MemberRow[] = []) {
  const statements: string[] = [];
  const client = {
    query: async (text: string) => {
      statements.push(text.replace(/\s+/g, " ").trim());
      if (text.includes("information_schema.columns")) {
        return {
          rows: [
            { table: "lists", column: "team_id" },
            { table: "tasks", column: "team_id" },
            { table: "tasks", column: "assignee_id" },
          ],
        };
      }
      if (text.includes("current_schema()")) return { rows: [{ schema: "public" }] };
      if (text.includes("to_regclass")) return { rows: [{ exists: true }] };
      if (text.startsWith('SELECT "id", "organizationId"')) return { rows: members };
      return { rows: [], rowCount: 1 };
    },
    release: () => {},
  };
  return { client, pool: { connect: async () => client } as unknown as Pool, statements };
}

describe("deleteTeamData", () => {
  it("locks the team and deletes its tasks, lists, invitations, members and row in one transaction", async () => {
    const { pool, statements } = recordingPool();
    const counts = await deleteTeamData(pool, "t1");
    expect(statements.filter((s) => !s.includes("information_schema") && !s.includes("current_schema"))).toEqual([
      "BEGIN",
      'SELECT 1 FROM "public"."organization" WHERE "id" = $1 FOR UPDATE',
      'DELETE FROM "tasks"."tasks" WHERE "team_id" = $1',
      'DELETE FROM "tasks"."lists" WHERE "team_id" = $1',
      'DELETE FROM "public"."invitation" WHERE "organizationId" = $1',
      'DELETE FROM "public"."member" WHERE "organizationId" = $1',
      'DELETE FROM "public"."organization" WHERE "id" = $1',
      "COMMIT",
    ]);
    expect(counts).toMatchObject({ "tasks.tasks": 1, "tasks.lists": 1, "public.organization": 1 });
  });

  it("rolls back and throws when a statement fails, so the team stays whole", async () => {
    const { pool, client, statements } = recordingPool();
    const query = client.query;
    client.query = async (text: string) => {
      if (text.includes('"tasks"."lists"')) throw new Error("boom");
      return query(text);
    };
    await expect(deleteTeamData(pool, "t1")).rejects.toThrow("boom");
    expect(statements.at(-1)).toBe("ROLLBACK");
    expect(statements).not.toContain("COMMIT");
  });
});

describe("teamsOnAccountDeletion (inside the account deletion's transaction)", () => {
  it("hands over a team with others in it, deletes a team left empty, unassigns the user's tasks, drops their invitations", async () => {
    const members = [
      m("m1", "shared", "gone", "owner", 0),
      m("m2", "shared", "ann", "admin", 1),
      m("m3", "alone", "gone", "owner", 0),
    ];
    const { pool, statements } = recordingPool(members);
    const client = await pool.connect();
    const counts = await teamsOnAccountDeletion(client, "gone", "Gone@Example.com");
    const run = statements.filter(
      (s) => !s.includes("information_schema") && !s.includes("current_schema") && !s.includes("to_regclass"),
    );
    expect(run.slice(2)).toEqual([
      'DELETE FROM "tasks"."tasks" WHERE "team_id" = $1',
      'DELETE FROM "tasks"."lists" WHERE "team_id" = $1',
      'DELETE FROM "public"."invitation" WHERE "organizationId" = $1',
      'DELETE FROM "public"."member" WHERE "organizationId" = $1',
      'DELETE FROM "public"."organization" WHERE "id" = $1',
      `UPDATE "public"."member" SET "role" = 'owner' WHERE "id" = $1`,
      'UPDATE "tasks"."tasks" SET "assignee_id" = NULL WHERE "assignee_id" = $1',
      'DELETE FROM "public"."invitation" WHERE "inviterId" = $1 OR lower("email") = lower($2)',
    ]);
    expect(counts["teams handed over"]).toBe(1);
  });
});
