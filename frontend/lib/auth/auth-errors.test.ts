import { describe, expect, it } from "vitest";
import { authErrorMessage, validateCredentials } from "./auth-errors";

describe("authErrorMessage", () => {
  it("says the email is taken (Better Auth 1.7 code on sign-up)", () => {
    const message = authErrorMessage({ code: "USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL", status: 422 }, "signup");
    expect(message).toMatch(/already exists/);
    expect(message).toMatch(/Sign in instead/);
  });

  it("says the password is too short or too long", () => {
    expect(authErrorMessage({ code: "PASSWORD_TOO_SHORT", status: 400 }, "signup")).toMatch(/at least 8 characters/);
    expect(authErrorMessage({ code: "PASSWORD_TOO_LONG", status: 400 }, "signup")).toMatch(/at most 128/);
  });

  it("says wrong email or password without telling which", () => {
    for (const code of ["INVALID_EMAIL_OR_PASSWORD", "INVALID_PASSWORD", "USER_NOT_FOUND"]) {
      expect(authErrorMessage({ code, status: 401 }, "signin")).toBe("Wrong email or password. Check them and try again.");
    }
    expect(authErrorMessage({ status: 401 }, "signin")).toMatch(/Wrong email or password/);
  });

  it("explains network failures, rate limits and server errors", () => {
    expect(authErrorMessage({ status: 0 }, "signin")).toMatch(/Can't reach the server/);
    expect(authErrorMessage({ status: 429, message: "Too many requests." }, "signin")).toMatch(/Too many attempts/);
    expect(authErrorMessage({ status: 429, retryAfter: "7" }, "signin")).toBe("Too many attempts. Try again in 7 s.");
    expect(authErrorMessage({ status: 429, code: "TOO_MANY_ATTEMPTS", retryAfter: 64 }, "signin")).toBe(
      "Too many attempts. Try again in 64 s.",
    );
    expect(authErrorMessage({ status: 429, retryAfter: "soon" }, "signup")).toBe(
      "Too many attempts. Wait a few seconds and try again.",
    );
    expect(authErrorMessage({ status: 500, message: "relation user does not exist" }, "signup")).not.toMatch(/relation/);
  });

  it("never shows a raw code", () => {
    expect(authErrorMessage({ code: "SOMETHING_NEW", message: "Something new happened", status: 400 }, "signin")).toBe(
      "Something new happened",
    );
    expect(authErrorMessage(null, "signin")).toMatch(/Something went wrong/);
  });
});

describe("validateCredentials", () => {
  it("asks for an email that looks like one", () => {
    expect(validateCredentials({ email: "", password: "x" }, "signin").email).toMatch(/Enter your email/);
    expect(validateCredentials({ email: "nope", password: "x" }, "signin").email).toMatch(/doesn't look like/);
    expect(validateCredentials({ email: " a@b.co ", password: "x" }, "signin")).toEqual({});
  });

  it("checks the password length on sign-up only", () => {
    expect(validateCredentials({ email: "a@b.co", password: "short" }, "signup").password).toMatch(/at least 8/);
    expect(validateCredentials({ email: "a@b.co", password: "x".repeat(129) }, "signup").password).toMatch(/at most 128/);
    expect(validateCredentials({ email: "a@b.co", password: "longenough" }, "signup")).toEqual({});
    expect(validateCredentials({ email: "a@b.co", password: "short" }, "signin")).toEqual({});
    expect(validateCredentials({ email: "a@b.co", password: "" }, "signin").password).toMatch(/Enter your password/);
  });
});
