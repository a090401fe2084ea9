import { describe, expect, it } from "vitest";
import { isLocale, safeNextPath, signInPath } from "./paths";

describe("safeNextPath", () => {
  it.each([
    ["/en/tasks", "/en/tasks"],
    ["/en/tasks?filter=active#top", "/en/tasks?filter=active#top"],
    ["/en/tasks/../tasks", "/en/tasks"],
  ])("keeps the same-site path %s", (input, expected) => {
    expect(safeNextPath(input, "/fallback")).toBe(expected);
  });

  it.each([
    ["protocol-relative", "//evil.example/x"],
    ["backslash trick", "/\\evil.example"],
    ["encoded-free backslash", "\\\\evil.example"],
    ["absolute URL", "https://evil.example/"],
    ["javascript URL", "javascript:alert(1)"],
    ["relative without slash", "en/tasks"],
    ["tab inside", "/\t/evil.example"],
    ["newline inside", "/en/tasks\n"],
    ["empty", ""],
    ["the API", "/api/auth/sign-out"],
    ["sign-in loop", "/en/signin?next=/en/tasks"],
    ["sign-up loop", "/en/signup"],
    ["too long", `/${"a".repeat(3000)}`],
  ])("refuses %s", (_, input) => {
    expect(safeNextPath(input, "/fallback")).toBe("/fallback");
  });

  it("takes the first of repeated parameters and defaults to the tasks page", () => {
    expect(safeNextPath(["/en/tasks?a=1", "//evil"], "/x")).toBe("/en/tasks?a=1");
    expect(safeNextPath(undefined)).toBe("/en/tasks");
    expect(safeNextPath(null)).toBe("/en/tasks");
  });
});

describe("signInPath", () => {
  it("carries a safe next, drops an unsafe one", () => {
    expect(signInPath("/en/tasks?q=milk")).toBe("/en/signin?next=%2Fen%2Ftasks%3Fq%3Dmilk");
    expect(signInPath("//evil.example")).toBe("/en/signin");
    expect(signInPath()).toBe("/en/signin");
  });
});

describe("isLocale", () => {
  it("knows only en", () => {
    expect(isLocale("en")).toBe(true);
    expect(isLocale("fr")).toBe(false);
    expect(isLocale("EN")).toBe(false);
  });
});
