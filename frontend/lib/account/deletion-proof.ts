import type { BetterAuthPlugin } from "better-auth";
import { generateId } from "better-auth";
import { APIError, createAuthEndpoint, createAuthMiddleware, sessionMiddleware } from "better-auth/api";
import { accountDeletedProof } from "./account-deleted";
import { accountDeletedPath } from "./account-links";

/**
 * Deleting an account needs proof, not just a session (probe issue 21, finding 2).
 *
 * Better Auth 1.7's `POST /delete-user` deletes on a bare `{}` when the session is younger than
 * its `freshAge` (24 h), so whoever holds a session (a borrowed laptop, a stolen cookie) can
 * delete the account. Here it needs one of:
 * - `password`: accounts with a password (Better Auth checks it, as before);
 * - `token`: a mailed confirmation, for accounts without a password (SSO only). The token is
 *   Better Auth's own delete-account verification (`delete-account-<token>` in the verification
 *   table, consumed once by its `/delete-user/callback`, which also needs the signed-in session),
 *   so the mailbox AND the session are proof.
 *
 * Why not Better Auth's `user.deleteUser.sendDeleteAccountVerification` option itself: with it set,
 * delete-user mails a link to everyone, password accounts included (a correct password then only
 * sends mail), so the account page's "password, then delete" would become a mail round trip for
 * all. `POST /delete-user/send-confirmation` below issues the same token and link, only for
 * accounts that have no password.
 */
export const DELETE_PATH = "/delete-user";
export const SEND_CONFIRMATION_PATH = "/delete-user/send-confirmation";

type SendLink = (data: {
  user: { id: string; email: string; name?: string | null };
  url: string;
  token: string;
}) => Promise<void>;

export function deletionProof(sendLink: SendLink, linkMinutes: number) {
  return {
    id: "deletion-proof",
    hooks: {
      before: [
        {
          matcher: (ctx) => ctx.path === DELETE_PATH,
          handler: createAuthMiddleware(async (ctx) => {
            const body = (ctx.body ?? {}) as { password?: unknown; token?: unknown };
            const given = (v: unknown) => typeof v === "string" && v.length > 0;
            if (given(body.password) || given(body.token)) return;
            throw new APIError("BAD_REQUEST", {
              code: "DELETE_NEEDS_PROOF",
              message: "Enter your password to delete your account (or, without a password, use the emailed link).",
            });
          }),
        },
      ],
    },
    endpoints: {
      sendDeleteConfirmation: createAuthEndpoint(
        SEND_CONFIRMATION_PATH,
        { method: "POST", use: [sessionMiddleware] },
        async (ctx) => {
          const { user } = ctx.context.session;
          const credential = await ctx.context.internalAdapter.findCredentialAccount(user.id);
          if (credential?.password) {
            throw new APIError("BAD_REQUEST", {
              code: "USE_PASSWORD",
              message: "This account has a password: enter it to delete the account.",
            });
          }
          const token = generateId(32);
          await ctx.context.internalAdapter.createVerificationValue({
            value: user.id,
            identifier: `delete-account-${token}`,
            expiresAt: new Date(Date.now() + linkMinutes * 60_000),
          });
          // The landing page forgets this user's unsent task edits, then shows sign-in's "account deleted".
          const done = encodeURIComponent(accountDeletedPath(user.id, accountDeletedProof(ctx.context.secret, user.id)));
          const url = `${ctx.context.baseURL}/delete-user/callback?token=${token}&callbackURL=${done}`;
          await sendLink({ user, url, token });
          return ctx.json({ status: true });
        },
      ),
    },
  } satisfies BetterAuthPlugin;
}
