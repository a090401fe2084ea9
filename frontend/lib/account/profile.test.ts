import { describe, expect, it } from "vitest";
import { NAME_MAX_CHARS } from "../auth/user-limits";
import { changeLinkSentText, emailBreakParts, validateName, validateNewEmail } from "./profile";

describe("profile form checks", () => {
  it("names: the server's cap and characters, not empty, not unchanged", () => {
    expect(validateName("Ada Lovelace", "Ada")).toBeUndefined();
    expect(validateName("x".repeat(NAME_MAX_CHARS + 1), "Ada")).toMatch(/at most 100/);
    expect(validateName("Ada\nadmin", "Ada")).toMatch(/line breaks/);
    expect(validateName("   ", "Ada")).toBe("Enter a name.");
    expect(validateName(" Ada ", "Ada")).toMatch(/already/);
  });

  it("new addresses: shape, cap, and not the current one (any case)", () => {
    expect(validateNewEmail("ada@new.example", "ada@example.com")).toBeUndefined();
    expect(validateNewEmail("", "ada@example.com")).toBe("Enter the new email address.");
    expect(validateNewEmail("ada@", "ada@example.com")).toMatch(/doesn't look like/);
    expect(validateNewEmail(`${"a".repeat(250)}@x.example`, "ada@example.com")).toMatch(/at most 254/);
    expect(validateNewEmail("ADA@example.com", "ada@example.com")).toMatch(/already your email/);
  });

  it("says where the link went, that nothing changed yet, and that the old address can undo", () => {
    const text = changeLinkSentText("ada@new.example", "ada@example.com", true);
    expect(text).toContain("ada@new.example");
    expect(text).toContain("until then you sign in with ada@example.com");
    expect(text).toMatch(/can undo it/);
    expect(changeLinkSentText("ada@new.example", "ada@example.com", false)).not.toMatch(/undo/);
  });

  it("breaks an address after dots and before the @ only", () => {
    expect(emailBreakParts("ada.lovelace@mail.example.org")).toEqual(["ada.", "lovelace", "@mail.", "example.", "org"]);
    expect(emailBreakParts("x@y").join("")).toBe("x@y");
  });
});
