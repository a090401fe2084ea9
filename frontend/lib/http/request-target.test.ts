import http from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { installRequestTargetGuard, isMalformedTarget, MALFORMED_TARGET } from "./request-target.mjs";

describe("isMalformedTarget", () => {
  it.each(["/%", "/en/%", "/%zz", "/en/tasks%", "/%E0%A4%A", "/%?q=1"])("%s is malformed", (target) => {
    expect(isMalformedTarget(target)).toBe(true);
  });

  it.each(["/", "/en/tasks", "/en/signin?next=%2Fen%2Ftasks", "/en/signin?next=%", "/%F0%9F%98%80", "/a%20b"])(
    "%s is fine",
    (target) => {
      expect(isMalformedTarget(target)).toBe(false);
    },
  );
});

describe("installRequestTargetGuard", () => {
  it("points an undecodable request target at a path no page has, before the server sees it", async () => {
    installRequestTargetGuard();
    const server = http.createServer((req, res) => res.end(req.url));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const get = (target: string) =>
      new Promise<string>((resolve, reject) => {
        const { port } = server.address() as AddressInfo;
        http
          .get({ host: "127.0.0.1", port, path: target }, (res) => {
            let body = "";
            res.on("data", (chunk) => (body += chunk));
            res.on("end", () => resolve(body));
          })
          .on("error", reject);
      });
    try {
      expect(await get("/%")).toBe(MALFORMED_TARGET);
      expect(await get("/en/tasks?q=100%")).toBe("/en/tasks?q=100%");
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
