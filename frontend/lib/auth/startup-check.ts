import { ssoEnv } from "../sign-in/auth-sso";

// A half-configured sign-in provider (say OIDC_ISSUER without OIDC_CLIENT_SECRET) stops the start
// with the variables' names, instead of surfacing on the first request. (`npm run migrate`, which
// run.sh runs first, refuses the same way.)
try {
  ssoEnv();
} catch (err) {
  console.error(`Tasks web app not started: ${err instanceof Error ? err.message : err}`);
  process.exit(1);
}
