// A real OpenID Connect provider for the tests: `oidc-provider` (certified OpenID implementation)
// on a free port, with discovery, JWKS-signed ID tokens, PKCE required and one confidential
// client registered for the web app. Its login page is the small form below (a person types an
// email the test registered); consent is granted automatically for the test client.
import { randomBytes } from "node:crypto";
import http from "node:http";
import Provider from "oidc-provider";
import { freePort } from "./processes.mjs";

const escapeHtml = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function loginPage(uid, clientName, error) {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Test IdP sign-in</title></head>
<body>
  <h1>Test IdP</h1>
  <p>Sign in to continue to ${escapeHtml(clientName)}.</p>
  ${error ? `<p role="alert">${escapeHtml(error)}</p>` : ""}
  <form method="post" action="/interaction/${escapeHtml(uid)}/login">
    <label for="login">Email at the IdP</label>
    <input id="login" name="login" type="email" autocomplete="username" required>
    <button type="submit">Continue to ${escapeHtml(clientName)}</button>
  </form>
</body></html>`;
}

async function readForm(req) {
  let body = "";
  for await (const chunk of req) body += chunk;
  return new URLSearchParams(body);
}

/**
 * Starts the provider. `redirectUri` is the app's callback (Better Auth: /api/auth/callback/oidc).
 * `addUser({ email, name, emailVerified })` makes an identity the login form accepts.
 */
export async function startOidcProvider({ redirectUri, clientName = "Tasks" }) {
  const port = await freePort();
  const issuer = `http://localhost:${port}`;
  const client = { clientId: "tasks-web", clientSecret: randomBytes(24).toString("base64url") };
  const users = new Map(); // email → { sub, email, email_verified, name }
  const logins = [];

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: client.clientId,
        client_secret: client.clientSecret,
        client_name: clientName,
        redirect_uris: [redirectUri],
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_post",
      },
    ],
    // Every authorization request must carry a PKCE S256 challenge: proves Better Auth sends one.
    pkce: { required: () => true },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    cookies: { keys: [randomBytes(32).toString("base64url")] },
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    async findAccount(_ctx, sub) {
      const user = [...users.values()].find((u) => u.sub === sub);
      return user && { accountId: sub, claims: async () => ({ ...user }) };
    },
    // Consent for the one test client is implied: grant what it asks for.
    async loadExistingGrant(ctx) {
      const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
      const existing = grantId && (await ctx.oidc.provider.Grant.find(grantId));
      if (existing) return existing;
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
      grant.addOIDCScope(ctx.oidc.params.scope ?? "openid");
      await grant.save();
      return grant;
    },
  });
  provider.on("server_error", (_ctx, err) => console.error("oidc-provider error:", err));

  const callback = provider.callback();
  const server = http.createServer(async (req, res) => {
    const match = req.url.match(/^\/interaction\/([\w-]+)(\/login)?$/);
    if (!match) return callback(req, res);
    try {
      const details = await provider.interactionDetails(req, res);
      if (req.method === "POST" && match[2]) {
        const email = (await readForm(req)).get("login")?.trim().toLowerCase();
        const user = users.get(email);
        if (!user) {
          res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
          return res.end(loginPage(details.uid, clientName, `No account for ${email} at this IdP.`));
        }
        logins.push(email);
        return await provider.interactionFinished(
          req,
          res,
          { login: { accountId: user.sub } },
          { mergeWithLastSubmission: false },
        );
      }
      res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
      res.end(loginPage(details.uid, clientName));
    } catch (err) {
      res.writeHead(400, { "Content-Type": "text/plain" });
      res.end(`interaction failed: ${err.message}`);
    }
  });
  await new Promise((resolve) => server.listen(port, resolve));

  return {
    issuer,
    ...client,
    /** Emails that completed the provider's login form, in order. */
    logins,
    addUser({ email, name, emailVerified = true }) {
      const user = {
        sub: `idp-${randomBytes(6).toString("hex")}`,
        email: email.toLowerCase(),
        email_verified: emailVerified,
        name,
      };
      users.set(user.email, user);
      return user;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
