import type { BetterAuthOptions } from "better-auth";
import { emailVerifiedPath } from "./account-links";
import { mailConfig, requireEmailVerification } from "./mail/config";
import { deleteAccountMail, passwordResetMail, verificationMail, type MailMessage } from "./mail/messages";
import { createMailer, type Mailer } from "./mail/transport";

const RESET_LINK_MINUTES = 60;
const VERIFY_LINK_MINUTES = 24 * 60;
/** The mailed confirmation of deleting an account without a password (lib/deletion-proof.ts). */
export const DELETE_LINK_MINUTES = 60;

/**
 * The mail half of the Better Auth options (password reset, email verification), from the
 * environment: SMTP_URL + MAIL_FROM, REQUIRE_EMAIL_VERIFICATION. Bad values throw, so the
 * migration run by run.sh (and the server) refuses to start. `mailer` replaces the transport in tests.
 */
export function authMailOptions(env: NodeJS.ProcessEnv = process.env, mailer?: Mailer) {
  const requireVerification = requireEmailVerification(env);
  if (!mailer) {
    mailer = createMailer(mailConfig(env));
    console.log(`mail: ${mailer.description}`);
  }
  const send = sendInBackground(mailer);
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
      sendVerificationEmail: async ({ user, url }) => send(verificationMail(user, landOnVerifiedPage(url), VERIFY_LINK_MINUTES)),
    },
    /** Same shape as Better Auth's `user.deleteUser.sendDeleteAccountVerification`; used by lib/deletion-proof.ts. */
    sendDeleteAccountVerification: async ({ user, url }: { user: { email: string; name?: string | null }; url: string }) =>
      send(deleteAccountMail(user, url, DELETE_LINK_MINUTES)),
  } satisfies {
    sendDeleteAccountVerification: unknown;
    emailAndPassword: Omit<NonNullable<BetterAuthOptions["emailAndPassword"]>, "enabled">;
    emailVerification: BetterAuthOptions["emailVerification"];
  };
}

/**
 * Not awaited: Better Auth answers "if the account exists, we sent a link" whether or not it
 * does, and waiting for an SMTP server would make the answer's timing tell. Failures are logged.
 */
function sendInBackground(mailer: Mailer) {
  return (message: MailMessage) => {
    mailer.send(message).catch((err: unknown) => {
      console.error(`mail to ${message.to} failed: ${err instanceof Error ? err.message : String(err)}`);
    });
  };
}

/** A verification link asked for without a callback (Better Auth's default is "/") lands on our notice page. */
function landOnVerifiedPage(url: string) {
  const link = new URL(url);
  const callback = link.searchParams.get("callbackURL");
  if (!callback || callback === "/") link.searchParams.set("callbackURL", emailVerifiedPath());
  return link.href;
}
