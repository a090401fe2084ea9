import type { BetterAuthPlugin } from "better-auth";
import { createAuthMiddleware, isAPIError } from "better-auth/api";

/**
 * "Trust this device" of Better Auth's twoFactor plugin (1.7) is a signed `trust_device` cookie
 * naming a row of the `verification` table: identifier `trust-device-<random>`, value the user
 * id, `expiresAt` 30 days on (renewed with a new identifier at each sign-in that uses it). The
 * cookie skips the code only while that row exists, so deleting rows is how trust ends.
 *
 * Better Auth ends trust only for the one browser that turns 2FA off. Here every trusted device
 * of the user is forgotten when the password changes or is reset (lib/sign-in/password-reset.ts) and on
 * any change of the second factor (a new secret or new backup codes); the two-factor page lists
 * the devices and forgets one or all of them.
 */
const TRUST_PREFIX = "trust-device-";
const VERIFICATION = "verification";
/** Changes after which no device stays trusted (the two-factor ones need the password). */
const TRUST_ENDING_PATHS = new Set([
  "/change-password",
  "/two-factor/enable",
  "/two-factor/disable",
  "/two-factor/generate-backup-codes",
]);

type Ctx = Parameters<Parameters<typeof createAuthMiddleware>[0]>[0];
export type Adapter = Ctx["context"]["adapter"];

interface VerificationRow {
  id: string;
  identifier: string;
  value: string;
  createdAt: Date;
  expiresAt: Date;
}

/** What the two-factor page shows of a trusted device: never the identifier (half of the cookie). */
export interface TrustedDevice {
  id: string;
  trustedAt: string;
  expiresAt: string;
}

const ofUser = (userId: string) => [
  { field: "identifier", operator: "starts_with" as const, value: TRUST_PREFIX },
  { field: "value", value: userId },
];

/** The user's trusted devices that have not expired, most recently trusted first. */
export async function listTrustedDevices(adapter: Adapter, userId: string, now = Date.now()): Promise<TrustedDevice[]> {
  const rows = await adapter.findMany<VerificationRow>({ model: VERIFICATION, where: ofUser(userId) });
  return rows
    .filter((r) => new Date(r.expiresAt).getTime() > now)
    .sort((a, b) => new Date(b.createdAt).getTime() - new Date(a.createdAt).getTime())
    .map((r) => ({ id: r.id, trustedAt: new Date(r.createdAt).toISOString(), expiresAt: new Date(r.expiresAt).toISOString() }));
}

/** Forgets one of the user's trusted devices by row id; false when it is not theirs (or gone). */
export async function forgetTrustedDevice(adapter: Adapter, userId: string, id: string): Promise<boolean> {
  const where = [{ field: "id", value: id }, ...ofUser(userId)];
  if (!(await adapter.findOne<VerificationRow>({ model: VERIFICATION, where }))) return false;
  await adapter.deleteMany({ model: VERIFICATION, where });
  return true;
}

/** Forgets every trusted device of the user: the next sign-in on each asks for the code again. */
export async function forgetTrustedDevices(adapter: Adapter, userId: string): Promise<number> {
  return adapter.deleteMany({ model: VERIFICATION, where: ofUser(userId) });
}

/** After hooks of Better Auth's change-password and twoFactor endpoints: trust ends with the change. */
export function trustedDevices() {
  return {
    id: "trusted-devices",
    hooks: {
      after: [
        {
          matcher: (ctx) => TRUST_ENDING_PATHS.has(ctx.path ?? ""),
          handler: createAuthMiddleware(async (ctx) => {
            if (isAPIError(ctx.context.returned)) return;
            // Each of these endpoints runs Better Auth's session middleware, which sets the session.
            const userId = ctx.context.session?.user.id;
            if (userId) await forgetTrustedDevices(ctx.context.adapter, userId);
          }),
        },
      ],
    },
  } satisfies BetterAuthPlugin;
}
