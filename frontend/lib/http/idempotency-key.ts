/** The header the API reads to carry out a retried write once (the API's idempotency.IdempotencyKeyFilter). */
export const IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";

/**
 * A fresh key for one write, kept by the caller across its retries: 128 random bits as hex.
 * `crypto.getRandomValues`, not `randomUUID`: the latter exists only in secure contexts, and the app
 * may be served over plain http on a LAN.
 */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}
