import { apiKey } from "@better-auth/api-key";

/**
 * Better Auth API keys (issue 22): a second credential for scripts calling the Java API
 * (`x-api-key` header). The API reads Better Auth's `apikey` table itself (better-auth-jwt's
 * ApiKeyCheck): the SHA-256 hash stored here, `enabled`, `expiresAt` and the owner, cached ≤ 5 s.
 *
 * - Keys carry a recognisable prefix, so a leaked one is easy to spot (secret scanners, logs).
 * - Every key expires: 1 to API_KEY_MAX_DAYS days, chosen at creation (API_KEY_DEFAULT_DAYS when
 *   none is sent).
 * - No per-key rate limit: the API counts a key's requests against its owner's per-user limit,
 *   the same one as the owner's tokens (the plugin's limit would only count Better Auth's own
 *   verify endpoint, which nothing here calls).
 * - No sessions from keys (`enableSessionForAPIKeys` stays false): a key is not a way into the web
 *   app, its account page or its account deletion; only into the Java API.
 */
export const API_KEY_PREFIX = "tasks_";
export const API_KEY_MAX_DAYS = 365;
export const API_KEY_NAME_MAX = 32;
/** A key made without an expiry (the page always sends one) still expires. */
export const API_KEY_DEFAULT_DAYS = 30;
const DAY_SECONDS = 24 * 60 * 60;

export function apiKeyPlugin() {
  return apiKey({
    defaultPrefix: API_KEY_PREFIX,
    requireName: true,
    maximumNameLength: API_KEY_NAME_MAX,
    rateLimit: { enabled: false },
    keyExpiration: { minExpiresIn: 1, maxExpiresIn: API_KEY_MAX_DAYS, defaultExpiresIn: API_KEY_DEFAULT_DAYS * DAY_SECONDS },
  });
}
