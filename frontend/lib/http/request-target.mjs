// Next.js answers a request target it cannot percent-decode (`GET /%`) with a bare 500 that has
// none of the security headers (its decoding fails before next.config.ts headers and proxy.ts
// run). Loaded by preload.mjs, this points such a request at a path no page has, before Next.js
// reads it: the answer is the app's 404 page, with the security headers and CSP of any page.
import diagnosticsChannel from "node:diagnostics_channel";

export const MALFORMED_TARGET = "/_malformed-request-target";

/** Whether the path of a request target is not valid percent-encoding (Next.js copes with a query's). */
export function isMalformedTarget(url) {
  if (typeof url !== "string") return true;
  try {
    decodeURIComponent(url.split("?", 1)[0]);
    return false;
  } catch {
    return true;
  }
}

export function installRequestTargetGuard() {
  diagnosticsChannel.subscribe("http.server.request.start", ({ request }) => {
    if (isMalformedTarget(request.url)) request.url = MALFORMED_TARGET;
  });
}
