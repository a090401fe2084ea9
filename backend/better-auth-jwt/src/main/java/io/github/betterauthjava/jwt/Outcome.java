package io.github.betterauthjava.jwt;

import java.util.Locale;

/** Why a token was accepted or refused; the {@code outcome} tag of the verification counter. */
public enum Outcome {
    ACCEPTED,
    CACHED,
    TOO_LONG,
    MALFORMED,
    FORBIDDEN_HEADER,
    BAD_ALGORITHM,
    UNKNOWN_KID,
    /** The token's kid is unknown because the JWKS could not be fetched (down, unreachable, not a JWK set). */
    KEYS_UNAVAILABLE,
    HS256_DISABLED,
    BAD_SIGNATURE,
    EXPIRED,
    NOT_YET_VALID,
    BAD_ISSUER,
    BAD_AUDIENCE,
    SESSION_CACHE,
    NO_SUBJECT,
    /** Required session check, and the token names no session. */
    NO_SESSION,
    /** The token's session was signed out, revoked, deleted, has expired or is another user's. */
    SESSION_ENDED,
    /** The token's session could not be looked up (503). */
    SESSION_UNAVAILABLE,
    ERROR;

    /** The metric tag value: the name in lower case. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
