package io.github.betterauthjava.jwt;

/**
 * The token's signing key cannot be known right now: Better Auth's JWKS could not be fetched
 * (down, slow, not a key set) and the token names a key not already known. Answer 503 with
 * {@code Retry-After}: the token may well be good, and a 401 would make the client sign its
 * person out because of an outage. The message may be shown to the client: it never names the
 * JWKS URL (that goes to the log, where the fetch failure is reported).
 */
public class KeysUnavailableException extends RuntimeException {

    /** @param detail what is wrong, safe to show to the client */
    public KeysUnavailableException(String detail) {
        super(detail);
    }
}
