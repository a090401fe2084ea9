import { validateEmail } from "../auth/auth-errors";
import { checkEmail, checkName } from "../auth/user-limits";

/** The name form's check before sending (the server checks the same, lib/auth/user-fields.ts). */
export function validateName(name: string, current: string): string | undefined {
  const checked = checkName(name);
  if ("problem" in checked) return checked.problem.message;
  if (!checked.value) return "Enter a name.";
  if (checked.value === current) return "That is already your name.";
  return undefined;
}

/** The new-address form's check before sending. */
export function validateNewEmail(email: string, current: string): string | undefined {
  const invalid = validateEmail(email);
  if (invalid) return invalid === "Enter your email address." ? "Enter the new email address." : invalid;
  const tooLong = checkEmail(email.trim());
  if (tooLong) return tooLong.message;
  if (email.trim().toLowerCase() === current.toLowerCase()) return "That is already your email address.";
  return undefined;
}

/** What the page says once the change link is mailed: where, what happens next, and what does not. */
export function changeLinkSentText(newEmail: string, current: string, currentConfirmed: boolean): string {
  return (
    `If ${newEmail} can take this address, we sent a link there. Your address changes when you open it ` +
    `(within 24 hours); until then you sign in with ${current}.` +
    // Only a confirmed address is told (lib/account/email-change.ts).
    (currentConfirmed ? ` Once it changes, ${current} is told and can undo it.` : "")
  );
}

/** An address with break opportunities after "." and before "@", so a narrow screen wraps it there, not mid-word. */
export function emailBreakParts(email: string): string[] {
  return email.split(/(?<=\.)|(?=@)/);
}
