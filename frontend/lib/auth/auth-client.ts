import { apiKeyClient } from "@better-auth/api-key/client";
import { createAuthClient } from "better-auth/react";
import { jwtClient, organizationClient, twoFactorClient } from "better-auth/client/plugins";

/**
 * Browser half of Better Auth: same origin, so the httpOnly session cookie rides along.
 * twoFactorClient adds `authClient.twoFactor.*`; the sign-in form reads `twoFactorRedirect`
 * from the sign-in answer itself and shows the code step in place (no page redirect).
 * organizationClient adds `authClient.organization.*` (teams, lib/teams); apiKeyClient `authClient.apiKey.*`
 * (the account page's API keys, lib/api-keys).
 */
export const authClient = createAuthClient({ plugins: [jwtClient(), twoFactorClient(), organizationClient(), apiKeyClient()] });
