import { createHmac } from "node:crypto";
import type { BetterAuthPlugin } from "better-auth";
import { APIError, createAuthMiddleware, getSessionFromCtx, isAPIError } from "better-auth/api";
import { symmetricDecrypt } from "better-auth/crypto";

/**
 * A TOTP code is accepted once per user. Better Auth 1.7's `/two-factor/verify-totp` accepts any
 * code of the previous, current or next 30 s step, as often as it is sent: one code seen over a
 * shoulder or phished in real time signs in again within its window. This plugin remembers the
 * last step that succeeded for each user (table `totpStep`, from its schema, created by Better
 * Auth's migrator: PostgreSQL, so it holds across web instances) and refuses a code of that step
 * or an earlier one with Better Auth's own "Invalid code" answer.
 *
 * It runs as a before hook, i.e. before Better Auth checks the code: it works out which step the
 * code belongs to (the same HOTP Better Auth computes, RFC 6238), then claims that step with a
 * compare-and-set on the stored one, so of parallel requests with one code exactly one goes on.
 * A code that matches no step is left to Better Auth, which counts the failure as before.
 * A new secret (two-factor turned on again) starts afresh: its codes were never used.
 */
const PATH = "/two-factor/verify-totp";
const NEW_SECRET_PATHS = new Set(["/two-factor/enable", "/two-factor/disable"]);
const MODEL = "totpStep";
const DEFAULT_PERIOD_S = 30;
const DEFAULT_DIGITS = 6;
/** Better Auth's window: one step either side. */
const WINDOW = 1;

/** RFC 4226 HOTP with HMAC-SHA-1; the key is the secret's UTF-8 bytes, as in Better Auth. */
export function hotp(secret: string, counter: number, digits = DEFAULT_DIGITS): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac("sha1", Buffer.from(secret, "utf8")).update(message).digest();
  const offset = mac[mac.length - 1] & 15;
  const value = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(value % 10 ** digits).padStart(digits, "0");
}

/** The time step within Better Auth's window whose code is `code`, if any. */
export function stepOf(secret: string, code: string, now: number, periodS = DEFAULT_PERIOD_S, digits = DEFAULT_DIGITS) {
  const current = Math.floor(now / 1000 / periodS);
  for (let step = current - WINDOW; step <= current + WINDOW; step++) {
    if (hotp(secret, step, digits) === code) return step;
  }
  return undefined;
}

type Ctx = Parameters<Parameters<typeof createAuthMiddleware>[0]>[0];
type Adapter = Ctx["context"]["adapter"];

/** Whose code this is: the signed-in user (turning 2FA on) or the one of the pending sign-in challenge. */
async function userIdOf(ctx: Ctx): Promise<string | undefined> {
  const session = await getSessionFromCtx(ctx).catch(() => null);
  if (session) return session.user.id;
  const challenge = await ctx.getSignedCookie(ctx.context.createAuthCookie("two_factor").name, ctx.context.secret);
  if (!challenge) return undefined;
  return (await ctx.context.internalAdapter.findVerificationValue(challenge))?.value ?? undefined;
}

/** Records `step` as used by `userId` unless it (or a later one) already was; true when this call claimed it. */
export async function claimStep(adapter: Adapter, userId: string, step: number): Promise<boolean> {
  for (let round = 0; round < 5; round++) {
    const row = await adapter.findOne<{ step: number }>({ model: MODEL, where: [{ field: "userId", value: userId }] });
    if (!row) {
      try {
        await adapter.create({ model: MODEL, data: { userId, step } });
        return true;
      } catch {
        continue; // created in parallel (unique userId): read it again
      }
    }
    if (row.step >= step) return false;
    const claimed = await adapter.incrementOne({
      model: MODEL,
      where: [
        { field: "userId", value: userId },
        { field: "step", value: row.step },
      ],
      increment: {},
      set: { step },
    });
    if (claimed) return true;
  }
  return false;
}

export function totpReplay(now: () => number = Date.now) {
  return {
    id: "totp-replay",
    schema: {
      totpStep: {
        fields: {
          userId: {
            type: "string",
            required: true,
            unique: true,
            references: { model: "user", field: "id", onDelete: "cascade" },
          },
          step: { type: "number", required: true },
        },
      },
    },
    hooks: {
      before: [
        {
          matcher: (ctx) => ctx.path === PATH,
          handler: createAuthMiddleware(async (ctx) => {
            const code = (ctx.body as { code?: unknown } | undefined)?.code;
            if (typeof code !== "string") return;
            const userId = await userIdOf(ctx);
            if (!userId) return; // no challenge: Better Auth refuses it
            const row = await ctx.context.adapter.findOne<{ secret: string }>({
              model: "twoFactor",
              where: [{ field: "userId", value: userId }],
            });
            if (!row) return;
            // Imported `base32:` secrets do not occur here (enable generates them): such a code matches no step.
            const secret = await symmetricDecrypt({ key: ctx.context.secretConfig, data: row.secret });
            const totp = (ctx.context.getPlugin("two-factor")?.options as { totpOptions?: { period?: number; digits?: number } })
              ?.totpOptions;
            const step = stepOf(secret, code, now(), totp?.period, totp?.digits);
            if (step === undefined) return; // a wrong code: Better Auth refuses and counts it
            if (!(await claimStep(ctx.context.adapter, userId, step))) {
              throw new APIError("UNAUTHORIZED", { code: "INVALID_CODE", message: "Invalid code" });
            }
          }),
        },
      ],
      after: [
        {
          matcher: (ctx) => NEW_SECRET_PATHS.has(ctx.path ?? ""),
          handler: createAuthMiddleware(async (ctx) => {
            const userId = ctx.context.session?.user.id;
            if (userId && !isAPIError(ctx.context.returned)) {
              await ctx.context.adapter.deleteMany({ model: MODEL, where: [{ field: "userId", value: userId }] });
            }
          }),
        },
      ],
    },
  } satisfies BetterAuthPlugin;
}
