package io.github.betterauthjava.jwt;

/**
 * Whether an API key is good cannot be known right now (its table is down, slow or unreadable).
 * Answer 503 with {@code Retry-After}: not 401, and not a pass. The message may be shown to the
 * client: it never contains the key or the database's own text.
 */
public class ApiKeysUnavailableException extends RuntimeException {

    /** @param detail what is wrong, safe to show to the client */
    public ApiKeysUnavailableException(String detail) {
        super(detail);
    }

    /**
     * @param detail what is wrong, safe to show to the client
     * @param cause  the store's failure (logged, never shown)
     */
    public ApiKeysUnavailableException(String detail, Throwable cause) {
        super(detail, cause);
    }
}
