import { decodeJwtPayload } from "./jwt";

export interface TokenSourceOptions {
  /** Asks Better Auth for a fresh JWT; resolves to null when there is no session. */
  fetchToken: () => Promise<string | null>;
  /** Renew this many seconds before `exp` (clock skew and request latency). */
  renewBeforeSeconds?: number;
  now?: () => number;
}

/**
 * Holds the current JWT in memory only (a closure: never localStorage, sessionStorage or a
 * cookie, where an injected script or another tab could read it), hands it out until shortly
 * before `exp`, and makes concurrent callers share one renewal request.
 */
export function createTokenSource({ fetchToken, renewBeforeSeconds = 60, now = Date.now }: TokenSourceOptions) {
  let token: string | null = null;
  let renewAtMs = 0;
  let inFlight: Promise<string | null> | null = null;
  let generation = 0;

  function renew(): Promise<string | null> {
    if (inFlight) return inFlight;
    const startedIn = generation;
    const request: Promise<string | null> = fetchToken()
      .then((fresh) => {
        if (startedIn === generation) {
          token = fresh;
          renewAtMs = fresh ? renewalTime(fresh, now(), renewBeforeSeconds) : 0;
        }
        return fresh;
      })
      .finally(() => {
        if (inFlight === request) inFlight = null;
      });
    inFlight = request;
    return request;
  }

  return {
    /** A token valid for at least `renewBeforeSeconds` more, renewing it if needed. */
    async get(): Promise<string | null> {
      if (token && now() < renewAtMs) return token;
      return renew();
    },
    /**
     * A fresh token after the backend refused `rejected` (401). When another caller has
     * already replaced that token, the newer one is returned instead of asking again.
     */
    refresh(rejected?: string | null): Promise<string | null> {
      if (inFlight) return inFlight;
      if (token && rejected && token !== rejected && now() < renewAtMs) return Promise.resolve(token);
      token = null;
      renewAtMs = 0;
      return renew();
    },
    /** Forgets the token (sign-out); a renewal already under way is discarded. */
    clear() {
      generation++;
      token = null;
      renewAtMs = 0;
      inFlight = null;
    },
  };
}

export type TokenSource = ReturnType<typeof createTokenSource>;

/**
 * When to stop using `token` (ms since the epoch, local clock). Measured from when it arrived
 * using its own lifetime (exp - iat), so a browser clock that is off does not matter; renews
 * `renewBeforeSeconds` early, or half-way for tokens that live shorter than twice that.
 * A token without a readable exp is used once and renewed on the next call.
 */
export function renewalTime(token: string, receivedAtMs: number, renewBeforeSeconds: number): number {
  const claims = decodeJwtPayload(token);
  const exp = claims?.exp;
  if (typeof exp !== "number" || !Number.isFinite(exp)) return 0;
  const iat = claims?.iat;
  const lifetime = typeof iat === "number" && Number.isFinite(iat) && iat <= exp ? exp - iat : exp - receivedAtMs / 1000;
  if (lifetime <= 0) return 0;
  const margin = Math.min(renewBeforeSeconds, lifetime / 2);
  return receivedAtMs + (lifetime - margin) * 1000;
}
