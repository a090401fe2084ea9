import type { BetterAuthPlugin } from "better-auth";
import { APIError } from "better-auth/api";
import { checkEmail, checkImage, checkName } from "./user-limits";

type UserFields = { name?: string; email?: string; image?: string | null } & Record<string, unknown>;

/**
 * Caps name, email and image wherever a user row is written: sign-up, update-user, change-email,
 * social and OIDC sign-ups alike, because Better Auth runs `databaseHooks.user.*.before` for every
 * one of them (an endpoint hook would cover only the paths it names). A refused value is a 400
 * with a code and a sentence; nothing is written.
 */
export function userFieldLimits() {
  return {
    id: "user-field-limits",
    init() {
      return {
        options: {
          databaseHooks: {
            user: {
              create: { before: async (user: UserFields) => ({ data: checked(user) }) },
              update: { before: async (user: UserFields) => ({ data: checked(user) }) },
            },
          },
        },
      };
    },
  } satisfies BetterAuthPlugin;
}

/** The fields with the name trimmed; throws 400 for a value over its limit. */
function checked<T extends UserFields>(user: T): T {
  const result = { ...user };
  if (typeof user.name === "string") {
    const name = checkName(user.name);
    if ("problem" in name) throw new APIError("BAD_REQUEST", { ...name.problem });
    result.name = name.value;
  }
  const problem =
    (typeof user.email === "string" && checkEmail(user.email)) ||
    (typeof user.image === "string" && checkImage(user.image)) ||
    null;
  if (problem) throw new APIError("BAD_REQUEST", { ...problem });
  return result;
}
