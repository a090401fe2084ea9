package io.github.betterauthjava.spring;

import org.springframework.security.core.AuthenticationException;

/**
 * The token names a session whose state cannot be known right now (the core's
 * {@code SessionsUnavailableException}). Answered with 503 and {@code Retry-After}: not 401,
 * which would sign a person out because of our outage, and not a pass, which would let an ended
 * session in.
 *
 * <p>An {@link AuthenticationException} but deliberately not an
 * {@code AuthenticationServiceException}: Spring Security 7 rethrows those out of the filter
 * chain (a 500), while other authentication exceptions reach the entry point, which answers 503.
 * The message is shown to the client as the problem {@code detail}: it says what is wrong and
 * never names the session.
 */
public class SessionCheckUnavailableException extends AuthenticationException {

    /** @param detail what is wrong, safe to show to the client */
    public SessionCheckUnavailableException(String detail) {
        super(detail);
    }

    /**
     * @param detail what is wrong, safe to show to the client
     * @param cause  the store's failure
     */
    public SessionCheckUnavailableException(String detail, Throwable cause) {
        super(detail, cause);
    }
}
