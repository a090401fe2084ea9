/**
 * The account-deleted landing's rule (app/[locale]/account-deleted): whose unsent task edits the
 * browser may forget. Only a user that no longer exists: a link naming a living account (crafted,
 * or followed after the deletion failed) forgets nothing, so that person's edits still wait for
 * their next sign-in, as after an ended session. (Removing every `tasks.outbox.v1:` key of users not
 * signed in would drop those of another account on the same browser whose session merely ended.)
 */
export async function deletedUserToForget(
  raw: string | undefined,
  findUserById: (id: string) => Promise<unknown>,
): Promise<string | null> {
  if (!raw || raw.length > 200) return null;
  return (await findUserById(raw)) ? null : raw;
}
