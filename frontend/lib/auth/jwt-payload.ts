/**
 * The claims of the JWTs this app issues, given to the jwt plugin as `jwt.definePayload`
 * (which REPLACES the default payload, the whole user record). The plugin then adds `iat`,
 * `exp`, `iss` and `aud`, and sets `sub` again from `jwt.getSubject` (default: the user id).
 *
 * `sid` is the Better Auth session's *id*: the Java API looks it up in the `session` table to
 * refuse tokens of ended sessions (SPEC 1.6). Never the session's `token`: that is the cookie
 * credential, and a JWT is readable by anyone who holds it.
 *
 * Plain data in, plain data out, no imports: the e2e contract server loads this same function.
 */
export interface JwtPayloadSource {
  user: { id: string; email: string; name: string };
  session: { id: string };
}

export function jwtPayload({ user, session }: JwtPayloadSource) {
  return { sub: user.id, email: user.email, name: user.name, sid: session.id };
}

/** Every claim a token carries (SPEC 1.2 plus `sid`); tests on both sides of the wire use it. */
export const JWT_CLAIMS = ["sub", "email", "name", "sid", "iat", "exp", "iss", "aud"] as const;
