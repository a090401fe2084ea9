import "server-only";
import { createAuth } from "./auth-config";

/**
 * The Better Auth server for this app: sign-up/sign-in/sign-out, the session cookie,
 * and short-lived JWTs (GET /api/auth/token, public keys at GET /api/auth/jwks) that
 * the Java task API verifies.
 */
export const auth = createAuth();
export type Session = typeof auth.$Infer.Session;
