import { describe, expect, it } from "vitest";
import { noticeText, withNotice } from "./account-links";

describe("page notices", () => {
  it("only the known names show a text", () => {
    expect(noticeText("password-changed")).toMatch(/password was changed/);
    expect(noticeText(["email-verified", "x"])).toMatch(/confirmed/);
    expect(noticeText("<script>")).toBeUndefined();
    expect(noticeText("toString")).toBeUndefined();
    expect(noticeText(undefined)).toBeUndefined();
  });

  it("are added to a path with or without a query", () => {
    expect(withNotice("/en/signin", "password-changed")).toBe("/en/signin?notice=password-changed");
    expect(withNotice("/en/signin?next=%2Fen%2Ftasks", "email-verified")).toBe("/en/signin?next=%2Fen%2Ftasks&notice=email-verified");
  });
});
