package io.github.betterauthjava.spring;

/**
 * The request's API key cannot be checked right now (the core's {@code ApiKeysUnavailableException}).
 * Answered with 503 and {@code Retry-After}, like a session that cannot be checked. The message
 * never contains the key.
 */
public class ApiKeyCheckUnavailableException extends BetterAuthUnavailableException {

    /**
     * @param detail what is wrong, safe to show to the client
     * @param cause  the store's failure
     */
    public ApiKeyCheckUnavailableException(String detail, Throwable cause) {
        super(detail, cause);
    }
}
