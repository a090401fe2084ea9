/**
 * The per-recipient mail limit's windows (lib/mail/mail-limit.ts enforces them): apart so that
 * browser code can quote them without pulling in the server half (node:crypto, the adapter).
 */
export const MAIL_LIMITS = [
  { windowMs: 15 * 60 * 1000, max: 3 },
  { windowMs: 24 * 60 * 60 * 1000, max: 10 },
] as const;
