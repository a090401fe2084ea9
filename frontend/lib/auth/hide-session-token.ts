type Handler = (request: Request) => Promise<Response>;

/**
 * Keeps the session token out of what page scripts can read (probe issue 21, finding 14).
 *
 * The session token is the httpOnly cookie's value: whoever has it is signed in for 7 days. Better
 * Auth 1.7 also puts it in the JSON of sign-up, sign-in (email and ID token), two-factor
 * verification, change-password (`token`) and get-session (`session.token`), where any script in
 * the page could read it and defeat httpOnly. Neither Better Auth's client nor this app reads it:
 * the client refreshes its session from get-session, the app's pages read sessions on the server
 * (`auth.api`, not this handler), and the sign-up form asks get-session whether it is signed in. So
 * this wrapper of the HTTP route removes those fields from JSON bodies. `GET /token` is left alone:
 * its `token` is the JWT for the task API, which the page must read.
 */
export function withoutSessionTokens(handler: Handler): Handler {
  return async (request) => {
    const response = await handler(request);
    if (new URL(request.url).pathname.endsWith("/api/auth/token")) return response;
    if (!response.headers.get("content-type")?.includes("application/json")) return response;
    const text = await response.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return new Response(text, response);
    }
    if (!stripSessionToken(body)) return new Response(text, response);
    const headers = new Headers(response.headers);
    headers.delete("content-length");
    return new Response(JSON.stringify(body), { status: response.status, statusText: response.statusText, headers });
  };
}

/** Removes `token` and `session.token` from a JSON object; true when it changed anything. */
export function stripSessionToken(body: unknown): boolean {
  if (!body || typeof body !== "object" || Array.isArray(body)) return false;
  const record = body as Record<string, unknown>;
  let changed = false;
  if ("token" in record) {
    delete record.token;
    changed = true;
  }
  const session = record.session;
  if (session && typeof session === "object" && "token" in session) {
    delete (session as Record<string, unknown>).token;
    changed = true;
  }
  return changed;
}
