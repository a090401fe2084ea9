import { NextResponse, type NextRequest } from "next/server";
import { apiUrlFromEnv } from "./lib/http/api-url";
import { contentSecurityPolicy, createNonce } from "./lib/http/csp";

/**
 * Gives every page response a Content-Security-Policy with a fresh script nonce. Next.js
 * reads the nonce from the request's CSP header and stamps it on its scripts. Session checks
 * happen in the pages themselves (server components), not here.
 */
export function proxy(request: NextRequest) {
  const csp = contentSecurityPolicy({
    nonce: createNonce(),
    apiUrl: apiUrlFromEnv(),
    dev: process.env.NODE_ENV === "development",
    https: request.nextUrl.protocol === "https:",
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

// Every page response, prefetches included: a request with `Next-Router-Prefetch: 1` or
// `Purpose: prefetch` can still be answered with a whole HTML page, which needs its CSP too.
export const config = {
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico).*)"],
};
