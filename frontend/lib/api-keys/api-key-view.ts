/**
 * What the account page shows of a Better Auth API key. The key itself is shown once, in the answer
 * to its creation; Better Auth keeps only its hash, and lists `start` (its first characters) instead.
 */
import { API_KEY_MAX_DAYS, API_KEY_NAME_MAX } from "./api-key-options";

const DAY_SECONDS = 24 * 60 * 60;

/** The expiry choices offered on creation, in days (all within the plugin's 1..API_KEY_MAX_DAYS). */
export const EXPIRY_DAYS = [7, 30, 90, API_KEY_MAX_DAYS] as const;
export type ExpiryDays = (typeof EXPIRY_DAYS)[number];

/** Better Auth's `expiresIn` (seconds) for a choice. */
export function expiresInSeconds(days: ExpiryDays): number {
  return days * DAY_SECONDS;
}

/** Why a name cannot be used, or null: what Better Auth would refuse (1..API_KEY_NAME_MAX characters, trimmed). */
export function keyNameError(name: string): string | null {
  const trimmed = name.trim();
  if (!trimmed) return "Give the key a name, such as the script that will use it.";
  if (trimmed.length > API_KEY_NAME_MAX) return `A key's name is at most ${API_KEY_NAME_MAX} characters.`;
  return null;
}

/** A key as Better Auth's list endpoint returns it (no `key`: only its hash is stored). */
export interface ListedKey {
  id: string;
  name: string | null;
  start: string | null;
  prefix: string | null;
  createdAt: string | Date;
  expiresAt: string | Date | null;
  enabled?: boolean | null;
}

export interface KeyView {
  id: string;
  name: string;
  /** The key's first characters and an ellipsis, to tell keys apart; never the whole key. */
  shown: string;
  createdAt: string;
  expiresAt: string | null;
  expired: boolean;
}

const iso = (d: string | Date) => (d instanceof Date ? d : new Date(d)).toISOString();

export function keyView(key: ListedKey, now: Date = new Date()): KeyView {
  const expiresAt = key.expiresAt ? iso(key.expiresAt) : null;
  return {
    id: key.id,
    name: key.name || "(unnamed)",
    shown: `${key.start ?? key.prefix ?? ""}…`,
    createdAt: iso(key.createdAt),
    expiresAt,
    expired: key.enabled === false || (expiresAt !== null && new Date(expiresAt).getTime() < now.getTime()),
  };
}

/** Newest first, as the sessions list. */
export function keyViews(keys: ListedKey[], now: Date = new Date()): KeyView[] {
  return keys.map((k) => keyView(k, now)).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}
