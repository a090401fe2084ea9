type Handler = (request: Request) => Promise<Response>;

/**
 * What every answer of Better Auth's HTTP API gets on its way out:
 * - `Cache-Control: no-store` unless Better Auth chose one: `/token` (a JWT) and the session
 *   answers are personal and must never sit in a browser or shared cache. The JWKS is public
 *   but may change at any rotation, so caches revalidate it (`no-cache`).
 * - `Retry-After` on a 429: Better Auth's per-address limit sends only `X-Retry-After`; SPEC 1.5
 *   and the sign-in form read `Retry-After`.
 */
export function withAuthResponseHeaders(handler: Handler): Handler {
  return async (request) => {
    const response = await handler(request);
    const headers = new Headers(response.headers);
    if (!headers.has("cache-control")) {
      headers.set("Cache-Control", new URL(request.url).pathname.endsWith("/jwks") ? "no-cache" : "no-store");
    }
    const retryAfter = headers.get("x-retry-after");
    if (response.status === 429 && retryAfter && !headers.has("retry-after")) headers.set("Retry-After", retryAfter);
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  };
}
