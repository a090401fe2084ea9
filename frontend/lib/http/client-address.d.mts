export interface TrustedProxies {
  has(address: string): boolean;
}
export function parseTrustedProxies(text?: string): TrustedProxies;
export function clientAddress(peer: string | undefined, forwardedFor: string | undefined, trusted: TrustedProxies): string | null;
export function installClientAddress(env?: NodeJS.ProcessEnv): void;
export function clientAddressInstalled(): boolean;
