import type { BetterAuthPlugin } from "better-auth";
import { generateId } from "better-auth";
import { APIError, createAuthMiddleware, isAPIError } from "better-auth/api";
import { jwtVerify } from "jose";
import { EMAIL_CONFIRMED_NOTICE, resetPasswordPath } from "./account-links";

/**
 * What a confirmation link (Better Auth's `/verify-email?token=<HS256 JWT>`) may do here.
 *
 * 1. A link issued before the account's last password reset or address change is void
 *    (probe issue 21, finding 3). Better Auth's link is a stateless JWT valid 24 h with no way to
 *    revoke it, so we keep a "links not before" time on the user (`emailLinksNotBefore`, never
 *    returned to clients) and refuse older links with Better Auth's own `INVALID_TOKEN` answer.
 * 2. The first proof of the address ends everything set up before it (finding 4). Until the
 *    address is confirmed, anyone could have registered it: a password, sessions, a second factor,
 *    a provider linked in the meantime are claims of whoever did, not of the mailbox's owner. So
 *    when the link confirms an unconfirmed address, those go: every session, every sign-in method
 *    (password and linked providers) and two-factor. The link's opener then lands on our
 *    reset-password page with a fresh reset token (a link is as much proof of the mailbox as a
 *    reset mail) to choose the password the account keeps. Whoever had registered the address
 *    first keeps nothing that reaches the account.
 *
 * The link itself never signs in (`autoSignInAfterVerification: false`, lib/mail/auth-mail.ts), so it
 * can never be a session that skipped the second factor.
 */
export const LINKS_NOT_BEFORE_FIELD = "emailLinksNotBefore";
const VERIFY_PATH = "/verify-email";
const RESET_LINK_SECONDS = 60 * 60;

type Ctx = Parameters<Parameters<typeof createAuthMiddleware>[0]>[0];
type Claims = { email: string; userId?: string; updateTo?: string; iat: number };
type UserRow = { id: string; email: string; emailVerified: boolean; [LINKS_NOT_BEFORE_FIELD]?: Date | string | null };

export function emailProof() {
  return {
    id: "email-proof",
    schema: {
      user: {
        fields: {
          [LINKS_NOT_BEFORE_FIELD]: { type: "date", required: false, input: false, returned: false },
        },
      },
    },
    init() {
      return {
        options: {
          databaseHooks: {
            user: {
              update: {
                // An address change (change-email, or a provider update) voids links to the old one.
                before: async (data: Record<string, unknown>) =>
                  typeof data.email === "string" ? { data: { ...data, [LINKS_NOT_BEFORE_FIELD]: new Date() } } : { data },
              },
            },
          },
        },
      };
    },
    hooks: {
      before: [
        {
          matcher: (ctx) => ctx.path === VERIFY_PATH,
          handler: createAuthMiddleware(async (ctx) => {
            const claims = await linkClaims(ctx);
            if (!claims) return; // Better Auth answers a bad or expired link itself.
            const user = await linkUser(ctx, claims);
            if (!user) return;
            if (issuedBeforeNotBefore(claims, user)) refuseLink(ctx);
            if (!user.emailVerified && !claims.updateTo && user.email.toLowerCase() === claims.email.toLowerCase()) {
              await endEverythingBeforeProof(ctx, user.id);
            }
          }),
        },
        {
          // A reset token about to be used: links mailed before now stop working. Set before the reset
          // (its after hook no longer knows whose token it was); a reset that then fails costs a new link.
          matcher: (ctx) => ctx.path === "/reset-password",
          handler: createAuthMiddleware(async (ctx) => {
            const token =
              (ctx.body as { token?: unknown } | undefined)?.token ?? (ctx.query as { token?: unknown } | undefined)?.token;
            if (typeof token !== "string" || !token) return;
            const found = await ctx.context.internalAdapter.findVerificationValue(`reset-password:${token}`);
            if (found && new Date(found.expiresAt) > new Date()) await voidEarlierLinks(ctx, found.value);
          }),
        },
      ],
      after: [
        {
          matcher: (ctx) => ctx.path === VERIFY_PATH,
          handler: createAuthMiddleware(async (ctx) => {
            if (!isSuccessRedirect(ctx.context.returned)) return;
            const claims = await linkClaims(ctx);
            const user = claims && (await linkUser(ctx, claims));
            if (!user?.emailVerified) return;
            // Right after the proof the account has no sign-in method left: let the opener choose a password.
            if ((await ctx.context.internalAdapter.findAccounts(user.id)).length > 0) return;
            const token = generateId(24);
            await ctx.context.internalAdapter.createVerificationValue({
              value: user.id,
              identifier: `reset-password:${token}`,
              expiresAt: new Date(Date.now() + RESET_LINK_SECONDS * 1000),
            });
            throw ctx.redirect(`${resetPasswordPath()}?token=${token}&notice=${EMAIL_CONFIRMED_NOTICE}`);
          }),
        },
      ],
    },
  } satisfies BetterAuthPlugin;
}

async function linkClaims(ctx: Ctx): Promise<Claims | null> {
  const token = (ctx.query as { token?: unknown } | undefined)?.token;
  if (typeof token !== "string") return null;
  try {
    const { payload } = await jwtVerify(token, new TextEncoder().encode(ctx.context.secret), { algorithms: ["HS256"] });
    if (typeof payload.email !== "string" || typeof payload.iat !== "number") return null;
    return payload as unknown as Claims;
  } catch {
    return null;
  }
}

async function linkUser(ctx: Ctx, claims: Claims): Promise<UserRow | null> {
  const user = claims.userId
    ? await ctx.context.adapter.findOne<UserRow>({ model: "user", where: [{ field: "id", value: claims.userId }] })
    : await ctx.context.adapter.findOne<UserRow>({
        model: "user",
        where: [{ field: "email", value: claims.email.toLowerCase() }],
      });
  return user ?? null;
}

/** JWT `iat` has whole seconds: a link from the same second as the reset still counts as after it. */
function issuedBeforeNotBefore(claims: Claims, user: UserRow): boolean {
  const notBefore = user[LINKS_NOT_BEFORE_FIELD];
  if (!notBefore) return false;
  return claims.iat < Math.floor(new Date(notBefore).getTime() / 1000);
}

/** Better Auth's own answer to an invalid link: the callback page with `?error=INVALID_TOKEN`, or 401. */
function refuseLink(ctx: Ctx): never {
  const callbackURL = (ctx.query as { callbackURL?: unknown } | undefined)?.callbackURL;
  if (typeof callbackURL === "string" && callbackURL) {
    const sep = callbackURL.includes("?") ? "&" : "?";
    throw ctx.redirect(`${callbackURL}${sep}error=INVALID_TOKEN`);
  }
  throw new APIError("UNAUTHORIZED", { code: "INVALID_TOKEN", message: "Invalid token" });
}

async function voidEarlierLinks(ctx: Ctx, userId: string) {
  await ctx.context.adapter.update({
    model: "user",
    where: [{ field: "id", value: userId }],
    update: { [LINKS_NOT_BEFORE_FIELD]: new Date() },
  });
}

/** Sessions first (they are what an intruder is using right now), then sign-in methods, then 2FA. */
async function endEverythingBeforeProof(ctx: Ctx, userId: string) {
  await ctx.context.internalAdapter.deleteUserSessions(userId);
  await ctx.context.internalAdapter.deleteAccounts(userId);
  await ctx.context.adapter.deleteMany({ model: "twoFactor", where: [{ field: "userId", value: userId }] });
  await ctx.context.adapter.update({
    model: "user",
    where: [{ field: "id", value: userId }],
    update: { twoFactorEnabled: false, [LINKS_NOT_BEFORE_FIELD]: new Date() },
  });
}

/** Better Auth's verify-email ends with a redirect to the callback; an `error=` in it means it refused. */
function isSuccessRedirect(returned: unknown): boolean {
  if (!isAPIError(returned) || returned.statusCode !== 302) return false;
  const location = new Headers(returned.headers as HeadersInit | undefined).get("location");
  return !!location && !new URL(location, "http://x").searchParams.has("error");
}
