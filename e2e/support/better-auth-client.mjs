// What a client of a Better Auth server and of the Java API does over HTTP: sign up, get a JWT,
// call the API with it.
import assert from "node:assert/strict";
import { delay } from "./processes.mjs";

/** Signs up over Better Auth's HTTP API as a browser would; returns the session cookie and user. */
export async function signUp(baseURL, email, name = "Matrix Tester") {
  const res = await fetch(`${baseURL}/api/auth/sign-up/email`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Origin: baseURL },
    body: JSON.stringify({ email, password: "correct-horse-battery-1", name }),
  });
  assert.equal(res.status, 200, `sign-up: ${res.status} ${await res.clone().text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  assert.match(cookie, /better-auth\.session_token=/);
  return { cookie, user: (await res.json()).user };
}

/** The JWT from Better Auth's `GET /api/auth/token` for the session in `cookie`. */
export async function tokenFor(baseURL, cookie) {
  const res = await fetch(`${baseURL}/api/auth/token`, { headers: { cookie } });
  assert.equal(res.status, 200, `token: ${res.status}`);
  const { token } = await res.json();
  assert.equal(typeof token, "string");
  return token;
}

/** A call to the Java API with `token` as the bearer token; the body parsed when it is JSON. */
export async function callApi(apiUrl, pathname, token, init = {}) {
  const res = await fetch(`${apiUrl}${pathname}`, {
    ...init,
    headers: {
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...(init.body ? { "Content-Type": "application/json" } : {}),
      ...init.headers,
    },
  });
  const text = await res.text();
  let body = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = text;
  }
  return { status: res.status, headers: res.headers, body };
}

/**
 * `GET /api/me` until it is not 401 (or `timeoutMs` passed). The API learns a new kid by
 * refetching the JWKS, at most once per its minimum refetch interval (SPEC 1.2): right after
 * another new key's fetch, the first try may be early, so acceptance is awaited, not assumed.
 */
export async function meOnceKeyKnown(apiUrl, token, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await callApi(apiUrl, "/api/me", token);
    if (res.status !== 401 || Date.now() > deadline) return res;
    await delay(250);
  }
}
