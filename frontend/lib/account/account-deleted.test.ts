import { describe, expect, it } from "vitest";
import { deletedUserToForget } from "./account-deleted";
import { accountDeletedPath } from "./account-links";

describe("the account-deleted landing", () => {
  const users = new Map([["ada", { id: "ada" }]]);
  const find = async (id: string) => users.get(id) ?? null;

  it("forgets the unsent edits of a user that no longer exists", async () => {
    expect(await deletedUserToForget("bob", find)).toBe("bob");
  });

  it("forgets nothing of a user that still exists (a crafted link), nor without a user", async () => {
    expect(await deletedUserToForget("ada", find)).toBeNull();
    expect(await deletedUserToForget(undefined, find)).toBeNull();
    expect(await deletedUserToForget("", find)).toBeNull();
    expect(await deletedUserToForget("x".repeat(201), find)).toBeNull();
  });

  it("is where the emailed link's callback goes, naming the user", () => {
    expect(accountDeletedPath("a b/c")).toBe("/en/account-deleted?user=a%20b%2Fc");
  });
});
