import type { BetterAuthPlugin } from "better-auth";
import { generateId } from "better-auth";
import { APIError, createAuthEndpoint, createAuthMiddleware, isAPIError } from "better-auth/api";
import { decodeJwt } from "jose";
import * as z from "zod";
import { emailChangeUndoPath, EMAIL_CHANGE_UNDONE_NOTICE, resetPasswordPath } from "./account-links";

/**
 * A change of email address: verified at the new address, told to the old one, undone from there.
 *
 * Better Auth 1.7's `POST /change-email` (with `user.changeEmail.enabled` and neither
 * `updateEmailWithoutVerification` nor `sendChangeEmailConfirmation`) mails a link to the NEW
 * address; the address changes only when that link is opened (`/verify-email`, requestType
 * `change-email-verification`). It answers the same when the new address belongs to another
 * account (and then sends nothing), so the form cannot find out who has an account.
 *
 * Better Auth has no "your address was changed" mail, and its `sendChangeEmailConfirmation` is
 * something else: an approval at the old address BEFORE the change, which locks out whoever lost
 * that mailbox. So this plugin adds, once the link at the new address worked:
 * - a mail to the old address saying what changed, with a link to undo it, valid UNDO_DAYS days;
 * - `POST /email-change/undo { token }`: the old address back (confirmed, as it was), every session
 *   ended (whoever changed it may be signed in), and a fresh password-reset token in the answer:
 *   whoever changed the address may know the password. Opening the mailed link only shows a page
 *   with a button (mail scanners open links; an undo must not happen by itself), and the undo never
 *   signs in (like every confirmation link here, lib/account/email-proof.ts).
 *
 * Only a CONFIRMED old address is told: an unconfirmed one was never shown to be the account
 * owner's, and telling it could mail a stranger. That notice skips the per-recipient mail limit
 * (lib/mail/mail-limit.ts): whoever wants to stop the owner hearing of a change could otherwise fill
 * the old address's quota first; each notice needs a completed change away from an address the
 * account had confirmed, which bounds them. Links to the old address (confirmation, change) die
 * with the change, and change links with the undo (email-proof's links-not-before).
 */
export const UNDO_PATH = "/email-change/undo";
/** How long the old address can undo the change. */
export const UNDO_DAYS = 7;
const VERIFY_PATH = "/verify-email";
const UNDO_PREFIX = "email-change-undo:";
const RESET_LINK_SECONDS = 60 * 60;

export type SendChangedNotice = (data: { to: string; name?: string | null; newEmail: string; undoUrl: string }) => Promise<void>;

interface UndoRecord {
  userId: string;
  from: string;
  to: string;
}

type UserRow = { id: string; email: string; name: string; emailVerified: boolean };

export function emailChange(sendNotice: SendChangedNotice) {
  return {
    id: "email-change",
    hooks: {
      after: [
        {
          matcher: (ctx) => ctx.path === VERIFY_PATH,
          handler: createAuthMiddleware(async (ctx) => {
            if (!succeeded(ctx.context.returned)) return;
            const token = (ctx.query as { token?: unknown } | undefined)?.token;
            // Verified by /verify-email just now: decoding is enough.
            const claims = typeof token === "string" ? safeDecode(token) : null;
            if (!claims || claims.requestType !== "change-email-verification" || !claims.userId || !claims.updateTo) return;
            const user = await ctx.context.internalAdapter.findUserById(claims.userId);
            if (!user?.emailVerified || user.email.toLowerCase() !== claims.updateTo.toLowerCase()) return;
            const undoToken = generateId(32);
            const record: UndoRecord = { userId: user.id, from: claims.email, to: user.email };
            await ctx.context.internalAdapter.createVerificationValue({
              identifier: `${UNDO_PREFIX}${undoToken}`,
              value: JSON.stringify(record),
              expiresAt: new Date(Date.now() + UNDO_DAYS * 24 * 60 * 60 * 1000),
            });
            const undoUrl = `${new URL(ctx.context.baseURL).origin}${emailChangeUndoPath()}?token=${undoToken}`;
            await sendNotice({ to: claims.email, name: user.name, newEmail: user.email, undoUrl });
          }),
        },
      ],
    },
    endpoints: {
      undoEmailChange: createAuthEndpoint(
        UNDO_PATH,
        { method: "POST", body: z.object({ token: z.string().min(1).max(200) }) },
        async (ctx) => {
          const identifier = `${UNDO_PREFIX}${ctx.body.token}`;
          const found = await ctx.context.internalAdapter.findVerificationValue(identifier);
          if (!found || new Date(found.expiresAt) <= new Date()) {
            throw new APIError("BAD_REQUEST", {
              code: "INVALID_TOKEN",
              message: "This undo link has expired or was already used.",
            });
          }
          const record = parseRecord(found.value);
          const user = record && ((await ctx.context.internalAdapter.findUserById(record.userId)) as UserRow | null);
          if (!record || !user) {
            await ctx.context.internalAdapter.deleteVerificationByIdentifier(identifier);
            throw new APIError("BAD_REQUEST", { code: "USER_NOT_FOUND", message: "The account of this link no longer exists." });
          }
          const holder = await ctx.context.internalAdapter.findUserByEmail(record.from);
          if (holder && holder.user.id !== user.id) {
            throw new APIError("CONFLICT", {
              code: "EMAIL_TAKEN",
              message: `${record.from} now belongs to another account, so it cannot be given back. Contact support.`,
            });
          }
          await ctx.context.internalAdapter.deleteVerificationByIdentifier(identifier);
          // The address update also voids every link mailed before it (lib/account/email-proof.ts).
          await ctx.context.internalAdapter.updateUser(user.id, { email: record.from, emailVerified: true });
          await ctx.context.internalAdapter.deleteUserSessions(user.id);
          const resetToken = generateId(24);
          await ctx.context.internalAdapter.createVerificationValue({
            value: user.id,
            identifier: `reset-password:${resetToken}`,
            expiresAt: new Date(Date.now() + RESET_LINK_SECONDS * 1000),
          });
          return ctx.json({
            status: true,
            email: record.from,
            resetPath: `${resetPasswordPath()}?token=${resetToken}&notice=${EMAIL_CHANGE_UNDONE_NOTICE}`,
          });
        },
      ),
    },
  } satisfies BetterAuthPlugin;
}

function safeDecode(token: string): { email: string; updateTo?: string; userId?: string; requestType?: string } | null {
  try {
    const claims = decodeJwt(token);
    return typeof claims.email === "string" ? (claims as { email: string }) : null;
  } catch {
    return null;
  }
}

function parseRecord(value: string): UndoRecord | null {
  try {
    const r = JSON.parse(value) as Partial<UndoRecord>;
    return typeof r.userId === "string" && typeof r.from === "string" && typeof r.to === "string" ? (r as UndoRecord) : null;
  } catch {
    return null;
  }
}

/** /verify-email succeeded: a redirect to the callback without `error=`, or a JSON answer. */
function succeeded(returned: unknown): boolean {
  if (isAPIError(returned)) {
    if (returned.statusCode !== 302) return false;
    const location = new Headers(returned.headers as HeadersInit | undefined).get("location");
    return !!location && !new URL(location, "http://x").searchParams.has("error");
  }
  // A JSON answer is the body itself, or `{ body, _flag: "json" }` when the call asked for a Response.
  const body =
    (returned as { _flag?: unknown; body?: unknown } | null)?._flag === "json" ? (returned as { body: unknown }).body : returned;
  return !!body && typeof body === "object" && (body as { status?: unknown }).status === true;
}
