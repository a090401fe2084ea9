import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * The account-deleted landing's rule (app/[locale]/account-deleted): whose unsent task edits the
 * browser may forget. Only the user the emailed delete link was made for (`proof`: an HMAC of the
 * user id with the server's secret, put in the link's callbackURL when it was mailed), and only once
 * that user no longer exists. A link naming someone else, or a living account (the deletion failed),
 * forgets nothing: that person's edits still wait for their next sign-in, as after an ended session.
 * Without a valid proof the page does not look the user up at all, so it cannot be asked whether
 * an account exists. (Removing every `tasks.outbox.v1:` key of users not signed in would drop those
 * of another account on the same browser whose session merely ended.)
 */
export async function deletedUserToForget(
  raw: string | undefined,
  proof: string | undefined,
  secret: string,
  findUserById: (id: string) => Promise<unknown>,
): Promise<string | null> {
  if (!raw || raw.length > 200 || !proof || !proves(secret, raw, proof)) return null;
  return (await findUserById(raw)) ? null : raw;
}

/** The proof the delete link's landing carries for `userId` (lib/account/deletion-proof.ts). */
export function accountDeletedProof(secret: string, userId: string): string {
  return createHmac("sha256", secret).update(`account-deleted:${userId}`).digest("base64url");
}

function proves(secret: string, userId: string, proof: string): boolean {
  const expected = Buffer.from(accountDeletedProof(secret, userId));
  const given = Buffer.from(proof);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
