import { describe, expect, it } from "vitest";
import { describeUserAgent, formatDateTime, knownAddress, toSessionViews } from "./session-view";

const CHROME_LINUX = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36";
const FIREFOX_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0";
const SAFARI_IPHONE =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";

describe("describeUserAgent", () => {
  it("names the browser with its major version and the operating system", () => {
    expect(describeUserAgent(CHROME_LINUX)).toBe("Chrome 130 on Linux");
    expect(describeUserAgent(FIREFOX_WINDOWS)).toBe("Firefox 128 on Windows 10");
    expect(describeUserAgent(SAFARI_IPHONE)).toBe("Mobile Safari 17 on iOS 17.5");
  });

  it("says unknown for a missing or meaningless user agent", () => {
    expect(describeUserAgent(null)).toBe("Unknown browser");
    expect(describeUserAgent("")).toBe("Unknown browser");
    expect(describeUserAgent("curl/8.5.0")).toBe("Unknown browser");
    expect(describeUserAgent("zzz")).toBe("Unknown browser");
  });
});

describe("toSessionViews", () => {
  const rows = [
    {
      id: "a",
      userAgent: CHROME_LINUX,
      ipAddress: "203.0.113.7",
      token: "secret-a",
      createdAt: new Date("2026-12-01T10:00:00Z"),
      updatedAt: new Date("2026-12-01T10:00:00Z"),
    },
    {
      id: "b",
      userAgent: FIREFOX_WINDOWS,
      ipAddress: "",
      token: "secret-b",
      createdAt: "2026-12-02T09:00:00.000Z",
      updatedAt: "2026-12-02T09:30:00.000Z",
    },
    {
      id: "c",
      userAgent: null,
      ipAddress: null,
      token: "secret-c",
      createdAt: new Date("2026-11-30T08:00:00Z"),
      updatedAt: new Date("2026-11-30T08:00:00Z"),
    },
  ];

  it("marks this device, puts it first, then newest sign-in first", () => {
    const views = toSessionViews(rows, "a");
    expect(views.map((v) => [v.id, v.current])).toEqual([
      ["a", true],
      ["b", false],
      ["c", false],
    ]);
    expect(views[1]).toEqual({
      id: "b",
      device: "Firefox 128 on Windows 10",
      ip: null,
      signedInAt: "2026-12-02T09:00:00.000Z",
      lastActiveAt: "2026-12-02T09:30:00.000Z",
      current: false,
    });
  });

  it("never passes a session token on", () => {
    const json = JSON.stringify(toSessionViews(rows, "a"));
    for (const secret of ["secret-a", "secret-b", "secret-c"]) expect(json).not.toContain(secret);
    expect(json).not.toContain("token");
  });
});

describe("knownAddress", () => {
  it("shows real addresses and hides the unspecified ones Better Auth stores when it trusts none", () => {
    expect(knownAddress("203.0.113.7")).toBe("203.0.113.7");
    expect(knownAddress("2001:db8::1")).toBe("2001:db8::1");
    expect(knownAddress("0000:0000:0000:0000:0000:0000:0000:0000")).toBeNull();
    expect(knownAddress("0.0.0.0")).toBeNull();
    expect(knownAddress("")).toBeNull();
    expect(knownAddress(null)).toBeNull();
  });
});

describe("formatDateTime", () => {
  it("formats in UTC on the server (and while hydrating), in the browser's zone after", () => {
    expect(formatDateTime("2026-12-02T13:57:00.000Z")).toBe("2 Dec 2026, 13:57 UTC");
    expect(formatDateTime("2026-12-02T13:57:00.000Z", "Europe/Paris")).toBe("2 Dec 2026, 14:57 CET");
    expect(formatDateTime("not a date")).toBe("unknown");
  });
});
