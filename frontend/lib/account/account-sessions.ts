import "server-only";
import { headers } from "next/headers";
import { auth } from "../auth/auth";
import { liveSessions } from "../auth/live-sessions";
import { toSessionViews, type SessionView } from "./session-view";

/**
 * The signed-in person's sessions, read on the server. Better Auth's list-sessions answers with
 * every session's token, the cookie credential of each device; its HTTP route is disabled
 * (auth-config.ts) and the browser gets only `SessionView`s.
 */
export async function listSessionViews(userId: string, currentSessionId: string): Promise<SessionView[]> {
  return toSessionViews(await liveSessions(auth, userId), currentSessionId);
}

export type SignOutDeviceResult = "signed-out-device" | "not-found" | "current" | "no-session";

/**
 * Ends one of the person's *other* sessions, chosen by id: Better Auth's revoke-session takes
 * the session token, which is looked up here so that it never reaches the browser.
 */
export async function signOutDevice(sessionId: string): Promise<SignOutDeviceResult> {
  const h = await headers();
  const current = await auth.api.getSession({ headers: h });
  if (!current) return "no-session";
  if (sessionId === current.session.id) return "current";
  const target = (await liveSessions(auth, current.user.id)).find((s) => s.id === sessionId);
  if (!target) return "not-found";
  await auth.api.revokeSession({ headers: h, body: { token: target.token } });
  return "signed-out-device";
}
