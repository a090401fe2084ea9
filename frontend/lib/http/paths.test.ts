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

  // Security probe, issue 15: the URL parser resolves "..", "%2e%2e" and ".%2e" segments, so a
  // value that starts with one "/" can normalise to "//host". The decision is on the final path.
  it.each([
    ["dot-dot then two slashes", "/..//evil.example"],
    ["dot-dot then two slashes and a path", "/..//evil.example/phish"],
    ["encoded dot-dot", "/%2e%2e//evil.example"],
    ["upper-case encoded dot-dot", "/%2E%2E//evil.example"],
    ["half-encoded dot-dot", "/.%2e//evil.example"],
    ["dot-dot below the locale", "/en/tasks/../..//evil.example"],
    ["dot segment then two slashes", "/.//evil.example"],
    ["repeated dot-dot", "/../../../..//evil.example"],
    ["dot-dot and a backslash", "/..\\evil.example"],
    ["dot-dot, slash, backslash", "/../\\evil.example"],
    ["dot-dot with a tab", "/..\t//evil.example"],
    ["dot-dot with a newline", "/..\n//evil.example"],
    ["encoded slash", "/%2f/evil.example"],
    ["encoded slash after dot-dot", "/..%2f%2fevil.example"],
    ["encoded backslash", "/%5cevil.example"],
    ["encoded backslash after a slash", "/%5c%5cevil.example"],
    ["double-encoded dot-dot", "/%252e%252e//evil.example"],
    ["double-encoded slash", "/%252f%252fevil.example"],
    ["encoded tab", "/%09/evil.example"],
    ["encoded NUL", "/en/tasks%00"],
    ["credentials form", "//user@evil.example"],
    ["dot-dot credentials form", "/..//user:pw@evil.example/"],
    ["very long dot-dot chain", `${"/..".repeat(600)}//evil.example`],
    ["very long value", `/en/tasks?q=${"x".repeat(2100)}`],
  ])("refuses the open redirect %s", (_, input) => {
    expect(safeNextPath(input, "/fallback")).toBe("/fallback");
  });

  it.each([
    ["an at sign in the path stays a path", "/@evil.example", "/@evil.example"],
    ["a unicode division slash is just a character", "/\u2215\u2215evil.example", "/%E2%88%95%E2%88%95evil.example"],
    ["a fullwidth solidus is just a character", "/\uff0fevil.example", "/%EF%BC%8Fevil.example"],
    ["a scheme after dot-dot is a path segment here", "/../https://evil.example", "/https://evil.example"],
    ["a percent in the query is kept", "/en/tasks?q=100%25", "/en/tasks?q=100%25"],
  ])("%s", (_, input, expected) => {
    const safe = safeNextPath(input, "/fallback");
    expect(safe).toBe(expected);
    // Whatever is returned resolves on this origin, in a browser's URL parser too.
    expect(new URL(safe, "https://app.example").origin).toBe("https://app.example");
  });

  it("never returns something that leaves the site, for many hostile shapes", () => {
    const parts = ["/", "\\", "..", ".", "%2e", "%2f", "%5c", "%252e", "evil.example", "@", "\t", ":", "?", "#"];
    let checked = 0;
    for (const a of parts)
      for (const b of parts)
        for (const c of parts) {
          const safe = safeNextPath(`/${a}${b}${c}evil.example`, "/fallback");
          expect(new URL(safe, "https://app.example").origin).toBe("https://app.example");
          expect(safe.startsWith("/") && !safe.startsWith("//") && !safe.startsWith("/\\")).toBe(true);
          checked++;
        }
    expect(checked).toBe(parts.length ** 3);
  });

  it("checks the API and auth pages on the decoded path", () => {
    expect(safeNextPath("/%61pi/auth/sign-out", "/fallback")).toBe("/fallback");
    expect(safeNextPath("/en/%73ignin", "/fallback")).toBe("/fallback");
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
