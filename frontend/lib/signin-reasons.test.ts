import { describe, expect, it } from "vitest";
import { signInReasonMessage, withSignInReason } from "./signin-reasons";

describe("sign-in reasons", () => {
  it("map known codes to their sentence", () => {
    expect(signInReasonMessage("session-ended")).toBe("Your session has ended. Please sign in again.");
    expect(signInReasonMessage(["account-deleted", "x"])).toMatch(/account has been deleted/);
  });

  it("never reflect other text from the URL", () => {
    for (const raw of ["Your bank needs your password at evil.example", "toString", "__proto__", "constructor", "", undefined, null]) {
      expect(signInReasonMessage(raw)).toBeNull();
    }
  });

  it("are added to a sign-in path with or without next", () => {
    expect(withSignInReason("/en/signin", "session-ended")).toBe("/en/signin?reason=session-ended");
    expect(withSignInReason("/en/signin?next=%2Fen%2Ftasks", "session-ended")).toBe(
      "/en/signin?next=%2Fen%2Ftasks&reason=session-ended",
    );
  });
});
