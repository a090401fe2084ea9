import { describe, expect, it } from "vitest";
import { safeNextPath, signUpPath } from "../http/paths";
import { acceptInvitationPath, teamPath } from "./team-links";
import { canManage, highestRole, TEAM_NAME_MAX, teamNameError } from "./team-rules";

describe("team rules shared by the forms and the server", () => {
  it("a team name is 1..TEAM_NAME_MAX characters once trimmed", () => {
    expect(teamNameError("  ")).toBeDefined();
    expect(teamNameError(undefined)).toBeDefined();
    expect(teamNameError("x".repeat(TEAM_NAME_MAX + 1))).toBeDefined();
    expect(teamNameError(` ${"x".repeat(TEAM_NAME_MAX)} `)).toBeUndefined();
  });

  it("reads Better Auth's comma-separated roles: the highest one counts; members do not manage", () => {
    expect(highestRole("admin,owner")).toBe("owner");
    expect(highestRole("member, admin")).toBe("admin");
    expect(highestRole("")).toBe("member");
    expect(canManage("member")).toBe(false);
    expect(canManage("admin")).toBe(true);
    expect(canManage("owner")).toBe(true);
  });
});

describe("team links", () => {
  it("the invitation page survives sign-up and sign-in as `next` (a signed-out person comes back to it)", () => {
    const here = acceptInvitationPath("AbC123_-x");
    expect(here).toBe("/en/teams/accept?invitation=AbC123_-x");
    expect(safeNextPath(here)).toBe(here);
    expect(signUpPath(here)).toBe(`/en/signup?next=${encodeURIComponent(here)}`);
  });

  it("encodes an id into the path", () => {
    expect(teamPath("a/b")).toBe("/en/teams/a%2Fb");
  });
});
