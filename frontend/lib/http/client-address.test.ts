import http from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { clientAddress, clientAddressInstalled, installClientAddress, parseTrustedProxies } from "./client-address.mjs";

const none = parseTrustedProxies("");
const proxies = parseTrustedProxies("10.0.0.0/8, 192.168.0.1, ::1");

describe("clientAddress (same rule as the API's ClientAddress)", () => {
  it("without trusted proxies the socket peer is the client, whatever X-Forwarded-For says", () => {
    expect(clientAddress("198.51.100.7", "203.0.113.1", none)).toBe("198.51.100.7");
    expect(clientAddress("::ffff:127.0.0.1", "1.1.1.1, 2.2.2.2", none)).toBe("127.0.0.1");
  });

  it("an untrusted peer cannot choose its address", () => {
    expect(clientAddress("198.51.100.7", "203.0.113.1", proxies)).toBe("198.51.100.7");
  });

  it("behind a trusted proxy the forwarded client counts", () => {
    expect(clientAddress("10.1.2.3", "203.0.113.1", proxies)).toBe("203.0.113.1");
    expect(clientAddress("::1", "203.0.113.1", proxies)).toBe("203.0.113.1");
  });

  it("the right-most untrusted hop wins, so spoofed left hops are ignored", () => {
    expect(clientAddress("10.0.0.2", "1.1.1.1, 203.0.113.9, 192.168.0.1", proxies)).toBe("203.0.113.9");
  });

  it("garbage in the chain stops at the last readable hop", () => {
    expect(clientAddress("10.0.0.2", "evil.example.com, 10.0.0.3", proxies)).toBe("10.0.0.3");
    expect(clientAddress("10.0.0.2", "not-an-ip", proxies)).toBe("10.0.0.2");
  });

  it("a chain of trusted hops only names its left-most hop", () => {
    expect(clientAddress("10.0.0.2", "10.0.0.9, 10.0.0.3", proxies)).toBe("10.0.0.9");
    expect(clientAddress("10.0.0.2", undefined, proxies)).toBe("10.0.0.2");
  });

  it("ports and brackets are tolerated", () => {
    expect(clientAddress("10.0.0.2", "203.0.113.4:5555", proxies)).toBe("203.0.113.4");
    expect(clientAddress("10.0.0.2", "[2001:db8::1]:443", proxies)).toBe("2001:db8::1");
  });

  it("host names are never resolved and a missing peer gives no address", () => {
    expect(clientAddress("10.0.0.2", "localhost", proxies)).toBe("10.0.0.2");
    expect(clientAddress(undefined, "203.0.113.1", proxies)).toBeNull();
  });
});

describe("parseTrustedProxies", () => {
  it("matches addresses and ranges by prefix", () => {
    const trusted = parseTrustedProxies("172.16.0.0/12,2001:db8::/32");
    expect(trusted.has("172.31.255.255")).toBe(true);
    expect(trusted.has("172.32.0.0")).toBe(false);
    expect(trusted.has("2001:db8:ffff::1")).toBe(true);
    expect(trusted.has("::1")).toBe(false);
  });

  it.each(["proxy.internal", "10.0.0.0/33", "10.0.0.0/x", "10.0.0.0/8/8", "::1/129"])(
    "refuses %s and names the variable",
    (bad) => {
      expect(() => parseTrustedProxies(bad)).toThrow(/TRUSTED_PROXIES/);
    },
  );
});

describe("installClientAddress", () => {
  it("replaces a forged X-Forwarded-For with the socket's address before the server sees it", async () => {
    installClientAddress({ TRUSTED_PROXIES: "" } as unknown as NodeJS.ProcessEnv);
    expect(clientAddressInstalled()).toBe(true);
    const server = http.createServer((req, res) => res.end(String(req.headers["x-forwarded-for"])));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const seen = await (await fetch(`http://127.0.0.1:${port}/`, { headers: { "X-Forwarded-For": "6.6.6.6" } })).text();
      expect(seen).toBe("127.0.0.1");
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
