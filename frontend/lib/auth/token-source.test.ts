import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeJwt } from "./test-tokens";
import { createTokenSource, renewalTime } from "./token-source";

const T0 = 1_800_000_000_000; // ms
const sec = (ms: number) => Math.floor(ms / 1000);

/** A Better Auth stand-in that mints a new 15-minute token per call. */
function fakeBetterAuth(lifetimeSeconds = 900) {
  let clock = T0;
  let n = 0;
  const fetchToken = vi.fn(async () => {
    n++;
    return fakeJwt({ sub: "u1", iat: sec(clock), exp: sec(clock) + lifetimeSeconds }, `t${n}`);
  });
  return {
    fetchToken,
    now: () => clock,
    advance: (ms: number) => {
      clock += ms;
    },
  };
}

afterEach(() => vi.restoreAllMocks());

describe("token source", () => {
  it("keeps the token in memory and reuses it while it is fresh", async () => {
    const ba = fakeBetterAuth();
    const tokens = createTokenSource({ fetchToken: ba.fetchToken, now: ba.now });
    const first = await tokens.get();
    ba.advance(10 * 60_000);
    expect(await tokens.get()).toBe(first);
    expect(ba.fetchToken).toHaveBeenCalledTimes(1);
  });

  it("renews 60 s before exp, not later", async () => {
    const ba = fakeBetterAuth(900);
    const tokens = createTokenSource({ fetchToken: ba.fetchToken, now: ba.now, renewBeforeSeconds: 60 });
    const first = await tokens.get();
    ba.advance((900 - 61) * 1000);
    expect(await tokens.get()).toBe(first);
    ba.advance(2000);
    const second = await tokens.get();
    expect(second).not.toBe(first);
    expect(ba.fetchToken).toHaveBeenCalledTimes(2);
  });

  it("makes concurrent callers share one renewal request", async () => {
    const ba = fakeBetterAuth();
    const tokens = createTokenSource({ fetchToken: ba.fetchToken, now: ba.now });
    const all = await Promise.all([tokens.get(), tokens.get(), tokens.get(), tokens.refresh(), tokens.get()]);
    expect(new Set(all).size).toBe(1);
    expect(ba.fetchToken).toHaveBeenCalledTimes(1);
  });

  it("asks again after a renewal failed, instead of caching the failure", async () => {
    const ba = fakeBetterAuth();
    ba.fetchToken.mockRejectedValueOnce(new Error("offline"));
    const tokens = createTokenSource({ fetchToken: ba.fetchToken, now: ba.now });
    await expect(tokens.get()).rejects.toThrow("offline");
    expect(await tokens.get()).toMatch(/\.t1$/);
    expect(ba.fetchToken).toHaveBeenCalledTimes(2);
  });

  it("refresh(rejected) fetches a new token, but reuses one that already replaced the rejected token", async () => {
    const ba = fakeBetterAuth();
    const tokens = createTokenSource({ fetchToken: ba.fetchToken, now: ba.now });
    const first = (await tokens.get())!;
    const second = await tokens.refresh(first);
    expect(second).not.toBe(first);
    // Another request that was rejected with `first` gets `second`, no third fetch.
    expect(await tokens.refresh(first)).toBe(second);
    expect(ba.fetchToken).toHaveBeenCalledTimes(2);
    // Rejecting the current token itself always fetches.
    expect(await tokens.refresh(second)).not.toBe(second);
  });

  it("returns null without a session and does not remember that", async () => {
    const fetchToken = vi
      .fn<() => Promise<string | null>>()
      .mockResolvedValueOnce(null)
      .mockResolvedValue(fakeJwt({ exp: 9e9, iat: 1 }));
    const tokens = createTokenSource({ fetchToken });
    expect(await tokens.get()).toBeNull();
    expect(await tokens.get()).not.toBeNull();
  });

  it("clear() forgets the token and discards a renewal already under way", async () => {
    const ba = fakeBetterAuth();
    const tokens = createTokenSource({ fetchToken: ba.fetchToken, now: ba.now });
    const pending = tokens.get();
    tokens.clear();
    await pending;
    await tokens.get();
    expect(ba.fetchToken).toHaveBeenCalledTimes(2);
  });

  it("never touches localStorage or sessionStorage", async () => {
    const storage = { getItem: vi.fn(), setItem: vi.fn(), removeItem: vi.fn(), clear: vi.fn() };
    vi.stubGlobal("localStorage", storage);
    vi.stubGlobal("sessionStorage", storage);
    try {
      const ba = fakeBetterAuth();
      const tokens = createTokenSource({ fetchToken: ba.fetchToken, now: ba.now });
      await tokens.get();
      await tokens.refresh();
      tokens.clear();
      for (const fn of Object.values(storage)) expect(fn).not.toHaveBeenCalled();
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe("renewalTime", () => {
  const at = (claims: Record<string, unknown>, receivedAt: number, before = 60) =>
    renewalTime(fakeJwt(claims), receivedAt, before);

  it("is measured from arrival with the token's own lifetime, so a wrong browser clock does not matter", () => {
    // The browser clock is an hour behind the server: exp looks far away, lifetime is still 900 s.
    const serverNow = sec(T0) + 3600;
    expect(at({ iat: serverNow, exp: serverNow + 900 }, T0)).toBe(T0 + 840_000);
  });

  it("renews half-way through tokens shorter-lived than twice the margin", () => {
    expect(at({ iat: 100, exp: 130 }, T0)).toBe(T0 + 15_000);
  });

  it("falls back to exp against the local clock without iat, and to 'now' without exp", () => {
    expect(at({ exp: sec(T0) + 600 }, T0)).toBe(T0 + 540_000);
    expect(at({ sub: "x" }, T0)).toBe(0);
    expect(renewalTime("not-a-jwt", T0, 60)).toBe(0);
  });
});
