import { createHash } from "node:crypto";

/**
 * How tables that count per email address (the sign-in back-off, the per-recipient mail limit)
 * name an address: SHA-256 of the trimmed, lower-cased address, base64url. A hash, so those
 * tables do not collect the addresses people mistyped; one function, so account deletion and its
 * e2e search find every such row of a deleted user.
 */
export function emailKey(email: string): string {
  return createHash("sha256").update(email.trim().toLowerCase()).digest("base64url");
}
