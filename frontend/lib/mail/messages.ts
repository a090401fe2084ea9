/** What a mail says: plain text and simple HTML with the same content; the link is the point. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** The one link of the message (printed in the console in outbox mode). */
  link: string;
}

interface Recipient {
  email: string;
  name?: string | null;
}

const APP_NAME = "Tasks";

/** For text placed into HTML, element content or a quoted attribute. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

export function passwordResetMail(user: Recipient, link: string, validMinutes: number): MailMessage {
  return compose(user, link, {
    subject: `Reset your ${APP_NAME} password`,
    intro: `Someone, hopefully you, asked to reset the password of your ${APP_NAME} account (${user.email}). Open this link to choose a new one:`,
    action: "Choose a new password",
    validity: `The link works once, for ${duration(validMinutes)}. Resetting signs you out everywhere.`,
    notYou: "If this wasn't you, ignore this email: your password stays as it is.",
  });
}

export function deleteAccountMail(user: Recipient, link: string, validMinutes: number): MailMessage {
  return compose(user, link, {
    subject: `Confirm deleting your ${APP_NAME} account`,
    intro: `Someone signed in to your ${APP_NAME} account (${user.email}) asked to delete it, with all of its tasks. Open this link in the browser where you asked, to delete it for good:`,
    action: "Delete my account",
    validity: `The link works once, for ${duration(validMinutes)}, and only where you are signed in.`,
    notYou:
      "If this wasn't you, ignore this email: nothing is deleted without the link. Someone may be signed in to your account: sign out other devices from your account page.",
  });
}

export function verificationMail(user: Recipient, link: string, validMinutes: number): MailMessage {
  return compose(user, link, {
    subject: `Confirm your email address for ${APP_NAME}`,
    intro: `Please confirm that ${user.email} is your email address for ${APP_NAME} by opening this link:`,
    action: "Confirm my email address",
    validity: `The link works for ${duration(validMinutes)}.`,
    notYou: `If you didn't create a ${APP_NAME} account, ignore this email: nothing happens without the link.`,
  });
}

/** To the NEW address: the change happens when this link is opened. `user.email` is the new address. */
export function changeEmailMail(user: Recipient, currentEmail: string, link: string, validMinutes: number): MailMessage {
  return compose(user, link, {
    subject: `Confirm your new email address for ${APP_NAME}`,
    intro: `Someone signed in to the ${APP_NAME} account of ${currentEmail} asked to change its email address to ${user.email}. Open this link to make the change:`,
    action: "Change my email address",
    validity: `The link works for ${duration(validMinutes)}. Until then, the account keeps ${currentEmail}.`,
    notYou: "If this wasn't you, ignore this email: nothing changes without the link.",
  });
}

/** To the OLD address, once the change is made: what happened, and the way back. */
export function emailChangedMail(user: Recipient, newEmail: string, undoLink: string, validDays: number): MailMessage {
  return compose(user, undoLink, {
    subject: `The email address of your ${APP_NAME} account was changed`,
    intro: `The email address of your ${APP_NAME} account was changed from ${user.email} to ${newEmail}. If you made this change, there is nothing to do. If you didn't, open this link to undo it:`,
    action: "Undo the change",
    validity: `The link works for ${validDays} days. Undoing gives the account back its old address, signs it out everywhere and lets you choose a new password.`,
    notYou: `Until you undo it, sign-in and password-reset emails go to ${newEmail}.`,
  });
}

function duration(minutes: number) {
  if (minutes % 60 === 0) return minutes === 60 ? "1 hour" : `${minutes / 60} hours`;
  return minutes === 1 ? "1 minute" : `${minutes} minutes`;
}

function compose(
  user: Recipient,
  link: string,
  parts: { subject: string; intro: string; action: string; validity: string; notYou: string },
): MailMessage {
  // A name is whatever the person typed at sign-up: in HTML it is escaped like everything else.
  const greeting = `Hello ${user.name?.trim() || user.email},`;
  const text = [greeting, "", parts.intro, "", link, "", parts.validity, "", parts.notYou, "", `— ${APP_NAME}`, ""].join("\n");
  const p = (s: string) => `<p>${escapeHtml(s)}</p>`;
  const html = [
    "<!doctype html>",
    `<html><head><meta charset="utf-8"><title>${escapeHtml(parts.subject)}</title></head>`,
    '<body style="font-family: system-ui, sans-serif; line-height: 1.5; color: #1f2328; max-width: 560px">',
    p(greeting),
    p(parts.intro),
    `<p><a href="${escapeHtml(link)}" style="display:inline-block;padding:10px 16px;background:#4f46e5;color:#fff;border-radius:8px;text-decoration:none">${escapeHtml(parts.action)}</a></p>`,
    `<p style="font-size:13px;color:#59636e">Or paste this address into your browser:<br>${escapeHtml(link)}</p>`,
    p(parts.validity),
    p(parts.notYou),
    p(`— ${APP_NAME}`),
    "</body></html>",
    "",
  ].join("\n");
  return { to: user.email, subject: parts.subject, text, html, link };
}
