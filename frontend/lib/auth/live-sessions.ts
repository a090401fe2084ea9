import type { createAuth } from "./auth-config";

type Auth = ReturnType<typeof createAuth>;

/**
 * A user's sessions that have not expired, read through Better Auth's own adapter. Not
 * `auth.api.listSessions`: that endpoint refuses sessions older than `session.freshAge`
 * (1 day by default: a safeguard because it returns every session's token), so the account
 * page would fail for anyone signed in for more than a day. The page passes no token on.
 */
export async function liveSessions(auth: Auth, userId: string, now: number = Date.now()) {
  const { internalAdapter } = await auth.$context;
  return (await internalAdapter.listSessions(userId)).filter((s) => new Date(s.expiresAt).getTime() > now);
}
