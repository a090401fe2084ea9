import { defaultKeyHasher } from "@better-auth/api-key";
import { describe, expect, it } from "vitest";
import { cookiesOf, mailAuth } from "../auth/test-auth";
import { API_KEY_DEFAULT_DAYS, API_KEY_PREFIX } from "./api-key-options";
import { EXPIRY_DAYS, expiresInSeconds, keyNameError, keyView, keyViews } from "./api-key-view";

const ADA = { email: "ada@example.com", password: "correct horse battery", name: "Ada" };
const DAY = 24 * 60 * 60 * 1000;

async function signedIn() {
  const s = mailAuth();
  const cookie = cookiesOf(await s.call("/sign-up/email", { body: ADA }));
  return { ...s, cookie };
}

type Row = Record<string, unknown>;

describe("API keys on this app's Better Auth (the rows the Java API reads)", () => {
  it("creates a prefixed key, shown once, whose row holds only the SHA-256 hash the Java API computes", async () => {
    const s = await signedIn();
    const res = await s.call("/api-key/create", {
      body: { name: "backup script", expiresIn: expiresInSeconds(30) },
      cookie: s.cookie,
    });
    expect(res.status).toBe(200);
    const created = (await res.json()) as { id: string; key: string; start: string };
    expect(created.key.startsWith(API_KEY_PREFIX)).toBe(true);

    const rows = s.db.apikey as Row[];
    expect(rows).toHaveLength(1);
    expect(rows[0].key).toBe(await defaultKeyHasher(created.key));
    expect(JSON.stringify(rows[0])).not.toContain(created.key);
    expect(rows[0].configId).toBe("default");
    expect(rows[0].referenceId).toBe((s.db.user as Row[])[0].id);
    expect(rows[0].enabled).toBe(true);
    const expires = new Date(rows[0].expiresAt as Date).getTime();
    expect(Math.abs(expires - (Date.now() + 30 * DAY))).toBeLessThan(60_000);
  });

  it("lists keys without the key itself", async () => {
    const s = await signedIn();
    const created = await (await s.call("/api-key/create", { body: { name: "ci" }, cookie: s.cookie })).json();
    const listed = (await (await s.call("/api-key/list", { cookie: s.cookie })).json()) as { apiKeys: Row[] };
    expect(listed.apiKeys).toHaveLength(1);
    expect(JSON.stringify(listed)).not.toContain(created.key);
    expect(listed.apiKeys[0].start).toBe(created.key.slice(0, 6));
  });

  it("gives a key sent without an expiry the default one: no key lives forever", async () => {
    const s = await signedIn();
    await s.call("/api-key/create", { body: { name: "no expiry asked" }, cookie: s.cookie });
    const expires = new Date((s.db.apikey as Row[])[0].expiresAt as Date).getTime();
    expect(Math.abs(expires - (Date.now() + API_KEY_DEFAULT_DAYS * DAY))).toBeLessThan(60_000);
  });

  it("refuses an expiry over a year, a key without a name, and rate-limit settings from the browser", async () => {
    const s = await signedIn();
    const tooLong = await s.call("/api-key/create", { body: { name: "x", expiresIn: 400 * 24 * 3600 }, cookie: s.cookie });
    expect(tooLong.status).toBe(400);
    expect((await s.call("/api-key/create", { body: {}, cookie: s.cookie })).status).toBe(400);
    const limits = await s.call("/api-key/create", { body: { name: "x", rateLimitEnabled: false }, cookie: s.cookie });
    expect(limits.status).toBe(400);
    expect(s.db.apikey).toHaveLength(0);
  });

  it("revoking deletes the row, so the Java API finds no key (within its 5 s cache)", async () => {
    const s = await signedIn();
    const created = await (await s.call("/api-key/create", { body: { name: "gone" }, cookie: s.cookie })).json();
    const res = await s.call("/api-key/delete", { body: { keyId: created.id }, cookie: s.cookie });
    expect(res.status).toBe(200);
    expect(s.db.apikey).toHaveLength(0);
  });

  it("a key is no way into the web app: it makes no Better Auth session", async () => {
    const s = await signedIn();
    const created = await (await s.call("/api-key/create", { body: { name: "script" }, cookie: s.cookie })).json();
    const session = await s.auth.api.getSession({ headers: new Headers({ "x-api-key": created.key }) });
    expect(session).toBeNull();
  });

  it("keeps a key's expiry: api-key/update (which could lift it) is off", async () => {
    const s = await signedIn();
    const created = await (await s.call("/api-key/create", { body: { name: "fixed" }, cookie: s.cookie })).json();
    const res = await s.call("/api-key/update", { body: { keyId: created.id, expiresIn: null }, cookie: s.cookie });
    expect(res.status).toBe(404);
    expect((s.db.apikey as Row[])[0].expiresAt).not.toBeNull();
  });

  it("one user cannot see or revoke another's key", async () => {
    const s = await signedIn();
    const created = await (await s.call("/api-key/create", { body: { name: "ada's" }, cookie: s.cookie })).json();
    const eve = cookiesOf(await s.call("/sign-up/email", { body: { ...ADA, email: "eve@example.com", name: "Eve" } }));
    expect((await s.call("/api-key/delete", { body: { keyId: created.id }, cookie: eve })).status).toBe(404);
    expect((await s.call(`/api-key/get?id=${created.id}`, { cookie: eve })).status).toBe(404);
    const listed = (await (await s.call("/api-key/list", { cookie: eve })).json()) as { apiKeys: Row[] };
    expect(listed.apiKeys).toHaveLength(0);
    expect(s.db.apikey).toHaveLength(1);
  });

  it("needs a session to create or list keys", async () => {
    const s = mailAuth();
    expect((await s.call("/api-key/create", { body: { name: "x" } })).status).toBe(401);
    expect((await s.call("/api-key/list")).status).toBe(401);
  });
});

describe("api-key-view", () => {
  it("offers expiries the plugin accepts", () => {
    for (const days of EXPIRY_DAYS) {
      expect(expiresInSeconds(days) / 86400).toBeGreaterThanOrEqual(1);
      expect(expiresInSeconds(days) / 86400).toBeLessThanOrEqual(365);
    }
  });

  it("checks names as Better Auth does", () => {
    expect(keyNameError("  ")).toMatch(/name/);
    expect(keyNameError("x".repeat(33))).toMatch(/32/);
    expect(keyNameError("backup")).toBeNull();
  });

  it("shows the start of a key, never more, and marks expired or disabled keys", () => {
    const now = new Date("2026-12-07T12:00:00Z");
    const base = { id: "k1", name: "ci", start: "tasks_", prefix: "tasks_", createdAt: "2026-12-01T00:00:00Z" };
    expect(keyView({ ...base, expiresAt: "2026-12-08T00:00:00Z" }, now)).toMatchObject({ shown: "tasks_…", expired: false });
    expect(keyView({ ...base, expiresAt: "2026-12-06T00:00:00Z" }, now).expired).toBe(true);
    expect(keyView({ ...base, expiresAt: null, enabled: false }, now).expired).toBe(true);
    const sorted = keyViews(
      [
        { ...base, expiresAt: null },
        { ...base, id: "k2", createdAt: "2026-12-05T00:00:00Z", expiresAt: null },
      ],
      now,
    );
    expect(sorted.map((k) => k.id)).toEqual(["k2", "k1"]);
  });
});
