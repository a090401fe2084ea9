import type { BetterAuthPlugin } from "better-auth";
import { BASE_ERROR_CODES } from "better-auth";
import { APIError, createAuthMiddleware } from "better-auth/api";

/**
 * With `requireEmailVerification`, Better Auth 1.7 answers a right password for an unconfirmed
 * address with 403 `EMAIL_NOT_VERIFIED` and a wrong one with 401. Its sign-up answers a taken
 * address exactly like a free one, but "sign up, then sign in with the same password" still told
 * them apart: a free address gets 403 (the attacker's own new account), a taken one 401 (someone
 * else's password) (probe issue 21, finding 10).
 *
 * So an unconfirmed account's sign-in gets Better Auth's own 401 `INVALID_EMAIL_OR_PASSWORD`,
 * right password or not, and no session. A before hook, because an after hook can replace an
 * error's body but not its status (dispatch keeps the endpoint's). The password is still checked
 * against the stored hash (and the result ignored), so the answer takes as long as Better Auth's
 * own 401. The sign-in form then says "Wrong email or password" and, in this mode, offers to send
 * the confirmation link again.
 */
export function unverifiedSignInLooksWrong() {
  return {
    id: "unverified-sign-in",
    hooks: {
      before: [
        {
          matcher: (ctx) =>
            ctx.path === "/sign-in/email" && ctx.context.options.emailAndPassword?.requireEmailVerification === true,
          handler: createAuthMiddleware(async (ctx) => {
            const { email, password } = (ctx.body ?? {}) as { email?: unknown; password?: unknown };
            if (typeof email !== "string" || typeof password !== "string") return;
            const found = await ctx.context.internalAdapter.findUserByEmail(email.toLowerCase(), { includeAccounts: true });
            if (!found || found.user.emailVerified) return; // Better Auth answers as usual
            const hash = found.accounts.find((a) => a.providerId === "credential")?.password;
            if (hash) await ctx.context.password.verify({ hash, password }).catch(() => false);
            throw APIError.from("UNAUTHORIZED", BASE_ERROR_CODES.INVALID_EMAIL_OR_PASSWORD);
          }),
        },
      ],
    },
  } satisfies BetterAuthPlugin;
}
