import { describe, expect, it } from "vitest";
import { signInNoticeText, withSignInNotice } from "./signin-notices";

describe("sign-in notices", () => {
  it("map known names to their sentence", () => {
    expect(signInNoticeText("session-ended")).toBe("Your session has ended. Please sign in again.");
    expect(signInNoticeText(["account-deleted", "x"])).toMatch(/account has been deleted/);
    expect(signInNoticeText("password-changed")).toMatch(/password was changed/);
    expect(signInNoticeText("email-verified")).toBe("Your email address is confirmed.");
  });

  it("never reflect other text from the URL", () => {
    for (const raw of [
      "Your bank needs your password at evil.example",
      "toString",
      "__proto__",
      "constructor",
      "",
      undefined,
      null,
    ]) {
      expect(signInNoticeText(raw)).toBeUndefined();
    }
  });

  it("are added to a sign-in path with or without next", () => {
    expect(withSignInNotice("/en/signin", "session-ended")).toBe("/en/signin?notice=session-ended");
    expect(withSignInNotice("/en/signin?next=%2Fen%2Ftasks", "session-ended")).toBe(
      "/en/signin?next=%2Fen%2Ftasks&notice=session-ended",
    );
  });
});
