import { memoryAdapter } from "better-auth/adapters/memory";
import { describe, expect, it } from "vitest";
import { createAuth } from "./auth-config";
import { liveSessions } from "./live-sessions";
import { memoryTables } from "./test-auth";

const ENV = {
  BETTER_AUTH_URL: "http://localhost:3000",
  BETTER_AUTH_SECRET: "test-secret-0123456789abcdef0123456789abcdef",
  NODE_ENV: "test",
} as unknown as NodeJS.ProcessEnv;
const DAY_MS = 86_400_000;

async function userWithTwoSessions() {
  const db = memoryTables<Record<string, unknown>>();
  const auth = createAuth(ENV, memoryAdapter(db));
  const body = { email: "s@example.com", password: "correct-horse-1", name: "S" };
  const res = await auth.api.signUpEmail({ body, asResponse: true });
  await auth.api.signInEmail({ body });
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  return { auth, db, headers: new Headers({ cookie }), userId: db.user[0].id as string };
}

describe("liveSessions (the account page's list)", () => {
  it("lists sessions signed in more than a day ago, which Better Auth's list-sessions refuses", async () => {
    const { auth, db, headers, userId } = await userWithTwoSessions();
    for (const s of db.session) s.createdAt = new Date(Date.now() - 2 * DAY_MS);
    await expect(auth.api.listSessions({ headers })).rejects.toMatchObject({ body: { code: "SESSION_NOT_FRESH" } });
    expect(await liveSessions(auth, userId)).toHaveLength(2);
  });

  it("leaves out expired sessions", async () => {
    const { auth, db, userId } = await userWithTwoSessions();
    db.session[1].expiresAt = new Date(Date.now() - 1000);
    const live = await liveSessions(auth, userId);
    expect(live.map((s) => s.id)).toEqual([db.session[0].id]);
  });
});
