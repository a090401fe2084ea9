/**
 * Limits on what a person can put in their account, one source for the server (Better Auth's
 * database hooks, lib/auth/user-fields.ts) and the forms (maxLength). Every JWT carries name, email
 * and image, and the task API refuses tokens over 8 KiB: with these caps the largest token is
 * about 4 KB (100 four-byte characters, a 254-character email, a 2,048-character image URL).
 */
export const NAME_MAX_CHARS = 100;
export const EMAIL_MAX_CHARS = 254; // RFC 5321's limit on a forward path
export const IMAGE_MAX_CHARS = 2048;

export interface FieldProblem {
  code: "NAME_TOO_LONG" | "NAME_HAS_CONTROL_CHARACTERS" | "EMAIL_TOO_LONG" | "IMAGE_TOO_LONG";
  message: string;
}

/** Length in code points, so an emoji counts once (as people count), never half. */
export const codePoints = (text: string) => Array.from(text).length;

/** The name as stored (trimmed), or what is wrong with it. */
export function checkName(name: string): { value: string } | { problem: FieldProblem } {
  const value = name.trim();
  if (/[\p{Cc}\u2028\u2029]/u.test(value)) {
    return {
      problem: { code: "NAME_HAS_CONTROL_CHARACTERS", message: "Names cannot contain control characters or line breaks." },
    };
  }
  if (codePoints(value) > NAME_MAX_CHARS) {
    return { problem: { code: "NAME_TOO_LONG", message: `Names can have at most ${NAME_MAX_CHARS} characters.` } };
  }
  return { value };
}

export function checkEmail(email: string): FieldProblem | null {
  return email.length > EMAIL_MAX_CHARS
    ? { code: "EMAIL_TOO_LONG", message: `Email addresses can have at most ${EMAIL_MAX_CHARS} characters.` }
    : null;
}

export function checkImage(image: string): FieldProblem | null {
  return image.length > IMAGE_MAX_CHARS
    ? { code: "IMAGE_TOO_LONG", message: `Image addresses can have at most ${IMAGE_MAX_CHARS} characters.` }
    : null;
}
