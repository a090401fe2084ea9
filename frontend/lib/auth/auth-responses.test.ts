import { describe, expect, it } from "vitest";
import { withAuthResponseHeaders } from "./auth-responses";
import { memoryAuth } from "./test-auth";

function app() {
  const { auth } = memoryAuth({ AUTH_RATE_LIMIT: "on" });
  const handle = withAuthResponseHeaders((request) => auth.handler(request));
  const call = (path: string, init: RequestInit = {}) =>
    handle(
      new Request(`http://localhost:3000/api/auth${path}`, {
        ...init,
        headers: { Origin: "http://localhost:3000", ...init.headers },
      }),
    );
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    call(path, { method: "POST", headers: { "Content-Type": "application/json", ...headers }, body: JSON.stringify(body) });
  return { call, post };
}

describe("withAuthResponseHeaders", () => {
  it("GET /token is never cached, nor is get-session; the JWKS is revalidated", async () => {
    const { call, post } = app();
    const signUp = await post("/sign-up/email", { email: "ada@example.com", password: "correct-horse-1", name: "Ada" });
    const cookie = signUp.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const token = await call("/token", { headers: { cookie } });
    expect(token.status).toBe(200);
    expect(token.headers.get("cache-control")).toBe("no-store");
    expect((await call("/get-session", { headers: { cookie } })).headers.get("cache-control")).toBe("no-store");
    expect((await call("/token")).headers.get("cache-control")).toBe("no-store"); // the 401 too
    expect((await call("/jwks")).headers.get("cache-control")).toBe("no-cache");
  });

  it("adds Retry-After to Better Auth's per-address 429", async () => {
    const { post } = app();
    const statuses = [];
    let last: Response | undefined;
    for (let i = 0; i < 4; i++) {
      last = await post(
        "/sign-in/email",
        { email: `user${i}@example.com`, password: "wrong-password" },
        { "X-Forwarded-For": "203.0.113.5" },
      );
      statuses.push(last.status);
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
    expect(Number(last!.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(last!.headers.get("retry-after")).toBe(last!.headers.get("x-retry-after"));
  });
});
