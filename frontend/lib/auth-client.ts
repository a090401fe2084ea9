import { createAuthClient } from "better-auth/react";
import { jwtClient } from "better-auth/client/plugins";

/** Browser half of Better Auth: same origin, so the httpOnly session cookie rides along. */
export const authClient = createAuthClient({ plugins: [jwtClient()] });
