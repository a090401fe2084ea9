export interface CspOptions {
  nonce: string;
  /** Backend origin the browser calls (API_URL at run time, lib/http/api-url.ts). */
  apiUrl: string;
  dev?: boolean;
  /** Served over https: ask the browser to upgrade any http sub-resource. */
  https?: boolean;
}

/**
 * Scripts: only those carrying this response's nonce (Next.js stamps it on its own scripts
 * and inline RSC payloads) and what they load ('strict-dynamic'); no 'unsafe-inline' for
 * scripts. Styles keep 'unsafe-inline': React style attributes and Next's injected styles
 * would need a nonce each, and a style injection cannot run code.
 * connect-src: this origin (Better Auth) and the task API.
 */
export function contentSecurityPolicy({ nonce, apiUrl, dev = false, https = false }: CspOptions): string {
  const apiOrigin = originOf(apiUrl);
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${apiOrigin ? ` ${apiOrigin}` : ""}${dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/** 128 random bits, base64: unguessable per response. */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
