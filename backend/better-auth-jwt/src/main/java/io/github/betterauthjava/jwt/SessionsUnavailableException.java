package io.github.betterauthjava.jwt;

/**
 * The token names a session whose state cannot be known right now (the session store is down,
 * slow or unreadable). Answer 503 with {@code Retry-After}: not 401, which would sign a person
 * out because of the server's outage, and not a pass, which would let an ended session in.
 * The message may be shown to the client: it says what is wrong and never names the session.
 */
public class SessionsUnavailableException extends RuntimeException {

    /** @param detail what is wrong, safe to show to the client */
    public SessionsUnavailableException(String detail) {
        super(detail);
    }

    /**
     * @param detail what is wrong, safe to show to the client
     * @param cause  the store's failure (logged, never shown)
     */
    public SessionsUnavailableException(String detail, Throwable cause) {
        super(detail, cause);
    }
}
