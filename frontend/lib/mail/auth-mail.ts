import type { BetterAuthOptions } from "better-auth";
import { emailVerifiedPath } from "../account/account-links";
import { mailConfig, requireEmailVerification } from "./config";
import { decodeJwt } from "jose";
import { UNDO_DAYS, type SendChangedNotice } from "../account/email-change";
import {
  changeEmailMail,
  deleteAccountMail,
  emailChangedMail,
  passwordResetMail,
  verificationMail,
  type MailMessage,
} from "./messages";
import { createMailer, type Mailer } from "./transport";

const RESET_LINK_MINUTES = 60;
const VERIFY_LINK_MINUTES = 24 * 60;
/** The mailed confirmation of deleting an account without a password (lib/account/deletion-proof.ts). */
export const DELETE_LINK_MINUTES = 60;

/** Whether one more mail may go to this address now (lib/mail/mail-limit.ts); counts it when it may. */
export type MailAllowance = (to: string) => Promise<boolean>;

/**
 * The mail half of the Better Auth options (password reset, email verification), from the
 * environment: SMTP_URL + MAIL_FROM, REQUIRE_EMAIL_VERIFICATION. Bad values throw, so the
 * migration run by run.sh (and the server) refuses to start. `mailer` replaces the transport in
 * tests; `allow` is the per-recipient limit (none when omitted).
 */
export function authMailOptions(env: NodeJS.ProcessEnv = process.env, mailer?: Mailer, allow: MailAllowance = async () => true) {
  const requireVerification = requireEmailVerification(env);
  if (!mailer) {
    mailer = createMailer(mailConfig(env));
    console.log(`mail: ${mailer.description}`);
  }
  const transport = mailer;
  const send = sendInBackground(transport, allow);
  return {
    emailAndPassword: {
      requireEmailVerification: requireVerification,
      // Every session of the user ends (and the task API refuses their JWTs within 5 s, SPEC 1.6).
      revokeSessionsOnPasswordReset: true,
      resetPasswordTokenExpiresIn: RESET_LINK_MINUTES * 60,
      sendResetPassword: async ({ user, url }) => send(passwordResetMail(user, url, RESET_LINK_MINUTES)),
    },
    emailVerification: {
      sendOnSignUp: true,
      // Resending is a button (POST /send-verification-email, 3 a minute), not every failed sign-in.
      sendOnSignIn: false,
      // The link confirms the address and never signs in: a session made by a link would skip the
      // second factor (probe issue 21, finding 3). The landing page says "confirmed, sign in".
      autoSignInAfterVerification: false,
      expiresIn: VERIFY_LINK_MINUTES * 60,
      // The same callback mails an address change's link to the new address (Better Auth's
      // change-email): its token says so (`updateTo`, and `email` the address being left).
      sendVerificationEmail: async ({ user, url, token }) => {
        const change = changeOf(token);
        return send(
          change
            ? changeEmailMail(user, change.from, url, VERIFY_LINK_MINUTES)
            : verificationMail(user, landOnVerifiedPage(url), VERIFY_LINK_MINUTES),
        );
      },
    },
    /** Same shape as Better Auth's `user.deleteUser.sendDeleteAccountVerification`; used by lib/account/deletion-proof.ts. */
    sendDeleteAccountVerification: async ({ user, url }: { user: { email: string; name?: string | null }; url: string }) =>
      send(deleteAccountMail(user, url, DELETE_LINK_MINUTES)),
    /** The old address's "your address was changed" mail: past the per-recipient limit (lib/account/email-change.ts says why). */
    sendEmailChangedNotice: (async ({ to, name, newEmail, undoUrl }) => {
      transport.send(emailChangedMail({ email: to, name }, newEmail, undoUrl, UNDO_DAYS)).catch((err: unknown) => {
        console.error(`mail to ${to} failed: ${errorText(err)}`);
      });
    }) satisfies SendChangedNotice,
  } satisfies {
    sendDeleteAccountVerification: unknown;
    sendEmailChangedNotice: unknown;
    emailAndPassword: Omit<NonNullable<BetterAuthOptions["emailAndPassword"]>, "enabled">;
    emailVerification: BetterAuthOptions["emailVerification"];
  };
}

/**
 * The per-recipient limit is asked first (one database round trip, whatever its answer); the
 * sending itself is not awaited: Better Auth answers "if the account exists, we sent a link"
 * whether or not it does, and waiting for an SMTP server would make the answer's timing tell.
 * A mail over the limit is dropped with a log line; the requester's answer is the same.
 */
function sendInBackground(mailer: Mailer, allow: MailAllowance) {
  return async (message: MailMessage) => {
    let allowed: boolean;
    try {
      allowed = await allow(message.to);
    } catch (err) {
      console.error(`mail to ${message.to} not sent: the per-recipient limit could not be read (${errorText(err)})`);
      return;
    }
    if (!allowed) {
      console.log(`mail to ${message.to} not sent: over the per-recipient limit`);
      return;
    }
    mailer.send(message).catch((err: unknown) => {
      console.error(`mail to ${message.to} failed: ${errorText(err)}`);
    });
  };
}

/** An address change's link (its token has `updateTo`): the address being left; null for a plain confirmation. */
function changeOf(token: string): { from: string } | null {
  try {
    const claims = decodeJwt(token);
    return typeof claims.updateTo === "string" && typeof claims.email === "string" ? { from: claims.email } : null;
  } catch {
    return null;
  }
}

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** A verification link asked for without a callback (Better Auth's default is "/") lands on our notice page. */
function landOnVerifiedPage(url: string) {
  const link = new URL(url);
  const callback = link.searchParams.get("callbackURL");
  if (!callback || callback === "/") link.searchParams.set("callbackURL", emailVerifiedPath());
  return link.href;
}
