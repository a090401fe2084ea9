import { describe, expect, it } from "vitest";
import { ORGANIZATION_ERROR_CODES } from "better-auth/client/plugins";
import { teamErrorMessage } from "./team-errors";

describe("teamErrorMessage", () => {
  it("speaks of teams for the codes a person meets", () => {
    expect(teamErrorMessage({ code: "YOU_CANNOT_LEAVE_THE_ORGANIZATION_AS_THE_ONLY_OWNER", status: 400 })).toMatch(/only owner/);
    expect(teamErrorMessage({ code: "INVITATION_MAIL_LIMIT", status: 429 })).toMatch(/later/);
    expect(teamErrorMessage({ status: 429 })).toMatch(/Too many/);
    expect(teamErrorMessage({ message: "Odd", status: 400 })).toBe("Odd");
  });

  it("names only codes the installed Better Auth has (or this app's own)", async () => {
    const source = await import("node:fs/promises").then((fs) =>
      fs.readFile(new URL("./team-errors.ts", import.meta.url), "utf8"),
    );
    const codes = [...source.matchAll(/^ {2}([A-Z_]+):/gm)].map((m) => m[1]);
    const own = ["INVITATION_MAIL_LIMIT"];
    for (const code of codes) expect(own.includes(code) || code in ORGANIZATION_ERROR_CODES, code).toBe(true);
  });
});
