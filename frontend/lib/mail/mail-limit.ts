import type { AuthContext, BetterAuthPlugin } from "better-auth";
import { emailKey } from "../account/email-key";
import { MAIL_LIMITS } from "./mail-limits";

/**
 * A per-recipient limit on every mail the app sends (reset links, confirmation links): at most
 * 3 in any 15 minutes and 10 in any 24 hours to one address. Better Auth's own limit is per
 * client address (3 a minute), which rotating addresses walk around: the probe got 201 reset
 * mails into one mailbox in 70 s.
 *
 * The state lives in PostgreSQL (table `mailLimit`, from this plugin's schema, created by Better
 * Auth's migrator), one row per recipient keyed by the address's hash (lib/account/email-key.ts): the
 * times of the mails of the last day, and a version for a compare-and-set, so parallel requests
 * on several instances cannot send more than the limit between them. Better Auth's mail callbacks
 * get no database handle; `init` keeps the adapter for `allow`.
 *
 * The requester is never told: Better Auth answers forgot-password and resend alike whatever
 * happens to the mail, and the mail itself is sent without making the answer wait.
 */
export { MAIL_LIMITS } from "./mail-limits";
const DAY_MS = 24 * 60 * 60 * 1000;
const MODEL = "mailLimit";

interface MailLimitRow {
  key: string;
  version: number;
  /** Send times (ms since the epoch) of the last 24 h, comma-separated, oldest first. */
  sentAt: string;
  lastSentAt: Date;
}

type Adapter = AuthContext["adapter"];

/** Whether one more mail fits in every window, given the earlier send times. */
export function fits(sent: number[], now: number): boolean {
  return MAIL_LIMITS.every(({ windowMs, max }) => sent.filter((t) => now - t < windowMs).length < max);
}

const parse = (s: string) =>
  s
    .split(",")
    .filter(Boolean)
    .map(Number)
    .filter((n) => Number.isFinite(n));

/** Claims one mail to `to`; false (and nothing recorded) when the recipient has had their share. */
export async function claimMail(adapter: Adapter, to: string, now: number): Promise<boolean> {
  const key = emailKey(to);
  for (let round = 0; round < 5; round++) {
    const row = await adapter.findOne<MailLimitRow>({ model: MODEL, where: [{ field: "key", value: key }] });
    if (!row) {
      try {
        await adapter.create({ model: MODEL, data: { key, version: 1, sentAt: String(now), lastSentAt: new Date(now) } });
        // Rows of recipients quiet for a day hold nothing a limit needs.
        await adapter.deleteMany({
          model: MODEL,
          where: [{ field: "lastSentAt", operator: "lt", value: new Date(now - DAY_MS) }],
        });
        return true;
      } catch {
        continue; // created in parallel (unique key): read it again
      }
    }
    const sent = parse(row.sentAt).filter((t) => now - t < DAY_MS);
    if (!fits(sent, now)) return false;
    const claimed = await adapter.incrementOne({
      model: MODEL,
      where: [
        { field: "key", value: key },
        { field: "version", value: row.version },
      ],
      increment: {},
      set: { version: row.version + 1, sentAt: [...sent, now].join(","), lastSentAt: new Date(now) },
    });
    if (claimed) return true;
  }
  return false;
}

export function mailLimit(now: () => number = Date.now) {
  let adapter: Adapter | undefined;
  const plugin = {
    id: "mail-limit",
    init(context) {
      adapter = context.adapter;
    },
    schema: {
      mailLimit: {
        fields: {
          key: { type: "string", required: true, unique: true },
          version: { type: "number", required: true },
          sentAt: { type: "string", required: true },
          lastSentAt: { type: "date", required: true },
        },
      },
    },
  } satisfies BetterAuthPlugin;

  /** Whether a mail to `to` may go now (and, if so, it is counted). */
  async function allow(to: string): Promise<boolean> {
    if (!adapter) throw new Error("mail-limit: Better Auth has not initialised the plugin");
    return claimMail(adapter, to, now());
  }

  return { plugin, allow };
}
