// Better Auth's HTTP API as a browser would call it (same-origin Origin header, cookie jar of
// one), and the task API with a Bearer token: for tests that measure without a browser.
import assert from "node:assert/strict";

export class AuthClient {
  constructor(web) {
    this.web = web;
    this.cookies = new Map();
  }

  get cookie() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  /** The session token inside the signed cookie value (`<token>.<signature>`). */
  get sessionToken() {
    const raw = this.cookies.get("better-auth.session_token");
    return raw ? decodeURIComponent(raw).split(".")[0] : null;
  }

  async call(pathname, body) {
    const res = await fetch(`${this.web}/api/auth${pathname}`, {
      method: body === undefined ? "GET" : "POST",
      headers: {
        Origin: this.web,
        ...(this.cookies.size ? { cookie: this.cookie } : {}),
        ...(body === undefined ? {} : { "Content-Type": "application/json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair, ...attrs] = c.split(";");
      const i = pair.indexOf("=");
      const [name, value] = [pair.slice(0, i).trim(), pair.slice(i + 1)];
      if (value === "" || attrs.some((a) => /^\s*max-age=0\s*$/i.test(a))) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return { status: res.status, body: await bodyOf(res) };
  }

  async ok(pathname, body) {
    const res = await this.call(pathname, body);
    assert.equal(res.status, 200, `${pathname}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  signUp({ email, password, name }) {
    return this.ok("/sign-up/email", { email, password, name });
  }

  signIn({ email, password }) {
    return this.ok("/sign-in/email", { email, password });
  }

  async token() {
    return (await this.ok("/token")).token;
  }

  async session() {
    return (await this.ok("/get-session"))?.session ?? null;
  }
}

/** Calls the Java API with a Bearer token; the body parsed when JSON. */
export async function callApi(api, pathname, token, init = {}) {
  const res = await fetch(`${api}${pathname}`, {
    ...init,
    headers: { Authorization: `Bearer ${token}`, ...(init.body ? { "Content-Type": "application/json" } : {}) },
  });
  return { status: res.status, headers: res.headers, body: await bodyOf(res) };
}

/** The response body: parsed when JSON, the text otherwise, null when empty. */
async function bodyOf(res) {
  const text = await res.text();
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return text;
  }
}
