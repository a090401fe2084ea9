export const MALFORMED_TARGET: string;
export function isMalformedTarget(url: string | undefined): boolean;
export function installRequestTargetGuard(): void;
