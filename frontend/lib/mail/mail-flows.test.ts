import { describe, expect, it } from "vitest";
import { authErrorMessage } from "../auth/auth-errors";
import {
  EXPIRED_RESET_LINK,
  resendErrorMessage,
  resetErrorMessage,
  validateNewPassword,
  verificationErrorMessage,
} from "./mail-flows";

describe("validateNewPassword", () => {
  it("asks for a password of 8 to 128 characters, typed the same twice", () => {
    expect(validateNewPassword({ password: "", confirm: "" })).toEqual({ password: "Enter a new password." });
    expect(validateNewPassword({ password: "short", confirm: "short" })).toEqual({ password: "Use at least 8 characters." });
    expect(validateNewPassword({ password: "x".repeat(129), confirm: "x".repeat(129) })).toEqual({
      password: "Use at most 128 characters.",
    });
    expect(validateNewPassword({ password: "long-enough-1", confirm: "long-enough-2" })).toEqual({
      confirm: "The two passwords differ. Type the same one twice.",
    });
    expect(validateNewPassword({ password: "long-enough-1", confirm: "long-enough-1" })).toEqual({});
  });
});

describe("messages of the mail flows", () => {
  it("an expired, used or unknown reset link says so and points to a new one", () => {
    expect(resetErrorMessage({ code: "INVALID_TOKEN", status: 400 })).toBe(EXPIRED_RESET_LINK);
    expect(resetErrorMessage({ code: "PASSWORD_TOO_SHORT", status: 400 })).toMatch(/too short: use at least 8/);
    expect(resetErrorMessage({ status: 429 })).toMatch(/Too many attempts/);
  });

  it("sign-in of an unverified account asks to open the mailed link", () => {
    expect(authErrorMessage({ code: "EMAIL_NOT_VERIFIED", status: 403 }, "signin")).toMatch(/Confirm your email address first/);
  });

  it("a verification link that failed says why", () => {
    expect(verificationErrorMessage("TOKEN_EXPIRED")).toMatch(/expired/);
    expect(verificationErrorMessage("INVALID_TOKEN")).toMatch(/not valid/);
  });

  it("asking again for a confirmation link that is not needed says why", () => {
    expect(resendErrorMessage({ code: "EMAIL_ALREADY_VERIFIED", status: 400 })).toMatch(/already confirmed/);
    expect(resendErrorMessage({ status: 429 })).toMatch(/Too many attempts/);
  });
});
