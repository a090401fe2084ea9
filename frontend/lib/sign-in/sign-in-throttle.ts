import type { BetterAuthPlugin } from "better-auth";
import { APIError, createAuthMiddleware, isAPIError } from "better-auth/api";
import { emailKey } from "../account/email-key";
import { knownDeviceOf, rememberDevice } from "./known-device";

/**
 * A per-account limit on password guesses that no client address can escape: after
 * `FREE_ATTEMPTS` sign-ins without success for one email address, each further attempt must
 * wait 1 s, 2 s, 4 s … at most `MAX_DELAY_S`; a successful sign-in clears it. Better Auth's own
 * limit is per address (3 per 10 s), which a botnet or a proxy pool walks around.
 *
 * The state lives in PostgreSQL (table `signInThrottle`, created by Better Auth's migrator from
 * this plugin's schema), so several web instances behind a load balancer share it. Attempts are
 * claimed before the password is checked, with a compare-and-set on the attempt count, so a
 * burst of parallel guesses gets one slot, not one each.
 *
 * Nobody is locked out by a stranger: a browser that has signed in to the account before (a
 * signed "known device" cookie, lib/sign-in/known-device.ts) is counted in a bucket of its own for that
 * account, and a completed password reset clears every bucket of the account
 * (`clearSignInBackOff`, called by lib/sign-in/password-reset.ts). A stranger, without such a cookie,
 * shares the account's one bucket exactly as before, so gets no more guesses than before.
 */
export const FREE_ATTEMPTS = 5;
export const MAX_DELAY_S = 15 * 60;
/** A quiet day forgets earlier failures (and lets old rows be pruned). */
const FORGET_AFTER_MS = 24 * 60 * 60 * 1000;
const MODEL = "signInThrottle";
const SIGN_IN_PATH = "/sign-in/email";

/** Seconds to wait after `attempts` attempts without a success: 0 … 0, 1, 2, 4 … capped. */
export function backoffSeconds(attempts: number): number {
  if (attempts < FREE_ATTEMPTS) return 0;
  return Math.min(2 ** (attempts - FREE_ATTEMPTS), MAX_DELAY_S);
}

/** The stored key of an account's shared bucket: a hash, so the table does not collect the addresses people mistyped. */
export const throttleKey = emailKey;

/** The bucket of one known device of the account: `<email key>~<device id>`. */
export function deviceBucket(account: string, device: string): string {
  return `${account}~${device}`;
}

export function tooManyAttempts(retryAfterSeconds: number): APIError {
  const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
  return new APIError(
    "TOO_MANY_REQUESTS",
    { code: "TOO_MANY_ATTEMPTS", message: `Too many attempts. Try again in ${seconds} s.`, retryAfter: seconds },
    { "Retry-After": String(seconds) },
  );
}

interface ThrottleRow {
  key: string;
  attempts: number;
  nextAttemptAt: Date;
}

export function signInThrottle(now: () => number = Date.now) {
  return {
    id: "sign-in-throttle",
    schema: {
      signInThrottle: {
        fields: {
          key: { type: "string", required: true, unique: true },
          attempts: { type: "number", required: true },
          nextAttemptAt: { type: "date", required: true },
        },
      },
    },
    hooks: {
      before: [
        {
          matcher: (ctx) => ctx.path === SIGN_IN_PATH,
          handler: createAuthMiddleware(async (ctx) => {
            const email = (ctx.body as { email?: unknown } | undefined)?.email;
            if (typeof email !== "string" || !email.trim()) return;
            await claimAttempt(ctx.context.adapter, await bucketOf(ctx, email), now);
          }),
        },
      ],
      after: [
        {
          matcher: (ctx) => ctx.path === SIGN_IN_PATH,
          handler: createAuthMiddleware(async (ctx) => {
            const email = (ctx.body as { email?: unknown } | undefined)?.email;
            if (typeof email !== "string" || isAPIError(ctx.context.returned)) return;
            // The password was right (a session, or a second factor to come): this bucket starts
            // afresh, and the browser becomes (or stays) a known device of the account. A known
            // device's success clears only its own bucket: a stranger's back-off stays.
            await ctx.context.adapter.deleteMany({ model: MODEL, where: [{ field: "key", value: await bucketOf(ctx, email) }] });
            await rememberDevice(ctx, throttleKey(email));
          }),
        },
      ],
    },
  } satisfies BetterAuthPlugin;
}

type Ctx = Parameters<Parameters<typeof createAuthMiddleware>[0]>[0];
type Adapter = Ctx["context"]["adapter"];

/** The bucket this sign-in counts in: the device's own when it is a known device of the account, else the account's. */
async function bucketOf(ctx: Ctx, email: string): Promise<string> {
  const account = throttleKey(email);
  const device = await knownDeviceOf(ctx, account);
  return device ? deviceBucket(account, device) : account;
}

/** After a completed password reset: the account's shared bucket and every device's bucket go. */
export async function clearSignInBackOff(adapter: Adapter, email: string): Promise<void> {
  const account = throttleKey(email);
  await adapter.deleteMany({ model: MODEL, where: [{ field: "key", value: account }] });
  await adapter.deleteMany({ model: MODEL, where: [{ field: "key", operator: "starts_with", value: `${account}~` }] });
}

/** Counts one attempt for `key`, or throws 429 while the account's back-off lasts. */
async function claimAttempt(adapter: Adapter, key: string, now: () => number): Promise<void> {
  for (let round = 0; round < 5; round++) {
    const row = await adapter.findOne<ThrottleRow>({ model: MODEL, where: [{ field: "key", value: key }] });
    const t = now();
    if (!row) {
      try {
        await adapter.create({ model: MODEL, data: { key, attempts: 1, nextAttemptAt: new Date(t + backoffSeconds(1) * 1000) } });
        await adapter.deleteMany({
          model: MODEL,
          where: [{ field: "nextAttemptAt", operator: "lt", value: new Date(t - FORGET_AFTER_MS) }],
        });
        return;
      } catch {
        continue; // another instance created it first: read it again
      }
    }
    const waitMs = new Date(row.nextAttemptAt).getTime() - t;
    if (waitMs > 0) throw tooManyAttempts(waitMs / 1000);
    const attempts = -waitMs > FORGET_AFTER_MS ? 1 : row.attempts + 1;
    const claimed = await adapter.incrementOne({
      model: MODEL,
      where: [
        { field: "key", value: key },
        { field: "attempts", value: row.attempts },
      ],
      increment: {},
      set: { attempts, nextAttemptAt: new Date(t + backoffSeconds(attempts) * 1000) },
    });
    if (claimed) return;
    // Someone else claimed this slot between our read and write: read again.
  }
  throw tooManyAttempts(1);
}
