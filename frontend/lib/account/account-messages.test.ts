import { describe, expect, it } from "vitest";
import { accountErrorMessage, isSignedOut, validatePasswordChange } from "./account-messages";

describe("accountErrorMessage", () => {
  it("says the password is wrong (not 'email or password': the email is not asked here)", () => {
    expect(accountErrorMessage({ code: "INVALID_PASSWORD", status: 400 })).toBe(
      "That password is wrong. Check it and try again.",
    );
  });

  it("explains weak passwords, missing mail set-up and an ended session", () => {
    expect(accountErrorMessage({ code: "PASSWORD_TOO_SHORT", status: 400 })).toMatch(/at least 8 characters/);
    expect(accountErrorMessage({ code: "VERIFICATION_EMAIL_NOT_ENABLED", status: 400 })).toMatch(/isn't set up/);
    expect(accountErrorMessage({ status: 401 })).toBe("Your session has ended. Please sign in again.");
    expect(isSignedOut({ status: 401 })).toBe(true);
    expect(isSignedOut({ status: 400 })).toBe(false);
  });

  it("falls back to the shared sentences for network, throttling and server errors", () => {
    expect(accountErrorMessage({ status: 0 })).toMatch(/Can't reach the server/);
    expect(accountErrorMessage({ status: 429 })).toMatch(/Too many attempts/);
    expect(accountErrorMessage({ status: 500 })).toMatch(/on our side/);
  });
});

describe("validatePasswordChange", () => {
  const ok = { currentPassword: "old-password-1", newPassword: "new-password-1", confirmPassword: "new-password-1" };

  it("accepts a valid change", () => {
    expect(validatePasswordChange(ok)).toEqual({});
  });

  it("refuses a weak, unchanged or unconfirmed new password before sending", () => {
    expect(validatePasswordChange({ ...ok, newPassword: "short", confirmPassword: "short" }).newPassword).toBe(
      "Use at least 8 characters.",
    );
    expect(validatePasswordChange({ ...ok, newPassword: "x".repeat(129), confirmPassword: "x".repeat(129) }).newPassword).toBe(
      "Use at most 128 characters.",
    );
    expect(
      validatePasswordChange({ ...ok, newPassword: ok.currentPassword, confirmPassword: ok.currentPassword }).newPassword,
    ).toMatch(/different/);
    expect(validatePasswordChange({ ...ok, confirmPassword: "new-password-2" })).toEqual({
      confirmPassword: "The two new passwords don't match.",
    });
    expect(validatePasswordChange({ currentPassword: "", newPassword: "", confirmPassword: "" })).toEqual({
      currentPassword: "Enter your current password.",
      newPassword: "Enter a new password.",
    });
  });
});
