import { MAIL_LIMITS } from "./mail-limits";

/** Set (for the browser session, to the user's id) when the banner is dismissed; read by the tasks page. */
export const CONFIRM_BANNER_DISMISSED_COOKIE = "tasks_confirm_banner_dismissed";

/**
 * The words of the tasks page's "confirm your address" banner (components/ConfirmEmailBanner.tsx):
 * what was sent, where, and why it matters, and where the mail is on a local run without SMTP.
 */
export function confirmBannerText(email: string, outboxDir: string | null) {
  return {
    sent: `We sent a confirmation link to ${email}.`,
    why:
      "Confirming shows the address is yours: it is where password-reset links go if you forget your password. " +
      "Opening the link asks you to choose your password once more, which ends anything someone else may have set up with your address.",
    outbox: outboxDir
      ? `This server sends no real mail (no SMTP_URL): the message is a file in ${outboxDir}, and the terminal running ./run.sh printed its name.`
      : null,
  };
}

const [SHORT] = MAIL_LIMITS;

/** "Send again" said no (Better Auth's per-client limit answers 429, with Retry-After in seconds). */
export function resendRefusedText(status: number, retryAfter: string | null): string {
  if (status === 429) {
    const seconds = Number(retryAfter);
    const wait = Number.isInteger(seconds) && seconds > 0 ? `in ${seconds} s` : "in a minute";
    return `Too many requests for a new link: try again ${wait}. Each address gets at most ${SHORT.max} links in ${SHORT.windowMs / 60_000} minutes, so the newest one in your mailbox is the one to use.`;
  }
  if (status === 0) return "Can't reach the server. Check your connection and try again.";
  return "The link could not be sent. Please try again in a moment.";
}

/** After "send again": where, and the per-recipient limit that may hold it back silently. */
export function resentText(email: string): string {
  return `We sent a new link to ${email}. It can take a minute; check your spam folder too. (At most ${SHORT.max} links go to one address in ${SHORT.windowMs / 60_000} minutes.)`;
}
