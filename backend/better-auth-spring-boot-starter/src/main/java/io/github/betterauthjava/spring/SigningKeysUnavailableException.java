package io.github.betterauthjava.spring;

/**
 * The token names a signing key that is not known and Better Auth's JWKS cannot be fetched (the
 * core's {@code KeysUnavailableException}): 503 with {@code Retry-After}, never 401. The JWKS
 * URL and the fetch failure are in the log, not in the answer.
 */
public class SigningKeysUnavailableException extends BetterAuthUnavailableException {

    /** @param detail what is wrong, safe to show to the client */
    public SigningKeysUnavailableException(String detail) {
        super(detail, null);
    }
}
