package io.github.betterauthjava.spring;

/**
 * The token names a session whose state cannot be known right now (the core's
 * {@code SessionsUnavailableException}). Answered with 503 and {@code Retry-After}: not 401,
 * which would sign a person out because of our outage, and not a pass, which would let an ended
 * session in. The message never names the session.
 */
public class SessionCheckUnavailableException extends BetterAuthUnavailableException {

    /** @param detail what is wrong, safe to show to the client */
    public SessionCheckUnavailableException(String detail) {
        super(detail, null);
    }

    /**
     * @param detail what is wrong, safe to show to the client
     * @param cause  the store's failure
     */
    public SessionCheckUnavailableException(String detail, Throwable cause) {
        super(detail, cause);
    }
}
