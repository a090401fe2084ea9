export function fingerprintFiles(root?: string): string[];
export function schemaEnvNames(sources: string[]): string[];
export function schemaFingerprint(options?: { root?: string; env?: NodeJS.ProcessEnv }): string;
