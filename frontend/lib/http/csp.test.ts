import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, createNonce } from "./csp";

const directive = (csp: string, name: string) => csp.split("; ").find((d) => d.startsWith(`${name} `)) ?? "";

describe("contentSecurityPolicy", () => {
  const csp = contentSecurityPolicy({ nonce: "abc123", apiUrl: "https://api.example.com/v1/" });

  it("lets the browser call the task API's origin and this origin only", () => {
    expect(directive(csp, "connect-src")).toBe("connect-src 'self' https://api.example.com");
  });

  it("allows scripts by nonce, never inline or eval in production", () => {
    const scripts = directive(csp, "script-src");
    expect(scripts).toContain("'nonce-abc123'");
    expect(scripts).not.toContain("unsafe-inline");
    expect(scripts).not.toContain("unsafe-eval");
  });

  it("forbids framing, plugins and base/form hijacks", () => {
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'self'");
    expect(csp).toContain("form-action 'self'");
    expect(csp).not.toContain("upgrade-insecure-requests");
  });

  it("adds what development needs, and upgrades requests on https", () => {
    const dev = contentSecurityPolicy({ nonce: "n", apiUrl: "http://localhost:8000", dev: true });
    expect(directive(dev, "script-src")).toContain("'unsafe-eval'");
    expect(directive(dev, "connect-src")).toContain("ws:");
    expect(contentSecurityPolicy({ nonce: "n", apiUrl: "x", https: true })).toContain("upgrade-insecure-requests");
  });

  it("ignores an API URL that is not a URL rather than writing it into the policy", () => {
    expect(directive(contentSecurityPolicy({ nonce: "n", apiUrl: "not a url; script-src *" }), "connect-src")).toBe(
      "connect-src 'self'",
    );
  });
});

describe("createNonce", () => {
  it("is random base64 of 128 bits", () => {
    const a = createNonce();
    expect(a).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(createNonce()).not.toBe(a);
  });
});
