import { describe, expect, it } from "vitest";
import { accountDeletedProof, deletedUserToForget } from "./account-deleted";
import { accountDeletedPath } from "./account-links";

describe("the account-deleted landing", () => {
  const secret = "a-test-secret-of-at-least-32-characters";
  const users = new Map([["ada", { id: "ada" }]]);
  const lookups: string[] = [];
  const find = async (id: string) => {
    lookups.push(id);
    return users.get(id) ?? null;
  };
  const proofOf = (id: string) => accountDeletedProof(secret, id);

  it("forgets the unsent edits of the user the link was made for, once that user no longer exists", async () => {
    expect(await deletedUserToForget("bob", proofOf("bob"), secret, find)).toBe("bob");
  });

  it("forgets nothing of a user that still exists (the deletion failed), nor without a user", async () => {
    expect(await deletedUserToForget("ada", proofOf("ada"), secret, find)).toBeNull();
    expect(await deletedUserToForget(undefined, proofOf(""), secret, find)).toBeNull();
    expect(await deletedUserToForget("", proofOf(""), secret, find)).toBeNull();
    const long = "x".repeat(201);
    expect(await deletedUserToForget(long, proofOf(long), secret, find)).toBeNull();
  });

  it("without the server's proof for that very user, forgets nothing and looks nobody up", async () => {
    lookups.length = 0;
    expect(await deletedUserToForget("bob", undefined, secret, find)).toBeNull();
    expect(await deletedUserToForget("bob", proofOf("eve"), secret, find)).toBeNull();
    expect(
      await deletedUserToForget("bob", accountDeletedProof("another-secret-of-32-characters!!", "bob"), secret, find),
    ).toBeNull();
    expect(await deletedUserToForget("bob", proofOf("bob").slice(1), secret, find)).toBeNull();
    expect(lookups).toEqual([]);
  });

  it("is where the emailed link's callback goes, naming the user and carrying the proof", () => {
    expect(accountDeletedPath("a b/c", "p+q")).toBe("/en/account-deleted?user=a%20b%2Fc&proof=p%2Bq");
  });
});
