import type { AuthContext, BetterAuthPlugin } from "better-auth";
import { createAuthMiddleware, isAPIError } from "better-auth/api";
import { clearSignInBackOff } from "./sign-in-throttle";
import { forgetTrustedDevices } from "../two-factor/trusted-devices";

/**
 * What a completed password reset (or change) ends besides the sessions Better Auth revokes:
 *
 * - every other reset link of the user. Better Auth 1.7 consumes only the link that was used;
 *   the others (rows `reset-password:<token>` of the `verification` table, value = user id) stay
 *   valid for their hour, so an older link mailed earlier could reset the password again;
 * - the per-account sign-in back-off (every bucket: whoever reset holds the mailbox, so the
 *   owner is never kept out by a stranger's guesses);
 * - every trusted device (lib/two-factor/trusted-devices.ts).
 *
 * Better Auth calls `emailAndPassword.onPasswordReset({ user })` after a reset but passes no
 * database handle; this plugin's `init` (run by Better Auth when it builds its context) keeps the
 * adapter for it. A password change is seen by an after hook on `/change-password`.
 */
const RESET_PREFIX = "reset-password:";

type Adapter = AuthContext["adapter"];

/** Deletes every unused reset link of the user. */
export async function voidResetLinks(adapter: Adapter, userId: string): Promise<number> {
  return adapter.deleteMany({
    model: "verification",
    where: [
      { field: "identifier", operator: "starts_with", value: RESET_PREFIX },
      { field: "value", value: userId },
    ],
  });
}

export function passwordResetCleanup() {
  let adapter: Adapter | undefined;
  const plugin = {
    id: "password-reset-cleanup",
    init(context) {
      adapter = context.adapter;
    },
    hooks: {
      after: [
        {
          matcher: (ctx) => ctx.path === "/change-password",
          handler: createAuthMiddleware(async (ctx) => {
            const userId = ctx.context.session?.user.id;
            if (!isAPIError(ctx.context.returned) && userId) await voidResetLinks(ctx.context.adapter, userId);
          }),
        },
      ],
    },
  } satisfies BetterAuthPlugin;

  /** For `emailAndPassword.onPasswordReset`. */
  async function onPasswordReset({ user }: { user: { id: string; email: string } }) {
    if (!adapter) throw new Error("password-reset-cleanup: Better Auth has not initialised the plugin");
    await voidResetLinks(adapter, user.id);
    await clearSignInBackOff(adapter, user.email);
    await forgetTrustedDevices(adapter, user.id);
  }

  return { plugin, onPasswordReset };
}
